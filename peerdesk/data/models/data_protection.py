"""Subject access requests and the erasure log (ids and dates only, never names)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel


class SubjectAccessRequest(SQLModel, table=True):
    __tablename__ = "subject_access_request"
    __table_args__ = (
        CheckConstraint("due_on >= received_on", name="due_after_received"),
        CheckConstraint(
            "answered_on IS NULL OR answered_on >= received_on", name="answered_after_received"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )
    received_on: date
    due_on: date
    answered_on: date | None = None


class ErasureHold(SQLModel, table=True):
    """An erased person's names, kept only in concerns raised about them, until the concern
    retention period ends; then a sweep replaces them with "Erased person" and this row goes.

    `person_id` is deliberately not a foreign key, as in `ErasureLogEntry`.
    """

    __tablename__ = "erasure_hold"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(index=True)
    #: JSON list of the names to replace.
    names: str = "[]"
    hold_until: date = Field(index=True)


class ErasureLogEntry(SQLModel, table=True):
    """Kept so that restoring an older backup can erase the same people again.

    `person_id` is deliberately not a foreign key: the person is gone.
    """

    __tablename__ = "erasure_log"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(index=True)
    erased_on: date
