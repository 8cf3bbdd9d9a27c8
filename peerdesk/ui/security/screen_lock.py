"""Lock peerdesk when the computer's screen locks (KeePassXC does the same).

Someone who walks away and locks the laptop expects their records to be locked too, whatever
the idle time is set to. Where the system tells us:

- Linux: the desktop's screen saver announces `ActiveChanged(true)` on the session bus
  (org.freedesktop.ScreenSaver, org.gnome.ScreenSaver, org.mate.ScreenSaver, and KDE's
  freedesktop service), and systemd-logind sends `Lock` to the session on the system bus;
- Windows: the window receives WM_WTSSESSION_CHANGE with WTS_SESSION_LOCK once it has
  registered for session notifications.

macOS gives no such signal to a Qt program without Cocoa bindings; there the idle lock covers
it. If no bus is reachable (e.g. under CI), nothing is watched and nothing fails.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any, cast

from PySide6.QtCore import SLOT, QAbstractNativeEventFilter, QByteArray, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

#: (path, interface) of screen savers that send ActiveChanged(bool).
SCREEN_SAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("/org/mate/ScreenSaver", "org.mate.ScreenSaver"),
)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0


class ScreenLockWatcher(QObject):
    """Emits `screen_locked` when the operating system locks the screen."""

    screen_locked = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.watching: list[str] = []
        self._native_filter: _WindowsSessionFilter | None = None
        if sys.platform.startswith("linux"):
            self._watch_dbus()
        elif sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
            self._watch_windows_sessions()

    # -- Linux ---------------------------------------------------------------------------
    def _watch_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - QtDBus ships with PySide6-Essentials
            return
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            # Match on path, interface and signal, not the sender's name: KDE and others
            # send from their own bus names.
            for path, interface in SCREEN_SAVERS:
                if session.connect(
                    "",
                    path,
                    interface,
                    "ActiveChanged",
                    self,
                    _slot("_on_active_changed(bool)"),
                ):
                    self.watching.append(interface)
        system = QDBusConnection.systemBus()
        if system.isConnected() and system.connect(
            "org.freedesktop.login1",
            "",
            "org.freedesktop.login1.Session",
            "Lock",
            self,
            _slot("_on_session_lock()"),
        ):
            self.watching.append("org.freedesktop.login1.Session")
        log.info("screen lock watched through %d bus signals", len(self.watching))

    @Slot(bool)
    def _on_active_changed(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()

    @Slot()
    def _on_session_lock(self) -> None:
        self.screen_locked.emit()

    # -- Windows -------------------------------------------------------------------------
    def _watch_windows_sessions(self) -> None:  # pragma: no cover - Windows only
        try:
            hwnd = int(self.window.winId())
            wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]
            if not wtsapi.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION):
                return
        except (OSError, AttributeError):
            log.info("session notifications unavailable")
            return
        self._native_filter = _WindowsSessionFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self._native_filter)
        self.watching.append("WTSSessionNotification")


class _WindowsSessionFilter(QAbstractNativeEventFilter):  # pragma: no cover - Windows only
    def __init__(self, watcher: ScreenLockWatcher) -> None:
        super().__init__()
        self.watcher = watcher

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: Any
    ) -> Any:
        raw = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if raw == b"windows_generic_MSG":
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK:
                self.watcher.screen_locked.emit()
        return False, 0


def _slot(signature: str) -> bytes:
    # PySide6 wants the SLOT() string at run time, though its type stubs say bytes.
    return cast(bytes, SLOT(signature))


def lock_with_screen(window: QWidget, lock: Any) -> ScreenLockWatcher:
    """Lock `lock` (the window's IdleLock) whenever the screen locks."""
    watcher = ScreenLockWatcher(window)
    watcher.screen_locked.connect(lock.lock)
    return watcher
