"""Helpers shared by tests: whole-database snapshots to prove nothing changed."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

from peerdesk.data.database import Database


def table_contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every user table's rows, sorted, read with plain sqlite3 (independent of the ORM)."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    return table_contents(db.path)
