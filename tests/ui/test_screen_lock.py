"""peerdesk locks when the computer's screen locks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from peerdesk.services import Services
from peerdesk.ui.security.idle_lock import IdleLock
from peerdesk.ui.security.screen_lock import ScreenLockWatcher, lock_with_screen


def test_a_screen_lock_locks_peerdesk(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    idle = IdleLock(window, services, settings, timeout_ms=0)
    watcher = lock_with_screen(window, idle)
    assert not idle.is_locked
    watcher._on_active_changed(False)  # the screen saver stopping is not a lock
    assert not idle.is_locked
    watcher._on_active_changed(True)
    assert idle.is_locked
    idle.unlock()


PROBE = textwrap.dedent(
    """
    import subprocess, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    from peerdesk.ui.security.screen_lock import ScreenLockWatcher
    app = QApplication(sys.argv)
    window = QWidget()
    watcher = ScreenLockWatcher(window)
    watcher.screen_locked.connect(lambda: (print("locked", flush=True), app.quit()))
    QTimer.singleShot(200, lambda: subprocess.run(["dbus-send", "--session", "--type=signal",
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged",
        "boolean:true"], check=True))
    QTimer.singleShot(20000, app.quit)
    app.exec()
    """
)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("dbus-run-session") is None,
    reason="needs a D-Bus session bus (dbus-run-session)",
)
def test_the_desktop_screen_saver_signal_is_heard(tmp_path: Path) -> None:
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(script)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert "locked" in result.stdout, result.stderr


def test_without_a_bus_nothing_fails(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    window = QWidget()
    qtbot.addWidget(window)
    watcher = ScreenLockWatcher(window)
    assert isinstance(watcher.watching, list)
