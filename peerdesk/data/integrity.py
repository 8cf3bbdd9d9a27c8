"""Checking a database file without changing it (`peerdesk check`).

A check must never be the thing that changes the file it judges: opening the database the
usual way replays any write-ahead log (-wal) into it, migrates it and stores its identity. So
the file is read here through a read-only (`mode=ro`) connection that SQLite also promises
nothing else is writing (`immutable=1`), which makes no -wal or -shm beside it; an encrypted
file the same way through SQLCipher. A -wal found beside the file holds changes the file
alone does not: they are read by replaying the log into a private copy, never into the file,
and the result says so. A -wal that the side file (`peerdesk.data.walstate`) shows to be
another copy's is not replayed at all: the file alone is checked and the log reported (opening
the database would set it aside).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peerdesk.data import walstate
from peerdesk.data.database import prove_key
from peerdesk.data.engine import DatabaseError, connect_raw
from peerdesk.data.faults import translate_faults
from peerdesk.data.keys import (
    Passphrase,
    PassphraseNeededError,
    is_encrypted_file,
    looks_encrypted,
)
from peerdesk.data.walstate import wal_of
from peerdesk.errors import DatabaseDamagedError, NotAPeerdeskDatabaseError

log = logging.getLogger(__name__)

__all__ = ["FileHealth", "check_file", "probe", "wal_of"]

#: Runs one SQL statement and returns its rows (a raw connection's or an engine's).
Run = Callable[[str], Sequence[Sequence[Any]]]


@dataclass(frozen=True)
class FileHealth:
    """What a check found: SQLite's own verdict, broken links, rows per table."""

    integrity: list[str]
    broken_links: list[str] = field(default_factory=list)
    record_counts: dict[str, int] = field(default_factory=dict)
    #: A -wal beside the file was replayed into a copy to read it (the file was untouched).
    wal_replayed_on_copy: bool = False


def probe(run: Run, *, full: bool = True) -> FileHealth:
    """The integrity check (full or quick), the foreign-key check and the record counts."""
    pragma = "integrity_check" if full else "quick_check"
    integrity = [str(row[0]) for row in run(f"PRAGMA {pragma}")]
    broken = [
        f"a {row[0]} record (row {row[1]}) points to a missing {row[2]} record"
        for row in run("PRAGMA foreign_key_check")
    ]
    tables = [
        str(row[0])
        for row in run(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
        )
    ]
    counts = {table: int(run(f'SELECT count(*) FROM "{table}"')[0][0] or 0) for table in tables}
    return FileHealth(integrity=integrity, broken_links=broken, record_counts=counts)


def check_file(path: Path, key: Passphrase | None = None) -> FileHealth:
    """Run the full check on the database at `path`, leaving it and its -wal byte for byte
    as they were (see the module docstring). The caller holds the instance lock, so nobody
    writes the file or its -wal while they are read or copied.

    Raises `NotAPeerdeskDatabaseError` for a file that is not a peerdesk database,
    `PassphraseNeededError`/`WrongPassphraseError` for an encrypted one without the right
    key, and `DatabaseDamagedError` when SQLite cannot read it at all.
    """
    encrypted = is_encrypted_file(path)
    if encrypted and not looks_encrypted(path):
        raise NotAPeerdeskDatabaseError(
            f"The file {path.name} is not a peerdesk database (it may be damaged or a "
            "different kind of file). It has not been changed."
        )
    if encrypted and key is None:
        raise PassphraseNeededError(
            f"The database {path.name} is encrypted. Enter its passphrase to open it."
        )
    key = key if encrypted else None
    wal = wal_of(path)
    if not (wal.exists() and wal.stat().st_size > 0):
        return _read(path, key, on_copy=False)
    if walstate.verdict(path) == "foreign":
        raise DatabaseDamagedError(_foreign_wal_message(path, key))
    with (
        translate_faults("make a private copy of the database to check", path),
        tempfile.TemporaryDirectory(prefix="peerdesk-check-") as folder,
    ):
        # The folder is private to this user (mode 0700) and removed with everything in it.
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, wal_of(copy))
        try:
            return _read(copy, key, on_copy=True)
        except (DatabaseDamagedError, NotAPeerdeskDatabaseError) as problem:
            raise DatabaseDamagedError(_unfit_wal_message(path, key)) from problem


def _foreign_wal_message(path: Path, key: Passphrase | None) -> str:
    """The -wal is another copy's (by its salts): say so, and how the file alone fares."""
    try:
        alone = _read(path, key, on_copy=False)
        healthy = alone.integrity == ["ok"] and not alone.broken_links
    except (DatabaseDamagedError, NotAPeerdeskDatabaseError):
        healthy = False
    log.warning(
        "database check: the -wal belongs to another copy (file alone healthy: %s)", healthy
    )
    verdict = (
        "The database file without it passes the check."
        if healthy
        else "The database file without it does NOT pass the check: restore your most recent "
        "backup, or ask for help."
    )
    return (
        f"The write-ahead log beside the database ({path.name}-wal) belongs to another copy "
        "of this database (perhaps copied from another computer), not to this file, so the "
        f"check did not use it. {verdict} Neither file has been changed. When peerdesk next "
        "opens the database it sets that log aside, unused, and keeps it."
    )


def _unfit_wal_message(path: Path, key: Passphrase | None) -> str:
    """The file with its -wal cannot be read: say whether the file alone can, so the
    coordinator (or whoever helps) knows the log is the likely culprit (another copy's)."""
    try:
        alone = _read(path, key, on_copy=False)
    except (DatabaseDamagedError, NotAPeerdeskDatabaseError):
        alone = None
    log.warning("database check: the -wal does not fit (file alone readable: %s)", bool(alone))
    if alone is not None and alone.integrity == ["ok"]:
        return (
            f"The write-ahead log beside the database ({path.name}-wal) does not fit it: it "
            "may belong to another copy of the database, or be damaged. The database file "
            "without it passes the check. Neither file has been changed. Keep both, and "
            "restore your most recent backup or ask for help."
        )
    return (
        f"The database {path.name} cannot be read, with or without the write-ahead log "
        f"beside it ({path.name}-wal): it is damaged. Neither file has been changed. Restore "
        "your most recent backup, or ask for help. Do not delete the files."
    )


def _read(path: Path, key: Passphrase | None, *, on_copy: bool) -> FileHealth:
    """Check `path`: the file itself read-only and immutable, or a private copy as it is
    (opened for writing, so that SQLite replays its -wal into the copy)."""
    try:
        with contextlib.closing(
            connect_raw(path, read_only=not on_copy, immutable=not on_copy, key=key)
        ) as connection:
            if key is not None:
                prove_key(connection, path)

            def run(sql: str) -> Sequence[Sequence[Any]]:
                return list(connection.execute(sql).fetchall())

            tables = {row[0] for row in run("SELECT name FROM sqlite_master WHERE type='table'")}
            if tables and "alembic_version" not in tables:
                raise NotAPeerdeskDatabaseError(
                    f"The file {path.name} is a database, but not a peerdesk one. It has not "
                    "been changed."
                )
            found = probe(run, full=True)
    except DatabaseError as error:
        log.warning("database check could not read the file: %s", type(error).__name__)
        raise DatabaseDamagedError(
            f"The database {path.name} cannot be read: it is damaged. It has not been "
            "changed. Restore your most recent backup, or ask for help. Do not delete the file."
        ) from error
    if on_copy:
        return FileHealth(
            integrity=found.integrity,
            broken_links=found.broken_links,
            record_counts=found.record_counts,
            wal_replayed_on_copy=True,
        )
    return found
