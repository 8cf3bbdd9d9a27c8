"""Safeguarding or wellbeing concerns raised in a session or a group meeting."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import not_blank


class Concern(SQLModel, table=True):
    __table_args__ = (
        not_blank("what"),
        CheckConstraint("closed_on IS NULL OR closed_on >= raised_on", name="closed_after_raised"),
    )

    id: int | None = Field(default=None, primary_key=True)
    raised_on: date = Field(index=True)
    about_person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )
    session_id: int | None = Field(
        default=None, foreign_key="mentoring_session.id", ondelete="SET NULL", index=True
    )
    group_meeting_id: int | None = Field(
        default=None, foreign_key="group_meeting.id", ondelete="SET NULL", index=True
    )
    what: str
    who_was_told: str = ""
    action_taken: str = ""
    closed_on: date | None = None
