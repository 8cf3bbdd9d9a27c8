"""Opening a peerdesk database safely: lock, recognise, check, back up, migrate.

Nothing here opens a file silently that it should not: a file that is not a peerdesk database,
one from a newer peerdesk, or a damaged one raises a `DatabaseProblem` with a plain message,
and the file is left exactly as it was. Moving a damaged file aside is a separate, explicit
step (`move_aside`) that the coordinator chooses.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlmodel import Session

from peerdesk import files
from peerdesk.data import registry, walstate
from peerdesk.data.backup import (
    STAMP_FORMAT,
    backup_database,
    backup_file_name,
    backup_files,
    companions,
    parse_backup_name,
    remove_quietly,
)
from peerdesk.data.change_log import LoggedSession, describe
from peerdesk.data.engine import Connection, DatabaseError, connect_raw, make_engine
from peerdesk.data.faults import SQLITE_NOTADB, damaged, is_damaged_page, translate_faults
from peerdesk.data.identity import identity_of_file, set_identity, settle_identity
from peerdesk.data.instance_lock import InstanceLock
from peerdesk.data.keys import (
    SQLITE_HEADER,
    Passphrase,
    PassphraseNeededError,
    WrongPassphraseError,
    is_encrypted_file,
    looks_encrypted,
)
from peerdesk.data.migrate import current_revision, head_revision, known_revisions, upgrade_to_head
from peerdesk.errors import (
    DatabaseDamagedError,
    DatabaseNewerError,
    NotAPeerdeskDatabaseError,
)

log = logging.getLogger(__name__)

__all__ = ["SQLITE_HEADER", "Database", "inspect_file", "open_database"]


@functools.cache
def _head() -> str:
    # The migrations shipped with this copy of peerdesk never change while it runs.
    return head_revision()


@functools.cache
def _known() -> frozenset[str]:
    return frozenset(known_revisions())


class DatabaseLostError(DatabaseDamagedError):
    """The database file is missing or empty, yet backups of it exist: it was not new."""


#: Temporary files made beside the database while encrypting or restoring it. Left by a crash,
#: they are removed on the next open (holding the lock, so nothing is writing them).
WORK_SUFFIXES = (".encrypting", ".restoring")


@dataclass
class Database:
    """An open peerdesk database: the engine, and the lock that keeps it ours."""

    path: Path
    engine: Engine
    lock: InstanceLock | None = None
    migrated_from: str | None = field(default=None)
    pre_migration_backup: Path | None = None
    backup_dir: Path | None = None
    #: The passphrase of an encrypted database; None for a plain one.
    key: Passphrase | None = field(default=None, repr=False)
    #: The UUID stored in the database (`peerdesk.data.identity`): its backups carry it.
    identity: str = ""
    #: Set once damage is found while the database is open (a save that met a damaged page,
    #: or the background integrity check): from then on every write is refused, so nothing
    #: more is built on a damaged file, and the coordinator is led to the last good backup.
    damaged: DatabaseDamagedError | None = field(default=None, repr=False)
    #: A write-ahead log of another copy of this database, found beside it on open and set
    #: aside under this name, never applied (`peerdesk.data.walstate`); None usually.
    foreign_wal: Path | None = None

    def __post_init__(self) -> None:
        self._watch_for_damage()

    def _watch_for_damage(self) -> None:
        """A read that meets a damaged page marks the database damaged too, not only a save:
        the coordinator may only be looking when it shows, and from then on nothing more should
        be built on the file (the app then offers the last good backup)."""

        def _on_error(context: Any) -> None:
            if is_damaged_page(context.original_exception):
                self.mark_damaged(damaged("read your records"))

        event.listen(self.engine, "handle_error", _on_error)

    def mark_damaged(self, problem: DatabaseDamagedError) -> None:
        if self.damaged is None:
            log.warning("database damage found while open: writes stop")
            self.damaged = problem

    @property
    def is_encrypted(self) -> bool:
        return self.key is not None

    def use_key(self, key: Passphrase | None) -> None:
        """After the file was encrypted (or its passphrase changed): connect with `key` now."""
        self.engine.dispose()
        self.key = key
        self.engine = make_engine(self.path, key)
        self._watch_for_damage()

    def session(self) -> Session:
        """A short-lived session; objects stay readable after commit. Its writes are recorded
        in the change log (`peerdesk.data.change_log`), one change set per commit."""
        return LoggedSession(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def transaction(
        self, *, reason: str = "", description: str = "", kind: str = "change"
    ) -> Iterator[Session]:
        """One unit of work: committed if the block finishes, rolled back if it raises.

        It is one change set in the history: `description` says in plain words what it did
        ("End of pairing P0042"), `reason` why (when the coordinator gave one), `kind` what
        made it ("change", "import", "erasure", "restore", "undo", "redo").

        A full disk, a read-only folder or a file locked by another program comes out as its
        own plain-English `PeerdeskError`; the transaction is rolled back, so nothing is
        half-saved.
        """
        if self.damaged is not None:
            raise self.damaged
        try:
            with translate_faults("save your changes", self.path), self.session() as session:
                describe(session, reason=reason, description=description, kind=kind)
                try:
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise
        except DatabaseDamagedError as problem:
            self.mark_damaged(problem)
            raise

    def release_connections(self) -> None:
        """Close every connection to the file (before it is replaced); new ones open lazily."""
        self.engine.dispose()

    def close(self) -> None:
        self.engine.dispose()
        # Every connection is closed and the last one folded the log in: record that, so a
        # log appearing beside the closed file (a sync program) is known for another's.
        walstate.record_now(self.path, closed=True)
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def inspect_file(path: Path, *, thorough: bool = False, key: Passphrase | None = None) -> str:
    """Classify a database file without changing it.

    Returns "missing", "empty", "current", "behind". Raises a `DatabaseProblem` when the
    file is not a peerdesk database, is from a newer peerdesk, or is damaged. `thorough` runs
    the full integrity check instead of the quick one (used for backups before restoring).
    An encrypted file raises `PassphraseNeededError` without `key`, and
    `WrongPassphraseError` when `key` does not open it. `key` is ignored for a plain file.
    """
    if not path.exists():
        return "missing"
    size = path.stat().st_size
    if size == 0:
        return "empty"
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
    pragma = "integrity_check" if thorough else "quick_check"
    # With no write-ahead log to read, look at the file without creating -wal/-shm beside it.
    untouched = not walstate.wal_of(path).exists()
    try:
        with contextlib.closing(
            connect_raw(path, read_only=True, immutable=untouched, key=key if encrypted else None)
        ) as connection:
            if encrypted:
                prove_key(connection, path)
            check = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
            # The quick check reads the file's structure, not the links between records: a
            # session whose person row is gone passes it, so look at those links too.
            broken_links = connection.execute("PRAGMA foreign_key_check").fetchmany(100)
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except DatabaseError as error:
        log.warning("database inspection failed: %s", type(error).__name__)
        raise DatabaseDamagedError(
            f"The database {path.name} is damaged and cannot be read safely. It has not been "
            "changed."
        ) from error
    if check != ["ok"]:
        log.warning("database failed its %s (%d problems)", pragma, len(check))
        raise DatabaseDamagedError(
            f"The database {path.name} failed its health check: part of it is damaged. It "
            "has not been changed."
        )
    if broken_links:
        log.warning("database failed its foreign key check (%d+ broken links)", len(broken_links))
        raise DatabaseDamagedError(
            f"The database {path.name} failed its health check: some records point to "
            "records that are no longer there. It has not been changed."
        )
    if not tables:
        return "empty"
    if revision is None:
        raise NotAPeerdeskDatabaseError(
            f"The file {path.name} is a database, but not a peerdesk one. It has not been changed."
        )
    if revision not in _known():
        raise DatabaseNewerError(
            f"The database {path.name} was saved by a newer version of peerdesk. It has not "
            "been changed. Install the latest peerdesk to open it."
        )
    return "current" if revision == _head() else "behind"


def prove_key(connection: Connection, path: Path) -> None:
    """The first read of an encrypted file fails with "not a database" if the key is wrong."""
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as error:
        code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
        if code != SQLITE_NOTADB and "not a database" not in str(error):
            raise
        log.info("passphrase refused")
        raise WrongPassphraseError(
            f"That passphrase does not open {path.name}. Check that Caps Lock is off and "
            "try again. (Passphrases are case-sensitive.)"
        ) from None


def open_database(
    path: Path,
    *,
    backup_dir: Path | None = None,
    lock: bool = True,
    allow_fresh: bool = False,
    key: Passphrase | None = None,
) -> Database:
    """Open (creating if needed) and migrate the database at `path`.

    A database that needs migrating is first backed up into `backup_dir` (required then).
    A missing or empty file is a new database, unless `backup_dir` holds backups of it: then
    the file was lost or emptied (a crash, a sync program) and `DatabaseLostError` is raised
    so the coordinator can restore a backup. `allow_fresh` starts afresh anyway, when the
    coordinator has chosen to. An encrypted file needs `key` (see `inspect_file`); a missing
    or empty file opened with `key` becomes a new encrypted database.
    """
    path = path.expanduser().resolve()
    with translate_faults("create the database folder", path):
        path.parent.mkdir(parents=True, exist_ok=True)
    instance_lock = InstanceLock(path).acquire() if lock else None
    try:
        for suffix in WORK_SUFFIXES:
            remove_quietly(path.with_name(path.name + suffix))
        if path.exists() and not (key is None and is_encrypted_file(path)):
            # Before any connection reads the file, which would replay another copy's log.
            with translate_faults("set aside a write-ahead log", path):
                walstate.judge(path)
        state = inspect_file(path, key=key)
        new_file = state == "missing" or (state == "empty" and path.stat().st_size == 0)
        # A plain database stays plain (its key would only fail); a new file takes the key.
        key = key if is_encrypted_file(path) or new_file else None
        lost = state in ("missing", "empty") and not allow_fresh and backup_dir is not None
        if lost and backup_dir is not None and has_backups(backup_dir, path):
            raise DatabaseLostError(
                f"The database {path.name} is {state}, but there are backups of it. "
                "It may have been moved, deleted or emptied by a crash or a sync program."
            )
        engine = make_engine(path, key)
        database = Database(
            path=path, engine=engine, lock=instance_lock, backup_dir=backup_dir, key=key
        )
        if state == "behind":
            _back_up_before_upgrade(database)
        if state != "current":
            with translate_faults("prepare the database", path):
                upgrade_to_head(engine)
        database.identity = settle_identity(engine, path, key)
        _tidy_backups(database, adopt=not new_file)
        walstate.record_now(path)
        database.foreign_wal = walstate.take_unreported(path)
        return database
    except BaseException:
        if instance_lock is not None:
            instance_lock.release()
        raise


def has_backups(folder: Path, path: Path) -> bool:
    """Whether `folder` holds backups of the database last opened at `path` (by identity,
    from the folder's register), or backups with old names and its file stem not yet adopted."""
    identities = registry.read(folder).identities_at(path, folder)
    if any(backup_files(folder, identity) for identity in identities):
        return True
    return bool(registry.old_backups(folder, path))


def _back_up_before_upgrade(database: Database) -> None:
    """Back up an older database before migrating it (into `backup_dir`, required then)."""
    if database.backup_dir is None:
        raise ValueError("a backup folder is needed to migrate an existing database")
    path, when = database.path, datetime.now()
    # Databases made before identities existed have none yet: their backup takes an old-style
    # name, and is claimed with the identity the migration gives them (`_tidy_backups`).
    identity = identity_of_file(path, database.key)
    if identity is not None:
        name = backup_file_name(path, "before-upgrade", when, identity)
    else:
        name = f"{path.stem}_{when.strftime(STAMP_FORMAT)}_before-upgrade.db"
    target = database.backup_dir / name
    database.pre_migration_backup = backup_database(path, target, key=database.key)
    database.migrated_from = current_revision(database.engine)
    log.info("migrating database from %s", database.migrated_from)


def _tidy_backups(database: Database, *, adopt: bool) -> None:
    """Start-up care of the backup folder: see `registry.tidy`. Never stops the database
    opening: a folder that cannot be tidied now is tidied at a later start."""
    folder = database.backup_dir
    if folder is None or not folder.is_dir():
        return
    try:
        made = database.pre_migration_backup
        if made is not None and parse_backup_name(made.name) is None:
            database.pre_migration_backup = registry.claim(
                folder, made, identity=database.identity, database=database.path, adopted=False
            )
        registry.tidy(folder, identity=database.identity, database=database.path, adopt=adopt)
    except OSError as error:
        log.warning("backup folder not tidied: %s", type(error).__name__)


def move_aside(path: Path, when: datetime | None = None) -> Path:
    """Rename a damaged (or unrecognised) database out of the way, with its -wal/-shm files.

    Never deletes anything: `peerdesk.db` becomes `peerdesk.damaged-20260615-101500.db`, kept
    for whoever might rescue it. Returns the new path.
    """
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    suffix = path.suffix or ".db"
    target = files.first_free(
        lambda extra: path.with_name(f"{path.stem}.damaged-{stamp}{extra}{suffix}")
    )
    with translate_faults("move the damaged file aside", path):
        for companion, new in zip(companions(path), companions(target), strict=True):
            if companion.exists():
                files.move(companion, new)
        files.move(path, target)
    log.info("damaged database moved aside")
    return target


def read_erased_ids(path: Path, key: Passphrase | None = None) -> list[int]:
    """The ids in the erasure log of the database at `path` (read directly, read-only).

    Read before a restore so that people erased since the backup was made can be erased again.
    A file without an erasure log (damaged, or very old) yields no ids.
    """
    if not path.exists() or path.stat().st_size == 0:
        return []
    try:
        with contextlib.closing(connect_raw(path, read_only=True, key=_key_for(path, key))) as db:
            rows = db.execute("SELECT DISTINCT person_id FROM erasure_log").fetchall()
    except DatabaseError as error:
        log.warning("erasure log unreadable: %s", type(error).__name__)
        return []
    return sorted(int(row[0]) for row in rows)


def record_counts(path: Path, key: Passphrase | None = None) -> dict[str, int]:
    """Rows per table of a database file (a backup), read-only. Empty if it cannot be read."""
    try:
        with contextlib.closing(
            connect_raw(path, read_only=True, key=_key_for(path, key))
        ) as connection:
            tables = [
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
                )
            ]
            return {
                table: int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
                for table in tables
            }
    except DatabaseError as error:
        log.warning("record counts unreadable: %s", type(error).__name__)
        return {}


def _key_for(path: Path, key: Passphrase | None) -> Passphrase | None:
    """`key` if the file at `path` is encrypted; None for a plain file (the key would fail)."""
    return key if is_encrypted_file(path) else None


def bring_up_to_date(database: Database) -> str:
    """After the file under `database` was replaced: migrate it if it came from an older peerdesk.

    Returns the state the file was found in ("current" or "behind").
    """
    state = inspect_file(database.path, key=database.key)
    if state != "current":
        with translate_faults("prepare the restored database", database.path):
            upgrade_to_head(database.engine)
    # A restore sets the database back in time; it stays the same database, with the same
    # backups (an old backup may hold no identity, or have been made before a copy was told
    # apart).
    if database.identity:
        set_identity(database.engine, database.path, database.identity)
    else:
        database.identity = settle_identity(database.engine, database.path, database.key)
    return state
