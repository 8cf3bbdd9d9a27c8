"""Helpers shared by tests: whole-database snapshots to prove nothing changed."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from peerdesk.data.database import Database

#: Not records: the database's own identity and where it was last opened, renewed when a copy
#: is opened (peerdesk.data.identity), so two copies of the same records differ only there.
NOT_RECORDS = ("database_identity",)


def table_contents(path: Path, *, every_table: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every user table's rows, sorted, read with plain sqlite3 (independent of the ORM).

    Leaves out `NOT_RECORDS` unless `every_table` (the file exactly as it is)."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
            if every_table or row[0] not in NOT_RECORDS
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    return table_contents(db.path)


def database_files(db: Database) -> list[Path]:
    """The database file and its write-ahead log, those that exist."""
    return [p for p in (db.path, db.path.with_name(db.path.name + "-wal")) if p.exists()]


def last_written(db: Database) -> datetime:
    """When the database (or its write-ahead log) was last written, by the file system's clock.

    Tests of "changed since" place their moments relative to this, never to the wall clock.
    """
    return datetime.fromtimestamp(max(p.stat().st_mtime for p in database_files(db)))
