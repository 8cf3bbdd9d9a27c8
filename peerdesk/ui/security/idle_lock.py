"""Locking: after some minutes without use, or on "Lock now", hide every record until the
passphrase is typed again.

Every peerdesk window (the main window and any open dialog) has its contents hidden and a
cover laid over it; its menus and shortcuts are switched off and its title is plain. Hiding a
dialog's contents rather than the dialog keeps what was being typed in it for after the
unlock. The passphrase is asked for in the window that has the keyboard: the open dialog if
one is waiting for an answer, else the main window.

While locked peerdesk keeps the key in memory (so a backup on close still works); the lock
guards the screen of a laptop left open, the encryption guards a laptop that is lost.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.services import Services
from peerdesk.ui import preferences
from peerdesk.ui.security.unlock_form import Delay, UnlockForm, doubling_delay

log = logging.getLogger(__name__)

LOCKED_TITLE = "peerdesk — locked"

#: Input that counts as someone using peerdesk.
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def idle_minutes(settings: QSettings) -> int:
    """Minutes without use before peerdesk locks; 0 means never."""
    return max(0, preferences.IDLE_LOCK_MINUTES.read(settings))


class LockCover(QWidget):
    """Laid over a locked window. The one with the keyboard holds the unlock form."""

    def __init__(self, window: QWidget, *, encrypted: bool, with_form: bool, delay: Delay) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setAccessibleName("peerdesk is locked")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel("<h2>peerdesk is locked</h2>")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        self.form: UnlockForm | None = None
        self.show_button: QPushButton | None = None
        if not with_form:
            note = QLabel("Unlock peerdesk in its other window to carry on.")
        elif encrypted:
            note = QLabel("Your records are hidden. Type the passphrase to carry on.")
            self.form = UnlockForm(delay=delay)
        else:
            note = QLabel(
                "Your records are hidden. This database has no passphrase, so anyone at this "
                "computer can show them again: encrypt it in Settings to protect them."
            )
            self.show_button = QPushButton("&Show my records")
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(note)
        for widget in (self.form, self.show_button):
            if widget is not None:
                layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.setGeometry(window.rect())
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class _LockedWindow:
    """What was changed on one window, to put back on unlock."""

    def __init__(self, window: QWidget, cover: LockCover) -> None:
        self.window = window
        self.cover = cover
        self.title = window.windowTitle()
        self.hidden = [
            child
            for child in window.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child is not cover and not child.isWindow() and child.isVisibleTo(window)
        ]
        self.disabled = [action for action in window.findChildren(QAction) if action.isEnabled()]
        for child in self.hidden:
            child.hide()
        for action in self.disabled:
            action.setEnabled(False)
        window.setWindowTitle(LOCKED_TITLE)
        cover.show()
        cover.raise_()

    def restore(self) -> None:
        self.window.removeEventFilter(self.cover)
        self.cover.hide()
        self.cover.deleteLater()
        for child in self.hidden:
            child.show()
        for action in self.disabled:
            action.setEnabled(True)
        self.window.setWindowTitle(self.title)


class IdleLock(QObject):
    """Watches for activity; locks after the idle time, on `lock()`, and unlocks."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: QWidget,
        services: Services,
        settings: QSettings,
        *,
        timeout_ms: int | None = None,
        delay: Delay = doubling_delay,
    ) -> None:
        super().__init__(window)
        self.setObjectName("idleLock")
        self.window = window
        self.services = services
        self.settings = settings
        self._delay = delay
        self._fixed_timeout = timeout_ms
        self._timeout = 0
        self._locked: list[_LockedWindow] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.apply_setting()

    @property
    def is_locked(self) -> bool:
        return bool(self._locked)

    def timeout_ms(self) -> int:
        if self._fixed_timeout is not None:
            return self._fixed_timeout
        return idle_minutes(self.settings) * 60_000

    def apply_setting(self) -> None:
        """Read the idle time again (after it was changed in Settings) and start counting."""
        self._timeout = self.timeout_ms()
        self.restart()

    def restart(self) -> None:
        """Start counting idle time again."""
        if self._timeout > 0 and not self.is_locked:
            self.timer.start(self._timeout)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self.is_locked and self._timeout > 0:
            self.timer.start(self._timeout)
        return False

    # -- locking ---------------------------------------------------------------------------
    def lock(self) -> None:
        if self.is_locked:
            return
        self.timer.stop()
        app = QApplication.instance()
        popup = QApplication.activePopupWidget() if app is not None else None
        if popup is not None:
            popup.close()
        modal = QApplication.activeModalWidget()
        target = modal if modal is not None and modal.isVisible() else self.window
        encrypted = self.services.security.is_encrypted
        windows = [self.window] + [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget is not self.window and widget.isVisible() and widget.isWindow()
        ]
        for window in windows:
            cover = LockCover(
                window, encrypted=encrypted, with_form=window is target, delay=self._delay
            )
            self._locked.append(_LockedWindow(window, cover))
            if cover.form is not None:
                cover.form.submitted.connect(self._on_passphrase_submitted)
                cover.form.focus()
            if cover.show_button is not None:
                cover.show_button.clicked.connect(self.unlock)
                cover.show_button.setFocus()
        log.info("locked (%d windows)", len(windows))
        self.locked.emit()

    def unlock(self) -> None:
        for locked in reversed(self._locked):
            locked.restore()
        self._locked.clear()
        log.info("unlocked")
        self.restart()
        self.unlocked.emit()

    def cover_with_form(self) -> LockCover | None:
        for locked in self._locked:
            if locked.cover.form is not None or locked.cover.show_button is not None:
                return locked.cover
        return None

    def _on_passphrase_submitted(self, text: str) -> None:
        cover = self.cover_with_form()
        if cover is None or cover.form is None:
            return
        if self.services.security.verify(text):
            cover.form.reset()
            self.unlock()
        else:
            log.info("unlock refused")
            cover.form.refuse()


def install_idle_lock(window: QWidget, services: Services, settings: QSettings) -> IdleLock:
    """Watch `window` (and the whole app) for idleness; found later by `find_idle_lock`."""
    return IdleLock(window, services, settings)


def find_idle_lock(window: QWidget) -> IdleLock | None:
    found = window.findChild(IdleLock, "idleLock")
    return found if isinstance(found, IdleLock) else None
