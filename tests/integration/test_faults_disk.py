"""Disk full, read-only folder, locked file, missing backup target: each its own message.

In every case the database is unchanged and no partial file is left behind. Disk full uses
SQLite's max_page_count (no mount needed) and, when the tests run as root, a tiny tmpfs; the
read-only folder is a read-only tmpfs mount when root can mount one (root ignores chmod), and
otherwise the refusal is simulated at the sqlite3 boundary.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from peerdesk.data import backup as backup_module
from peerdesk.data.database import Database, open_database
from peerdesk.data.faults import (
    BackupTargetMissingError,
    DiskFullError,
    FileLockedError,
    ReadOnlyLocationError,
)
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from tests.helpers import table_contents


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if not p.name.endswith(("-shm", "-wal", ".lock"))}


NEEDS_ROOT = "needs root (to mount a tmpfs): run this file as root, e.g. in the CI container"


@contextlib.contextmanager
def mounted_tmpfs(where: Path, size: str, *, read_only: bool = False) -> Iterator[str | None]:
    """A tmpfs at `where` (read-only if asked): yields None once mounted, else the reason
    it could not be (the skip reason of a test that needs it)."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        yield NEEDS_ROOT
        return
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        yield f"{NEEDS_ROOT}; this system has no mount command"
        return
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip()
        yield f"needs root allowed to mount (a container may forbid it); mount said: {said}"
        return
    try:
        if read_only:
            subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
        yield None
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def limit_pages(db: Database, extra_pages: int = 0) -> None:
    """Make every new connection see a 'disk' no bigger than the file is now."""

    @event.listens_for(db.engine, "connect")
    def _full(connection: Any, _record: Any) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages + extra_pages}")


def test_disk_full_while_saving_says_so_and_saves_nothing(services: Services) -> None:
    services.people.add(PersonDetails(first_name="Already here"))
    before = table_contents(services.db.path)
    files = listing(services.db.path.parent)
    limit_pages(services.db)
    with pytest.raises(DiskFullError) as full:
        services.people.add(
            PersonDetails(first_name="Big", notes="many words " * 1500, address="a long way " * 200)
        )
    assert "The disk is full" in str(full.value) and "Nothing was half-saved" in str(full.value)
    assert table_contents(services.db.path) == before
    assert listing(services.db.path.parent) == files


def test_disk_full_during_a_backup_leaves_no_partial_file(
    demo_services: Services, tmp_path: Path
) -> None:
    stick = tmp_path / "tiny"
    with mounted_tmpfs(stick, "64k") as cannot:
        if cannot:
            pytest.skip(f"a tiny tmpfs for a full disk: {cannot}")
        with pytest.raises(DiskFullError, match="The disk is full"):
            demo_services.backups.back_up("manual", folder=stick)
        assert list(stick.iterdir()) == []


def test_a_read_only_backup_folder_says_so_and_leaves_nothing(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "read-only"
    with mounted_tmpfs(folder, "1m", read_only=True) as cannot:
        if cannot:
            # Root ignores chmod, so without a mount the refusal is simulated where SQLite
            # opens the file.
            def refuse(*_args: Any, **_kwargs: Any) -> sqlite3.Connection:
                raise sqlite3.OperationalError("attempt to write a readonly database")

            monkeypatch.setattr(backup_module, "connect_raw", refuse)
        with pytest.raises(ReadOnlyLocationError) as refused:
            services.backups.back_up("manual", folder=folder)
        assert "read-only" in str(refused.value) and str(folder) in str(refused.value)
        assert list(folder.iterdir()) == []


def test_a_database_in_a_read_only_folder_is_refused_plainly(tmp_path: Path, paths: Paths) -> None:
    folder = tmp_path / "ro-data"
    with mounted_tmpfs(folder, "1m", read_only=True) as cannot:
        if cannot:
            pytest.skip(f"a read-only tmpfs: {cannot}")
        with pytest.raises(ReadOnlyLocationError, match="read-only"):
            open_database(folder / "peerdesk.db", backup_dir=paths.backup_dir)


def test_a_database_locked_by_another_program_says_so_and_is_unchanged(
    services: Services,
) -> None:
    services.people.add(PersonDetails(first_name="Already here"))
    before = table_contents(services.db.path)

    @event.listens_for(services.db.engine, "connect")
    def _impatient(connection: Any, _record: Any) -> None:
        connection.execute("PRAGMA busy_timeout = 50")

    other = sqlite3.connect(services.db.path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(FileLockedError) as locked:
            services.people.add(PersonDetails(first_name="Blocked"))
        assert "being used by another program" in str(locked.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert table_contents(services.db.path) == before
    assert len(services.people.list_rows()) == 1


def test_a_missing_backup_target_says_plug_it_in(services: Services, tmp_path: Path) -> None:
    stick = tmp_path / "media" / "USB STICK" / "peerdesk backups"
    with pytest.raises(BackupTargetMissingError) as missing:
        services.backups.back_up("manual", folder=stick)
    assert "plug it in" in str(missing.value)
    assert not (tmp_path / "media").exists()


def test_each_fault_has_its_own_message() -> None:
    from peerdesk.data import faults

    messages = {
        faults.disk_full("save").message,
        faults.read_only("save", Path("/x/y.db")).message,
        faults.locked("save", Path("/x/y.db")).message,
        faults.target_missing(Path("/x")).message,
        faults.damaged("save").message,
    }
    assert len(messages) == 5
