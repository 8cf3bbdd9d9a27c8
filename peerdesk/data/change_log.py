"""The change log hook: every row inserted, changed or removed through a session is recorded.

Why here, in the data layer: whatever makes a write (a window, the command line, an import,
a later feature nobody has written yet) goes through a session, so the history cannot be
forgotten by one caller. The entries are written on the session's own connection, inside the
same transaction as the change: both are saved, or neither.

How: rows are read as stored (a Core select by primary key), so the log says exactly what the
database held, defaults and all: removed and changed rows before the flush (`before_flush`),
new and changed rows after it (`after_flush`). Rows the database removes or empties itself
(ON DELETE CASCADE / SET NULL) are read before their parent goes. Statements that bypass the
ORM's unit of work but go through the session (`session.exec(delete(...))`, `update(...)`)
are read before and after they run (`do_orm_execute`). SQL sent on `session.connection()`
directly is not seen: the few places that do so log themselves or are erasure.

One transaction is one change set, made when its first change is logged: who (the
coordinator's name from Settings), when, the reason and plain description given to
`Database.transaction()`. Nothing personal goes to the Python log: only table names and counts.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table, event, insert, or_, select, tuple_, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import ORMExecuteState, UOWTransaction
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, SQLModel

from peerdesk.data.change_log_rows import (
    Row,
    _dependants,
    _key_tuple,
    _read,
    _row_of,
    encode,
    logged_table,
    record_key,
)
from peerdesk.data.models import utc_now

log = logging.getLogger(__name__)

#: Who made a change when Settings names no coordinator.
DEFAULT_CHANGED_BY = "Coordinator"

_SET = "peerdesk.change_set"
_PENDING = "peerdesk.change_log.pending"


_CHANGE_SET: Table = SQLModel.metadata.tables["change_set"]
_CHANGE_LOG: Table = SQLModel.metadata.tables["change_log"]
_ORGANISATION: Table = SQLModel.metadata.tables["organisation"]


@dataclass
class ChangeSetDetails:
    """What `Database.transaction()` was told about its change set."""

    reason: str = ""
    description: str = ""
    kind: str = "change"
    undoes_id: int | None = None
    #: Set once the change set's row is written (at the first logged change).
    id: int | None = None


@dataclass
class _Pending:
    """Rows read before a flush, waiting for the flush to succeed."""

    #: Changed objects' rows as they were, by the object's id() (its key may change).
    before: dict[int, Row] = field(default_factory=dict)


class LoggedSession(Session):
    """The session `Database` hands out: its writes are logged (see the module docstring)."""


def describe(
    session: OrmSession,
    *,
    reason: str = "",
    description: str = "",
    kind: str = "change",
    undoes_id: int | None = None,
) -> None:
    """Say what the session's next change set is (before its first write)."""
    session.info[_SET] = ChangeSetDetails(reason, description, kind, undoes_id)


def begin_change_set(session: OrmSession) -> int:
    """Write this transaction's change set now, even if nothing else changes (a marker, such
    as a restore's: the rows it brought back came with the backup's own history)."""
    return _change_set_id(session)


def current_change_set(session: OrmSession) -> int | None:
    """The id of the change set this transaction has written so far, if any."""
    details = session.info.get(_SET)
    return details.id if isinstance(details, ChangeSetDetails) else None


def log_rows(session: OrmSession, table: Table, action: str, rows: Iterable[Row]) -> int:
    """Log whole rows inserted or deleted by SQL the hook cannot see. Returns how many."""
    set_id = _change_set_id(session)
    entries = [
        {
            "change_set_id": set_id,
            "table_name": table.name,
            "record_key": record_key(table, row),
            "action": action,
            "changes": json.dumps(
                {
                    name: [None, encode(value)] if action == "insert" else [encode(value), None]
                    for name, value in row.items()
                },
                sort_keys=True,
            ),
        }
        for row in rows
    ]
    if entries:
        session.connection().execute(insert(_CHANGE_LOG), entries)
    return len(entries)


def row_keys(session: OrmSession) -> dict[str, set[str]]:
    """The keys of every row of every logged table (to tell later bulk inserts apart)."""
    connection = session.connection()
    return {
        table.name: {
            record_key(table, row)
            for row in connection.execute(select(*table.primary_key.columns)).mappings()
        }
        for table in SQLModel.metadata.sorted_tables
        if logged_table(table.name) is not None
    }


