"""Correcting what was entered: the shared pieces of every `update_*` and `remove_*`.

One correction is one transaction, and so one change set in the change log, carrying the
reason the coordinator gave and a plain description of what was done ("Removed supervision
on 3 March 2026"). A removal always needs a reason: it is what an auditor reads later.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, TypeVar, cast

from sqlmodel import Session, SQLModel

from peerdesk.data.database import Database
from peerdesk.services import validation as v
from peerdesk.services.base import get_or_raise

T = TypeVar("T", bound=SQLModel)


def change_set(
    db: Database, *, reason: str = "", description: str = ""
) -> AbstractContextManager[Session]:
    """`db.transaction()` naming the change set's reason and description.

    The change log's transaction takes them; a database layer without it (an older one in
    a test double) still gets one plain transaction, so nothing is half-saved either way.
    """
    transaction = cast(Any, db.transaction)
    if "reason" in inspect.signature(transaction).parameters:
        return cast(
            AbstractContextManager[Session],
            transaction(reason=reason, description=description),
        )
    return cast(AbstractContextManager[Session], transaction())


def removal_reason(reason: str | None) -> str:
    """The reason a record is removed: required, in the coordinator's words."""
    return v.required_text(reason, "reason", "why it is being removed (entered in error, say)")


def apply_fields(row: T, fields: dict[str, Any]) -> T:
    """Set the checked values on a row being edited (only those that differ are written)."""
    for name, value in fields.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
    return row


def remove_row(
    db: Database,
    model: type[T],
    record_id: int,
    *,
    what: str,
    reason: str | None,
    describe: Callable[[T], str],
    dependents: Callable[[Session, T], Sequence[SQLModel]] = lambda _session, _row: (),
) -> str:
    """Delete one record entered in error, and what depends on it, in one change set.

    `describe` says in plain words what goes ("Removed supervision on 3 March 2026");
    `dependents` lists the rows that cannot stay without it (deleted first, same
    transaction). Returns the description. A refused removal (no reason, not found) changes
    nothing.
    """
    why = removal_reason(reason)
    with db.session() as reading:
        description = describe(get_or_raise(reading, model, record_id, what))
    with change_set(db, reason=why, description=description) as session:
        row = get_or_raise(session, model, record_id, what)
        for dependent in dependents(session, row):
            session.delete(dependent)
        session.flush()
        session.delete(row)
    return description
