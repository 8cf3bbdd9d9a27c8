"""Recording a volunteer's journey: a step, a disclosure check, training, supervision."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from peerdesk.services import Services
from peerdesk.services.volunteers.views import (
    DisclosureCheckView,
    SupervisionView,
    TrainingView,
)
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import minutes_box
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.vocabulary import DisclosureLevel, DisclosureScheme, MeetingMode, VolunteerStage


def _combo(items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    for text, value in items:
        box.addItem(text, value)
    return box


def _choose(box: QComboBox, value: str) -> None:
    """Choose the item whose data is `value` (a saved record's vocabulary value)."""
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)


def _minutes(default: int) -> QSpinBox:
    return minutes_box(default, maximum=24 * 60)


def _notes() -> QPlainTextEdit:
    area = QPlainTextEdit()
    area.setTabChangesFocus(True)
    area.setMaximumHeight(area.fontMetrics().lineSpacing() * 4 + 12)
    return area


class VolunteerDialog(RecordDialog):
    """A small record about one volunteer: a subclass adds its inputs in `build()`."""

    title = ""
    explanation = ""
    #: The title when it opens on a saved record.
    edit_title = ""

    def __init__(self, services: Services, person_id: int, parent: QWidget | None = None):
        super().__init__(services, parent, title=self.title, intro=self.explanation)
        self.person_id = person_id
        self.build()

    def build(self) -> None:
        raise NotImplementedError

    def edit_view(self, record_id: int, view: object) -> None:
        """Open on the saved record `view`, editing it."""
        self.edit(record_id, view, title=self.edit_title)

    def date_box(self, value: date | None = None, *, optional: bool = False) -> DateBox:
        """A date box that knows the services' today ("today" typed, the calendar's start);
        a required date starts at today."""
        if value is None and not optional:
            value = self.services.today()
        return DateBox(value, optional=optional, today=self.services.today)


class StageDialog(VolunteerDialog):
    title = "Record a step in the volunteer journey"

    def build(self) -> None:
        self.stage = _combo([(s.label, s.value) for s in VolunteerStage])
        current = self.services.volunteers.current_stage(self.person_id)
        stages = list(VolunteerStage)
        if current is not None and current in stages[:-3]:
            self.stage.setCurrentIndex(stages.index(current) + 1)
        self.on = self.date_box()
        self.reason = QLineEdit()
        self.rows.add("&Step reached", self.stage, field="stage")
        self.rows.add("&On", self.on, field="changed_on")
        self.rows.add(
            "&Reason or note", self.reason, field="reason", help_text="Needed if they have left."
        )

    def write(self) -> None:
        self.services.volunteers.record_stage(
            self.person_id,
            self.stage.currentData(),
            on=self.on.day(),
            reason=self.reason.text(),
        )


class DisclosureCheckDialog(VolunteerDialog):
    title = "Add a disclosure check"
    explanation = "A PVG check in Scotland, or a DBS check in England and Wales."
    edit_title = "Edit disclosure check"

    def build(self) -> None:
        self.scheme = _combo([(s.label, s.value) for s in DisclosureScheme])
        self.level = _combo([(level.label, level.value) for level in DisclosureLevel])
        self.reference = QLineEdit()
        self.issued = self.date_box()
        self.renewal = self.date_box(optional=True)
        self.rows.add("S&cheme", self.scheme, field="scheme")
        self.rows.add("&Level", self.level, field="level")
        self.rows.add("Reference &number", self.reference, field="reference_number")
        self.rows.add("&Issued on", self.issued, field="issue_date")
        self.rows.add(
            "&Renew by",
            self.renewal,
            field="renewal_date",
            help_text="Today will remind you before this date.",
        )

    def load(self, view: DisclosureCheckView) -> None:
        _choose(self.scheme, view.scheme)
        _choose(self.level, view.level)
        self.reference.setText(view.reference_number)
        self.issued.set_value(view.issue_date)
        self.renewal.set_value(view.renewal_date)

    def _values(self) -> dict[str, Any]:
        return {
            "scheme": self.scheme.currentData(),
            "level": self.level.currentData(),
            "issue_date": self.issued.day(),
            "reference_number": self.reference.text(),
            "renewal_date": self.renewal.value(),
        }

    def add_record(self) -> None:
        self.services.volunteers.add_disclosure_check(self.person_id, **self._values())

    def update_record(self, record_id: int) -> None:
        self.services.volunteers.update_disclosure_check(record_id, **self._values())


