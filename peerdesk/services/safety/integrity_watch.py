"""The weekly health check of the open database, and damage met while it is open.

The quick check on open reads the file's structure, not whether each index still agrees with
its table: a flipped byte inside a table's row passes it, and peerdesk would carry on building
on a damaged file. So once a week SQLite's full `integrity_check` (and the foreign-key check)
runs in the background on a read-only connection of its own (in WAL mode a reader never
blocks the coordinator's saves), and its verdict is kept.

The verdict is kept outside the database, in a small JSON file in peerdesk's config folder,
keyed by the database's identity: a damaged database must not be written to, and the verdict
must outlive it, so that the next start (whose quick check may pass) still refuses the file
and offers the newest good backup (`refuse_known_damage`). Damage met by a save (a page SQLite
cannot read, `Database.damaged`) is remembered the same way. A restore of a good backup, or a
later full check that passes, clears it.

Nothing here holds personal data: a verdict is a date, healthy or not, and a count.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerdesk import files
from peerdesk.data.database import Database, prove_key
from peerdesk.data.engine import DatabaseError, connect_raw
from peerdesk.data.faults import SQLITE_CORRUPT, SQLITE_NOTADB
from peerdesk.data.identity import identity_of_file
from peerdesk.data.integrity import FileHealth, probe
from peerdesk.data.keys import Passphrase
from peerdesk.errors import DatabaseDamagedError, PeerdeskError
from peerdesk.services.base import Clock

if TYPE_CHECKING:
    from peerdesk.services.container import Services

log = logging.getLogger(__name__)

__all__ = [
    "RECORD_FILE",
    "WEEK",
    "FullCheck",
    "HealthLine",
    "HealthRecords",
    "HealthVerdict",
    "IntegrityWatch",
    "is_due",
    "known_damage",
    "refuse_known_damage",
]

#: How often the full check runs: a week after the last one, at the next start.
WEEK = timedelta(days=7)
#: The verdicts, one per database identity, in peerdesk's config folder.
RECORD_FILE = "health-checks.json"

#: Who found the damage: the weekly check, or a save that met a page SQLite could not read.
WEEKLY, SAVE = "weekly check", "save"


@dataclass(frozen=True)
class HealthVerdict:
    """What the last full check (or a save meeting damage) found, and when."""

    checked_on: date
    healthy: bool
    found_by: str = WEEKLY
    #: How many problems SQLite listed (integrity lines and broken links); 0 when healthy.
    problems: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "checked_on": self.checked_on.isoformat(),
            "healthy": self.healthy,
            "found_by": self.found_by,
            "problems": self.problems,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HealthVerdict:
        return cls(
            checked_on=date.fromisoformat(str(data["checked_on"])),
            healthy=bool(data["healthy"]),
            found_by=str(data.get("found_by", WEEKLY)),
            problems=int(data.get("problems", 0)),
        )


def is_due(last: HealthVerdict | None, today: date) -> bool:
    """The full check is due when it never ran, or last ran 7 or more days ago. (A verdict of
    damage is not checked again: it stands until a restore clears it.)"""
    if last is None:
        return True
    if not last.healthy:
        return False
    return today - last.checked_on >= WEEK


class HealthRecords:
    """The verdicts kept in `folder / RECORD_FILE`, keyed by database identity.

    Reading never fails (a missing or garbled file is "no verdict yet"); a write that fails
    (a full disk) is logged and the app carries on: the check runs again next time.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / RECORD_FILE
        self._lock = threading.Lock()  # the check's thread and the UI thread both write

    def last(self, identity: str) -> HealthVerdict | None:
        entry = self._read().get(identity) if identity else None
        if not isinstance(entry, dict):
            return None
        try:
            return HealthVerdict.from_json(entry)
        except (KeyError, TypeError, ValueError):
            log.warning("health check record unreadable; treated as never checked")
            return None

    def any_damage(self) -> bool:
        """Whether any database is remembered as damaged (cheap: the file alone is read)."""
        return any(
            isinstance(entry, dict) and entry.get("healthy") is False
            for entry in self._read().values()
        )

    def remember(self, identity: str, verdict: HealthVerdict) -> None:
        if not identity:
            return
        with self._lock:
            data = self._read()
            data[identity] = verdict.as_json()
            self._write(data)

    def forget(self, identity: str) -> None:
        """After a restore: the file under this identity is a different (good) one now."""
        with self._lock:
            data = self._read()
            if data.pop(identity, None) is not None:
                self._write(data)

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("health check records unreadable; starting afresh")
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, Any]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            files.write_text(self.path, json.dumps(data, indent=1, sort_keys=True))
        except OSError as error:
            log.warning("health check verdict not kept: %s", type(error).__name__)