def log_new_rows(session: OrmSession, before: dict[str, set[str]]) -> int:
    """Log as inserts every row whose key is not in `before`: for writers that insert with the
    driver directly (the demo's many rows), read back as stored. Returns how many."""
    connection = session.connection()
    # A row removed since (through the session, so logged) and added again with the same key
    # is new too (SQLite gives a freed number out again).
    removed: set[tuple[str, str]] = set()
    set_id = current_change_set(session)
    if set_id is not None:
        removed = {
            (row.table_name, row.record_key)
            for row in connection.execute(
                select(_CHANGE_LOG.c.table_name, _CHANGE_LOG.c.record_key).where(
                    _CHANGE_LOG.c.change_set_id == set_id, _CHANGE_LOG.c.action == "delete"
                )
            )
        }
    count = 0
    for table in SQLModel.metadata.sorted_tables:
        if logged_table(table.name) is None:
            continue
        known = {k for k in before.get(table.name, set()) if (table.name, k) not in removed}
        rows = [
            dict(row)
            for row in connection.execute(select(table)).mappings()
            if record_key(table, row) not in known
        ]
        count += log_rows(session, table, "insert", rows)
    return count


def stamp_change_set(session: OrmSession, made_at: datetime) -> None:
    """Give this transaction's change set another time (the demo's fixed day, as its rows)."""
    set_id = current_change_set(session)
    if set_id is not None:
        session.connection().execute(
            update(_CHANGE_SET).where(_CHANGE_SET.c.id == set_id).values(made_at=made_at)
        )


# -- writing the log --------------------------------------------------------------------------


def _who(name: str | None, role: str | None) -> str:
    """Who made a change, as Settings names the coordinator: "Morag Gunn (Coordinator)"."""
    name, role = (name or "").strip(), (role or "").strip()
    if not name:
        return DEFAULT_CHANGED_BY
    return f"{name} ({role})" if role else name


def _change_set_id(session: OrmSession) -> int:
    details = session.info.get(_SET)
    if not isinstance(details, ChangeSetDetails):
        details = session.info[_SET] = ChangeSetDetails()
    if details.id is None:
        connection = session.connection()
        found = connection.execute(
            select(_ORGANISATION.c.coordinator_name, _ORGANISATION.c.coordinator_role).limit(1)
        ).first()
        name, role = (found[0], found[1]) if found is not None else ("", "")
        result = connection.execute(
            insert(_CHANGE_SET).values(
                made_at=utc_now(),
                changed_by=_who(name, role),
                reason=details.reason,
                description=details.description,
                kind=details.kind,
                undoes_id=details.undoes_id,
            )
        )
        primary_key = result.inserted_primary_key
        assert primary_key is not None
        details.id = int(primary_key[0])
    return details.id


def _write(
    session: OrmSession, table: Table, action: str, row: Mapping[str, Any], old: Row, new: Row
) -> None:
    changes = {
        name: [encode(old.get(name)), encode(new.get(name))]
        for name in (new if action != "delete" else old)
    }
    session.connection().execute(
        insert(_CHANGE_LOG).values(
            change_set_id=_change_set_id(session),
            table_name=table.name,
            record_key=record_key(table, row),
            action=action,
            changes=json.dumps(changes, sort_keys=True),
        )
    )


def _write_update(session: OrmSession, table: Table, old: Row, new: Row) -> None:
    if record_key(table, old) != record_key(table, new):
        # A new key is another record (a merged condition): removed and added, so that a
        # record's history and a replay of the log both follow keys that never change.
        _write(session, table, "delete", old, old, dict.fromkeys(old))
        _write(session, table, "insert", new, dict.fromkeys(new), new)
        return
    changed = {name for name in new if encode(old.get(name)) != encode(new[name])}
    if changed:
        _write(
            session,
            table,
            "update",
            new,
            {name: old.get(name) for name in changed},
            {name: new[name] for name in changed},
        )


def _log_removed(session: OrmSession, removed: list[tuple[str, Table, Row]]) -> None:
    """Write deletes (and the emptied columns of SET NULL rows) read before they happened."""
    for action, table, row in removed:
        if action == "delete":
            _write(session, table, "delete", row, row, dict.fromkeys(row))
        else:
            _write(session, table, "update", row, {action: row[action]}, {action: None})


# -- the events -----------------------------------------------------------------------------


@event.listens_for(LoggedSession, "before_flush")
def _before_flush(session: OrmSession, _flush: UOWTransaction, _instances: object) -> None:
    pending = _Pending()
    connection = session.connection()
    for instance in session.dirty:
        found = _row_of(instance)
        if found is not None and session.is_modified(instance):
            table, key = found
            row = _read(connection, table, key)
            if row is not None:
                pending.before[id(instance)] = row
    removed: list[tuple[str, Table, Row]] = []
    for instance in session.deleted:
        found = _row_of(instance)
        if found is None:
            continue
        table, key = found
        row = _read(connection, table, key)
        if row is not None:
            removed.append(("delete", table, row))
            removed.extend(_dependants(connection, table, [row]))
    session.info[_PENDING] = (pending, _unique(removed))


