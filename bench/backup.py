"""Backup: peerdesk's backup of the large database against the sqlite3 command's `.backup`.

Ours: `services.backups.back_up("manual", folder)`, what the Backups dialog and the automatic
backup call: SQLite's online backup into a temporary file, an integrity check of the copy, an
fsync, the rename, rotation of old backups and the counts shown in the list.
Floor: `sqlite3 DATABASE ".backup COPY"` in a fresh process (the CLI that ships with SQLite).
Without that command on the machine, Python's `sqlite3.Connection.backup` is the floor, and the
result says so.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

from bench.dataset import WORK
from bench.harness import Comparison, interleave


def _floor(database: Path, copy: Path) -> tuple[Any, str]:
    cli = shutil.which("sqlite3")
    if cli is not None:

        def job() -> None:
            copy.unlink(missing_ok=True)
            subprocess.run([cli, str(database), f".backup '{copy}'"], check=True)

        return job, "sqlite3 command-line .backup (a fresh process)"

    def fallback() -> None:
        copy.unlink(missing_ok=True)
        with closing(sqlite3.connect(database)) as src, closing(sqlite3.connect(copy)) as dst:
            src.backup(dst)

    return fallback, "Python sqlite3 Connection.backup (no sqlite3 command on this machine)"


def run(services: Any, database: Path, runs: int) -> Comparison:
    folder = WORK / "backups-ours"
    copy = WORK / "backup-floor.db"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    floor_job, floor_label = _floor(database, copy)

    def ours() -> None:
        services.backups.back_up("manual", folder)
        # Start each run from an empty folder, as the floor does.
        for made in folder.iterdir():
            made.unlink()

    mine, floor = interleave(ours, floor_job, runs)
    copy.unlink(missing_ok=True)
    size = database.stat().st_size
    return Comparison(
        "backup",
        "Backup of the large database",
        mine,
        floor,
        1.5,
        floor_label,
        notes=[f"database file {size / 1e6:.0f} MB"],
        extra={"database_bytes": size},
    )