def known_damage(
    database: Path, records: HealthRecords, key: Passphrase | None = None
) -> HealthVerdict | None:
    """The remembered verdict of damage for the database file at `database`, if there is one
    (its identity read read-only; a file whose identity cannot be read has none)."""
    # Most starts have nothing remembered: then the database file is not even opened here
    # (before the lock and the write-ahead log's check, opening it is best avoided).
    if not records.any_damage() or not database.is_file():
        return None
    identity = identity_of_file(database, key)
    verdict = records.last(identity) if identity else None
    return verdict if verdict is not None and not verdict.healthy else None


def refuse_known_damage(database: Path, config_folder: Path, key: Passphrase | None = None) -> None:
    """Raise `DatabaseDamagedError` when damage was found in this database while it was open
    (the weekly check, or a save): its quick check on open may pass, but it is still damaged,
    so opening leads to the recovery dialog and its newest good backup instead.

    Called by opening before the database is opened (so nothing is written to it)."""
    verdict = known_damage(database, HealthRecords(config_folder), key)
    if verdict is None:
        return
    log.warning("database refused: damage found while it was open (%s)", verdict.found_by)
    raise DatabaseDamagedError(damage_words(database.name, verdict))


def damage_words(name: str, verdict: HealthVerdict) -> str:
    when = day_words(verdict.checked_on)
    if verdict.found_by == SAVE:
        found = f"On {when} peerdesk met a damaged part of the database {name} while saving."
    else:
        found = f"The weekly health check on {when} found damage in the database {name}."
    return f"{found} It has not been changed since."


def day_words(value: date) -> str:
    """Monday 7 December 2026."""
    return f"{value:%A} {value.day} {value:%B %Y}"