def _unique(removed: list[tuple[str, Table, Row]]) -> list[tuple[str, Table, Row]]:
    """Each row once (a row can be reached by two cascades); a delete beats an emptying."""
    seen: dict[tuple[str, str], tuple[str, Table, Row]] = {}
    for item in removed:
        key = _key_tuple(item[1], item[2])
        if key not in seen or item[0] == "delete":
            seen[key] = item
    return list(seen.values())


@event.listens_for(LoggedSession, "after_flush")
def _after_flush(session: OrmSession, _flush: UOWTransaction) -> None:
    pending, removed = session.info.pop(_PENDING, (_Pending(), []))
    connection = session.connection()
    for instance in session.new:
        found = _row_of(instance)
        if found is not None:
            table, key = found
            row = _read(connection, table, key)
            if row is not None:
                _write(session, table, "insert", row, dict.fromkeys(row), row)
    for instance in session.dirty:
        found = _row_of(instance)
        if found is None:
            continue
        table, key = found
        row = _read(connection, table, key)
        old = pending.before.get(id(instance))
        if row is not None and old is not None:
            _write_update(session, table, old, row)
    _log_removed(session, removed)


@event.listens_for(LoggedSession, "do_orm_execute")
def _bulk(state: ORMExecuteState) -> Any:
    """`session.exec(update(...))`, `delete(...)` and `insert(...)`: the rows read before
    and after."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return None
    statement: Any = state.statement
    table = logged_table(getattr(statement.table, "name", ""))
    if table is None:
        return None
    session = state.session
    connection = session.connection()
    if state.is_executemany:
        # Not written anywhere in peerdesk: a caller that starts to is told, in the log file.
        log.warning("a many-row statement on %s is not in the history", table.name)
        return None
    if state.is_insert:
        return _bulk_insert(state, session, connection, table)
    query = select(table)
    if statement.whereclause is not None:
        query = query.where(statement.whereclause)
    before = [dict(row) for row in connection.execute(query).mappings()]
    removed = (
        _unique([("delete", table, row) for row in before] + _dependants(connection, table, before))
        if state.is_delete
        else []
    )
    result = state.invoke_statement()
    if state.is_delete:
        _log_removed(session, removed)
    elif before:
        _log_bulk_update(session, connection, table, before, _assigned(statement))
    log.debug(
        "bulk %s on %s: %d rows", "delete" if state.is_delete else "update", table.name, len(before)
    )
    return result


def _bulk_insert(
    state: ORMExecuteState, session: OrmSession, connection: Connection, table: Table
) -> Any:
    """One row inserted by a statement: read back by the key it was given."""
    result = state.invoke_statement()
    key = getattr(result, "inserted_primary_key", None)
    names = [c.name for c in table.primary_key.columns]
    row = None
    if key is not None and all(value is not None for value in key):
        row = _read(connection, table, dict(zip(names, key, strict=True)))
    if row is None:
        log.warning("an insert into %s could not be followed for the history", table.name)
    else:
        _write(session, table, "insert", row, dict.fromkeys(row), row)
    return result


def _assigned(statement: Any) -> dict[str, Any]:
    """The plain values an UPDATE sets ({column: value}); expressions are left out."""
    found: dict[str, Any] = {}
    for column, value in (getattr(statement, "_values", None) or {}).items():
        name = getattr(column, "name", None) or getattr(column, "key", None) or str(column)
        if hasattr(value, "value") and not callable(value.value):
            found[name] = value.value
    return found


def _log_bulk_update(
    session: OrmSession, connection: Connection, table: Table, before: list[Row], assigned: Row
) -> None:
    columns = list(table.primary_key.columns)
    moved = any(c.name in assigned for c in columns)
    # Where the statement gave the key a new value, the row is found at its new key.
    keys = [
        tuple({**row, **assigned}[c.name] if moved else row[c.name] for c in columns)
        for row in before
    ]
    after = [
        dict(row)
        for row in connection.execute(
            select(table).where(or_(*(tuple_(*columns) == key for key in keys)))
        ).mappings()
    ]
    by_key = {tuple(row[c.name] for c in columns): row for row in after}
    for old, key in zip(before, keys, strict=True):
        new = by_key.get(key)
        if new is not None:
            _write_update(session, table, old, new)
        else:
            log.warning("a bulk update on %s could not be followed for the history", table.name)


@event.listens_for(LoggedSession, "after_commit")
@event.listens_for(LoggedSession, "after_rollback")
def _next_change_set(session: OrmSession) -> None:
    """A new transaction is a new change set (with a reason only if told again)."""
    session.info.pop(_SET, None)
    session.info.pop(_PENDING, None)
