"""Logging a session: fast, keyboard-only entry with the pairing's usual arrangements filled
in. Rearranging is an ordinary outcome: the old date and the new one are both kept, linked."""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.services.records import MentoringSession, Pairing
from peerdesk.services.sessions import SessionEntry
from peerdesk.ui.pairings.fields import (
    ProblemLabel,
    add_row,
    date_edit,
    date_of,
    select_data,
    set_date,
    vocabulary_combo,
)
from peerdesk.ui.pairings.words import long_day
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


class SessionDialog(QDialog):
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
        super().__init__(parent)
        self.services = services
        self.pairing: Pairing = services.pairings.get(pairing_id)
        self.existing: MentoringSession | None = (
            services.sessions.get(session_id) if session_id is not None else None
        )
        self.saved_session: MentoringSession | None = None
        self.setWindowTitle("Change a session" if self.existing else "Log a session")
        self.setMinimumWidth(620)
        self._build()
        if self.existing is not None:
            self._load(self.existing)
        self._on_status_changed()

    def _build(self) -> None:
        pairing, today = self.pairing, self.services.today()
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"{pairing.reference}: fill in what happened. Mode, place and length start as the "
            "pairing's usual ones. Rearranging is normal: give the new date and both are kept."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        form = QFormLayout()
        layout.addLayout(form)
        self.date = add_row(form, "&Date:", date_edit(today, self, today=self.services.today))
        self.status = add_row(form, "&What happened:", vocabulary_combo(SessionStatus, parent=self))
        self.status.clear()
        for status in STATUS_ORDER:
            self.status.addItem(status.label, status.value)
        self.status.currentIndexChanged.connect(self._on_status_changed)
        self.new_date = add_row(
            form, "&New date:", date_edit(today, self, today=self.services.today)
        )
        self.new_date_label = form.labelForField(self.new_date)
        self.start_time = add_row(form, "Start &time:", QLineEdit(self), "For example 14:30")
        self.start_time.setPlaceholderText("e.g. 14:30 (optional)")
        self.duration = QSpinBox(self)
        self.duration.setRange(0, 600)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" minutes")
        self.duration.setValue(pairing.usual_duration_minutes)
        add_row(form, "&Length:", self.duration)
        self.mode = add_row(form, "&How:", vocabulary_combo(MeetingMode, pairing.usual_mode, self))
        self.place = add_row(form, "&Place:", QLineEdit(pairing.usual_place, self))
        self.note = add_row(form, "&Note:", _text_box(self, "A short, factual note"))
        self.actions_box = add_row(form, "&Actions:", _text_box(self, "Anything agreed to do"))
        self.concern = add_row(
            form,
            "&Concern:",
            QCheckBox("A safeguarding or wellbeing concern came up", self),
            "Ticking this opens a concern record when you save",
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        if self.existing is None:
            self.another_button = buttons.addButton(
                "Save and log &another", QDialogButtonBox.ButtonRole.ActionRole
            )
            self.another_button.clicked.connect(self._on_another_clicked)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Ctrl+Enter saves from anywhere, even inside the note.
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self._on_save_clicked)
        self.fields: dict[str, QWidget] = {
            "session_date": self.date,
            "status": self.status,
            "rearranged_to": self.new_date,
            "start_time": self.start_time,
            "duration_minutes": self.duration,
            "mode": self.mode,
            "place": self.place,
            "note": self.note,
            "actions": self.actions_box,
        }

    def _load(self, record: MentoringSession) -> None:
        set_date(self.date, record.session_date)
        select_data(self.status, record.status)
        self.start_time.setText(f"{record.start_time:%H:%M}" if record.start_time else "")
        self.duration.setValue(record.duration_minutes)
        select_data(self.mode, record.mode)
        self.place.setText(record.place)
        self.note.setPlainText(record.note)
        self.actions_box.setPlainText(record.actions)
        self.concern.setChecked(record.concern_flag)
        if record.rearranged_to_id is not None:
            moved = self.services.sessions.get(record.rearranged_to_id)
            set_date(self.new_date, moved.session_date)

    def _on_status_changed(self, _index: int = 0) -> None:
        rearranged = self.status.currentData() == SessionStatus.REARRANGED
        already = self.existing is not None and self.existing.rearranged_to_id is not None
        self.new_date.setVisible(rearranged)
        self.new_date.setEnabled(not already)
        if self.new_date_label is not None:
            self.new_date_label.setVisible(rearranged)

    def entry(self) -> SessionEntry:
        return SessionEntry(
            session_date=date_of(self.date),
            status=str(self.status.currentData()),
            start_time=parse_time(self.start_time.text()),
            duration_minutes=self.duration.value(),
            mode=str(self.mode.currentData()),
            place=self.place.text(),
            note=self.note.toPlainText(),
            actions=self.actions_box.toPlainText(),
            concern_flag=self.concern.isChecked(),
            rearranged_to=date_of(self.new_date)
            if self.status.currentData() == SessionStatus.REARRANGED
            else None,
        )

    def save(self) -> bool:
        """Save what is on screen; on a problem, say what to fix and keep everything typed."""
        self.problem.clear_error()
        try:
            entry = self.entry()
            record = self._write(entry)
        except PeerdeskError as error:
            self.problem.show_error(error, self.fields)
            return False
        self.saved_session = record
        assert record.id is not None
        was_flagged = self.existing is not None and self.existing.concern_flag
        self.session_saved.emit(record.id)
        if entry.concern_flag and not was_flagged:
            self.concern_needed.emit(record.id)
        return True

    def _write(self, entry: SessionEntry) -> MentoringSession:
        sessions = self.services.sessions
        if self.existing is None:
            return sessions.log(self.pairing.id or 0, entry)
        existing_id = self.existing.id or 0
        if entry.status == SessionStatus.REARRANGED and self.existing.rearranged_to_id is None:
            assert entry.rearranged_to is not None
            sessions.rearrange(
                existing_id,
                SessionEntry(session_date=entry.rearranged_to, status=SessionStatus.PLANNED),
            )
            return sessions.get(existing_id)
        return sessions.update(existing_id, entry)

    def _on_save_clicked(self) -> None:
        if self.save():
            self.accept()

    def _on_another_clicked(self) -> None:
        if not self.save():
            return
        saved = self.saved_session
        self.note.clear()
        self.actions_box.clear()
        self.concern.setChecked(False)
        select_data(self.status, SessionStatus.HELD.value)
        self.problem.setText(
            f"Saved the session on {long_day(saved.session_date if saved else None)}. "
            "Log the next one."
        )
        self.problem.show()
        self.date.setFocus(Qt.FocusReason.OtherFocusReason)


def _text_box(parent: QWidget, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(64)
    return box
