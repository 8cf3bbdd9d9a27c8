"""The history: the change log read back in plain words, by record, by person, by dates.

The log itself is written by the data layer (`peerdesk.data.change_log`); this service only
reads it. Change sets come oldest first, each with only the lines asked for.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, or_
from sqlmodel import Session, col, select

from peerdesk.data.change_log import record_key
from peerdesk.data.models import ChangeLogEntry, ChangeSet
from peerdesk.errors import ValidationError
from peerdesk.services.base import Service
from peerdesk.services.history.views import (
    ChangeLine,
    ChangeSetView,
    FieldChange,
    field_changes,
)
from peerdesk.services.people.record_tables import PERSON_TABLE, person_reference_columns, table

#: Records of a pairing: a person's history includes those of their pairings.
PAIRING_RECORDS = ("mentoring_session", "pairing_goal", "pairing_status_change", "review")


@dataclass(frozen=True)
class ExportRow:
    """One line of the auditor's CSV: one field of one record in one change set."""

    when: str
    changed_by: str
    change_set: int
    description: str
    reason: str
    record: str
    action: str
    field: str
    old: str
    new: str


class HistoryService(Service):
    def for_record(self, table_name: str, record_id: int | dict[str, Any]) -> list[ChangeSetView]:
        """Every change to one record (a whole key as a dict for a joining table)."""
        source = _known_table(table_name)
        key = record_id if isinstance(record_id, dict) else {"id": record_id}
        wanted = record_key(source, key)
        with self.db.session() as session:
            entries = session.exec(
                select(ChangeLogEntry).where(
                    ChangeLogEntry.table_name == source.name, ChangeLogEntry.record_key == wanted
                )
            ).all()
            return change_set_views(session, entries)

    def for_person(self, person_id: int) -> list[ChangeSetView]:
        """Changes to their own record, every record that refers to them, and the records of
        their pairings (sessions, goals, reviews), including ones since removed."""
        with self.db.session() as session:
            return change_set_views(session, _entries_about(session, person_id))

    def between(self, start: date, end: date) -> list[ChangeSetView]:
        """Every change set made from `start` to `end` (whole days, inclusive)."""
        if end < start:
            raise ValidationError("The end date is before the start date.", "to")
        first = datetime.combine(start, time(0), tzinfo=UTC)
        after = datetime.combine(end + timedelta(days=1), time(0), tzinfo=UTC)
        with self.db.session() as session:
            sets = session.exec(
                select(ChangeSet.id).where(
                    col(ChangeSet.made_at) >= first, col(ChangeSet.made_at) < after
                )
            ).all()
            entries = session.exec(
                select(ChangeLogEntry).where(col(ChangeLogEntry.change_set_id).in_(sets))
            ).all()
            return change_set_views(session, entries, set_ids=[i for i in sets if i is not None])

    def everything(self) -> list[ChangeSetView]:
        """The whole history, oldest first."""
        with self.db.session() as session:
            entries = session.exec(select(ChangeLogEntry)).all()
            ids = [i for i in session.exec(select(ChangeSet.id)) if i is not None]
            return change_set_views(session, entries, set_ids=ids)

    def change_set(self, change_set_id: int) -> ChangeSetView | None:
        """One change set with all its lines (None if there is no such change set)."""
        with self.db.session() as session:
            entries = session.exec(
                select(ChangeLogEntry).where(ChangeLogEntry.change_set_id == change_set_id)
            ).all()
            views = change_set_views(session, entries, set_ids=[change_set_id])
            return views[0] if views else None

    def latest(self, limit: int = 20) -> list[ChangeSetView]:
        """The newest change sets, newest first."""
        with self.db.session() as session:
            ids = session.exec(
                select(ChangeSet.id).order_by(col(ChangeSet.id).desc()).limit(limit)
            ).all()
            entries = session.exec(
                select(ChangeLogEntry).where(col(ChangeLogEntry.change_set_id).in_(ids))
            ).all()
            found = [i for i in ids if i is not None]
            return list(reversed(change_set_views(session, entries, set_ids=found)))

    def export_rows(self, views: Iterable[ChangeSetView]) -> list[ExportRow]:
        """The auditor's rows: one per field changed (one for an addition or removal)."""
        rows: list[ExportRow] = []
        for view in views:
            when = view.made_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
            for line in view.lines:
                common = (when, view.changed_by, view.id, view.description, view.reason)
                # An addition or removal lists its filled-in fields; one row if it had none.
                shown: list[FieldChange | None] = [
                    f for f in line.fields if line.action == "update" or f.new_words or f.old_words
                ]
                for change in shown or [None]:
                    rows.append(
                        ExportRow(
                            *common,
                            record=line.record,
                            action=line.action,
                            field=change.title if change else "",
                            old=change.old_words if change else "",
                            new=change.new_words if change else "",
                        )
                    )
        return rows


