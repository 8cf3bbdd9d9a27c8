"""Copies of the database made with SQLite's online backup API, never a file copy.

A backup is written under a temporary name, opened and integrity-checked, and only then given
its final name, so a half-written backup can never be mistaken for a good one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from peerdesk.errors import PeerdeskError


def backup_database(source: Path, destination: Path) -> Path:
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(destination.name + ".part")
    temporary.unlink(missing_ok=True)
    try:
        with (
            contextlib.closing(sqlite3.connect(source)) as src,
            contextlib.closing(sqlite3.connect(temporary)) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise PeerdeskError(
                "The backup copy did not pass its check, so it was not kept. "
                "Run 'Check the database' from the Help menu."
            )
        os.replace(temporary, destination)
    finally:
        temporary.unlink(missing_ok=True)
    return destination
