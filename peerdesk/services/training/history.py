"""A training session's History: every change set that touched the session, its modules or
any attendee's record of it (a record taken off when someone is taken off the list is gone,
but its change set still names the session it belonged to)."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, col, select

from peerdesk.data.models import ChangeLogEntry

#: The tables whose logged rows name a training session, and the column that does.
_SESSION_COLUMNS = {
    "training_record": "training_session_id",
    "training_session_module": "session_id",
}


def change_set_ids(session: Session, session_id: int) -> list[int]:
    """The change sets, oldest first, that touched training session `session_id`."""
    own = json.dumps({"id": session_id}, sort_keys=True)
    ids: set[int] = set()
    entries = session.exec(
        select(ChangeLogEntry).where(
            col(ChangeLogEntry.table_name).in_(["training_session", *_SESSION_COLUMNS])
        )
    )
    for entry in entries:
        if entry.table_name == "training_session":
            if entry.record_key == own:
                ids.add(entry.change_set_id)
        elif session_id in _named(entry, _SESSION_COLUMNS[entry.table_name]):
            ids.add(entry.change_set_id)
    return sorted(ids)


def _named(entry: ChangeLogEntry, column: str) -> set[Any]:
    """The values `column` had in this entry: its key, and the old and new values logged."""
    found: set[Any] = set()
    key = json.loads(entry.record_key)
    if column in key:
        found.add(key[column])
    changed = json.loads(entry.changes or "{}").get(column)
    if isinstance(changed, list):
        found.update(v for v in changed if isinstance(v, int))
    return found
