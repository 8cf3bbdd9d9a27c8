"""Encrypting a plain database in place, encrypting its backups, and changing the passphrase.

Each step works on a copy and proves it before anything is replaced: the plain file is
exported into a new encrypted file beside it (`sqlcipher_export`), every table's rows are
compared, and only then is the new file renamed over the old one, in one atomic step. A crash
or a full disk at any point leaves the plain database exactly as it was.

The caller closes every connection to the file first and holds its instance lock.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from pathlib import Path

from peerdesk import files
from peerdesk.data import walstate
from peerdesk.data.backup import (
    PART_SUFFIX,
    checkpoint,
    export_checked,
    remove_quietly,
    swap_in,
)
from peerdesk.data.engine import DRIVER_ERRORS, DatabaseError, connect_raw
from peerdesk.data.faults import translate_faults
from peerdesk.data.keys import (
    SALT_BYTES,
    SQLITE_HEADER,
    Passphrase,
    header_of,
    is_encrypted_file,
    looks_encrypted,
    salt_for,
)
from peerdesk.errors import DatabaseDamagedError, PeerdeskError

log = logging.getLogger(__name__)

ENCRYPTING_SUFFIX = ".encrypting"
_REKEY_FAILURES: tuple[type[Exception], ...] = (PeerdeskError, *DRIVER_ERRORS)
_UNREADABLE: tuple[type[Exception], ...] = (*DRIVER_ERRORS, OSError)


def fingerprint(path: Path, key: Passphrase | None = None) -> dict[str, tuple[int, str]]:
    """Each table's row count and a hash of its rows (sorted), to prove two files agree."""
    with contextlib.closing(connect_raw(path, read_only=True, key=key)) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        result: dict[str, tuple[int, str]] = {}
        for table in tables:
            rows = sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"'))
            digest = hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()
            result[table] = (len(rows), digest)
        return result


def encrypt_database(path: Path, key: Passphrase) -> None:
    """Replace the plain database at `path` with an encrypted copy holding the same records."""
    if is_encrypted_file(path):
        raise ValueError("the database is already encrypted")
    temporary = path.with_name(path.name + ENCRYPTING_SUFFIX)
    try:
        with translate_faults("encrypt the database", path):
            remove_quietly(temporary)
            checkpoint(path)
            export_checked(path, None, temporary, key, salt=os.urandom(SALT_BYTES))
            _prove_same(path, None, temporary, key)
            swap_in(temporary, path)
    finally:
        remove_quietly(temporary)
    log.info("database encrypted")


def change_passphrase(path: Path, old: Passphrase, new: Passphrase) -> None:
    """Re-encrypt the database at `path` under `new` (`PRAGMA rekey`, one transaction).

    The salt stays, so the file still opens in any SQLCipher tool with the new passphrase.
    """
    salt = salt_for(path)
    tracked = walstate.side_file(path).exists()  # the database, not a backup
    with translate_faults("change the passphrase", path):
        if tracked:
            # The rekey rewrites every page through a new log: announce it first (a kill
            # before the checkpoint must not make our own log look like another copy's).
            walstate.tracker_for(path).before_commit()
        with contextlib.closing(connect_raw(path, key=old)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            connection.execute(new.key_pragma(salt, statement="rekey"))
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if tracked:
            walstate.record_now(path)
        with contextlib.closing(connect_raw(path, read_only=True, key=new)) as connection:
            result = [row[0] for row in connection.execute("PRAGMA quick_check")]
    if result != ["ok"]:
        raise DatabaseDamagedError(
            "After the passphrase was changed the database did not pass its check. Nothing "
            "has been lost: restore the backup made just before, from File → Backups…"
        )
    log.info("passphrase changed")


def encrypt_backups(backups: list[Path], database: Path, key: Passphrase) -> list[Path]:
    """Encrypt, in place, each plain file of `backups` (this database's). Returns those done.

    Run after the database itself was encrypted: left plain, the backups would give away
    everything the encryption protects. Each is exported, compared, then renamed over, and
    shares the database's salt (one derived key opens them all). A backup that cannot be read
    is left as it is; the caller reports it.
    """
    salt = salt_for(database)
    done: list[Path] = []
    for backup in backups:
        if is_encrypted_file(backup):
            continue
        try:
            encrypt_file(backup, key, salt)
        except DatabaseDamagedError:
            log.warning("a backup could not be encrypted: it failed its check")
        else:
            done.append(backup)
    if done:
        log.info("%d backups encrypted", len(done))
    return done


def encrypt_file(path: Path, key: Passphrase, salt: bytes) -> None:
    """Replace the plain database file `path` (not open) by an encrypted copy, atomically."""
    part = path.with_name(path.name + PART_SUFFIX)
    with (
        translate_faults("encrypt a backup", path),
        files.atomic_path(path, temporary=part, discard=remove_quietly) as temporary,
    ):
        remove_quietly(temporary)
        export_checked(path, None, temporary, key, salt=salt)
        _prove_same(path, None, temporary, key)


def rekey_backups(backups: list[Path], old: Passphrase, new: Passphrase) -> list[Path]:
    """Change the passphrase of each of `backups` that opens with `old`. Returns those done.

    A backup made with an even older passphrase, or damaged, is left as it is.
    """
    done: list[Path] = []
    for backup in backups:
        if not is_encrypted_file(backup) or not opens_with(backup, old):
            continue
        try:
            change_passphrase(backup, old, new)
        except _REKEY_FAILURES as error:
            log.warning("backup passphrase not changed: %s", type(error).__name__)
        else:
            done.append(backup)
    return done


def opens_with(path: Path, key: Passphrase | None) -> bool:
    """Whether the database file at `path` can be read with `key` (None: without a key).

    Read-only, and without making -wal/-shm files beside it: for looking at files at rest.
    """
    # Only a file that can be encrypted is tried with a key: deriving a key costs half a second.
    if key is not None and not looks_encrypted(path):
        return False
    try:
        with contextlib.closing(
            connect_raw(path, read_only=True, immutable=True, key=key)
        ) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _UNREADABLE:
        return False
    return True


def is_plain_database(path: Path) -> bool:
    """A file that starts as a plain SQLite database does (readable by anyone)."""
    return header_of(path) == SQLITE_HEADER


def _prove_same(
    source: Path, source_key: Passphrase | None, copy: Path, key: Passphrase | None
) -> None:
    try:
        same = fingerprint(source, source_key) == fingerprint(copy, key)
    except DatabaseError as error:
        log.warning("copy could not be compared: %s", type(error).__name__)
        same = False
    if not same:
        raise DatabaseDamagedError(
            "The encrypted copy did not match the original, so it was not used. Nothing has "
            "changed. Run 'Check the database' from the Help menu, then try again."
        )
