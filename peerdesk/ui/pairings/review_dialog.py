"""Recording a review of a pairing: sessions held vs planned (filled in from the log),
progress on each goal, what is working, and the decision: continue, adjust or end."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.records import Review
from peerdesk.services.reviews import ReviewEntry
from peerdesk.ui.pairings.fields import (
    ProblemLabel,
    add_row,
    date_edit,
    date_of,
    vocabulary_combo,
)
from peerdesk.ui.pairings.words import long_day
from peerdesk.vocabulary import ReviewDecision


class ReviewDialog(QDialog):
    review_saved = Signal(int)

    def __init__(self, services: Services, pairing_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.pairing_id = pairing_id
        self.saved: Review | None = None
        pairing = services.pairings.get(pairing_id)
        self.goals = services.pairings.goals(pairing_id)
        due = services.reviews.next_due(pairing_id)
        self.setWindowTitle(f"Review of {pairing.reference}")
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Review due {long_day(due.due)}." if due else "No review is due by the schedule."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        form = QFormLayout()
        layout.addLayout(form)
        self.review_date = add_row(
            form, "Review &date:", date_edit(services.today(), self, today=services.today)
        )
        self.review_date.date_changed.connect(self._on_review_date_changed)
        self.held = add_row(form, "Sessions &held:", QSpinBox(self))
        self.planned = add_row(form, "Sessions &planned:", QSpinBox(self))
        for box in (self.held, self.planned):
            box.setRange(0, 1000)
        self.counts_note = QLabel("Filled in from the session log and how often they meet.")
        self.counts_note.setWordWrap(True)
        form.addRow("", self.counts_note)
        self.progress: list[QLineEdit] = []
        for number, goal in enumerate(self.goals or ["(no goals recorded)"], start=1):
            edit = QLineEdit(self)
            edit.setPlaceholderText("How it is going")
            add_row(form, f"Goal {number}: {goal}", edit)
            edit.setAccessibleName(f"Progress on goal {number}")
            self.progress.append(edit)
        self.working = add_row(form, "What is &working:", QPlainTextEdit(self))
        self.concerns = add_row(form, "&Concerns:", QPlainTextEdit(self))
        for text_box in (self.working, self.concerns):
            text_box.setTabChangesFocus(True)
            text_box.setFixedHeight(60)
        self.decision = add_row(form, "D&ecision:", vocabulary_combo(ReviewDecision, parent=self))
        self.set_next = add_row(form, "&Next review:", QCheckBox("Set the next review date", self))
        self.next_date = add_row(
            form, "Next review &on:", date_edit(services.today(), self, today=services.today)
        )
        self.next_date.setEnabled(False)
        self.set_next.toggled.connect(self.next_date.setEnabled)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fields: dict[str, QWidget] = {
            "review_date": self.review_date,
            "decision": self.decision,
            "next_review_date": self.next_date,
            "sessions_held": self.held,
            "sessions_planned": self.planned,
        }
        self._on_review_date_changed()

    def _on_review_date_changed(self, *_args: object) -> None:
        on = self.review_date.readable_value()
        if on is None:
            return
        counts = self.services.reviews.counts(self.pairing_id, on)
        self.held.setValue(counts.held)
        self.planned.setValue(counts.planned)

    def save(self) -> bool:
        self.problem.clear_error()
        progress = tuple(e.text() for e in self.progress) if self.goals else ()
        try:
            review = self.services.reviews.record(
                self.pairing_id,
                ReviewEntry(
                    review_date=date_of(self.review_date),
                    decision=str(self.decision.currentData()),
                    progress=progress,
                    what_is_working=self.working.toPlainText(),
                    concerns=self.concerns.toPlainText(),
                    next_review_date=date_of(self.next_date) if self.set_next.isChecked() else None,
                    sessions_held=self.held.value(),
                    sessions_planned=self.planned.value(),
                ),
            )
        except PeerdeskError as error:
            self.problem.show_error(error, self.fields)
            return False
        self.saved = review
        self.review_saved.emit(review.id or 0)
        return True

    def _on_save_clicked(self) -> None:
        if self.save():
            self.accept()
