"""Logging a session: fast, keyboard-only entry with the pairing's usual arrangements filled
in. Rearranging is an ordinary outcome: the old date and the new one are both kept, linked."""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.views import PairingView, SessionEntry, SessionView
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import minutes_box, select_data, vocabulary_combo
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.words import heading_day
from peerdesk.vocabulary import MeetingMode, SessionStatus

_TIME = re.compile(r"^\s*(\d{1,2})[:.]?(\d{2})\s*$")
#: Statuses in the order a coordinator reaches for them.
STATUS_ORDER = [
    SessionStatus.HELD,
    SessionStatus.CANCELLED_BY_MENTEE,
    SessionStatus.CANCELLED_BY_MENTOR,
    SessionStatus.REARRANGED,
    SessionStatus.DID_NOT_ATTEND,
    SessionStatus.PLANNED,
]


def parse_time(text: str) -> time | None:
    """ "14:30", "1430" or "9.15" → a time; blank → None."""
    if not text.strip():
        return None
    match = _TIME.match(text)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValidationError("The start time should be like 14:30, or left blank.", "start_time")
    return time(int(match.group(1)), int(match.group(2)))


class SessionDialog(RecordDialog):
    """Log a new session for a pairing, or change one already logged."""

    session_saved = Signal(int)
    #: The session whose concern flag was ticked: the caller opens a concern record for it.
    concern_needed = Signal(int)

    def __init__(
        self,
        services: Services,
        pairing_id: int,
        parent: QWidget | None = None,
        *,
        session_id: int | None = None,
    ) -> None:
        self.pairing: PairingView = services.pairings.get(pairing_id)
        self.existing: SessionView | None = (
            services.sessions.get(session_id) if session_id is not None else None
        )
        super().__init__(
            services,
            parent,
            title="Change a session" if self.existing else "Log a session",
            intro=f"{self.pairing.reference}: fill in what happened. Mode, place and length "
            "start as the pairing's usual ones. Rearranging is normal: give the new date and "
            "both are kept.",
        )
        self.saved_session: SessionView | None = None
        self.setMinimumWidth(620)
        self._build()
        if self.existing is not None:
            self._load(self.existing)
        self._on_status_changed()

    def _build(self) -> None:
        pairing, today, rows = self.pairing, self.services.today(), self.rows
        self.date = rows.add(
            "&Date", DateBox(today, today=self.services.today), field="session_date"
        )
        self.status = rows.add("&What happened", QComboBox(), field="status")
        for status in STATUS_ORDER:
            self.status.addItem(status.label, status.value)
        self.status.currentIndexChanged.connect(self._on_status_changed)
        self.new_date = rows.add(
            "&New date", DateBox(today, today=self.services.today), field="rearranged_to"
        )
        self.start_time = rows.add(
            "Start &time", QLineEdit(), field="start_time", tip="For example 14:30"
        )
        self.start_time.setPlaceholderText("e.g. 14:30 (optional)")
        self.duration = rows.add(
            "&Length", minutes_box(pairing.usual_duration_minutes), field="duration_minutes"
        )
        self.mode = rows.add(
            "&How", vocabulary_combo(MeetingMode, pairing.usual_mode), field="mode"
        )
        self.place = rows.add("&Place", QLineEdit(pairing.usual_place), field="place")
        self.note = rows.add("N&ote", _text_box(self, "A short, factual note"), field="note")
        self.actions_box = rows.add(
            "&Actions", _text_box(self, "Anything agreed to do"), field="actions"
        )
        self.concern = rows.add(
            "&Concern",
            QCheckBox("A safeguarding or wellbeing concern came up"),
            field="concern_flag",
            tip="Ticking this opens a concern record when you save",
        )
        if self.existing is None:
            self.another_button = self.buttons.addButton(
                "Save and log anoth&er", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.another_button.setAutoDefault(False)
            self.another_button.clicked.connect(self._on_another_clicked)
        # Ctrl+Enter saves from anywhere, even inside the note.
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.accept)

    def _load(self, record: SessionView) -> None:
        self.date.set_value(record.session_date)
        select_data(self.status, record.status)
        self.start_time.setText(f"{record.start_time:%H:%M}" if record.start_time else "")
        self.duration.setValue(record.duration_minutes)
        select_data(self.mode, record.mode)
        self.place.setText(record.place)
        self.note.setPlainText(record.note)
        self.actions_box.setPlainText(record.actions)
        self.concern.setChecked(record.concern_flag)
        if record.rearranged_to_date is not None:
            self.new_date.set_value(record.rearranged_to_date)

    def _on_status_changed(self, _index: int = 0) -> None:
        rearranged = self.status.currentData() == SessionStatus.REARRANGED
        already = self.existing is not None and self.existing.rearranged_to_id is not None
        self.rows.set_visible("rearranged_to", rearranged)
        self.new_date.setEnabled(not already)

    def entry(self) -> SessionEntry:
        rearranged = self.status.currentData() == SessionStatus.REARRANGED
        return SessionEntry(
            session_date=self.date.day(),
            status=str(self.status.currentData()),
            start_time=parse_time(self.start_time.text()),
            duration_minutes=self.duration.value(),
            mode=str(self.mode.currentData()),
            place=self.place.text(),
            note=self.note.toPlainText(),
            actions=self.actions_box.toPlainText(),
            concern_flag=self.concern.isChecked(),
            rearranged_to=self.new_date.day() if rearranged else None,
        )

    def write(self) -> None:
        entry = self.entry()
        record = self._write(entry)
        self.saved_session = record
        was_flagged = self.existing is not None and self.existing.concern_flag
        self.session_saved.emit(record.id)
        if entry.concern_flag and not was_flagged:
            self.concern_needed.emit(record.id)

    def _write(self, entry: SessionEntry) -> SessionView:
        sessions = self.services.sessions
        if self.existing is None:
            return sessions.log(self.pairing.id, entry)
        existing_id = self.existing.id
        if entry.status == SessionStatus.REARRANGED and self.existing.rearranged_to_id is None:
            assert entry.rearranged_to is not None
            sessions.rearrange(
                existing_id,
                SessionEntry(session_date=entry.rearranged_to, status=SessionStatus.PLANNED),
            )
            return sessions.get(existing_id)
        return sessions.update(existing_id, entry)

    def _on_another_clicked(self) -> None:
        if not self.save():
            return
        saved = self.saved_session
        self.start_again()
        self.note.clear()
        self.actions_box.clear()
        self.concern.setChecked(False)
        select_data(self.status, SessionStatus.HELD.value)
        self.date.setFocus(Qt.FocusReason.OtherFocusReason)
        # Shown and said: the dialog stays open, so nothing else tells a screen reader.
        self.problem.show_done(
            f"Saved the session on {heading_day(saved.session_date if saved else None)}. "
            "Log the next one."
        )

    def saved_words(self) -> str:
        saved = self.saved_session
        if saved is None:
            return super().saved_words()
        return f"Session on {heading_day(saved.session_date)} saved."


def _text_box(parent: QWidget, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(64)
    return box
