"""The change log: every insert, change and removal, grouped into change sets.

Written by the data layer itself (`peerdesk.data.change_log`), in the same transaction as the
change, whatever made it. One `Database.transaction()` is one change set.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import utc_now

#: What made a change set. "erasure", "restore" and "import" have their own backups and are
#: never undone; "undo" and "redo" point at the change set they undo (`undoes_id`).
CHANGE_SET_KINDS = ("change", "import", "erasure", "restore", "undo", "redo")
CHANGE_ACTIONS = ("insert", "update", "delete")


def _in(column: str, values: tuple[str, ...]) -> CheckConstraint:
    listed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({listed})", name=f"{column}_valid")


class ChangeSet(SQLModel, table=True):
    """One unit of work: who made it, when, why, in plain words."""

    __tablename__ = "change_set"
    __table_args__ = (_in("kind", CHANGE_SET_KINDS),)

    id: int | None = Field(default=None, primary_key=True)
    made_at: datetime = Field(default_factory=utc_now, index=True)
    changed_by: str = ""
    reason: str = ""
    description: str = ""
    kind: str = "change"
    undoes_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("change_set.id", ondelete="SET NULL"), nullable=True),
    )


class ChangeLogEntry(SQLModel, table=True):
    """One row inserted, updated or deleted. `record_key` is its primary key as JSON; `changes`
    is JSON {column: [old, new]} (every column for an insert or delete, the changed ones for
    an update), dates as ISO strings."""

    __tablename__ = "change_log"
    __table_args__ = (
        _in("action", CHANGE_ACTIONS),
        # A record's history is looked up by its table and key.
        Index("ix_change_log_record", "table_name", "record_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    change_set_id: int = Field(foreign_key="change_set.id", ondelete="CASCADE", index=True)
    table_name: str
    record_key: str
    action: str
    changes: str = "{}"
