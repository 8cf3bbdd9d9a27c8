"""Backups: made on demand, automatically and before risky work; listed, rotated, restored.

Every copy is made with SQLite's online backup API, written under a temporary name, checked and
then renamed (see `peerdesk.data.backup`). Other features call `services.backups.before("import")`
(or "erasure", "restore") just before they change many records at once; a service without the
backups service at hand calls `make_backup`. Either way every backup is named after the
database's identity and recorded in its folder's register (`peerdesk.data.registry`), so it is
listed, offered, rotated and encrypted with the others.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import col, delete, select

from peerdesk.data import registry
from peerdesk.data.backup import (
    backup_database,
    backup_file_name,
    backup_files,
    parse_backup_name,
    replace_with_backup,
)
from peerdesk.data.database import (
    Database,
    bring_up_to_date,
    inspect_file,
    read_erased_ids,
)
from peerdesk.data.keys import Passphrase, WrongPassphraseError
from peerdesk.data.models import ErasureLogEntry, Pairing, Person
from peerdesk.errors import DatabaseProblem, ValidationError
from peerdesk.services.base import Clock, Service
from peerdesk.services.organisation import OrganisationService
from peerdesk.services.safety.backup_list import (
    REASONS,
    SHOWN_COUNTS,
    BackupInfo,
    backup_info,
    describe_size,
    describe_when,
    list_backups,
    noted_backup_folders,
)
from peerdesk.services.safety.locations import LocationRisk, location_risk

if TYPE_CHECKING:
    # Only for the type: the erasure service makes its own backups with `make_backup` below.
    from peerdesk.services.data_protection.erasure import ErasureService

log = logging.getLogger(__name__)

#: Backups in words and finding them live in `backup_list`; their names are kept here too.
__all__ = [
    "REASONS",
    "ROUTINE_REASONS",
    "SHOWN_COUNTS",
    "BackupInfo",
    "BackupService",
    "RestoreResult",
    "RotationPolicy",
    "backup_info",
    "check_backup",
    "describe_size",
    "describe_when",
    "is_restorable",
    "list_backups",
    "make_backup",
    "noted_backup_folders",
    "to_keep",
]

#: Backups made as a matter of routine: their copy gets SQLite's quick check. Every other
#: backup (before an import, an erasure, a restore, an upgrade) gets the full integrity check,
#: and a backup is checked in full again before it is ever restored (docs/data-safety.md).
ROUTINE_REASONS = frozenset({"manual", "automatic", "on-close"})


@dataclass(frozen=True)
class RotationPolicy:
    """How many backups to keep: the newest `recent` ones, and the newest of each of the last
    `daily` days, `weekly` weeks and `monthly` months.

    Backups the coordinator made by hand, or made before a risky action (an import, an
    erasure, a restore), are kept for `daily` days whatever else happens that day, so the way
    back is still there when a mistake is noticed.
    """

    recent: int = 5
    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    @classmethod
    def chosen(cls, keep: dict[str, int]) -> RotationPolicy:
        """The policy with the numbers chosen in the settings (the usual ones for the rest)."""
        return cls(**keep)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_backup: Path
    erased_again: int
    upgraded: bool


def make_backup(
    db: Database, folder: Path, reason: str, when: datetime, *, check: str | None = None
) -> Path:
    """Make a checked backup of `db` in `folder`, named and recorded like every other one.

    The one way a backup is made (the backups service, an import, an erasure all come here).
    Routine reasons get the quick check, others the full one, unless `check` says otherwise.
    """
    if not db.identity:
        raise ValueError("a database opened without open_database has no identity to name by")
    reason = _clean_reason(reason)
    # Names sort in the order the backups were made: one made within the same second as the
    # newest (or while an earlier burst still holds later seconds) takes the next second.
    newest = backup_files(folder, db.identity)[:1]
    parsed = parse_backup_name(newest[0].name) if newest else None
    if parsed is not None and parsed.made_at.replace(microsecond=0) >= when.replace(microsecond=0):
        when = parsed.made_at + timedelta(seconds=1)
    path = folder / backup_file_name(db.path, reason, when, db.identity)
    check = check or ("quick" if reason in ROUTINE_REASONS else "full")
    backup_database(db.path, path, key=db.key, check=check)
    made_at = parse_backup_name(path.name)
    assert made_at is not None
    try:
        registry.record(
            path.parent,
            path,
            identity=db.identity,
            database=db.path,
            reason=reason,
            made_at=made_at.made_at,
        )
    except OSError as error:
        # The backup itself is whole and carries its identity in its name: the next start
        # records it. Not recording it now is no reason to report the backup as failed.
        log.warning("backup not yet recorded in the register: %s", type(error).__name__)
    log.info("backup made (%s, %s check)", reason, check)
    return path


def is_restorable(path: Path, key: Passphrase | None = None) -> bool:
    """A sound peerdesk database this version can open (quick check; for offering backups)."""
    try:
        return inspect_file(path, key=key) in ("current", "behind")
    except DatabaseProblem:
        return False


def check_backup(backup: Path, key: Passphrase | None = None) -> str:
    """Prove `backup` can be restored (full integrity check). Returns "current" or "behind"."""
    try:
        state = inspect_file(backup, thorough=True, key=key)
    except WrongPassphraseError as problem:
        raise WrongPassphraseError(
            "That backup cannot be restored with this passphrase: it was made with a different "
            "one (perhaps before the passphrase was changed). Choose a newer backup."
        ) from problem
    except DatabaseProblem as problem:
        raise type(problem)(f"That backup cannot be restored. {problem}") from problem
    if state in ("missing", "empty"):
        raise ValidationError(
            f"That backup cannot be restored: the file {backup.name} is {state}. "
            "Choose another backup.",
            "backup",
        )
    return state


def to_keep(backups: list[BackupInfo], policy: RotationPolicy, now: datetime) -> set[Path]:
    """The backups that rotation keeps (grandfather-father-son); the rest may be deleted."""
    ordered = sorted(backups, key=lambda info: info.made_at, reverse=True)
    keep: set[Path] = {info.path for info in ordered[: max(1, policy.recent)]}
    buckets: list[tuple[int, Callable[[date], Any]]] = [
        (policy.daily, lambda day: day),
        (policy.weekly, lambda day: day.isocalendar()[:2]),
        (policy.monthly, lambda day: (day.year, day.month)),
    ]
    for limit, key_of in buckets:
        seen: set[Any] = set()
        for info in ordered:
            key = key_of(info.made_at.date())
            if key in seen:
                continue
            if len(seen) >= limit:
                break
            seen.add(key)
            keep.add(info.path)
    recent = now - timedelta(days=policy.daily)
    keep.update(
        info.path
        for info in ordered
        if (info.reason == "manual" or info.reason.startswith("before-")) and info.made_at >= recent
    )
    return keep


class BackupService(Service):
    def __init__(
        self,
        db: Database,
        today: Clock = date.today,
        erasure: ErasureService | None = None,
        now: Callable[[], datetime] = datetime.now,
        settings: OrganisationService | None = None,
    ) -> None:
        super().__init__(db, today)
        #: Erases again, after a restore, people erased since the backup was made; without it
        #: (a backup-only tool, a crash test) `_reapply_minimally` does the least that is safe.
        self._erasure = erasure
        self._now = now
        #: Where the folder and rotation chosen in the app's settings are kept (the database).
        self._settings = settings or OrganisationService(db, today)
        #: A folder for this run only (`peerdesk backup --to`), instead of the setting.
        self._chosen_folder: Path | None = None
        self._policy: RotationPolicy | None = None
        self._tidied: set[Path] = set()

    @property
    def policy(self) -> RotationPolicy:
        """The rotation chosen in the settings (or set for this run only)."""
        if self._policy is not None:
            return self._policy
        return RotationPolicy.chosen(dict(self._settings.backup_settings().keep))

    @policy.setter
    def policy(self, policy: RotationPolicy | None) -> None:
        self._policy = policy

    # -- where ---------------------------------------------------------------------------

    @property
    def default_folder(self) -> Path:
        return self.db.backup_dir or self.db.path.parent / "backups"

    @property
    def folder(self) -> Path:
        """Where new backups go: the folder chosen in the settings (in the database, so the
        app and the `peerdesk` command agree), or peerdesk's own."""
        chosen = self._chosen_folder or self._settings.backup_settings().folder
        if chosen is None:
            return self.default_folder
        self._tidy_once(chosen)
        return chosen

    def save_folder(self, folder: Path | str | None) -> Path | None:
        """Keep new backups in `folder` (e.g. a USB stick) from now on, in the settings;
        None goes back to peerdesk's own folder. Refused in plain words if it cannot be
        written to (see `OrganisationService.choose_backup_folder`)."""
        chosen = self._settings.choose_backup_folder(folder)
        self._chosen_folder = None
        return chosen

    def choose_folder(self, folder: Path | str | None) -> None:
        """Use `folder` for new backups in this run only (`peerdesk backup --to`), whatever
        the settings say; None goes back to the settings."""
        self._chosen_folder = Path(folder).expanduser() if folder else None

    def _tidy_once(self, folder: Path) -> None:
        """A chosen folder that is there gets the same care as the default one at start-up
        (half-written backups of this database removed, old names adopted), once a run."""
        if folder in self._tidied or not folder.is_dir():
            return
        self._tidied.add(folder)
        try:
            # An empty USB stick stays empty if the backup then fails (a full disk, say).
            if registry.holds_any(folder, self.db.path):
                registry.tidy(folder, identity=self.db.identity, database=self.db.path, adopt=True)
        except OSError as error:
            log.warning("chosen backup folder not tidied: %s", type(error).__name__)

    def location_risks(self) -> list[LocationRisk]:
        """Warnings for a database or backup folder inside a synced folder or on a network."""
        risks = [location_risk(self.db.path, role="database")]
        risks.append(location_risk(self.folder, role="backups"))
        return [risk for risk in risks if risk is not None]

    # -- making --------------------------------------------------------------------------

    def back_up(self, reason: str = "manual", folder: Path | str | None = None) -> BackupInfo:
        """Make a checked backup now, then rotate old ones. Raises a plain-English problem."""
        target = Path(folder).expanduser() if folder else self.folder
        if target == self.default_folder:
            target.mkdir(parents=True, exist_ok=True)
        path = make_backup(self.db, target, reason, self._now())
        if folder is None and self._chosen_folder is None:
            self._note_folder(target)  # the settings' folder, not a folder for this once
        self.rotate(target, spare=path)
        info = backup_info(path, key=self.db.key)
        assert info is not None
        return info

    def _note_folder(self, target: Path) -> None:
        """Note in peerdesk's own folder where the backups went (see `noted_backup_folders`)."""
        default = self.default_folder
        chosen = None if target == default else target
        if not self.db.identity or (chosen is None and not default.is_dir()):
            return
        try:
            default.mkdir(parents=True, exist_ok=True)
            registry.note_folder(
                default, identity=self.db.identity, database=self.db.path, chosen=chosen
            )
        except OSError as error:
            log.warning("backup folder not noted: %s", type(error).__name__)

    def before(self, action: str) -> BackupInfo:
        """A backup just before a risky `action` ("import", "erasure", "restore")."""
        return self.back_up(f"before-{action}")

    def changed_since(self, moment: datetime | None) -> bool:
        """Whether the database (or its write-ahead log) was written after `moment`."""
        if moment is None:
            return True
        files = [self.db.path, self.db.path.with_name(self.db.path.name + "-wal")]
        stamps = [path.stat().st_mtime for path in files if path.exists()]
        return bool(stamps) and max(stamps) > moment.timestamp()

    # -- listing and rotating ------------------------------------------------------------

    def all(self) -> list[BackupInfo]:
        """Every backup of this database, in the chosen and the default folders, newest first."""
        folders = [self.folder]
        if self.default_folder != self.folder:
            folders.append(self.default_folder)
        return list_backups(folders, self.db.path, identity=self.db.identity, key=self.db.key)

    def folders(self) -> list[Path]:
        """The folders this database's backups are kept in (that are there now)."""
        folders = [self.folder]
        if self.default_folder != self.folder:
            folders.append(self.default_folder)
        return [folder for folder in folders if folder.is_dir()]

    def rotate(self, folder: Path | None = None, *, spare: Path | None = None) -> list[Path]:
        """Delete backups the policy no longer keeps, in `folder`. Returns what was deleted.

        Only this database's backups (by identity): another database's in the same folder,
        even one with the same file name, are never counted nor deleted.
        """
        target = folder or self.folder
        backups = list_backups([target], self.db.path, identity=self.db.identity, with_counts=False)
        keep = to_keep(backups, self.policy, self._now())
        if spare is not None:
            # The backup just made: backups made within the same seconds take the next free
            # second in their names, so it may not look like the newest, but it is.
            keep.add(spare)
        removed: list[Path] = []
        for info in backups:
            if info.path not in keep:
                try:
                    info.path.unlink()
                except OSError as error:
                    log.warning("old backup not removed: %s", type(error).__name__)
                else:
                    removed.append(info.path)
        if removed:
            log.info("rotation removed %d old backups", len(removed))
            try:
                registry.forget(target, removed)
            except OSError as error:
                log.warning("register not updated after rotation: %s", type(error).__name__)
        return removed

    # -- restoring -----------------------------------------------------------------------

    def restore(self, backup: Path | str) -> RestoreResult:
        """Replace the database with `backup`, keeping a backup of it as it is now.

        People erased since the backup was made are erased again, so nobody comes back; the
        backup folder and rotation stay as they are now (where backups go is not a record).
        """
        backup = Path(backup).expanduser().resolve()
        if backup == self.db.path:
            raise ValidationError("That is the database itself, not a backup of it.", "backup")
        check_backup(backup, self.db.key)
        erased = set(read_erased_ids(self.db.path, self.db.key))
        if self._erasure is not None:
            erased.update(self._erasure.erased_ids())
        safety = self.before("restore")
        kept = self._settings.backup_settings()
        self.db.release_connections()
        replace_with_backup(backup, self.db.path, key=self.db.key)
        state = bring_up_to_date(self.db)
        self._settings.keep_backup_settings(kept)
        erased_again = self.reapply_erasures(sorted(erased))
        log.info("backup restored; %d erased people erased again", erased_again)
        return RestoreResult(
            restored_from=backup,
            safety_backup=safety.path,
            erased_again=erased_again,
            upgraded=state == "behind",
        )

    def reapply_erasures(self, person_ids: list[int]) -> int:
        """Erase again everyone in `person_ids` who is back; log them. Returns how many."""
        if not person_ids:
            return 0
        if self._erasure is not None:
            count = self._erasure.reapply(person_ids)
        else:
            count = self._reapply_minimally(person_ids)
        self._log_erasures(person_ids)
        return count

    def _reapply_minimally(self, person_ids: list[int]) -> int:
        """Used only when the erasure service is absent: delete the people and their pairings
        (which, with the cascades, take their sessions, consents and other records along)."""
        with self.db.transaction() as session:
            present = list(session.exec(select(Person.id).where(col(Person.id).in_(person_ids))))
            if present:
                session.exec(
                    delete(Pairing).where(
                        col(Pairing.mentor_id).in_(present) | col(Pairing.mentee_id).in_(present)
                    )
                )
                session.exec(delete(Person).where(col(Person.id).in_(present)))
        return len(present)

    def _log_erasures(self, person_ids: list[int]) -> None:
        with self.db.transaction() as session:
            logged = set(session.exec(select(ErasureLogEntry.person_id)))
            for person_id in person_ids:
                if person_id not in logged:
                    session.add(ErasureLogEntry(person_id=person_id, erased_on=self.today()))


def _clean_reason(reason: str) -> str:
    cleaned = re.sub(r"[^a-z-]+", "-", reason.lower()).strip("-")
    return cleaned or "manual"