class TrainingDialog(VolunteerDialog):
    title = "Record training"
    edit_title = "Edit training"

    def build(self) -> None:
        # The course's modules, in their order (Settings ▸ Training modules): chosen, not
        # typed, so each record counts towards being trained.
        self.module = QComboBox()
        self.module.addItems([m.name for m in self.services.training.modules(False)])
        self.on = self.date_box()
        self.duration = _minutes(120)
        self.completed = QCheckBox("&Completed")
        self.completed.setChecked(True)
        self.rows.add("&Module", self.module, field="module")
        self.rows.add("&On", self.on, field="training_date")
        self.rows.add("&How long", self.duration, field="duration_minutes")
        self.rows.add_wide(self.completed)

    def load(self, view: TrainingView) -> None:
        if self.module.findText(view.module) < 0:
            # Recorded before modules were tracked, or since retired: kept as it was.
            self.module.addItem(view.module)
        self.module.setCurrentText(view.module)
        self.on.set_value(view.training_date)
        self.duration.setValue(view.duration_minutes)
        self.completed.setChecked(view.completed)

    def _values(self) -> dict[str, Any]:
        return {
            "module": self.module.currentText(),
            "on": self.on.day(),
            "duration_minutes": self.duration.value(),
            "completed": self.completed.isChecked(),
        }

    def add_record(self) -> None:
        self.services.volunteers.record_training(self.person_id, **self._values())

    def update_record(self, record_id: int) -> None:
        self.services.volunteers.update_training(record_id, **self._values())


class SupervisionDialog(VolunteerDialog):
    title = "Record supervision"
    edit_title = "Edit supervision"

    def build(self) -> None:
        self.on = self.date_box()
        self.mode = _combo([(m.label, m.value) for m in MeetingMode])
        self.duration = _minutes(60)
        self.wellbeing = _notes()
        self.training_needs = _notes()
        self.actions_notes = _notes()
        self.next_date = self.date_box(optional=True)
        self.rows.add("&On", self.on, field="supervision_date")
        self.rows.add("&How you met", self.mode, field="mode")
        self.rows.add("How &long", self.duration, field="duration_minutes")
        self.rows.add("Their &wellbeing", self.wellbeing, field="wellbeing")
        self.rows.add("&Training needs", self.training_needs, field="training_needs")
        self.rows.add("&Actions", self.actions_notes, field="actions")
        self.rows.add("&Next supervision", self.next_date, field="next_date")

    def load(self, view: SupervisionView) -> None:
        self.on.set_value(view.supervision_date)
        _choose(self.mode, view.mode)
        self.duration.setValue(view.duration_minutes)
        self.wellbeing.setPlainText(view.wellbeing)
        self.training_needs.setPlainText(view.training_needs)
        self.actions_notes.setPlainText(view.actions)
        self.next_date.set_value(view.next_date)

    def _values(self) -> dict[str, Any]:
        return {
            "on": self.on.day(),
            "mode": self.mode.currentData(),
            "duration_minutes": self.duration.value(),
            "wellbeing": self.wellbeing.toPlainText(),
            "training_needs": self.training_needs.toPlainText(),
            "actions": self.actions_notes.toPlainText(),
            "next_date": self.next_date.value(),
        }

    def add_record(self) -> None:
        self.services.volunteers.record_supervision(self.person_id, **self._values())

    def update_record(self, record_id: int) -> None:
        self.services.volunteers.update_supervision(record_id, **self._values())
