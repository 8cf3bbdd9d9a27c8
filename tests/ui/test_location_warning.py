"""The main window warns, in plain words, when the database is inside a cloud-synced folder,
says why and what to do, can be hidden for the session, and stays quiet for ordinary folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.ui.main_window import MainWindow
from tests.conftest import TODAY


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def onedrive_services(tmp_path: Path) -> Iterator[Services]:
    folder = tmp_path / "Users" / "coordinator" / "OneDrive - Wick Peers" / "peerdesk"
    database = open_database(folder / "peerdesk.db", backup_dir=tmp_path / "local-backups")
    try:
        yield Services(database, today=lambda: TODAY)
    finally:
        database.close()


def test_a_database_inside_onedrive_is_warned_about(
    qtbot: Any, onedrive_services: Services, qsettings: QSettings
) -> None:
    window = MainWindow(onedrive_services, qsettings)
    qtbot.addWidget(window)
    window.show()
    banner = window.location_banner
    assert banner.isVisible()
    words = banner.text.text()
    assert "OneDrive" in words
    assert "damage" in words  # why: a sync program copies the file while it is written
    assert "What to do" in words and "move the database" in words
    assert banner.action_button.isVisible()
    assert "Backups" in banner.action_button.text()
    banner.hide_button.click()
    assert not banner.isVisible()
    window.check_locations()  # hidden for the rest of this session
    assert not banner.isVisible()


def test_backups_going_into_dropbox_are_warned_about(
    qtbot: Any, services: Services, qsettings: QSettings, tmp_path: Path
) -> None:
    services.backups.choose_folder(tmp_path / "home" / "Dropbox" / "peerdesk backups")
    window = MainWindow(services, qsettings)
    qtbot.addWidget(window)
    window.show()
    words = window.location_banner.text.text()
    assert "Dropbox" in words and "File → Backups" in words


def test_no_warning_for_ordinary_folders(
    qtbot: Any, services: Services, qsettings: QSettings
) -> None:
    window = MainWindow(services, qsettings)
    qtbot.addWidget(window)
    window.show()
    assert window.location_banner.isHidden()
