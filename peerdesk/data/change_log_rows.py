"""Reading rows as they are stored, for the change log (`peerdesk.data.change_log`): an ORM
object's row, a row by its key, and the rows a delete will take with it (ON DELETE rules)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, and_, inspect, select
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

#: Tables never logged: the log itself, and bookkeeping that is no one's record.
UNLOGGED_TABLES = frozenset({"change_set", "change_log", "alembic_version", "database_identity"})
#: A row as column name -> value.
Row = dict[str, Any]


def encode(value: Any) -> Any:
    """A column value as JSON: dates and times as ISO strings, decimals as text."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def record_key(table: Table, row: Mapping[Any, Any]) -> str:
    """The primary key of `row` as JSON: {"id": 5}, or every key column of a joining table."""
    return json.dumps(
        {column.name: encode(row[column.name]) for column in table.primary_key.columns},
        sort_keys=True,
    )


def logged_table(name: str) -> Table | None:
    """The table called `name`, if its changes are logged."""
    if name in UNLOGGED_TABLES:
        return None
    return SQLModel.metadata.tables.get(name)


def _row_of(instance: object) -> tuple[Table, Row] | None:
    """The logged table of an ORM object and its primary key values (None if unlogged)."""
    mapper = inspect(instance).mapper
    table = mapper.local_table
    if not isinstance(table, Table) or logged_table(table.name) is None:
        return None
    # Not the identity key: a new object has none until after the flush's own events.
    values = mapper.primary_key_from_instance(instance)
    if any(value is None for value in values):
        return None
    return table, dict(zip((c.name for c in mapper.primary_key), values, strict=True))


def _read(connection: Connection, table: Table, key: Mapping[str, Any]) -> Row | None:
    where = and_(*(table.c[name] == value for name, value in key.items()))
    found = connection.execute(select(table).where(where)).mappings().first()
    return dict(found) if found is not None else None


def _key_tuple(table: Table, row: Mapping[str, Any]) -> tuple[str, str]:
    return table.name, record_key(table, row)


def _dependants(
    connection: Connection, table: Table, rows: list[Row]
) -> list[tuple[str, Table, Row]]:
    """Rows the database itself deletes (CASCADE) or empties (SET NULL) when `rows` go."""
    found: list[tuple[str, Table, Row]] = []
    if not rows:
        return found
    for child in SQLModel.metadata.sorted_tables:
        if logged_table(child.name) is None:
            continue
        for foreign in child.foreign_keys:
            rule = (foreign.ondelete or "").upper()
            if foreign.column.table is not table or rule not in ("CASCADE", "SET NULL"):
                continue
            values = [
                row[foreign.column.name] for row in rows if row[foreign.column.name] is not None
            ]
            if not values:
                continue
            children = [
                dict(r)
                for r in connection.execute(
                    select(child).where(foreign.parent.in_(values))
                ).mappings()
            ]
            action = "delete" if rule == "CASCADE" else foreign.parent.name
            found.extend((action, child, r) for r in children)
            if rule == "CASCADE":
                found.extend(_dependants(connection, child, children))
    return found
