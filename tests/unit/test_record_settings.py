"""The settings the records need live in the database: the coordinator's name, the backup
folder and rotation, checked before anything is saved, and adopted once from settings.ini."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.organisation import OldBackupSettings, OrganisationDetails
from peerdesk.services.safety.backups import RotationPolicy


@pytest.fixture
def set_up(services: Services) -> Services:
    services.organisation.save(OrganisationDetails(name="Wick Peers"))
    return services


def test_nothing_chosen_means_peerdesks_own_folder_and_usual_rotation(set_up: Services) -> None:
    settings = set_up.organisation.backup_settings()
    assert settings.folder is None
    assert set_up.backups.policy == RotationPolicy()


def test_the_coordinators_name_is_saved_with_the_organisation(set_up: Services) -> None:
    set_up.organisation.save(OrganisationDetails(name="Wick Peers", coordinator_name=" Ann Ross "))
    organisation = set_up.organisation.get()
    assert organisation is not None and organisation.coordinator_name == "Ann Ross"


def test_a_chosen_folder_and_rotation_are_kept_in_the_database(
    set_up: Services, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    set_up.organisation.choose_backup_folder(stick)
    set_up.organisation.set_backup_rotation({"recent": 3, "monthly": 24})
    settings = set_up.organisation.backup_settings()
    assert settings.folder == stick.resolve()
    assert set_up.backups.policy == RotationPolicy(recent=3, daily=7, weekly=4, monthly=24)
    organisation = set_up.organisation.get()
    assert organisation is not None and organisation.backup_folder == str(stick.resolve())
    set_up.organisation.choose_backup_folder(None)
    set_up.organisation.set_backup_rotation({"recent": None})
    settings = set_up.organisation.backup_settings()
    assert settings.folder is None
    assert set_up.backups.policy == RotationPolicy(monthly=24)


def test_a_folder_that_is_not_there_yet_is_kept_like_an_unplugged_stick(
    set_up: Services, tmp_path: Path
) -> None:
    set_up.organisation.choose_backup_folder(tmp_path / "unplugged")
    assert set_up.organisation.backup_settings().folder == tmp_path / "unplugged"


def test_a_relative_folder_is_refused(set_up: Services) -> None:
    with pytest.raises(ValidationError, match="full path"):
        set_up.organisation.choose_backup_folder("backups")


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="a read-only folder is still writable for root, and chmod differs on Windows",
)
def test_a_folder_that_cannot_be_written_is_refused(set_up: Services, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ValidationError, match="cannot save files"):
            set_up.organisation.choose_backup_folder(locked)
    finally:
        locked.chmod(0o700)
    assert set_up.organisation.backup_settings().folder is None


def test_a_folder_the_system_will_not_write_in_is_refused(
    set_up: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root may write anywhere, so the refusal a locked USB stick gives is played here.
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr("peerdesk.services.organisation.service.tempfile.TemporaryFile", refuse)
    with pytest.raises(ValidationError, match="cannot save files in") as raised:
        set_up.organisation.choose_backup_folder(tmp_path)
    assert raised.value.field == "backup_folder"
    assert set_up.organisation.backup_settings().folder is None


def test_a_file_instead_of_a_folder_is_refused(set_up: Services, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    with pytest.raises(ValidationError, match="is a file, not a folder") as raised:
        set_up.organisation.choose_backup_folder(not_a_folder)
    assert raised.value.field == "backup_folder"
    assert set_up.organisation.backup_settings().folder is None


@pytest.mark.parametrize(
    ("kind", "number", "words"),
    [
        ("recent", 0, "most recent backups to keep must be between 1 and 100"),
        ("daily", 366, "days with a backup to keep must be between 1 and 365"),
        ("weekly", -1, "weeks with a backup to keep must be between 1 and 260"),
        ("monthly", 241, "months with a backup to keep must be between 1 and 240"),
    ],
)
def test_rotation_numbers_out_of_range_are_refused_and_nothing_is_half_saved(
    set_up: Services, kind: str, number: int, words: str
) -> None:
    with pytest.raises(ValidationError, match=words) as raised:
        set_up.organisation.set_backup_rotation({"recent": 9, kind: number})
    assert raised.value.field == f"backup_keep_{kind}"
    assert set_up.backups.policy == RotationPolicy()


def test_before_setting_up_backup_settings_cannot_be_saved(
    services: Services, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="organisation's details first"):
        services.organisation.choose_backup_folder(tmp_path)
    assert services.organisation.backup_settings().folder is None


def test_old_settings_are_adopted_once_and_brought_into_range(
    set_up: Services, tmp_path: Path
) -> None:
    old = OldBackupSettings(
        folder=str(tmp_path / "stick"),
        keep=(("recent", "3"), ("daily", "0"), ("weekly", "many"), ("monthly", "1000")),
    )
    assert set_up.organisation.adopt_old_backup_settings(old)
    settings = set_up.organisation.backup_settings()
    assert settings.folder == tmp_path / "stick"
    # 0 became 1 and 1000 the most allowed, as the old settings reader did; "many" is ignored.
    assert set_up.backups.policy == RotationPolicy(recent=3, daily=1, weekly=4, monthly=240)


def test_what_the_database_chose_is_not_overwritten_by_old_settings(
    set_up: Services, tmp_path: Path
) -> None:
    set_up.organisation.choose_backup_folder(tmp_path)
    set_up.organisation.set_backup_rotation({"recent": 8})
    old = OldBackupSettings(folder="/elsewhere", keep=(("recent", "2"), ("daily", "9")))
    assert set_up.organisation.adopt_old_backup_settings(old)
    settings = set_up.organisation.backup_settings()
    assert settings.folder == tmp_path.resolve()
    assert set_up.backups.policy == RotationPolicy(recent=8, daily=9)


def test_old_settings_wait_until_the_organisation_is_set_up(
    services: Services, tmp_path: Path
) -> None:
    old = OldBackupSettings(folder=str(tmp_path), keep=(("recent", "2"),))
    assert not services.organisation.adopt_old_backup_settings(old)
    services.organisation.save(OrganisationDetails(name="Wick Peers"))
    assert services.organisation.backup_settings().folder is None


def test_old_settings_are_never_adopted_by_the_demo(
    demo_services: Services, tmp_path: Path
) -> None:
    old = OldBackupSettings(folder=str(tmp_path), keep=(("recent", "2"),))
    assert not demo_services.organisation.adopt_old_backup_settings(old)
    assert demo_services.organisation.backup_settings().folder is None
