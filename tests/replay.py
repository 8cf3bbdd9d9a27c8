"""Replaying the change log: the tables as the log says they are, to compare with the real ones.

`current_rows(db)` reads every logged table as the hook does; `replay(start, entries)` applies
log entries to a copy of `start`. If every write was logged, replaying the entries written since
`start` was read gives exactly `current_rows(db)`.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from sqlalchemy import select
from sqlmodel import SQLModel

from peerdesk.data.change_log import encode, logged_table, record_key
from peerdesk.data.database import Database

Tables = dict[str, dict[str, dict[str, Any]]]
Entry = tuple[int, str, str, str, dict[str, list[Any]]]


def current_rows(db: Database) -> Tables:
    """Every logged table: {table: {record key: {column: JSON value}}}."""
    found: Tables = {}
    with db.session() as session:
        connection = session.connection()
        for table in SQLModel.metadata.sorted_tables:
            if logged_table(table.name) is None:
                continue
            found[table.name] = {
                record_key(table, row): {name: encode(value) for name, value in row.items()}
                for row in connection.execute(select(table)).mappings()
            }
    return found


def entries_after(db: Database, last_id: int = 0) -> list[Entry]:
    """The log entries written after entry `last_id`, in order."""
    with db.session() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT id, table_name, record_key, action, changes FROM change_log "
            "WHERE id > ? ORDER BY id",
            (last_id,),
        )
        return [(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]


def last_entry_id(db: Database) -> int:
    with db.session() as session:
        value = session.connection().exec_driver_sql("SELECT max(id) FROM change_log").scalar()
    return int(value or 0)


def replay(start: Tables, entries: list[Entry]) -> Tables:
    """`start` with `entries` applied: inserts add rows, updates set columns, deletes remove."""
    tables = copy.deepcopy(start)
    for _id, name, key, action, changes in entries:
        rows = tables.setdefault(name, {})
        if action == "insert":
            assert key not in rows, f"{name} {key} inserted twice"
            rows[key] = {column: new for column, (_old, new) in changes.items()}
        elif action == "update":
            row = rows[key]
            for column, (old, new) in changes.items():
                assert row[column] == old, f"{name} {key}.{column}: log says {old!r}"
                row[column] = new
        else:
            assert rows.pop(key) == {column: old for column, (old, _new) in changes.items()}
    return tables