def _known_table(name: str) -> Table:
    try:
        return table(name)
    except KeyError:
        raise ValidationError(f"There is no kind of record called {name!r}.", "table") from None


def _entries_about(session: Session, person_id: int) -> list[ChangeLogEntry]:
    """Entries whose record is the person, refers to them, or belongs to one of their
    pairings. A record is theirs if any of its entries ever named them (its later entries
    may change other columns only)."""
    references = person_reference_columns()
    theirs: set[tuple[str, str]] = {(PERSON_TABLE, json.dumps({"id": person_id}))}
    pairing_ids: set[int] = set()
    for entry in _mentioning(session, set(references), {person_id}):
        if _names_value(entry, references.get(entry.table_name, ()), {person_id}):
            theirs.add((entry.table_name, entry.record_key))
            if entry.table_name == "pairing":
                pairing_ids.add(int(json.loads(entry.record_key)["id"]))
    for entry in _mentioning(session, set(PAIRING_RECORDS), pairing_ids):
        if _names_value(entry, ("pairing_id",), pairing_ids):
            theirs.add((entry.table_name, entry.record_key))
    by_table: dict[str, set[str]] = {}
    for name, key in theirs:
        by_table.setdefault(name, set()).add(key)
    found: list[ChangeLogEntry] = []
    for name, keys in by_table.items():
        found += session.exec(
            select(ChangeLogEntry).where(
                ChangeLogEntry.table_name == name, col(ChangeLogEntry.record_key).in_(keys)
            )
        ).all()
    return sorted(found, key=lambda entry: entry.id or 0)


def _mentioning(session: Session, tables: set[str], values: set[int]) -> list[ChangeLogEntry]:
    """Entries of `tables` whose changes may hold one of the numbers `values` (as an old or a
    new value: "[5, " or ", 5]"): narrowed in SQL, decided by `_names_value`."""
    if not values:
        return []
    patterns = [f"%[{value}, %" for value in values] + [f"%, {value}]%" for value in values]
    return list(
        session.exec(
            select(ChangeLogEntry).where(
                col(ChangeLogEntry.table_name).in_(tables),
                or_(*(col(ChangeLogEntry.changes).like(pattern) for pattern in patterns)),
            )
        ).all()
    )


def _names_value(entry: ChangeLogEntry, columns: Iterable[str], values: set[int]) -> bool:
    if not values:
        return False
    changes = json.loads(entry.changes)
    for column in columns:
        pair = changes.get(column)
        if isinstance(pair, list) and any(v in values for v in pair if isinstance(v, int)):
            return True
    return False


def change_set_views(
    session: Session, entries: Iterable[ChangeLogEntry], *, set_ids: list[int] | None = None
) -> list[ChangeSetView]:
    """Group entries into their change sets, oldest first. `set_ids` adds sets with no lines
    (an erasure's)."""
    by_set: dict[int, list[ChangeLogEntry]] = {}
    for entry in sorted(entries, key=lambda e: e.id or 0):
        by_set.setdefault(entry.change_set_id, []).append(entry)
    ids = set(by_set) | set(set_ids or [])
    if not ids:
        return []
    sets = session.exec(
        select(ChangeSet).where(col(ChangeSet.id).in_(ids)).order_by(col(ChangeSet.id))
    ).all()
    views = []
    for change_set in sets:
        assert change_set.id is not None
        made_at = _aware(change_set.made_at)
        lines = tuple(
            ChangeLine(
                change_set_id=change_set.id,
                table_name=entry.table_name,
                key=json.loads(entry.record_key),
                action=entry.action,
                fields=field_changes(entry.table_name, entry.changes),
                made_at=made_at,
                changed_by=change_set.changed_by,
                reason=change_set.reason,
            )
            for entry in by_set.get(change_set.id, [])
        )
        views.append(
            ChangeSetView(
                id=change_set.id,
                made_at=made_at,
                changed_by=change_set.changed_by,
                reason=change_set.reason,
                description=change_set.description,
                kind=change_set.kind,
                undoes_id=change_set.undoes_id,
                lines=lines,
            )
        )
    return views


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
