"""`peerdesk check` never changes the file it judges (issue 25, point 3).

Opening a database the usual way replays its -wal into it; a check must not: the file and
its -wal keep every byte, and changes held only in the -wal are still checked (on a copy).
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from peerdesk.cli.main import main
from peerdesk.paths import Paths


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def snapshot(path: Path) -> dict[str, bytes]:
    """The bytes of the database and every file beside it that SQLite might touch."""
    found = {}
    for suffix in ("", "-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            found[suffix] = companion.read_bytes()
    return found


def leave_wal_with(database: Path, statement: str) -> None:
    """Make `database` a file whose latest change lives only in its -wal (as after a crash):
    the change is made on a twin whose log is never checkpointed, and both files copied."""
    twin = database.with_name("twin.db")
    shutil.copyfile(database, twin)
    with contextlib.closing(sqlite3.connect(twin, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute(statement)
        # Copied while the twin is still open: closing it would checkpoint the log away.
        shutil.copyfile(twin, database)
        shutil.copyfile(wal_of(twin), wal_of(database))


def foreign_wal(database: Path) -> None:
    """Put another database's write-ahead log beside ours (a sync program mixing files up)."""
    other = database.with_name("other.db")
    with contextlib.closing(sqlite3.connect(other, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("CREATE TABLE shopping (item TEXT)")
        connection.executemany(
            "INSERT INTO shopping VALUES (?)", [(f"item {n}",) for n in range(500)]
        )
        wal_of(database).write_bytes(wal_of(other).read_bytes())


@pytest.fixture
def database(demo_template: Path, paths: Paths) -> Path:
    shutil.copyfile(demo_template, paths.database)
    return paths.database


def test_check_reads_a_healthy_file_without_touching_it(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(database)
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "The database is healthy." in out
    assert "write-ahead log" not in out
    # Not even an empty -wal or -shm is made beside it.
    assert snapshot(database) == before


def test_check_replays_a_wal_on_a_copy_and_leaves_both_files_unchanged(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The broken link exists only in the -wal: the check finds it, so it read the log.
    leave_wal_with(database, "UPDATE mentoring_session SET pairing_id = 999999 WHERE id = 1")
    before = snapshot(database)
    assert "-wal" in before and len(before["-wal"]) > 0

    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "applied to a private copy" in out
    assert "The database file itself was not changed." in out
    assert "1 broken link" in out
    assert snapshot(database) == before


def test_check_reports_a_foreign_wal_and_changes_neither_file(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign_wal(database)
    before = snapshot(database)

    assert main(["check"]) == 2
    captured = capsys.readouterr()
    assert f"({database.name}-wal) does not fit it" in captured.err
    assert "without it passes the check" in captured.err
    assert "Neither file has been changed" in captured.err
    assert "Traceback" not in captured.err
    assert snapshot(database) == before


def test_check_on_a_missing_file_still_makes_a_new_database(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    # Nothing there to keep unchanged: opening it the usual way starts a new database.
    assert not paths.database.exists()
    assert main(["check"]) == 0
    assert "The database is healthy." in capsys.readouterr().out
    assert paths.database.exists()
