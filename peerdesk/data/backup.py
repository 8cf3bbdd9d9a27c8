"""Copies of the database made with SQLite's online backup API, never a file copy.

A backup is written under a temporary name, opened and integrity-checked, and only then given
its final name, so a half-written backup can never be mistaken for a good one. Restoring works
the same way in reverse: the backup is copied beside the database under a temporary name,
checked, and only then moved over the database in one atomic rename.

A backup of an encrypted database is encrypted with the same passphrase (and the same salt, so
one derived key opens both). Copies between an encrypted and a plain file go through
`sqlcipher_export`, because SQLite's page-by-page backup cannot change a file's encryption.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peerdesk import files
from peerdesk.data import walstate
from peerdesk.data.engine import DRIVER_ERRORS, Connection, connect_raw
from peerdesk.data.faults import target_missing, translate_faults
from peerdesk.data.keys import Passphrase, is_encrypted_file, salt_for
from peerdesk.errors import DatabaseDamagedError

log = logging.getLogger(__name__)

#: Files SQLite keeps beside a database while it is in use or after a crash.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")

PART_SUFFIX = files.PART_SUFFIX

#: Backups are named `<database stem>_<YYYY-MM-DD_HHMMSS>_<reason>_<identity tag>.db`, so they
#: sort by time, say why they were made, and belong to one database whatever its file is called:
#: the tag is the start of the database's own identity (a UUID stored inside it), so two
#: databases both called peerdesk.db never share backups, a list or a rotation.
STAMP_FORMAT = "%Y-%m-%d_%H%M%S"
TAG_LENGTH = 12
_STAMP = r"(?P<stamp>\d{4}-\d{2}-\d{2}_\d{6})"
_NAME = re.compile(
    rf"^(?P<stem>.+)_{_STAMP}_(?P<reason>[a-z-]+)_(?P<tag>[0-9a-f]{{{TAG_LENGTH}}})\.db$"
)
#: Names used before backups carried their database's identity: the documented
#: `<stem>_<stamp>_<reason>.db`, and `<stem>_<reason>_<stamp>.db` as the import and erasure
#: once wrote them. They are adopted (renamed with a tag) by `peerdesk.data.registry`.
_OLD_NAMES = (
    re.compile(rf"^(?P<stem>.+)_{_STAMP}_(?P<reason>[a-z-]+)\.db$"),
    re.compile(rf"^(?P<stem>.+)_(?P<reason>[a-z][a-z-]*)_{_STAMP}\.db$"),
)


@dataclass(frozen=True)
class BackupName:
    stem: str
    made_at: datetime
    reason: str
    #: The identity tag of the database it is a backup of; None for an old name.
    tag: str | None = None


def identity_tag(identity: str) -> str:
    """The part of a database identity (a UUID) that goes into its backups' names."""
    return identity.replace("-", "").lower()[:TAG_LENGTH]


def backup_file_name(database: Path, reason: str, when: datetime, identity: str) -> str:
    return f"{database.stem}_{when.strftime(STAMP_FORMAT)}_{reason}_{identity_tag(identity)}.db"


def parse_backup_name(name: str) -> BackupName | None:
    """A backup's name read back; None for anything else (and for old names)."""
    return _parsed(_NAME.match(name), tagged=True)


def parse_old_backup_name(name: str) -> BackupName | None:
    """A backup named the way peerdesk 0.1 named them (no identity tag), or None."""
    for pattern in _OLD_NAMES:
        parsed = _parsed(pattern.match(name), tagged=False)
        if parsed is not None:
            return parsed
    return None


def _parsed(match: re.Match[str] | None, *, tagged: bool) -> BackupName | None:
    if match is None:
        return None
    try:
        made_at = datetime.strptime(match["stamp"], STAMP_FORMAT)
    except ValueError:
        return None
    tag = match["tag"] if tagged else None
    return BackupName(stem=match["stem"], made_at=made_at, reason=match["reason"], tag=tag)


def backup_files(folder: Path, identity: str) -> list[Path]:
    """The finished backups of the database `identity` (or its tag) in `folder`, newest first.

    Never a `.part` file, never another database's backup even if its file has the same name.
    """
    if not folder.is_dir():
        return []
    tag = identity_tag(identity)
    found: list[tuple[datetime, Path]] = []
    for candidate in folder.iterdir():
        parsed = parse_backup_name(candidate.name)
        if parsed is not None and parsed.tag == tag and candidate.is_file():
            found.append((parsed.made_at, candidate))
    return [path for _, path in sorted(found, reverse=True)]


def companions(database: Path) -> list[Path]:
    return [database.with_name(database.name + suffix) for suffix in COMPANION_SUFFIXES]


def remove_quietly(path: Path) -> None:
    """Delete a temporary file of ours, and any journal SQLite left beside it."""
    for candidate in (path, *companions(path)):
        with contextlib.suppress(OSError):
            candidate.unlink(missing_ok=True)


#: How a new copy is checked. "full" (`integrity_check`) also proves every index matches its
#: table; "quick" (`quick_check`) reads every page and record but skips that, in about two
#: thirds of the time. Routine backups use "quick"; a backup about to be relied on (before an
#: import, an erasure, a restore, an upgrade) uses "full", and so does every restore, which
#: checks the backup in full again before using it.
CHECKS = {"full": "integrity_check", "quick": "quick_check"}
#: Page cache of the connection writing and checking a copy: the check reads the whole file,
#: and the default 2 MB cache makes it re-read pages (128 MB, freed when the copy is closed).
COPY_CACHE_KIB = 131072


