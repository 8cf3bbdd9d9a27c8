"""Small dialogs for the pairing page: a dated status change (introduce, activate, pause,
resume) and the pairing's arrangements (how they meet, length, reviews, goals)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QSpinBox, QWidget

from peerdesk.services import Services
from peerdesk.services.mentoring.views import MAX_GOALS, PairingPlan
from peerdesk.ui.projects.project_choice import ProjectChoice
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import minutes_box, vocabulary_combo
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.vocabulary import MeetingFrequency, MeetingMode


class StatusChangeDialog(RecordDialog):
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
        super().__init__(
            services,
            parent,
            title=title,
            intro=explanation,
            accept_button=QDialogButtonBox.StandardButton.Ok,
        )
        self.change = change
        self.on = self.rows.add(
            "&Date", DateBox(services.today(), today=services.today), field="changed_on"
        )
        self.note = self.rows.add("&Note", QLineEdit(), field="note")
        self.rows.set_visible("note", with_note)

    def write(self) -> None:
        self.change(self.on.day(), self.note.text())


class ArrangementsDialog(RecordDialog):
    """How often, how and where they meet, the planned length, review weeks and goals."""

    def __init__(self, services: Services, pairing_id: int, parent: QWidget | None = None) -> None:
        pairing = services.pairings.get(pairing_id)
        super().__init__(services, parent, title=f"Arrangements for {pairing.reference}")
        self.pairing_id = pairing_id
        goals = list(pairing.goals)
        rows = self.rows
        self.frequency = rows.add(
            "How &often",
            vocabulary_combo(MeetingFrequency, pairing.meeting_frequency),
            field="meeting_frequency",
        )
        self.mode = rows.add(
            "&How", vocabulary_combo(MeetingMode, pairing.usual_mode), field="usual_mode"
        )
        self.place = rows.add("Usual &place", QLineEdit(pairing.usual_place), field="usual_place")
        self.duration = rows.add(
            "Usual &length",
            minutes_box(pairing.usual_duration_minutes),
            field="usual_duration_minutes",
        )
        self.weeks = QSpinBox()
        self.weeks.setRange(0, 520)
        self.weeks.setSpecialValueText("Open-ended")
        self.weeks.setSuffix(" weeks")
        self.weeks.setValue(pairing.planned_length_weeks or 0)
        rows.add("Planned le&ngth", self.weeks, field="planned_length_weeks")
        self.reviews = rows.add(
            "&Reviews at (weeks)",
            QLineEdit(pairing.review_schedule_weeks),
            field="review_schedule_weeks",
            tip="Weeks after the start, e.g. 6, 13, 26. Leave blank for the organisation's usual.",
        )
        self.reviews.setPlaceholderText("The organisation's usual schedule")
        # Only when the organisation has projects; it started as its referral's.
        self.project = rows.add(
            "Pro&ject", ProjectChoice(services, pairing.project_id), field="project_id"
        )
        rows.set_visible("project_id", self.project.has_choices)
        self.goals: list[QLineEdit] = []
        for number in range(1, MAX_GOALS + 1):
            text = goals[number - 1] if number <= len(goals) else ""
            # Problems with the goals as a whole are shown under the first.
            field = "goals" if number == 1 else f"goal_{number}"
            self.goals.append(rows.add(f"Goal &{number}", QLineEdit(text), field=field))

    def write(self) -> None:
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
            project_id=self.project.value(),
        )
        self.services.pairings.update_arrangements(self.pairing_id, plan)
