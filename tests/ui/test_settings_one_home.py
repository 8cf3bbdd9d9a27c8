"""On screen, settings the records need are kept in the database (the coordinator's name, the
backup folder), while settings.ini keeps only how the app looks; old backup settings in
settings.ini are handed to the database once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.opening import open_services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.services.safety.backups import RotationPolicy
from peerdesk.ui import preferences
from peerdesk.ui.backups.auto_backup import AutoBackup
from peerdesk.ui.backups.backups_dialog import BackupsDialog
from peerdesk.ui.backups.menu import open_backups
from peerdesk.ui.backups.recovery_dialog import backup_folders_to_search
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.screens.settings import SettingsScreen
from tests.conftest import TODAY
from tests.helpers import last_written


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
    assert set_up.backups.policy == RotationPolicy(recent=3, monthly=24)
    reread = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    assert reread.allKeys() == ["appearance/text_size"]
    # Once: a second start finds nothing to hand over, and a later choice stays.
    set_up.organisation.set_backup_rotation({"recent": 9})
    assert not preferences.adopt_old_backup_settings(reread, set_up)
    assert set_up.backups.policy.recent == 9


def test_old_backup_settings_stay_in_the_file_until_the_organisation_is_set_up(
    services: Services, tmp_path: Path
) -> None:
    old = _old_ini(tmp_path / "old.ini", tmp_path / "stick")
    assert not preferences.adopt_old_backup_settings(old, services)
    assert old.value(preferences.OLD_BACKUP_FOLDER) == (tmp_path / "stick").as_posix()


def test_a_backup_folder_that_cannot_be_used_is_refused_in_the_backups_dialog(
    qtbot: QtBot,
    set_up: Services,
    qsettings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "peerdesk.ui.backups.backups_dialog.show_problem",
        lambda _parent, _title, message: shown.append(str(message)),
    )
    dialog = BackupsDialog(set_up, qsettings)
    qtbot.addWidget(dialog)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    assert not dialog.choose_folder(a_file)
    assert "is a file, not a folder" in shown[0]
    assert set_up.backups.folder == set_up.backups.default_folder


def test_closing_with_the_stick_unplugged_backs_up_to_peerdesks_folder_and_keeps_the_choice(
    set_up: Services, qsettings: QSettings, tmp_path: Path
) -> None:
    stick = tmp_path / "unplugged" / "stick"
    set_up.backups.save_folder(stick)
    set_up.people.add(PersonDetails(first_name="Ada"))
    auto = AutoBackup(set_up, qsettings)
    auto.last_backup = last_written(set_up.db) - timedelta(seconds=5)
    made = auto.finish()
    assert made is not None and made.path.parent == set_up.backups.default_folder
    assert set_up.organisation.backup_settings().folder == stick


def test_the_main_window_hands_old_backup_settings_to_the_database_on_opening(
    qtbot: QtBot, set_up: Services, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    old = _old_ini(tmp_path / "old.ini", stick)
    window = MainWindow(set_up, old)
    qtbot.addWidget(window)
    assert set_up.backups.folder == stick
    assert set_up.backups.policy == RotationPolicy(recent=3, monthly=24)
    assert old.value(preferences.OLD_BACKUP_FOLDER) is None
    assert preferences.TEXT_SIZE.read(old) == 2  # how the app looks stays in settings.ini


def test_settings_chooses_the_backup_folder_and_rotation_kept_in_the_database(
    qtbot: QtBot, set_up: Services, qsettings: QSettings, tmp_path: Path
) -> None:
    screen = SettingsScreen(set_up, qsettings)
    qtbot.addWidget(screen)
    screen.refresh()
    panel = screen.backups_panel
    assert "peerdesk's own folder" in panel.folder_label.text()
    assert panel.keep["daily"].value() == RotationPolicy().daily
    stick = tmp_path / "stick"
    stick.mkdir()
    assert panel.choose_folder(stick)
    assert str(stick.resolve()) in panel.folder_label.text()
    panel.keep["recent"].setValue(3)
    panel.keep["monthly"].setValue(36)
    panel.save_button.click()
    assert "Saved" in panel.saved_note.text()
    assert set_up.backups.folder == stick.resolve()
    assert set_up.backups.policy == RotationPolicy(recent=3, monthly=36)
    assert not qsettings.allKeys()  # nothing about backups on this computer only
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    assert not panel.choose_folder(a_file)
    assert "is a file, not a folder" in panel.rows.problem_text("backup_folder")
    assert set_up.backups.folder == stick.resolve()
    panel.own_button.click()
    assert set_up.backups.folder == set_up.backups.default_folder


def test_a_database_that_cannot_be_opened_has_its_backups_looked_for_everywhere_noted(
    paths: Paths, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    services = open_services(paths, today=lambda: TODAY)
    try:
        services.organisation.save(OrganisationDetails(name="Wick Peers"))
        services.backups.save_folder(stick)
        services.backups.back_up("manual")
    finally:
        services.close()
    old_stick = tmp_path / "old stick"
    old = _old_ini(tmp_path / "old.ini", old_stick)  # as peerdesk 0.1 left it
    assert backup_folders_to_search(paths, old) == [stick.resolve(), old_stick]
    empty = QSettings(str(tmp_path / "new.ini"), QSettings.Format.IniFormat)
    assert backup_folders_to_search(paths, empty) == [stick.resolve()]


def test_a_folder_chosen_in_the_backups_dialog_shows_on_the_open_settings_screen(
    qtbot: QtBot,
    set_up: Services,
    qsettings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(set_up, qsettings)
    qtbot.addWidget(window)
    window.show_screen("settings")
    screen = window.screens.built("settings")
    assert isinstance(screen, SettingsScreen)
    stick = tmp_path / "stick"
    stick.mkdir()

    def choose_in_the_dialog(dialog: BackupsDialog) -> int:
        dialog.choose_folder(stick)
        return 0

    monkeypatch.setattr(BackupsDialog, "exec", choose_in_the_dialog)
    open_backups(set_up, qsettings, window)
    assert str(stick.resolve()) in screen.backups_panel.folder_label.text()
