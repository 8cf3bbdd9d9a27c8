"""Undo and Redo of whole change sets made since the app opened.

Undo writes the inverse of the last change set as a new change set (kind "undo", `undoes_id`
naming it), so the history shows both and nothing is ever forgotten; Redo writes the inverse
of that undo (kind "redo"). Which change set is "last" is worked out from the change log
itself, from the first change set made after this database was opened: the app holds the
instance lock, so every one of those is its own.

Refused, in plain words: an import, an erasure or a restore (each has its own backup to go
back to), and a change set any of whose records was changed since by another one still in
effect (undoing it would silently throw that later change away).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, DateTime, Numeric, Table, Time, and_, delete, func, insert, update
from sqlmodel import Session, col, select

from peerdesk.data.change_log import describe, log_rows, logged_table
from peerdesk.data.database import Database
from peerdesk.data.models import utc_now
from peerdesk.data.models.history import ChangeLogEntry, ChangeSet
from peerdesk.errors import PeerdeskError
from peerdesk.services.base import Clock, Service
from peerdesk.services.history.views import record_name

#: Change sets that are gone back on with their own backup, never with Undo.
NOT_UNDONE = {
    "import": "An import cannot be undone here: restore the backup taken before it instead "
    "(File ▸ Backups…).",
    "erasure": "An erasure cannot be undone: that is the point of it. The backup taken before "
    "it is in File ▸ Backups…",
    "restore": "A restore cannot be undone here: restore the backup taken before it instead "
    "(File ▸ Backups…).",
}


class UndoRefused(PeerdeskError):
    """Undo or Redo cannot be done, and why, in plain words."""


@dataclass(frozen=True)
class UndoState:
    """What Undo and Redo would do now: the change sets' ids and their descriptions."""

    undo_id: int | None = None
    undo_text: str = ""
    redo_id: int | None = None
    redo_text: str = ""


@dataclass
class _Stacks:
    in_effect: list[int]
    redoable: list[int]
    cancelled: set[int]


class UndoService(Service):
    def __init__(self, db: Database, today: Clock = date.today) -> None:
        super().__init__(db, today)
        #: When the app opened: a restored backup's older change sets are not this run's.
        self.opened_at = utc_now()
        with db.session() as session:
            #: The change sets after this one were made since the app opened.
            self.opened_after: int = session.exec(select(func.max(ChangeSet.id))).one() or 0

    # -- what can be done -------------------------------------------------------------------
    def state(self) -> UndoState:
        with self.db.session() as session:
            stacks = self._stacks(session)
            undo_id = stacks.in_effect[-1] if stacks.in_effect else None
            redo_id = stacks.redoable[-1] if stacks.redoable else None
            return UndoState(
                undo_id=undo_id,
                undo_text=_what(session, undo_id),
                redo_id=redo_id,
                redo_text=_what(session, redo_id, redo=True),
            )

    # -- doing it ---------------------------------------------------------------------------
    def undo(self) -> str:
        """Undo the last change set still in effect; returns what was undone, in words."""
        with self.db.session() as session:
            stacks = self._stacks(session)
            if not stacks.in_effect:
                raise UndoRefused("There is nothing to undo since peerdesk was opened.")
            target = stacks.in_effect[-1]
            words = _what(session, target)
        return self._invert(target, kind="undo", words=words, cancelled=stacks.cancelled)

    def redo(self) -> str:
        """Redo the last change set undone (if nothing was changed since); returns what."""
        with self.db.session() as session:
            stacks = self._stacks(session)
            if not stacks.redoable:
                raise UndoRefused("There is nothing to redo.")
            target = stacks.redoable[-1]
            words = _what(session, target, redo=True)
        return self._invert(target, kind="redo", words=words, cancelled=stacks.cancelled)

    def _invert(self, target: int, *, kind: str, words: str, cancelled: set[int]) -> str:
        with self.db.session() as session:
            change_set = session.get(ChangeSet, target)
            assert change_set is not None
            refusal = NOT_UNDONE.get(change_set.kind)
            if refusal is not None:
                raise UndoRefused(refusal)
            entries = _entries(session, target)
            if _changed_since(session, target, entries, cancelled):
                raise UndoRefused(
                    f"“{words}” cannot be {kind}ne: a record in it was changed since. Change "
                    "it back by hand, or undo the later change first."
                )
        description = f"{kind.capitalize()}: {words}"
        with self.db.transaction(description=description, kind=kind) as session:
            describe(session, description=description, kind=kind, undoes_id=target)
            apply_inverse(session, entries)
        return words

    def _stacks(self, session: Session) -> _Stacks:
        """Replay this run's change sets: ordinary ones go on the stack, an undo takes its
        target off (to the redo list), a redo puts its own change set back on."""
        stacks = _Stacks([], [], set())
        for set_id, kind, undoes in session.exec(
            select(ChangeSet.id, ChangeSet.kind, ChangeSet.undoes_id)
            .where(col(ChangeSet.id) > self.opened_after, col(ChangeSet.made_at) >= self.opened_at)
            .order_by(col(ChangeSet.id))
        ):
            assert set_id is not None
            if kind == "undo" and undoes in stacks.in_effect:
                stacks.in_effect.remove(undoes)
                stacks.redoable.append(set_id)
                stacks.cancelled |= {undoes, set_id}
            elif kind == "redo" and undoes in stacks.redoable:
                stacks.redoable.remove(undoes)
                stacks.in_effect.append(set_id)
            else:
                stacks.in_effect.append(set_id)
                stacks.redoable.clear()  # a new change: what was undone stays undone
        return stacks


