"""A concern raised in a session: what, who was told, the action taken, and when it closed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.records import Concern
from peerdesk.services.sessions import ConcernDetails
from peerdesk.ui.pairings.fields import ProblemLabel, add_row, date_edit, date_of
from peerdesk.ui.pairings.words import long_day


class ConcernDialog(QDialog):
    """New concern for a session (`concern_id` None), or closing an open one."""

    concern_saved = Signal(int)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        session_id: int | None = None,
        about_person_id: int | None = None,
        raised_on: date | None = None,
        concern_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.session_id = session_id
        self.about_person_id = about_person_id
        self.existing: Concern | None = (
            services.sessions.get_concern(concern_id) if concern_id is not None else None
        )
        self.saved: Concern | None = None
        self.setWindowTitle("Concern" if self.existing else "Record a concern")
        layout = QVBoxLayout(self)
        note = QLabel(
            "Write down the facts: what was said or seen, who you told and what was done. "
            "If someone is in danger now, act first and write it down afterwards."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        form = QFormLayout()
        layout.addLayout(form)
        today = services.today()
        start = self.existing.raised_on if self.existing else (raised_on or today)
        self.raised_on = add_row(
            form, "&Raised on:", date_edit(start, self, today=self.services.today)
        )
        self.what = add_row(form, "&What:", QPlainTextEdit(self))
        self.who_was_told = add_row(form, "&Who was told:", QLineEdit(self))
        self.action = add_row(form, "&Action taken:", QPlainTextEdit(self))
        for box in (self.what, self.action):
            box.setTabChangesFocus(True)
            box.setFixedHeight(70)
        self.closed = add_row(form, "&Closed:", QCheckBox("This concern is now closed", self))
        self.closed_on = add_row(
            form, "Closed &on:", date_edit(today, self, today=self.services.today)
        )
        self.closed.toggled.connect(self.closed_on.setEnabled)
        self.closed_on.setEnabled(False)
        if self.existing is not None:
            self.what.setPlainText(self.existing.what)
            self.who_was_told.setText(self.existing.who_was_told)
            self.action.setPlainText(self.existing.action_taken)
            for widget in (self.raised_on, self.what, self.who_was_told):
                widget.setEnabled(False)
            if self.existing.closed_on is not None:
                self.closed.setChecked(True)
                self.closed.setEnabled(False)
                self.closed.setText(f"Closed on {long_day(self.existing.closed_on)}")
                self.closed_on.setEnabled(False)
                self.action.setEnabled(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fields: dict[str, QWidget] = {
            "raised_on": self.raised_on,
            "what": self.what,
            "who_was_told": self.who_was_told,
            "action_taken": self.action,
            "closed_on": self.closed_on,
        }

    def save(self) -> bool:
        self.problem.clear_error()
        sessions = self.services.sessions
        try:
            if self.existing is None:
                concern = sessions.raise_concern(
                    ConcernDetails(
                        raised_on=date_of(self.raised_on),
                        what=self.what.toPlainText(),
                        about_person_id=self.about_person_id,
                        who_was_told=self.who_was_told.text(),
                        action_taken=self.action.toPlainText(),
                    ),
                    session_id=self.session_id,
                )
                if self.closed.isChecked():
                    concern = sessions.close_concern(concern.id or 0, date_of(self.closed_on))
            elif self.existing.closed_on is None and self.closed.isChecked():
                concern = sessions.close_concern(
                    self.existing.id or 0, date_of(self.closed_on), self.action.toPlainText()
                )
            else:
                concern = self.existing
        except PeerdeskError as error:
            self.problem.show_error(error, self.fields)
            return False
        self.saved = concern
        self.concern_saved.emit(concern.id or 0)
        return True

    def _on_save_clicked(self) -> None:
        if self.save():
            self.accept()