class FullCheck:
    """One run of the full check on a read-only connection of its own, which `cancel()`
    stops from another thread (the app closing) without waiting for the end of the file."""

    #: SQLite asks whether to stop every this many of its steps (a few times a millisecond).
    STEPS_BETWEEN_ASKING = 20_000

    def __init__(self, path: Path, key: Passphrase | None = None) -> None:
        self.path = path
        self.key = key
        self._cancelled = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Stop the check: the statement running now ends with "interrupted" at SQLite's
        next question (a progress handler, so a statement just starting stops too)."""
        self._cancelled.set()

    def run(self) -> FileHealth | None:
        """The full check's findings; None when cancelled. Raises `DatabaseDamagedError` when
        SQLite cannot read the file at all, and a plain `PeerdeskError` when it could not be
        checked just now (not a sign of damage)."""
        if self.cancelled:
            return None
        try:
            with contextlib.closing(
                connect_raw(self.path, read_only=True, key=self.key)
            ) as connection:
                connection.set_progress_handler(self._cancelled.is_set, self.STEPS_BETWEEN_ASKING)
                if self.key is not None:
                    prove_key(connection, self.path)

                def run(sql: str) -> Sequence[Sequence[Any]]:
                    return list(connection.execute(sql).fetchall())

                found = probe(run, full=True)
        except DatabaseError as error:
            self._failed(error)
            return None
        if self.cancelled:
            # peerdesk closed while it ran: nothing is said or kept; it runs again next time.
            log.info("health check finished after peerdesk began closing; not kept")
            return None
        return found

    def _failed(self, error: BaseException) -> None:
        """Cancelled: nothing to say (returns). Otherwise raises what the error means."""
        if self.cancelled:
            log.info("health check stopped: peerdesk is closing")
            return None
        code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in str(error):
            log.warning("health check could not read the database: %s", type(error).__name__)
            raise DatabaseDamagedError(
                f"The database {self.path.name} cannot be read in full: part of it is damaged."
            ) from error
        log.warning("health check could not run: %s", type(error).__name__)
        raise PeerdeskError(
            "The weekly health check could not run just now. It will try again next time "
            "peerdesk opens."
        ) from error


@dataclass(frozen=True)
class HealthLine:
    """What Today shows about the health check: nothing, a quiet line, or a problem."""

    text: str = ""
    problem: bool = False


class IntegrityWatch:
    """The weekly full check of one open database and the verdicts about it (no Qt: the app
    runs `run` off the UI thread and shows `line()` on Today)."""

    def __init__(self, db: Database, records: HealthRecords, today: Clock) -> None:
        self.db = db
        self.records = records
        self._today = today

    @classmethod
    def of(cls, services: Services, config_folder: Path) -> IntegrityWatch:
        return cls(services.db, HealthRecords(config_folder), services.today)

    @property
    def damage_met(self) -> bool:
        """A save met damage, or a check found it, while the database was open."""
        return self.db.damaged is not None

    def last(self) -> HealthVerdict | None:
        return self.records.last(self.db.identity)

    def due(self) -> bool:
        return self.db.damaged is None and is_due(self.last(), self._today())

    def new_check(self) -> FullCheck:
        return FullCheck(self.db.path, self.db.key)

    def run(self, check: FullCheck) -> HealthVerdict | None:
        """Run `check`, keep its verdict, and on damage stop every later write. None when the
        check was cancelled (nothing kept: it runs again next time)."""
        try:
            found = check.run()
        except DatabaseDamagedError as problem:
            verdict = HealthVerdict(self._today(), healthy=False, problems=1)
            self._damaged(verdict, problem)
            return verdict
        if found is None:
            return None
        problems = ([] if found.integrity == ["ok"] else found.integrity) + found.broken_links
        verdict = HealthVerdict(self._today(), healthy=not problems, problems=len(problems))
        if problems:
            log.warning("weekly health check found %d problems", len(problems))
            self._damaged(verdict, DatabaseDamagedError(self._stopped_words(verdict)))
        else:
            log.info("weekly health check passed")
            self.records.remember(self.db.identity, verdict)
        return verdict

    def _damaged(self, verdict: HealthVerdict, problem: DatabaseDamagedError) -> None:
        self.records.remember(self.db.identity, verdict)
        self.db.mark_damaged(problem)

    def _stopped_words(self, verdict: HealthVerdict) -> str:
        return (
            f"{damage_words(self.db.path.name, verdict)} Nothing more can be saved to it, so "
            "nothing more is built on it. Restore your newest good backup: Today offers it, "
            "and so does peerdesk each time it opens."
        )

    def note_damage(self) -> bool:
        """Damage met while open (a save, or a verdict kept from before): remember it, and stop
        writes. True when the database is damaged."""
        kept = self.last()
        if self.db.damaged is not None:
            if kept is None or kept.healthy:
                self.records.remember(
                    self.db.identity, HealthVerdict(self._today(), healthy=False, found_by=SAVE)
                )
            return True
        if kept is not None and not kept.healthy:
            self.db.mark_damaged(DatabaseDamagedError(self._stopped_words(kept)))
            return True
        return False

    def line(
        self, *, running: bool = False, backup_when: str | None = None, looking: bool = False
    ) -> HealthLine:
        """Today's line: the problem while the database is damaged (with when the newest good
        backup was made, or that it is being looked for), else the last verdict."""
        kept = self.last()
        if self.db.damaged is not None or (kept is not None and not kept.healthy):
            return HealthLine(problem_words(kept, backup_when, looking=looking), problem=True)
        if running:
            return HealthLine("Health check: running…")
        if kept is None:
            return HealthLine()
        checked = kept.checked_on
        when = f"{checked:%A} {checked.day} {checked:%B}"
        if checked.year != self._today().year:
            when += f" {checked.year}"
        return HealthLine(f"Health check: all well, last checked {when}.")


def problem_words(
    kept: HealthVerdict | None, backup_when: str | None, *, looking: bool = False
) -> str:
    """The prominent line on Today when the database is damaged."""
    if kept is not None and kept.found_by == WEEKLY:
        found = "The weekly health check found damage in your database."
    else:
        found = "peerdesk met a damaged part of your database while saving."
    if looking:
        offer = "Looking for the last good backup…"
    elif backup_when is None:
        offer = "No good backup of it was found: keep the file as it is and ask for help."
    else:
        offer = f"Restore the last good backup (made {backup_when})."
    return f"{found} Saving is stopped so nothing more is built on it. {offer}"
