"""Small dialogs for the pairing page: a dated status change (introduce, activate, pause,
resume) and the pairing's arrangements (how they meet, length, reviews, goals)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.pairings import MAX_GOALS, PairingPlan
from peerdesk.ui.pairings.fields import (
    ProblemLabel,
    add_row,
    date_edit,
    date_of,
    vocabulary_combo,
)
from peerdesk.vocabulary import MeetingFrequency, MeetingMode


class StatusChangeDialog(QDialog):
    """Ask for the date (and a note, for a pause) of one lifecycle step, then take it."""

    def __init__(
        self,
        services: Services,
        title: str,
        explanation: str,
        change: Callable[[date, str], object],
        parent: QWidget | None = None,
        *,
        with_note: bool = False,
    ) -> None:
        super().__init__(parent)
        self.change = change
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        words = QLabel(explanation)
        words.setWordWrap(True)
        layout.addWidget(words)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        form = QFormLayout()
        layout.addLayout(form)
        self.on = add_row(form, "&Date:", date_edit(services.today(), self, today=services.today))
        self.note = add_row(form, "&Note:", QLineEdit(self))
        self.note.setVisible(with_note)
        label = form.labelForField(self.note)
        if label is not None:
            label.setVisible(with_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> bool:
        self.problem.clear_error()
        try:
            self.change(date_of(self.on), self.note.text())
        except PeerdeskError as error:
            self.problem.show_error(error, {"changed_on": self.on})
            return False
        return True

    def _on_ok_clicked(self) -> None:
        if self.save():
            self.accept()


class ArrangementsDialog(QDialog):
    """How often, how and where they meet, the planned length, review weeks and goals."""

    def __init__(self, services: Services, pairing_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.pairing_id = pairing_id
        pairing = services.pairings.get(pairing_id)
        goals = services.pairings.goals(pairing_id)
        self.setWindowTitle(f"Arrangements for {pairing.reference}")
        layout = QVBoxLayout(self)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        form = QFormLayout()
        layout.addLayout(form)
        self.frequency = add_row(
            form,
            "How &often:",
            vocabulary_combo(MeetingFrequency, pairing.meeting_frequency, self),
        )
        self.mode = add_row(form, "&How:", vocabulary_combo(MeetingMode, pairing.usual_mode, self))
        self.place = add_row(form, "Usual &place:", QLineEdit(pairing.usual_place, self))
        self.duration = QSpinBox(self)
        self.duration.setRange(0, 600)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" minutes")
        self.duration.setValue(pairing.usual_duration_minutes)
        add_row(form, "Usual &length:", self.duration)
        self.weeks = QSpinBox(self)
        self.weeks.setRange(0, 520)
        self.weeks.setSpecialValueText("Open-ended")
        self.weeks.setSuffix(" weeks")
        self.weeks.setValue(pairing.planned_length_weeks or 0)
        add_row(form, "Planned le&ngth:", self.weeks)
        self.reviews = add_row(
            form,
            "&Reviews at (weeks):",
            QLineEdit(pairing.review_schedule_weeks, self),
            "Weeks after the start, e.g. 6, 13, 26. Leave blank for the organisation's usual.",
        )
        self.reviews.setPlaceholderText("The organisation's usual schedule")
        self.goals: list[QLineEdit] = []
        for number in range(1, MAX_GOALS + 1):
            edit = QLineEdit(goals[number - 1] if number <= len(goals) else "", self)
            add_row(form, f"Goal &{number}:", edit)
            self.goals.append(edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fields: dict[str, QWidget] = {
            "meeting_frequency": self.frequency,
            "usual_mode": self.mode,
            "usual_place": self.place,
            "usual_duration_minutes": self.duration,
            "planned_length_weeks": self.weeks,
            "review_schedule_weeks": self.reviews,
            "goals": self.goals[0],
        }

    def save(self) -> bool:
        self.problem.clear_error()
        pairing = self.services.pairings.get(self.pairing_id)
        plan = PairingPlan(
            mentor_id=pairing.mentor_id,
            mentee_id=pairing.mentee_id,
            planned_length_weeks=self.weeks.value() or None,
            meeting_frequency=str(self.frequency.currentData()),
            usual_mode=str(self.mode.currentData()),
            usual_place=self.place.text(),
            usual_duration_minutes=self.duration.value(),
            review_schedule_weeks=self.reviews.text(),
            goals=tuple(edit.text() for edit in self.goals),
        )
        try:
            self.services.pairings.update_arrangements(self.pairing_id, plan)
        except PeerdeskError as error:
            self.problem.show_error(error, self.fields)
            return False
        return True

    def _on_save_clicked(self) -> None:
        if self.save():
            self.accept()
