"""Reading a write-ahead log's header, the side file, and the verdict on a -wal (walstate)."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from peerdesk.data import walstate
from peerdesk.data.walstate import WalRecord


@contextlib.contextmanager
def open_log(database: Path) -> Iterator[sqlite3.Connection]:
    """A connection in WAL mode that never folds its log in while open."""
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        yield connection
    finally:
        connection.close()


def wal(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "peerdesk.db"
    with open_log(path) as connection:
        connection.execute("CREATE TABLE t (x INTEGER)")
    return path


def record_of(database: Path, **changes: Any) -> WalRecord:
    return dataclasses.replace(walstate.current_record(database), **changes)


def test_no_header_for_a_missing_empty_short_or_strange_log(tmp_path: Path) -> None:
    log = tmp_path / "x.db-wal"
    assert walstate.read_header(log) is None
    log.write_bytes(b"")
    assert walstate.read_header(log) is None
    log.write_bytes(b"\x37\x7f\x06\x82" + b"\0" * 10)
    assert walstate.read_header(log) is None
    log.write_bytes(b"not a write-ahead log at all, more than 32 bytes long")
    assert walstate.read_header(log) is None


def test_the_header_gives_the_salts_and_a_restart_bumps_salt_1(database: Path) -> None:
    with open_log(database) as connection:
        connection.execute("INSERT INTO t VALUES (1)")
        first = walstate.read_header(wal(database))
        assert first is not None and first.page_size == 4096
        assert walstate.holds_commit(wal(database), first)
        connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        connection.execute("INSERT INTO t VALUES (2)")
        second = walstate.read_header(wal(database))
    assert second is not None
    assert second.salt1 == first.salt1 + 1
    assert second.checkpoint == first.checkpoint + 1
    assert second.salt2 != first.salt2


def test_a_log_with_no_committed_frame_holds_nothing(database: Path) -> None:
    with open_log(database) as connection:
        connection.execute("INSERT INTO t VALUES (1)")
        header = walstate.read_header(wal(database))
        data = wal(database).read_bytes()
    assert header is not None
    only_header = database.with_name("copy.db-wal")
    only_header.write_bytes(data[: walstate.HEADER_BYTES])
    assert not walstate.holds_commit(only_header, header)
    # A frame whose bytes were damaged breaks the checksum chain: not replayed by SQLite.
    damaged = bytearray(data)
    damaged[walstate.HEADER_BYTES + 100] ^= 0xFF
    only_header.write_bytes(bytes(damaged))
    assert not walstate.holds_commit(only_header, header)


def leave_log(database: Path) -> walstate.WalHeader:
    """Leave a committed -wal beside `database` (copied while open, as a kill leaves it)."""
    with open_log(database) as connection:
        connection.execute("INSERT INTO t VALUES (1)")
        data = wal(database).read_bytes()
    wal(database).write_bytes(data)
    header = walstate.read_header(wal(database))
    assert header is not None
    return header


def test_verdicts(database: Path) -> None:
    assert walstate.verdict(database) == "none"
    header = leave_log(database)
    assert walstate.verdict(database) == "untracked", "no record: the limit, trusted"

    def judged(**changes: Any) -> str:
        walstate.write_record(database, record_of(database, **changes))
        return walstate.verdict(database)

    assert judged() == "ours"
    assert judged(salts=(1, 2), checkpoint=0) == "foreign"
    assert judged(salts=None, checkpoint=None) == "foreign"
    assert judged(salts=(1, 2), pending=True) == "ours"
    restarted_from = ((header.salt1 - 1) & 0xFFFFFFFF, 12345)
    assert judged(salts=restarted_from, checkpoint=header.checkpoint - 1) == "ours"
    assert judged(salts=restarted_from, checkpoint=header.checkpoint + 5) == "foreign"
    # Closed cleanly, and the file is still the one closed: the log is another copy's.
    assert judged(salts=None, checkpoint=None, closed=True) == "foreign"
    # Closed cleanly, but another file has been put in its place since: trusted with its log.
    assert judged(salts=None, checkpoint=None, closed=True, database_inode=1) == "untracked"
    walstate.side_file(database).write_text("{ not json", encoding="utf-8")
    assert walstate.verdict(database) == "untracked"


def test_set_aside_keeps_the_log_under_a_dated_name_and_removes_its_index(
    database: Path,
) -> None:
    leave_log(database)
    data = wal(database).read_bytes()
    database.with_name(database.name + "-shm").write_bytes(b"index")
    when = datetime(2026, 6, 15, 10, 15, 0)
    first = walstate.set_aside(database, when)
    assert first.name == "peerdesk.db-wal.foreign-20260615-101500"
    assert first.read_bytes() == data
    assert not wal(database).exists()
    assert not database.with_name(database.name + "-shm").exists()
    leave_log(database)
    second = walstate.set_aside(database, when)
    assert second.name == "peerdesk.db-wal.foreign-20260615-101500-2"
    assert first.exists()


def test_a_record_that_cannot_be_written_is_logged_without_the_path(
    database: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied", str(database))

    monkeypatch.setattr(os, "replace", refuse)
    with caplog.at_level(logging.WARNING):
        assert walstate.write_record(database, walstate.current_record(database)) is False
        walstate.record_now(database)  # never raises either
    assert "PermissionError" in caplog.text
    assert str(database.parent) not in caplog.text
    assert not walstate.side_file(database).exists()
    assert not [p for p in database.parent.iterdir() if p.name.endswith(".part")]


def test_the_tracker_announces_a_new_log_then_records_its_salts(database: Path) -> None:
    tracker = walstate.tracker_for(database)
    tracker.record(closed=True)
    tracker.before_commit()
    announced = walstate.read_record(database)
    assert announced is not None and announced.pending
    header = leave_log(database)
    tracker.after_transaction()
    recorded = walstate.read_record(database)
    assert recorded is not None and not recorded.pending
    assert recorded.salts == header.salts
    # Appending to a recorded log needs no announcement (a restart from it is recognised).
    tracker.before_commit()
    again = walstate.read_record(database)
    assert again is not None and not again.pending
