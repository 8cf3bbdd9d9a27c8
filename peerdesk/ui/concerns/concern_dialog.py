"""Raising a concern, or correcting one: who or what it is about, category, level, what
happened, what was done at once and who was told."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from peerdesk.services import Services
from peerdesk.services.concerns.views import CATEGORY_SUGGESTIONS, ConcernInput, ConcernRecord
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import select_data, text_area, vocabulary_combo
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.vocabulary import ConcernLevel

#: (kind, id) of a subject chosen in the "about" box.
Subject = tuple[str, int]


class ConcernDialog(RecordDialog):
    """New concern (about `subject` when raised from a page), or editing one (`edit`)."""

    concern_saved = Signal(int)
    field_aliases = {"about_person_id": "about", "pairing_id": "about", "group_id": "about"}

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, subject: Subject | None = None
    ) -> None:
        super().__init__(
            services,
            parent,
            title="Raise a concern",
            intro="Write down the facts: what was said or seen, what was done at once and who "
            "you told. If someone is in danger now, act first and write it down afterwards.",
        )
        rows, today = self.rows, services.today
        self.about = rows.add("A&bout", QComboBox(), field="about")
        self.about.addItem("Choose a person, pairing or group", None)
        for choice in services.concerns.subjects():
            self.about.addItem(choice.label, _key((choice.kind, choice.id)))
        if subject is not None:
            select_data(self.about, _key(subject))
        self.raised_on = rows.add("&Raised on", DateBox(today(), today=today), field="raised_on")
        self.level = rows.add("&Level", vocabulary_combo(ConcernLevel), field="level")
        select_data(self.level, ConcernLevel.CONCERN.value)
        self.category = rows.add("Cate&gory", QComboBox(), field="category")
        self.category.setEditable(True)
        self.category.addItem("")
        self.category.addItems(list(CATEGORY_SUGGESTIONS))
        self.what = rows.add("&What happened", text_area(3), field="what")
        self.action = rows.add("&Immediate action", text_area(2), field="action_taken")
        self.who_was_told = rows.add("W&ho was told", QLineEdit(), field="who_was_told")
        self.saved: ConcernRecord | None = None
        self._kept: ConcernRecord | None = None

    def load(self, view: ConcernRecord) -> None:
        if view.about_person_id is not None:
            select_data(self.about, _key(("person", view.about_person_id)))
        elif view.pairing_id is not None:
            select_data(self.about, _key(("pairing", view.pairing_id)))
        elif view.group_id is not None:
            select_data(self.about, _key(("group", view.group_id)))
        self.raised_on.set_value(view.raised_on)
        select_data(self.level, view.level)
        self.category.setCurrentText(view.category)
        self.what.setPlainText(view.what)
        self.action.setPlainText(view.action_taken)
        self.who_was_told.setText(view.who_was_told)
        self._kept = view

    def details(self) -> ConcernInput:
        chosen = self.about.currentData()
        kind, _, number = chosen.partition(":") if isinstance(chosen, str) else ("", "", "")
        subject_id = int(number) if number else None
        kept = self._kept
        # Editing keeps the subjects not shown in the box (a pairing and a person both).
        return ConcernInput(
            raised_on=self.raised_on.day(),
            what=self.what.toPlainText(),
            about_person_id=subject_id if kind == "person" else None,
            pairing_id=subject_id
            if kind == "pairing"
            else (kept.pairing_id if kept and kind == "person" else None),
            group_id=subject_id if kind == "group" else None,
            category=self.category.currentText(),
            level=str(self.level.currentData()),
            action_taken=self.action.toPlainText(),
            who_was_told=self.who_was_told.text(),
        )

    def add_record(self) -> None:
        self.saved = self.services.concerns.raise_concern(self.details())
        self.concern_saved.emit(self.saved.id)

    def update_record(self, record_id: int) -> None:
        self.saved = self.services.concerns.update(record_id, self.details())
        self.concern_saved.emit(self.saved.id)


def _key(subject: Subject) -> str:
    """A subject as the box holds it ("person:12": Qt keeps a string as it is)."""
    return f"{subject[0]}:{subject[1]}"
