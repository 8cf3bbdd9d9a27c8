"""Training: the organisation's modules, and training sessions that several volunteers attend."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import at_least, not_blank


class TrainingModule(SQLModel, table=True):
    """A module of the course. A mentor is trained when every core module is done and in date
    (done within its refresher period, when it has one)."""

    __tablename__ = "training_module"
    __table_args__ = (
        not_blank("name"),
        UniqueConstraint("name"),
        CheckConstraint(
            "refresher_months IS NULL OR refresher_months BETWEEN 1 AND 120",
            name="refresher_months_valid",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str
    is_core: bool = True
    #: Months after which it must be done again; None: once is enough.
    refresher_months: int | None = None
    #: Its place in lists and the training matrix.
    position: int = 0
    #: No longer offered for new training (records of it stay).
    retired_on: date | None = None


class TrainingSession(SQLModel, table=True):
    """One training session: when, how long, who trained (a volunteer or staff member on
    record, or someone external by name), and the modules it covered (`TrainingSessionModule`).
    Each attendee's `TrainingRecord`s point at it."""

    __tablename__ = "training_session"
    __table_args__ = (at_least("duration_minutes", 0),)

    id: int | None = Field(default=None, primary_key=True)
    session_date: date = Field(index=True)
    duration_minutes: int = 0
    trainer_person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )
    #: An external trainer's name (or organisation).
    trainer_name: str = ""
    notes: str = ""


class TrainingSessionModule(SQLModel, table=True):
    __tablename__ = "training_session_module"

    session_id: int = Field(foreign_key="training_session.id", ondelete="CASCADE", primary_key=True)
    module_id: int = Field(foreign_key="training_module.id", primary_key=True)