def _what(session: Session, change_set_id: int | None, *, redo: bool = False) -> str:
    """The change set in a few words ("End of pairing P0042"); for a redo, what its undo
    undid."""
    if change_set_id is None:
        return ""
    found = session.get(ChangeSet, change_set_id)
    if found is None:
        return ""
    text = found.description
    if redo:
        prefix = "Undo: "
        text = text[len(prefix) :] if text.startswith(prefix) else text
    for prefix in ("Redo: ",):
        text = text[len(prefix) :] if text.startswith(prefix) else text
    if not text:
        # Made without a description (most additions): say what its first record was.
        entries = _entries(session, change_set_id)
        if not entries:
            return "a change"
        done = {"insert": "added", "update": "changed", "delete": "removed"}
        first = entries[0]
        text = f"{record_name(first.table_name)} {done.get(first.action, 'changed')}"
        if len(entries) > 1:
            text += f" (and {len(entries) - 1} more)"
    return text


def _entries(session: Session, change_set_id: int) -> list[ChangeLogEntry]:
    return list(
        session.exec(
            select(ChangeLogEntry)
            .where(ChangeLogEntry.change_set_id == change_set_id)
            .order_by(col(ChangeLogEntry.id))
        )
    )


def _changed_since(
    session: Session, target: int, entries: list[ChangeLogEntry], cancelled: set[int]
) -> bool:
    keys = {(e.table_name, e.record_key) for e in entries}
    later = session.exec(
        select(
            ChangeLogEntry.change_set_id, ChangeLogEntry.table_name, ChangeLogEntry.record_key
        ).where(col(ChangeLogEntry.change_set_id) > target)
    )
    return any(set_id not in cancelled and (name, key) in keys for set_id, name, key in later)


# -- writing the inverse ------------------------------------------------------------------------


def decode(table: Table, column: str, value: Any) -> Any:
    """A logged JSON value back to what the column holds (dates from ISO strings...)."""
    if value is None or column not in table.c:
        return value
    kind = table.c[column].type
    if isinstance(value, str):
        if isinstance(kind, DateTime):
            return datetime.fromisoformat(value)
        if isinstance(kind, Date):
            return date.fromisoformat(value)
        if isinstance(kind, Time):
            return time.fromisoformat(value)
        if isinstance(kind, Numeric) and kind.asdecimal:
            return Decimal(value)
    return value


def _where(table: Table, record_key: str) -> Any:
    key = json.loads(record_key)
    return and_(*(table.c[name] == decode(table, name, value) for name, value in key.items()))


def apply_inverse(session: Session, entries: list[ChangeLogEntry]) -> None:
    """Write the opposite of `entries` (one change set), newest first: changed values back,
    added rows removed, removed rows put back as they were. Foreign keys are checked at
    commit, so the order of the rows put back does not matter."""
    session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    ordered = list(reversed(entries))
    for entry in ordered:
        table = logged_table(entry.table_name)
        if table is None or entry.action != "update":
            continue
        changes: dict[str, list[Any]] = json.loads(entry.changes)
        values = {name: decode(table, name, old) for name, (old, _new) in changes.items()}
        session.execute(update(table).where(_where(table, entry.record_key)).values(values))
    for entry in ordered:
        table = logged_table(entry.table_name)
        if table is not None and entry.action == "insert":
            session.execute(delete(table).where(_where(table, entry.record_key)))
    for entry in entries:
        table = logged_table(entry.table_name)
        if table is None or entry.action != "delete":
            continue
        changes = json.loads(entry.changes)
        row = {name: decode(table, name, old) for name, (old, _new) in changes.items()}
        session.connection().execute(insert(table).values(row))
        log_rows(session, table, "insert", [row])
