"""Automatic backups that fail are not silent: a status-bar message each time, a banner saying
what to do once they keep failing, and the banner gone when a backup works again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from peerdesk.errors import DatabaseProblem
from peerdesk.services import Services
from peerdesk.ui.backups.auto_backup import AutoBackup
from peerdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, services: Services, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _tick(qtbot: Any, auto: AutoBackup, signal: str) -> None:
    with qtbot.waitSignal(getattr(auto, signal), timeout=10_000):
        auto._on_timer_timeout()


def test_failures_are_shown_and_a_working_backup_clears_them(
    qtbot: Any, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    auto = AutoBackup(services, window.settings, window, interval_ms=60_000)
    window.watch_auto_backup(auto)
    monkeypatch.setattr(services.backups, "changed_since", lambda _when: True)

    def usb_gone(_reason: str = "automatic", folder: object = None) -> object:
        raise DatabaseProblem("The backup folder E:\\Backups is not there.")

    real_back_up = services.backups.back_up
    monkeypatch.setattr(services.backups, "back_up", usb_gone)
    _tick(qtbot, auto, "backup_failed")
    assert "did not work" in window.statusBar().currentMessage()
    assert window.backup_banner.isHidden()  # once is no emergency

    _tick(qtbot, auto, "backup_failed")
    banner = window.backup_banner
    assert banner.isVisible()
    words = banner.text.text()
    assert "Automatic backups are failing" in words and "2 times in a row" in words
    assert "is not there" in words  # the problem itself
    assert "USB stick" in words and "Back up now" in words  # what to do
    assert "Backups" in banner.action_button.text()

    monkeypatch.setattr(services.backups, "back_up", real_back_up)
    _tick(qtbot, auto, "backup_made")
    assert banner.isHidden()
    assert "Backed up" in window.statusBar().currentMessage()
