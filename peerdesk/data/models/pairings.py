"""Pairings (matches) and everything that happens within one."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import at_least, not_blank, one_of
from peerdesk.vocabulary import (
    ClosureReason,
    MeetingFrequency,
    MeetingMode,
    PairingStatus,
    ReviewDecision,
    SessionStatus,
    SupportedAs,
)


class Pairing(SQLModel, table=True):
    """One mentor with one mentee or carer. `status` is the latest status change."""

    __table_args__ = (
        one_of("status", PairingStatus),
        one_of("supported_as", SupportedAs),
        one_of("meeting_frequency", MeetingFrequency),
        one_of("usual_mode", MeetingMode),
        one_of("closure_reason", ClosureReason, nullable=True),
        at_least("usual_duration_minutes", 0),
        at_least("planned_length_weeks", 1, nullable=True),
        CheckConstraint("mentor_id != mentee_id", name="different_people"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="dates_in_order",
        ),
        CheckConstraint(
            "status != 'ended' OR (end_date IS NOT NULL AND closure_reason IS NOT NULL)",
            name="ended_has_reason",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    mentor_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", index=True)
    mentee_id: int = Field(foreign_key="person.id", ondelete="RESTRICT", index=True)
    supported_as: str = SupportedAs.MENTEE.value
    status: str = Field(default=PairingStatus.PROPOSED.value, index=True)
    proposed_on: date
    #: The project or funding stream it belongs to (docs/figures.md, "Projects").
    project_id: int | None = Field(default=None, foreign_key="project.id", index=True)
    #: The day the pairing first became active.
    start_date: date | None = None
    end_date: date | None = None
    planned_length_weeks: int | None = 26
    meeting_frequency: str = MeetingFrequency.FORTNIGHTLY.value
    usual_mode: str = MeetingMode.FACE_TO_FACE.value
    usual_place: str = ""
    usual_duration_minutes: int = 60
    #: Weeks after the start at which reviews are due; empty means the organisation's schedule.
    review_schedule_weeks: str = ""
    closure_reason: str | None = None
    ended_as_planned: bool | None = None
    wants_new_pairing: bool | None = None
    closure_note: str = ""

    @property
    def reference(self) -> str:
        return f"P{self.id:04d}" if self.id is not None else "P----"


class PairingGoal(SQLModel, table=True):
    __tablename__ = "pairing_goal"
    __table_args__ = (
        not_blank("text"),
        CheckConstraint("position BETWEEN 1 AND 3", name="position_valid"),
    )

    pairing_id: int = Field(foreign_key="pairing.id", ondelete="CASCADE", primary_key=True)
    position: int = Field(primary_key=True)
    text: str


class PairingStatusChange(SQLModel, table=True):
    """The lifecycle history of a pairing, one row per transition."""

    __tablename__ = "pairing_status_change"
    __table_args__ = (one_of("status", PairingStatus),)

    id: int | None = Field(default=None, primary_key=True)
    pairing_id: int = Field(foreign_key="pairing.id", ondelete="CASCADE", index=True)
    status: str
    changed_on: date
    note: str = ""


class MentoringSession(SQLModel, table=True):
    """One meeting of a pairing (a "session" in the glossary)."""

    __tablename__ = "mentoring_session"
    __table_args__ = (
        one_of("status", SessionStatus),
        one_of("mode", MeetingMode),
        at_least("duration_minutes", 0),
        Index("ix_mentoring_session_pairing_date", "pairing_id", "session_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    pairing_id: int = Field(foreign_key="pairing.id", ondelete="CASCADE")
    session_date: date = Field(index=True)
    start_time: time | None = None
    duration_minutes: int = 60
    mode: str = MeetingMode.FACE_TO_FACE.value
    place: str = ""
    status: str = SessionStatus.HELD.value
    note: str = ""
    actions: str = ""
    next_meeting: date | None = None
    concern_flag: bool = False
    #: For a rearranged session: the session that replaced it.
    rearranged_to_id: int | None = Field(
        default=None, foreign_key="mentoring_session.id", ondelete="SET NULL"
    )


class Review(SQLModel, table=True):
    """A check-in on a pairing against its goals."""

    __table_args__ = (
        one_of("decision", ReviewDecision),
        at_least("sessions_held", 0),
        at_least("sessions_planned", 0),
    )

    id: int | None = Field(default=None, primary_key=True)
    pairing_id: int = Field(foreign_key="pairing.id", ondelete="CASCADE", index=True)
    review_date: date
    sessions_held: int = 0
    sessions_planned: int = 0
    progress_goal_1: str = ""
    progress_goal_2: str = ""
    progress_goal_3: str = ""
    what_is_working: str = ""
    concerns: str = ""
    decision: str = ReviewDecision.CONTINUE.value
    next_review_date: date | None = None
