"""Where a backup goes: a missing USB stick or a folder that cannot be made is reported by name
in plain words, and a folder another program makes at the same moment is simply used.

A backup folder on a stick that is not plugged in must not be recreated on the laptop's own
disk, and a coordinator told "the folder None cannot be found" cannot act on it. Found by
mutation testing (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from peerdesk.data.faults import BackupTargetMissingError, ReadOnlyLocationError
from peerdesk.services import Services


def test_a_folder_on_a_stick_that_is_not_there_is_named(services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "stick" / "peerdesk backups"
    with pytest.raises(BackupTargetMissingError) as missing:
        services.backups.back_up("manual", folder)
    assert str(folder) in str(missing.value)
    assert not folder.parent.exists()


def test_a_backup_folder_that_cannot_be_made_says_so_and_where(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared" / "backups"
    folder.parent.mkdir()

    def refused(
        self: Path, mode: int = 0o777, parents: bool = False, exist_ok: bool = False
    ) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refused)
    with pytest.raises(ReadOnlyLocationError) as refusal:
        services.backups.back_up("manual", folder)
    assert "could not make the backup folder" in str(refusal.value)
    assert str(folder) in str(refusal.value)


def test_a_folder_made_by_another_program_at_the_same_moment_is_used(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sync program makes the folder between peerdesk's look and its own mkdir.
    folder = tmp_path / "synced" / "backups"
    folder.parent.mkdir()
    real = Path.mkdir

    def raced(self: Path, mode: int = 0o777, parents: bool = False, exist_ok: bool = False) -> None:
        if self == folder and not self.exists():
            real(self)
        real(self, mode, parents, exist_ok)

    monkeypatch.setattr(Path, "mkdir", raced)
    made = services.backups.back_up("manual", folder)
    assert made.path.parent == folder and made.path.exists()
