"""Safeguarding and wellbeing concerns (the concerns log) and their follow-up actions."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import not_blank, one_of
from peerdesk.vocabulary import ConcernLevel


class Concern(SQLModel, table=True):
    """A concern raised about a person, a volunteer, a pairing or a group: what happened, what
    was done at once, who it was referred to, and how it ended. Raised from anywhere; a
    session or group meeting it was raised at is kept when there was one."""

    __table_args__ = (
        not_blank("what"),
        one_of("level", ConcernLevel),
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
    pairing_id: int | None = Field(
        default=None, foreign_key="pairing.id", ondelete="SET NULL", index=True
    )
    group_id: int | None = Field(
        default=None, foreign_key="peer_group.id", ondelete="SET NULL", index=True
    )
    #: e.g. "Self-harm", "Neglect", "Financial", "Volunteer conduct" (suggestions, free text).
    category: str = ""
    level: str = ConcernLevel.CONCERN.value
    what: str
    #: Who was told inside the organisation.
    who_was_told: str = ""
    #: What was done at once.
    action_taken: str = ""
    #: Who it was referred to outside (the local authority, GP, police...), when, their reference.
    referred_to: str = ""
    referred_on: date | None = None
    referral_reference: str = ""
    outcome: str = ""
    closed_on: date | None = None


class ConcernAction(SQLModel, table=True):
    """A follow-up action on a concern, with the date it is due and the date it was done."""

    __tablename__ = "concern_action"
    __table_args__ = (not_blank("action"),)

    id: int | None = Field(default=None, primary_key=True)
    concern_id: int = Field(foreign_key="concern.id", ondelete="CASCADE", index=True)
    action: str
    due_on: date | None = None
    done_on: date | None = None
