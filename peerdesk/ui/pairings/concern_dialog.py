"""A concern raised in a session: what, who was told, the action taken, and when it closed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from peerdesk.services import Services
from peerdesk.services.mentoring.views import ConcernDetails, ConcernView
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.words import heading_day


class ConcernDialog(RecordDialog):
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
        existing = services.sessions.get_concern(concern_id) if concern_id is not None else None
        super().__init__(
            services,
            parent,
            title="Concern" if existing else "Record a concern",
            intro="Write down the facts: what was said or seen, who you told and what was "
            "done. If someone is in danger now, act first and write it down afterwards.",
        )
        self.session_id = session_id
        self.about_person_id = about_person_id
        self.existing: ConcernView | None = existing
        self.saved: ConcernView | None = None
        rows, today = self.rows, services.today
        start = existing.raised_on if existing else (raised_on or today())
        self.raised_on = rows.add("&Raised on", DateBox(start, today=today), field="raised_on")
        self.what = rows.add("&What", QPlainTextEdit(), field="what")
        self.who_was_told = rows.add("&Who was told", QLineEdit(), field="who_was_told")
        self.action = rows.add("&Action taken", QPlainTextEdit(), field="action_taken")
        for box in (self.what, self.action):
            box.setTabChangesFocus(True)
            box.setFixedHeight(70)
        self.closed = rows.add("&Closed", QCheckBox("This concern is now closed"), field="closed")
        self.closed_on = rows.add("Closed &on", DateBox(today(), today=today), field="closed_on")
        self.closed.toggled.connect(self.closed_on.setEnabled)
        self.closed_on.setEnabled(False)
        if existing is not None:
            self.what.setPlainText(existing.what)
            self.who_was_told.setText(existing.who_was_told)
            self.action.setPlainText(existing.action_taken)
            for widget in (self.raised_on, self.what, self.who_was_told):
                widget.setEnabled(False)
            if existing.closed_on is not None:
                self.closed.setChecked(True)
                self.closed.setEnabled(False)
                self.closed.setText(f"Closed on {heading_day(existing.closed_on)}")
                self.closed_on.setEnabled(False)
                self.action.setEnabled(False)

    def write(self) -> None:
        sessions = self.services.sessions
        if self.existing is None:
            concern = sessions.raise_concern(
                ConcernDetails(
                    raised_on=self.raised_on.day(),
                    what=self.what.toPlainText(),
                    about_person_id=self.about_person_id,
                    who_was_told=self.who_was_told.text(),
                    action_taken=self.action.toPlainText(),
                ),
                session_id=self.session_id,
            )
            if self.closed.isChecked():
                concern = sessions.close_concern(concern.id, self.closed_on.day())
        elif self.existing.closed_on is None and self.closed.isChecked():
            concern = sessions.close_concern(
                self.existing.id, self.closed_on.day(), self.action.toPlainText()
            )
        else:
            concern = self.existing
        self.saved = concern
        self.concern_saved.emit(concern.id)
