"""The passphrase box shared by the start-up unlock dialog and the lock screen.

A wrong passphrase gets a plain message and a delay before the next try, doubling each time
(1, 2, 4… seconds, at most 30): slow for someone guessing, barely noticed by someone who
mistyped. The delay is a function so tests can make it zero.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.ui import announcer
from peerdesk.ui.security.passphrase_fields import passphrase_edit

#: Milliseconds to wait after the n-th wrong passphrase in a row.
Delay = Callable[[int], int]

WRONG = "That passphrase is not right. Check that Caps Lock is off and try again."


def doubling_delay(failures: int) -> int:
    return int(min(30_000, 1000 * 2 ** max(failures - 1, 0)))


class UnlockForm(QWidget):
    """Emits `submitted(text)`; the owner checks it and calls `refuse()` or `reset()`."""

    submitted = Signal(str)

    def __init__(
        self,
        button_text: str = "&Unlock",
        parent: QWidget | None = None,
        *,
        delay: Delay = doubling_delay,
    ) -> None:
        super().__init__(parent)
        self._delay = delay
        self.failures = 0
        self.passphrase = passphrase_edit("Passphrase")
        label = QLabel("&Passphrase")
        label.setBuddy(self.passphrase)
        self.unlock_button = QPushButton(button_text)
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Room for a two-line message, so a refusal never pushes the layout about or clips.
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 3)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_wait_timeout)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.passphrase.returnPressed.connect(self._on_unlock_clicked)

    @property
    def waiting(self) -> bool:
        return self._timer.isActive()

    def refuse(self, message: str = WRONG) -> None:
        """A wrong passphrase: say so, clear the box, and wait before the next try."""
        self.failures += 1
        self.passphrase.clear()
        wait = self._delay(self.failures)
        if wait > 0:
            self._set_enabled(False)
            seconds = max(1, round(wait / 1000))
            unit = "second" if seconds == 1 else "seconds"
            self.message.setText(f"{message} You can try again in {seconds} {unit}.")
            self._timer.start(wait)
        else:
            self.message.setText(message)
            self.passphrase.setFocus()
        # The message is read as its words when reached; said now, as the box is cleared.
        announcer.announce(self.message.text(), self.message, urgent=True)

    def reset(self) -> None:
        self.failures = 0
        self._timer.stop()
        self._set_enabled(True)
        self.passphrase.clear()
        self.message.clear()

    def focus(self) -> None:
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_unlock_clicked(self) -> None:
        if self.waiting:
            return
        self.submitted.emit(self.passphrase.text())

    def _on_wait_timeout(self) -> None:
        self._set_enabled(True)
        self.message.setText(WRONG)
        self.passphrase.setFocus()

    def _set_enabled(self, enabled: bool) -> None:
        self.passphrase.setEnabled(enabled)
        self.unlock_button.setEnabled(enabled)
