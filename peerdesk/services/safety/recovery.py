"""Leading the coordinator back to safety when the database cannot be opened as it is.

Used at start-up (by the recovery dialog) and by `peerdesk restore` before any `Services`
exist. Nothing here acts on its own: the offer describes the problem and the newest good
backup, and only the coordinator's choice moves the file aside and restores or starts afresh.
A damaged file is always kept, renamed beside the original, never deleted.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peerdesk import files
from peerdesk.data.backup import companions, replace_with_backup
from peerdesk.data.database import (
    DatabaseLostError,
    bring_up_to_date,
    inspect_file,
    move_aside,
    read_erased_ids,
)
from peerdesk.data.engine import DatabaseError
from peerdesk.data.identity import identity_of_file
from peerdesk.data.instance_lock import InstanceLock
from peerdesk.data.keys import Passphrase, PassphraseNeededError, WrongPassphraseError
from peerdesk.errors import (
    DatabaseDamagedError,
    DatabaseNewerError,
    DatabaseProblem,
    NotAPeerdeskDatabaseError,
    PeerdeskError,
)
from peerdesk.paths import Paths
from peerdesk.services.container import Services
from peerdesk.services.opening import open_services
from peerdesk.services.safety.backups import BackupInfo, check_backup, is_restorable, list_backups
from peerdesk.services.safety.integrity_watch import HealthRecords

log = logging.getLogger(__name__)

DAMAGED = "damaged"
NOT_PEERDESK = "not-peerdesk"
LOST = "lost"
NEWER = "newer"

#: The database problems the recovery dialog can help with (a database open elsewhere is not one).
RECOVERABLE = (DatabaseDamagedError, NotAPeerdeskDatabaseError, DatabaseNewerError)


@dataclass(frozen=True)
class RecoveryOffer:
    problem: str
    title: str
    explanation: str
    database: Path
    backups: list[BackupInfo]
    newest_good: BackupInfo | None

    @property
    def can_restore(self) -> bool:
        return self.problem != NEWER and bool(self.backups)

    @property
    def can_start_afresh(self) -> bool:
        return self.problem != NEWER


@dataclass(frozen=True)
class RecoveryResult:
    moved_aside: Path | None
    restored_from: Path | None
    erased_again: int


def is_recoverable(error: BaseException) -> bool:
    return isinstance(error, RECOVERABLE)


def recovery_offer(
    paths: Paths,
    error: DatabaseProblem,
    *,
    extra_folders: list[Path] | None = None,
    now: datetime | None = None,
    key: Passphrase | None = None,
) -> RecoveryOffer:
    """What went wrong with `paths.database`, and the newest good backup to offer instead.

    `key` opens encrypted backups (the passphrase the coordinator gave for the database).
    """
    folders = [*(extra_folders or []), paths.backup_dir]
    backups = list_backups(folders, paths.database, key=key)
    newest = next((info for info in backups if is_restorable(info.path, key)), None)
    when = newest.when_text(now) if newest is not None else None
    problem, title = _kind_of(error)
    name = paths.database.name
    if problem == NEWER:
        explanation = (
            f"{error} peerdesk will close now. Nothing has been changed, and no backup will be "
            "restored over it."
        )
    elif newest is None:
        explanation = (
            f"{error} No good backup of it was found. You can start with an empty database: "
            f"the file {name} will be kept, renamed, in case someone can rescue it."
        )
    else:
        kept = "" if problem == LOST else f" The file {name} will be kept, renamed, not deleted."
        explanation = (
            f"{error} Your newest good backup was made {when}. Restoring it puts it in place "
            f"of the database.{kept} Anything entered after {when} will need entering again."
        )
    return RecoveryOffer(
        problem=problem,
        title=title,
        explanation=explanation,
        database=paths.database,
        backups=backups,
        newest_good=newest,
    )


def _kind_of(error: DatabaseProblem) -> tuple[str, str]:
    if isinstance(error, DatabaseNewerError):
        return NEWER, "This database is from a newer peerdesk"
    if isinstance(error, NotAPeerdeskDatabaseError):
        return NOT_PEERDESK, "This is not a peerdesk database"
    if isinstance(error, DatabaseLostError):
        return LOST, "The database is missing or empty"
    return DAMAGED, "The database is damaged"


@contextlib.contextmanager
def _holding_lock(database: Path) -> Iterator[None]:
    lock = InstanceLock(database).acquire()
    try:
        yield
    finally:
        lock.release()


def restore_after_problem(
    paths: Paths, backup: Path, key: Passphrase | None = None
) -> RecoveryResult:
    """Move the unusable database aside (kept) and put `backup` in its place.

    The backup is proven sound first; people the old file's erasure log names are erased
    again. Refuses a database from a newer peerdesk: that one is left untouched. With `key`
    (an encrypted database) the restored database is encrypted with it.
    """
    database = paths.database
    backup = backup.expanduser().resolve()
    with _holding_lock(database):
        _refuse_newer(database, key)
        check_backup(backup, key)
        erased = read_erased_ids(database, key)
        moved = _move_if_present(database)
        if not erased and moved is not None:
            erased = read_erased_ids(moved, key)
        replace_with_backup(backup, database, key=key)
        _forget_damage(paths.config_dir, database, key)
        services = open_services(paths, key, lock=False)
        try:
            bring_up_to_date(services.db)
            erased_again = services.backups.reapply_erasures(erased)
        finally:
            services.close()
    log.info("recovered from a backup; %d erased people erased again", erased_again)
    return RecoveryResult(moved_aside=moved, restored_from=backup, erased_again=erased_again)


def start_afresh(paths: Paths, key: Passphrase | None = None) -> RecoveryResult:
    """Move the unusable database aside (kept) and create an empty one in its place.

    With `key` the new database is encrypted with it.
    """
    database = paths.database
    with _holding_lock(database):
        _refuse_newer(database, key)
        moved = _move_if_present(database)
        open_services(paths, key, lock=False, allow_fresh=True).close()
    log.info("started with an empty database")
    return RecoveryResult(moved_aside=moved, restored_from=None, erased_again=0)


def _refuse_newer(database: Path, key: Passphrase | None = None) -> None:
    with contextlib.suppress(
        DatabaseDamagedError, NotAPeerdeskDatabaseError, PassphraseNeededError, WrongPassphraseError
    ):
        inspect_file(database, key=key)  # raises DatabaseNewerError, which must stop us


def _move_if_present(database: Path) -> Path | None:
    if not database.exists():
        return None
    return move_aside(database)


#: What reading the damaged file may raise (it is read before it is replaced, if it can be).
_UNREADABLE: tuple[type[Exception], ...] = (PeerdeskError, *DatabaseError)


def _put_back(moved: Path, database: Path) -> None:
    for companion, original in zip(companions(moved), companions(database), strict=True):
        if companion.exists():
            files.move(companion, original)
    files.move(moved, database)


def _forget_damage(config_folder: Path, database: Path, key: Passphrase | None) -> None:
    """The file under this identity is the good backup now: damage found in the old one
    while it was open (`integrity_watch`) no longer stands in the way of opening it."""
    identity = identity_of_file(database, key)
    if identity:
        HealthRecords(config_folder).forget(identity)


def newest_good_backup(services: Services) -> BackupInfo | None:
    """The newest backup of the open database that passes its own quick check (it is checked
    in full again before it is restored)."""
    key = services.db.key
    return next((info for info in services.backups.all() if is_restorable(info.path, key)), None)


def restore_while_open(services: Services, backup: Path, config_folder: Path) -> RecoveryResult:
    """Put `backup` in place of the open database, which damage was found in while open.

    Like `restore_after_problem`, but the app keeps its lock and its `Services`: no backup of
    the damaged file is made (its copy would fail its check); it is moved aside, kept, beside
    the new one. People its erasure log names are erased again, the backup folder and rotation
    stay as they were, and writes are allowed again (`Database.damaged` cleared).
    """
    db = services.db
    backup = backup.expanduser().resolve()
    check_backup(backup, db.key)
    erased = read_erased_ids(db.path, db.key)
    try:
        kept = services.organisation.backup_settings()
    except _UNREADABLE:
        kept = None  # unreadable in the damaged file: the backup's own settings stand
    db.release_connections()
    moved = move_aside(db.path)
    try:
        replace_with_backup(backup, db.path, key=db.key)
    except BaseException:
        # Nothing was restored (a full disk, say): the damaged file goes back where it was,
        # rather than leaving no file for the next save to make an empty database in.
        _put_back(moved, db.path)
        raise
    db.damaged = None
    bring_up_to_date(db)
    HealthRecords(config_folder).forget(db.identity)
    if kept is not None:
        services.organisation.keep_backup_settings(kept)
    erased_again = services.backups.reapply_erasures(erased)
    log.info("restored a backup over a database damaged while open")
    return RecoveryResult(moved_aside=moved, restored_from=backup, erased_again=erased_again)
