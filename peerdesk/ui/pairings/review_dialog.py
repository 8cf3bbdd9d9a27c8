"""Recording a review of a pairing: sessions held vs planned (filled in from the log),
progress on each goal, what is working, and the decision: continue, adjust or end."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from peerdesk.services import Services
from peerdesk.services.mentoring.views import ReviewEntry, ReviewView
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import vocabulary_combo
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.words import heading_day
from peerdesk.vocabulary import ReviewDecision


class ReviewDialog(RecordDialog):
    review_saved = Signal(int)

    def __init__(self, services: Services, pairing_id: int, parent: QWidget | None = None) -> None:
        pairing = services.pairings.get(pairing_id)
        due = services.reviews.next_due(pairing_id)
        super().__init__(
            services,
            parent,
            title=f"Review of {pairing.reference}",
            intro=f"Review due {heading_day(due.due)}."
            if due
            else "No review is due by the schedule.",
        )
        self.pairing_id = pairing_id
        self.saved: ReviewView | None = None
        self.goals = list(pairing.goals)
        self.setMinimumWidth(620)
        rows, today = self.rows, services.today
        self.review_date = rows.add(
            "Review &date", DateBox(today(), today=today), field="review_date"
        )
        self.review_date.date_changed.connect(self._on_review_date_changed)
        self.held = rows.add("Sessions &held", QSpinBox(), field="sessions_held")
        self.planned = rows.add(
            "Sessions &planned",
            QSpinBox(),
            field="sessions_planned",
            help_text="Both filled in from the session log and how often they meet.",
        )
        for box in (self.held, self.planned):
            box.setRange(0, 1000)
        self.progress: list[QLineEdit] = []
        for number, goal in enumerate(self.goals or ["(no goals recorded)"], start=1):
            # The goal itself under the box: a long goal as the caption made the form too
            # wide for its inputs.
            edit = rows.add(f"Goal &{number}", QLineEdit(), field=f"goal_{number}", help_text=goal)
            edit.setPlaceholderText("How it is going")
            edit.setAccessibleName(f"Progress on goal {number}")
            self.progress.append(edit)
        self.working = rows.add("What is &working", QPlainTextEdit(), field="what_is_working")
        self.concerns = rows.add("&Concerns", QPlainTextEdit(), field="concerns")
        for text_box in (self.working, self.concerns):
            text_box.setTabChangesFocus(True)
            text_box.setFixedHeight(60)
        self.decision = rows.add("D&ecision", vocabulary_combo(ReviewDecision), field="decision")
        self.set_next = rows.add(
            "&Next review", QCheckBox("Set the next review date"), field="set_next"
        )
        self.next_date = rows.add(
            "Next review &on", DateBox(today(), today=today), field="next_review_date"
        )
        self.next_date.setEnabled(False)
        self.set_next.toggled.connect(self.next_date.setEnabled)
        self._on_review_date_changed()

    def _on_review_date_changed(self) -> None:
        on = self.review_date.readable_value()
        if on is None:
            return
        counts = self.services.reviews.counts(self.pairing_id, on)
        self.held.setValue(counts.held)
        self.planned.setValue(counts.planned)

    def entry(self) -> ReviewEntry:
        progress = tuple(e.text() for e in self.progress) if self.goals else ()
        return ReviewEntry(
            review_date=self.review_date.day(),
            decision=str(self.decision.currentData()),
            progress=progress,
            what_is_working=self.working.toPlainText(),
            concerns=self.concerns.toPlainText(),
            next_review_date=self.next_date.day() if self.set_next.isChecked() else None,
            sessions_held=self.held.value(),
            sessions_planned=self.planned.value(),
        )

    def add_record(self) -> None:
        self.saved = self.services.reviews.record(self.pairing_id, self.entry())
        self.review_saved.emit(self.saved.id)

    # -- editing ---------------------------------------------------------------------------
    def load(self, view: ReviewView) -> None:
        """Show a saved review as it was recorded (its counts as saved, not worked out again)."""
        self.review_date.set_value(view.review_date)
        self.held.setValue(view.sessions_held)
        self.planned.setValue(view.sessions_planned)
        saved = (view.progress_goal_1, view.progress_goal_2, view.progress_goal_3)
        for edit, text in zip(self.progress, saved, strict=False):
            edit.setText(text)
        self.working.setPlainText(view.what_is_working)
        self.concerns.setPlainText(view.concerns)
        self.decision.setCurrentIndex(self.decision.findData(view.decision))
        self.set_next.setChecked(view.next_review_date is not None)
        if view.next_review_date is not None:
            self.next_date.set_value(view.next_review_date)
        self.intro.setVisible(False)

    def update_record(self, record_id: int) -> None:
        # Not review_saved: that takes the page on to End pairing, for a new review only.
        self.saved = self.services.reviews.update_review(record_id, self.entry())
