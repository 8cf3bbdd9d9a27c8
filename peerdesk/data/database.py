"""Opening a peerdesk database safely: lock, recognise, check, back up, migrate.

Nothing here opens a file silently that it should not: a file that is not a peerdesk database,
one from a newer peerdesk, or a damaged one raises a `DatabaseProblem` with a plain message,
and the file is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from peerdesk.data.backup import backup_database
from peerdesk.data.engine import make_engine
from peerdesk.data.instance_lock import InstanceLock
from peerdesk.data.migrate import current_revision, head_revision, known_revisions, upgrade_to_head
from peerdesk.errors import (
    DatabaseDamagedError,
    DatabaseNewerError,
    NotAPeerdeskDatabaseError,
)

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Database:
    """An open peerdesk database: the engine, and the lock that keeps it ours."""

    path: Path
    engine: Engine
    lock: InstanceLock | None = None
    migrated_from: str | None = field(default=None)
    pre_migration_backup: Path | None = None

    def session(self) -> Session:
        """A short-lived session; objects stay readable after commit."""
        return Session(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed if the block finishes, rolled back if it raises."""
        with self.session() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def inspect_file(path: Path) -> str:
    """Classify a database file without changing it.

    Returns "missing", "empty", "current", "behind". Raises a `DatabaseProblem` when the
    file is not a peerdesk database, is from a newer peerdesk, or is damaged.
    """
    if not path.exists():
        return "missing"
    size = path.stat().st_size
    if size == 0:
        return "empty"
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotAPeerdeskDatabaseError(
            f"The file {path.name} is not a peerdesk database (it may be damaged, encrypted, "
            "or a different kind of file). It has not been changed. Choose another file, "
            "or restore a backup."
        )
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except sqlite3.DatabaseError as error:
        log.warning("database inspection failed: %s", type(error).__name__)
        raise DatabaseDamagedError(
            f"The database {path.name} is damaged and cannot be read safely. It has not been "
            "changed. Restore your most recent backup (File → Backups), or ask for help."
        ) from error
    if check != "ok":
        raise DatabaseDamagedError(
            f"The database {path.name} failed its health check. It has not been changed. "
            "Restore your most recent backup (File → Backups), or ask for help."
        )
    if not tables:
        return "empty"
    if revision is None:
        raise NotAPeerdeskDatabaseError(
            f"The file {path.name} is a database, but not a peerdesk one. It has not been "
            "changed. Choose another file."
        )
    if revision not in known_revisions():
        raise DatabaseNewerError(
            f"The database {path.name} was saved by a newer version of peerdesk. It has not "
            "been changed. Install the latest peerdesk to open it."
        )
    return "current" if revision == head_revision() else "behind"


def open_database(
    path: Path,
    *,
    backup_dir: Path | None = None,
    lock: bool = True,
) -> Database:
    """Open (creating if needed) and migrate the database at `path`.

    A database that needs migrating is first backed up into `backup_dir` (required then).
    """
    path = path.expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    instance_lock = InstanceLock(path).acquire() if lock else None
    try:
        state = inspect_file(path)
        engine = make_engine(path)
        database = Database(path=path, engine=engine, lock=instance_lock)
        if state == "behind":
            if backup_dir is None:
                raise ValueError("a backup folder is needed to migrate an existing database")
            stamp = datetime.now().strftime("%Y-%m-%d_%H%M%S")
            database.pre_migration_backup = backup_database(
                path, backup_dir / f"{path.stem}_before-upgrade_{stamp}.db"
            )
            database.migrated_from = current_revision(engine)
            log.info("migrating database from %s", database.migrated_from)
        if state != "current":
            upgrade_to_head(engine)
        return database
    except BaseException:
        if instance_lock is not None:
            instance_lock.release()
        raise
