"""A backup is written whole or not at all: what a crash leaves while it is written is found and
removed at the next start, a disk fault while saving it says what and where, and an encrypted
database's backup shares its salt (one derived key opens both).

Found by mutation testing (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk.data import backup as backup_module
from peerdesk.data import registry
from peerdesk.data.faults import ReadOnlyLocationError
from peerdesk.data.keys import header_of
from peerdesk.errors import DatabaseDamagedError, PeerdeskError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.opening import open_services
from tests.conftest import TODAY


def test_what_a_crash_leaves_while_a_backup_is_written_goes_at_the_next_start(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    written: list[Path] = []
    real = backup_module.copy_checked

    def spy(source: object, target: Path, **options: object) -> None:
        written.append(target)
        real(source, target, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(backup_module, "copy_checked", spy)
    made = services.backups.back_up("manual", folder)
    assert len(written) == 1
    # A crash at that moment leaves the file as it was being written: put one back there.
    written[0].write_bytes(made.path.read_bytes()[:4096])
    registry.tidy(folder, identity=services.db.identity, database=services.db.path, adopt=True)
    assert not written[0].exists()
    assert made.path.exists()


def test_a_disk_fault_while_saving_a_backup_says_what_and_where(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    real = os.replace

    def refused(source: str | Path, target: str | Path) -> None:
        if Path(target).parent == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        real(source, target)

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(ReadOnlyLocationError) as refusal:
        services.backups.back_up("manual", folder)
    assert "could not save the backup" in str(refusal.value)
    assert str(folder) in str(refusal.value)
    assert not list(folder.glob("*.db*"))


@pytest.fixture
def encrypted(paths: Paths) -> Iterator[Services]:
    services = open_services(paths, "kettle orbit paper lantern", today=lambda: TODAY)
    yield services
    services.close()


def test_an_encrypted_database_backup_shares_its_salt(encrypted: Services) -> None:
    made = encrypted.backups.back_up("manual")
    assert header_of(made.path) == header_of(encrypted.db.path)


def test_a_database_that_has_gone_is_not_made_again_by_backing_it_up(tmp_path: Path) -> None:
    # The stick holding the database was pulled: the backup fails, and no empty database is
    # left where it was (one would later open as a new, empty set of records).
    gone = tmp_path / "stick" / "peerdesk.db"
    gone.parent.mkdir()
    with pytest.raises(PeerdeskError):
        backup_module.backup_database(gone, tmp_path / "backup.db")
    assert not gone.exists()
    assert not (tmp_path / "backup.db").exists()


def test_a_copy_that_fails_its_check_says_what_to_do(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A check that reports something other than "ok", as a damaged copy's would.
    monkeypatch.setitem(backup_module.CHECKS, "quick", "user_version")
    with pytest.raises(DatabaseDamagedError) as damaged:
        services.backups.back_up("automatic", tmp_path / "out")
    assert "did not pass its check" in str(damaged.value)
    assert "Check the database" in str(damaged.value)


def test_a_backup_is_flushed_to_the_disk_as_windows_allows(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows flushes a file only through a handle that may write to it (FlushFileBuffers);
    # Linux accepts any. Here fsync behaves as on Windows, so a backup synced through a
    # read-only handle fails as it would for a coordinator on Windows.
    fcntl = pytest.importorskip("fcntl", reason="reads a handle's access mode the POSIX way")
    real = os.fsync

    def windows_fsync(descriptor: int) -> None:
        # Folders are synced on POSIX only (Windows has no folder handles to sync).
        is_file = stat.S_ISREG(os.fstat(descriptor).st_mode)
        if is_file and fcntl.fcntl(descriptor, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
            raise OSError(errno.EBADF, "Bad file descriptor")
        real(descriptor)

    monkeypatch.setattr(os, "fsync", windows_fsync)
    made = services.backups.back_up("manual")
    assert made.path.exists()