def backup_database(
    source: Path, destination: Path, *, key: Passphrase | None = None, check: str = "full"
) -> Path:
    """Write a checked copy of the database `source` to `destination`, atomically.

    The destination's folder must exist (or its parent must, so it can be made): a missing
    USB stick is reported as such rather than silently recreated on the laptop's own disk.
    An encrypted `source` needs its `key`; the copy is encrypted with it too.
    """
    folder = destination.parent
    if not folder.is_dir():
        if not folder.parent.is_dir():
            raise target_missing(folder)
        with translate_faults("make the backup folder", destination):
            folder.mkdir(exist_ok=True)
    part = destination.with_name(destination.name + PART_SUFFIX)
    with (
        translate_faults("save the backup", destination),
        files.atomic_path(destination, temporary=part, discard=remove_quietly) as temporary,
    ):
        remove_quietly(temporary)
        source_key = key if is_encrypted_file(source) else None
        salt = salt_for(source) if source_key is not None else None
        with contextlib.closing(connect_raw(source, read_only=True, key=source_key)) as src:
            copy_checked(src, temporary, key=source_key, salt=salt, check=check)
    log.info("backup written (%d bytes)", destination.stat().st_size)
    return destination


def copy_checked(
    source: Connection,
    target: Path,
    *,
    key: Passphrase | None = None,
    salt: bytes | None = None,
    check: str = "full",
) -> None:
    """Copy an open database into the new file `target` and prove the copy is sound.

    The copy is a single self-contained file (rollback journal, not WAL) flushed to disk.
    `source` and the copy must both be plain, or both encrypted (`key`, and the `salt` of
    the new file); see `export_checked` to change a file's encryption. `check` is a key of
    `CHECKS`.
    """
    with contextlib.closing(connect_raw(target, key=key, salt=salt)) as dst:
        dst.execute(f"PRAGMA cache_size = -{COPY_CACHE_KIB}")
        source.backup(dst)
        _finish_copy(dst, target, check)


def export_checked(
    source: Path,
    source_key: Passphrase | None,
    target: Path,
    key: Passphrase | None,
    *,
    salt: bytes | None = None,
) -> None:
    """Copy the database `source` into the new file `target`, encrypting or decrypting it.

    `source_key` opens `source` (None if plain); `key` encrypts `target` (None for plain).
    The source is attached read-only and exported in one statement: one consistent snapshot.
    """
    attach_key = "" if source_key is None else _raw_key_literal(source_key, salt_for(source))
    with contextlib.closing(connect_raw(target, key=key, salt=salt, cipher=True)) as dst:
        dst.execute(
            "ATTACH DATABASE ? AS source KEY ?",
            (f"{source.resolve().as_uri()}?mode=ro", attach_key),
        )
        try:
            dst.execute("SELECT sqlcipher_export('main', 'source')")
        finally:
            dst.execute("DETACH DATABASE source")
        _finish_copy(dst, target)


def _raw_key_literal(key: Passphrase, salt: bytes) -> str:
    return f"x'{key.raw_key(salt).hex()}{salt.hex()}'"


def _finish_copy(dst: Connection, target: Path, check: str = "full") -> None:
    pragma = CHECKS[check]
    dst.execute("PRAGMA journal_mode = DELETE")
    result = [row[0] for row in dst.execute(f"PRAGMA {pragma}")]
    if result != ["ok"]:
        log.warning("copy failed its %s (%d problems)", pragma, len(result))
        raise DatabaseDamagedError(
            "The copy did not pass its check, so it was not kept. The database may be "
            "damaged: run 'Check the database' from the Help menu."
        )
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def replace_with_backup(
    backup: Path,
    database: Path,
    *,
    key: Passphrase | None = None,
    backup_key: Passphrase | None = None,
) -> None:
    """Make `database` a copy of `backup`. Every connection to `database` must be closed.

    The backup is copied to a temporary name beside the database and checked first, so a
    failure (disk full, a damaged backup) leaves the database exactly as it was. The old
    -wal/-shm files are removed before the rename: left behind, SQLite would replay the old
    database's changes over the restored one. With `key` (an encrypted database) the result
    is encrypted with it whatever the backup was; `backup_key` opens an encrypted backup made
    with another passphrase (by default, `key`).
    """
    temporary = database.with_name(database.name + ".restoring")
    source_key = (backup_key or key) if is_encrypted_file(backup) else None
    salt = salt_for(database) if key is not None and is_encrypted_file(database) else None
    try:
        with translate_faults("restore the backup", database):
            remove_quietly(temporary)
            if (source_key is None) == (key is None):
                with contextlib.closing(connect_raw(backup, read_only=True, key=source_key)) as src:
                    copy_checked(src, temporary, key=key, salt=salt)
            else:
                export_checked(backup, source_key, temporary, key, salt=salt)
            swap_in(temporary, database, key=key)
    finally:
        remove_quietly(temporary)
    log.info("database replaced from a backup")


def swap_in(replacement: Path, database: Path, *, key: Passphrase | None = None) -> None:
    """Atomically put the checked file `replacement` in place of `database`.

    `key` opens the database as it is now (to fold its write-ahead log in first). Its stale
    -wal/-shm files are removed before the rename.
    """
    checkpoint(database, key=key if is_encrypted_file(database) else None)
    for companion in companions(database):
        companion.unlink(missing_ok=True)
    files.move(replacement, database)
    # The record described the old file's log; the new file has none yet.
    walstate.forget(database)


def checkpoint(database: Path, *, key: Passphrase | None = None) -> None:
    """Fold the write-ahead log into the database file, so nothing lives only in -wal."""
    if not walstate.wal_of(database).exists():
        return
    # The database was backed up before it is replaced, so a failed checkpoint loses nothing.
    with (
        contextlib.suppress(*DRIVER_ERRORS),
        contextlib.closing(connect_raw(database, key=key)) as db,
    ):
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if walstate.side_file(database).exists():
        walstate.record_now(database)
