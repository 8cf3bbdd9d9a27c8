"""Settings → Outcome scale: the name and questions of the wellbeing scale people answer.

Empty means peerdesk's own plain-English questions. A licensed scale is never shipped with
peerdesk: an organisation holding the licence types its name and questions here. Saved by
its own button, as one change in the History; score sets already recorded keep the name
and questions they were asked with.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.ui import announcer
from peerdesk.ui.messages import show_problem
from peerdesk.ui.widgets import FormRows

NOTE = (
    "The questions of the wellbeing check: printed on the form, and asked when you record "
    "someone's scores (each answered from 1, not at all, to 5, all the time). Leave both "
    "boxes empty to use peerdesk's own plain-English questions. Licensed scales (such as "
    "SWEMWBS) are never shipped with peerdesk: if your organisation holds a licence, type "
    "the scale's name and its questions here. Scores already recorded keep the questions "
    "they were asked with."
)


class OutcomeScalePanel(QGroupBox):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        saved: Callable[[], object] | None = None,
    ) -> None:
        """`saved` is called after a save (the Settings screen re-reads what it holds)."""
        super().__init__("Outcome scale", parent)
        self.services = services
        self._saved = saved
        self.setAccessibleName("Outcome scale")
        layout = QVBoxLayout(self)
        note = QLabel(NOTE)
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        layout.addLayout(form)
        self.rows = FormRows(form)
        self.name = QLineEdit()
        self.rows.add(
            "Scale's &name",
            self.name,
            field="outcome_measure_name",
            tip="Printed on the form and kept with every score set.",
        )
        self.questions = QPlainTextEdit()
        self.questions.setTabChangesFocus(True)
        self.questions.setMinimumHeight(self.questions.fontMetrics().lineSpacing() * 7 + 12)
        self.rows.add(
            "&Questions (one a line)",
            self.questions,
            field="outcome_questions",
            help_text="Between 2 and 20 questions, none blank.",
        )
        self.in_use = QLabel()
        self.in_use.setWordWrap(True)
        layout.addWidget(self.in_use)
        save_row = QHBoxLayout()
        self.saved_note = QLabel()
        self.save_button = QPushButton("&Save outcome scale")
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.saved_note, 1)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)
        self.refresh()

    def refresh(self) -> None:
        scale = self.services.outcomes.scale()
        self.name.setText(scale.saved_name)
        self.questions.setPlainText(scale.saved_questions)
        self._say_in_use()

    def _say_in_use(self) -> None:
        scale = self.services.outcomes.scale()
        whose = "peerdesk's own questions" if scale.own else "your own questions"
        self.in_use.setText(
            f"In use: {scale.name}, {len(scale.questions)} questions ({whose}), "
            f"totals {len(scale.questions)} to {scale.out_of}."
        )

    def showEvent(self, event: QShowEvent) -> None:
        # What was saved elsewhere (a restored backup, say) shows when Settings is opened.
        self.refresh()
        super().showEvent(event)

    def save(self) -> bool:
        self.rows.clear_problems()
        self.saved_note.clear()
        try:
            self.services.outcomes.save_scale(self.name.text(), self.questions.toPlainText())
        except ValidationError as error:
            if not self.rows.show_problem(error.field, error.message):
                show_problem(self, "The outcome scale was not saved", error)
            self.saved_note.setText("Not saved yet: please see the note above.")
            return False
        except PeerdeskError as error:
            show_problem(self, "The outcome scale was not saved", error)
            return False
        self.refresh()
        self.saved_note.setText("✓ Saved.")
        announcer.announce("Outcome scale saved.", self.saved_note)
        if self._saved is not None:
            self._saved()
        return True
