"""Add or edit a person: details, roles (when adding) and conditions, saved all at once.

A problem is shown under the input it concerns, in plain English, and the keyboard focus
moves there. Escape or Cancel closes without saving anything.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.services.people.views import ConditionEntry, PersonDetails, PersonView
from peerdesk.ui.people.condition_completer import offer_conditions
from peerdesk.ui.widgets import DateBox, FormRows
from peerdesk.ui.widgets.form_rows import NO_AGE, age_box, age_or_none, text_area
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.tab_pages import TabPage, show_tab_holding
from peerdesk.vocabulary import ConditionLink, Gender, Role, YesNoPreferNot

#: Inputs for the three ways a person can relate to a condition.
CONDITION_FIELDS = (
    (ConditionLink.LIVES_WITH, "&Lives with", "conditions_lives_with"),
    (ConditionLink.CARES_FOR, "Cares &for someone with", "conditions_cares_for"),
    (ConditionLink.LIVED_EXPERIENCE, "Lived e&xperience of", "conditions_lived_experience"),
)
#: The roles' tick boxes (adding only), each with an access key of its own on its tab.
ROLE_TEXTS = {
    Role.MENTOR: "Ment&or",
    Role.MENTEE: "Men&tee",
    Role.CARER: "Car&er",
    Role.GROUP_MEMBER: "Gro&up member",
    Role.FACILITATOR: "Fac&ilitator",
}


def _choice_box(options: list[tuple[str, str | None]]) -> QComboBox:
    box = QComboBox()
    for text, value in options:
        box.addItem(text, value)
    return box


def _set_choice(box: QComboBox, value: str | None) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


class PersonDialog(RecordDialog):
    """`PersonDialog(services)` adds a person; `PersonDialog(services, person_id=7)` edits."""

    #: Problems with the conditions as a whole are shown under the first box of them.
    field_aliases: ClassVar[dict[str, str]] = {"conditions": "conditions_lives_with"}

    def __init__(
        self, services: Services, person_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            services,
            parent,
            title="Add a person" if person_id is None else "Edit details",
            intro="Only a first name is needed. Fill in what you know now; you can add the "
            "rest later.",
        )
        self.person_id = person_id
        self.saved_person: PersonView | None = None
        self._build()
        if person_id is not None:
            self._load(person_id)
        self.first_name.setFocus()
        self.resize(self.sizeHint().width() + 80, min(720, self.sizeHint().height() + 200))

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        # Four tabs, not one long scroll: the form fits a laptop at the largest text, and
        # every input has an access key of its own among those on screen (thirty inputs in
        # one page cannot: there are 26 letters). Ctrl+Tab moves between the tabs.
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Parts of the person's record")
        self.body.addWidget(self.tabs, 1)
        self._build_about(self._tab("&About them"))
        self._build_contact(self._tab("&Contact"))
        self._build_needs(self._tab("Co&nditions and needs"))
        self._build_more(self._tab("&Matching, monitoring and notes"))

    def _build_about(self, column: QVBoxLayout) -> None:
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.preferred_name = QLineEdit()
        self.pronouns = QLineEdit()
        self.pronouns.setPlaceholderText("for example she/her, they/them")
        # The calendar opens decades back, not at today, for a date of birth.
        today = self.services.today
        self.date_of_birth = DateBox(
            optional=True, today=today, opens_at=date(today().year - 40, 1, 1)
        )
        self.gender = _choice_box([("Not recorded", None)] + [(g.label, g.value) for g in Gender])
        about = self._section(column)
        self.rows = self.adopt_form(FormRows(about))
        self.rows.add("&First name (needed)", self.first_name, field="first_name")
        self.rows.add("&Last name", self.last_name, field="last_name")
        self.rows.add(
            "&Preferred name",
            self.preferred_name,
            field="preferred_name",
            help_text="The name they like to be called, if different.",
        )
        self.rows.add("P&ronouns", self.pronouns, field="pronouns")
        self.rows.add("&Date of birth", self.date_of_birth, field="date_of_birth")
        self.rows.add("&Gender", self.gender, field="gender")
        # A paid facilitator or trainer: their hours stay out of the volunteer figures.
        self.staff = self.rows.add_wide(
            QCheckBox("&Staff member: their time is not counted as volunteer time")
        )
        self.staff.setAccessibleName("Staff member")
        self._build_roles(column)
        column.addStretch(1)

    def _build_contact(self, column: QVBoxLayout) -> None:
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = text_area(3)
        self.postcode = QLineEdit()
        self.area = QComboBox()
        self.area.setEditable(True)
        self.area.addItem("")
        self.area.addItems(self.services.people.areas())
        self.area.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        contact = self._section(column)
        self.contact_rows = self.adopt_form(FormRows(contact))
        self.contact_rows.add("&Phone", self.phone, field="phone")
        self.contact_rows.add("&Email", self.email, field="email")
        self.contact_rows.add("A&ddress", self.address, field="address")
        self.contact_rows.add("Pos&tcode", self.postcode, field="postcode")
        self.contact_rows.add(
            "A&rea", self.area, field="area", help_text="The local authority area they live in."
        )
        line = self.area.lineEdit()
        if line is not None:
            # The typing part of the box is what a screen reader is on: named as the box.
            line.setAccessibleName(self.area.accessibleName())
        column.addStretch(1)

    def _build_roles(self, column: QVBoxLayout) -> None:
        self.role_boxes: dict[Role, QCheckBox] = {}
        if self.person_id is None:
            roles_box = QGroupBox("Roles")
            roles_layout = QHBoxLayout(roles_box)
            for role in Role:
                box = QCheckBox(ROLE_TEXTS.get(role, role.label))
                self.role_boxes[role] = box
                roles_layout.addWidget(box)
            roles_layout.addStretch(1)
            column.addWidget(roles_box)

    def _build_needs(self, column: QVBoxLayout) -> None:
        self.condition_edits: dict[ConditionLink, QLineEdit] = {}
        needs = self._section(column)
        self.needs_rows = self.adopt_form(FormRows(needs))
        # The shared list (Settings ▸ Conditions) is offered while typing; a new name typed
        # becomes a new entry when saved.
        choices = self.services.conditions.listing().choices
        for link, label, field in CONDITION_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText("for example ME/CFS, long Covid")
            offer_conditions(edit, choices)
            self.condition_edits[link] = edit
            self.needs_rows.add(label, edit, field=field)
        self.needs_rows.labels["conditions_lives_with"].setToolTip(
            "Separate conditions with commas. The conditions list is offered as you type."
        )
        self.access_needs = text_area(2)
        self.energy_needs = text_area(2)
        self.energy_needs.setPlaceholderText("for example short sessions, mornings only")
        self.large_print = QCheckBox("Needs large &print forms")
        self.needs_rows.add("Access need&s", self.access_needs, field="access_needs")
        self.needs_rows.add("&Energy needs", self.energy_needs, field="energy_needs")
        needs.addRow(self.large_print)
        column.addStretch(1)

    def _build_more(self, column: QVBoxLayout) -> None:
        self.preferred_gender = _choice_box(
            [("No preference", None)] + [(g.label, g.value) for g in Gender]
        )
        self.age_min = age_box()
        self.age_max = age_box()
        self.ethnicity = QLineEdit()
        self.disability = _choice_box(
            [("Not recorded", None)] + [(a.label, a.value) for a in YesNoPreferNot]
        )
        self.carer_status = _choice_box(
            [("Not recorded", None)] + [(a.label, a.value) for a in YesNoPreferNot]
        )
        self.notes = text_area(3)
        more = self._section(column)
        self.more_rows = self.adopt_form(FormRows(more))
        self.more_rows.add(
            "&Preferred mentor's gender", self.preferred_gender, field="preferred_mentor_gender"
        )
        self.more_rows.add(
            "Preferred mentor aged &from", self.age_min, field="preferred_mentor_age_min"
        )
        self.more_rows.add(
            "Preferred mentor aged &to", self.age_max, field="preferred_mentor_age_max"
        )
        self.more_rows.add("&Ethnicity (in their words)", self.ethnicity, field="ethnicity")
        self.more_rows.add("&Disabled (their answer)", self.disability, field="disability")
        self.more_rows.add("A ca&rer (their answer)", self.carer_status, field="carer_status")
        self.more_rows.add(
            "N&otes",
            self.notes,
            field="notes",
            help_text="Short and factual: the person may ask to see their record.",
        )

    def _tab(self, title: str) -> QVBoxLayout:
        """A tab whose inputs scroll on their own when the window is short."""
        scroll = TabPage(self.tabs)
        content = QWidget()
        scroll.setWidget(content)
        self.tabs.addTab(scroll, title)
        return QVBoxLayout(content)

    @staticmethod
    def _section(column: QVBoxLayout) -> QFormLayout:
        form = QFormLayout()
        column.addLayout(form)
        return form

    def reveal(self, widget: QWidget) -> None:
        """A problem with an input on another tab shows that tab first, so the input can take
        the keyboard and the problem is seen (and said once)."""
        show_tab_holding(self.tabs, widget)

    def saved_words(self) -> str:
        person = self.saved_person
        if person is None:
            return super().saved_words()
        if self.person_id is None:
            return f"{person.display_name} added."
        return f"Changes to {person.display_name} saved."

    # -- loading and saving ----------------------------------------------------------------
    def _load(self, person_id: int) -> None:
        person = self.services.people.get(person_id)
        d = person.details
        self.first_name.setText(d.first_name)
        self.last_name.setText(d.last_name)
        self.preferred_name.setText(d.preferred_name)
        self.pronouns.setText(d.pronouns)
        self.date_of_birth.set_value(d.date_of_birth)
        _set_choice(self.gender, d.gender)
        self.phone.setText(d.phone)
        self.email.setText(d.email)
        self.address.setPlainText(d.address)
        self.postcode.setText(d.postcode)
        self.area.setCurrentText(d.area)
        for link, edit in self.condition_edits.items():
            names = [c.name for c in self.services.people.conditions(person_id) if c.link is link]
            edit.setText(", ".join(names))
        self.access_needs.setPlainText(d.access_needs)
        self.energy_needs.setPlainText(d.energy_needs)
        self.large_print.setChecked(d.needs_large_print)
        self.staff.setChecked(d.is_staff)
        _set_choice(self.preferred_gender, d.preferred_mentor_gender)
        self.age_min.setValue(d.preferred_mentor_age_min or NO_AGE)
        self.age_max.setValue(d.preferred_mentor_age_max or NO_AGE)
        self.ethnicity.setText(d.ethnicity or "")
        _set_choice(self.disability, d.disability)
        _set_choice(self.carer_status, d.carer_status)
        self.notes.setPlainText(d.notes)
        self._original = d

    def details(self) -> PersonDetails:
        base = getattr(self, "_original", PersonDetails(first_name=""))
        return replace(
            base,
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            preferred_name=self.preferred_name.text(),
            pronouns=self.pronouns.text(),
            date_of_birth=self.date_of_birth.value(),
            gender=self.gender.currentData(),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.toPlainText(),
            postcode=self.postcode.text().upper(),
            area=self.area.currentText(),
            access_needs=self.access_needs.toPlainText(),
            energy_needs=self.energy_needs.toPlainText(),
            needs_large_print=self.large_print.isChecked(),
            preferred_mentor_gender=self.preferred_gender.currentData(),
            preferred_mentor_age_min=age_or_none(self.age_min),
            preferred_mentor_age_max=age_or_none(self.age_max),
            ethnicity=self.ethnicity.text() or None,
            disability=self.disability.currentData(),
            carer_status=self.carer_status.currentData(),
            notes=self.notes.toPlainText(),
            is_staff=self.staff.isChecked(),
        )

    def conditions(self) -> list[ConditionEntry]:
        entries = []
        for link, edit in self.condition_edits.items():
            for name in edit.text().split(","):
                if name.strip():
                    entries.append(ConditionEntry(name.strip(), link))
        return entries

    def roles(self) -> list[Role]:
        return [role for role, box in self.role_boxes.items() if box.isChecked()]

    def write(self) -> None:
        if self.person_id is None:
            self.saved_person = self.services.people.add(
                self.details(), roles=self.roles(), conditions=self.conditions()
            )
        else:
            self.saved_person = self.services.people.update(
                self.person_id, self.details(), conditions=self.conditions()
            )

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Escape always cancels, even from a multi-line input (asking first when changed).
        if event.key() == Qt.Key.Key_Escape:
            if self.may_close():
                self.reject()
            return
        super().keyPressEvent(event)
