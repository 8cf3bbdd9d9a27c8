"""On screen, settings the records need are kept in the database (the coordinator's name, the
backup folder), while settings.ini keeps only how the app looks; old backup settings in
settings.ini are handed to the database once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.backups import RotationPolicy
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.ui import preferences
from peerdesk.ui.screens.settings import SettingsScreen


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def set_up(services: Services) -> Services:
    services.organisation.save(OrganisationDetails(name="Wick Peers"))
    return services


def test_the_coordinators_name_is_typed_in_settings_and_kept_in_the_database(
    qtbot: QtBot, set_up: Services, qsettings: QSettings
) -> None:
    screen = SettingsScreen(set_up, qsettings)
    qtbot.addWidget(screen)
    screen.refresh()
    qtbot.keyClicks(screen.coordinator_name, "Morag Gunn")
    screen.save_button.click()
    organisation = set_up.organisation.get()
    assert organisation is not None and organisation.coordinator_name == "Morag Gunn"
    assert not any("coordinator" in key for key in qsettings.allKeys())
    again = SettingsScreen(set_up, qsettings)
    qtbot.addWidget(again)
    again.refresh()
    assert again.coordinator_name.text() == "Morag Gunn"


def _old_ini(path: Path, folder: Path) -> QSettings:
    """settings.ini as peerdesk 0.1 left it: appearance and the backup settings together."""
    path.write_text(
        "[appearance]\ntext_size=2\n"
        f"[backups]\nfolder={folder.as_posix()}\nkeep_recent=3\nkeep_monthly=24\n",
        encoding="utf-8",
    )
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_old_backup_settings_are_handed_to_the_database_once(
    set_up: Services, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    old = _old_ini(tmp_path / "old.ini", stick)
    assert preferences.adopt_old_backup_settings(old, set_up)
    settings = set_up.organisation.backup_settings()
    assert settings.folder == stick
    assert settings.rotation == RotationPolicy(recent=3, monthly=24)
    reread = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    assert reread.allKeys() == ["appearance/text_size"]
    # Once: a second start finds nothing to hand over, and a later choice stays.
    set_up.organisation.set_backup_rotation({"recent": 9})
    assert not preferences.adopt_old_backup_settings(reread, set_up)
    assert set_up.organisation.backup_settings().rotation.recent == 9


def test_old_backup_settings_stay_in_the_file_until_the_organisation_is_set_up(
    services: Services, tmp_path: Path
) -> None:
    old = _old_ini(tmp_path / "old.ini", tmp_path / "stick")
    assert not preferences.adopt_old_backup_settings(old, services)
    assert old.value(preferences.OLD_BACKUP_FOLDER) == (tmp_path / "stick").as_posix()
