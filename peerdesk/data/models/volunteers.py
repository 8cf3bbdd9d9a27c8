"""Volunteers: their journey, disclosure checks, references, training, supervision, expenses."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import at_least, not_blank, one_of
from peerdesk.vocabulary import DisclosureLevel, DisclosureScheme, MeetingMode, VolunteerStage


class VolunteerProfile(SQLModel, table=True):
    """What a volunteer offers: capacity for matching, skills and lived experience."""

    __tablename__ = "volunteer_profile"
    __table_args__ = (CheckConstraint("max_mentees BETWEEN 0 AND 20", name="max_mentees_valid"),)

    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True)
    max_mentees: int = 1
    #: Set by 0.5.0's upgrade for mentors trained before modules were tracked: they stay
    #: trained until a core module's refresher would have fallen due after this day.
    legacy_trained_on: date | None = None
    lived_experience: str = ""
    skills: str = ""
    interests: str = ""


class VolunteerStageChange(SQLModel, table=True):
    """One step of the volunteer journey; the latest is where they are now."""

    __tablename__ = "volunteer_stage_change"
    __table_args__ = (one_of("stage", VolunteerStage),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    stage: str
    changed_on: date = Field(index=True)
    reason: str = ""


class DisclosureCheck(SQLModel, table=True):
    """A PVG (Scotland) or DBS (England and Wales) check."""

    __tablename__ = "disclosure_check"
    __table_args__ = (
        one_of("scheme", DisclosureScheme),
        one_of("level", DisclosureLevel),
        CheckConstraint(
            "renewal_date IS NULL OR renewal_date >= issue_date", name="renewal_after_issue"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    scheme: str
    level: str
    reference_number: str = ""
    issue_date: date
    renewal_date: date | None = None


class VolunteerReference(SQLModel, table=True):
    """A referee for a volunteer application."""

    __tablename__ = "volunteer_reference"
    __table_args__ = (not_blank("referee_name"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    referee_name: str
    relationship: str = ""
    contact: str = ""
    requested_on: date | None = None
    received_on: date | None = None
    #: Whether the reference was satisfactory; None until it has been read.
    satisfactory: bool | None = None


class TrainingRecord(SQLModel, table=True):
    __tablename__ = "training_record"
    __table_args__ = (not_blank("module"), at_least("duration_minutes", 0))

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    #: The module's name as recorded (kept if the module is renamed or was free text).
    module: str
    training_date: date = Field(index=True)
    duration_minutes: int = 0
    completed: bool = False
    module_id: int | None = Field(
        default=None, foreign_key="training_module.id", ondelete="SET NULL", index=True
    )
    training_session_id: int | None = Field(
        default=None, foreign_key="training_session.id", ondelete="SET NULL", index=True
    )


class Supervision(SQLModel, table=True):
    """A one-to-one support meeting between coordinator and mentor."""

    __table_args__ = (one_of("mode", MeetingMode), at_least("duration_minutes", 0))

    id: int | None = Field(default=None, primary_key=True)
    mentor_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    supervision_date: date = Field(index=True)
    mode: str = MeetingMode.FACE_TO_FACE.value
    duration_minutes: int = 60
    concerns: str = ""
    wellbeing: str = ""
    training_needs: str = ""
    actions: str = ""
    next_date: date | None = None


class SupervisionPairing(SQLModel, table=True):
    """A pairing discussed in a supervision meeting."""

    __tablename__ = "supervision_pairing"

    supervision_id: int = Field(foreign_key="supervision.id", ondelete="CASCADE", primary_key=True)
    pairing_id: int = Field(foreign_key="pairing.id", ondelete="CASCADE", primary_key=True)
