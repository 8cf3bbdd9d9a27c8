"""A person (recorded once, whatever their roles) and what describes them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import not_blank, one_of, utc_now
from peerdesk.vocabulary import (
    ConditionLink,
    Gender,
    MeetingMode,
    PartOfDay,
    Role,
    Weekday,
    YesNoPreferNot,
)


class Person(SQLModel, table=True):
    """One human being. Demographic answers are optional; "prefer not to say" is an answer."""

    __table_args__ = (
        not_blank("first_name"),
        one_of("gender", Gender, nullable=True),
        one_of("disability", YesNoPreferNot, nullable=True),
        one_of("carer_status", YesNoPreferNot, nullable=True),
        one_of("preferred_mentor_gender", Gender, nullable=True),
        CheckConstraint(
            "preferred_mentor_age_min IS NULL OR preferred_mentor_age_max IS NULL "
            "OR preferred_mentor_age_min <= preferred_mentor_age_max",
            name="preferred_age_range_valid",
        ),
        Index("ix_person_names", "last_name", "first_name"),
    )

    id: int | None = Field(default=None, primary_key=True)
    first_name: str
    last_name: str = ""
    preferred_name: str = ""
    pronouns: str = ""
    date_of_birth: date | None = None
    gender: str | None = None
    ethnicity: str | None = None
    disability: str | None = None
    carer_status: str | None = None
    #: Local authority area, used for matching and figures.
    area: str = Field(default="", index=True)
    address: str = ""
    postcode: str = Field(default="", index=True)
    phone: str = ""
    email: str = ""
    gp_practice: str = ""
    languages: str = ""
    emergency_contact: str = ""
    access_needs: str = ""
    energy_needs: str = ""
    needs_large_print: bool = False
    #: Matching preferences of a person being supported.
    preferred_mentor_gender: str | None = None
    preferred_mentor_age_min: int | None = None
    preferred_mentor_age_max: int | None = None
    #: Kept short and factual; never diagnosis beyond the conditions list.
    notes: str = ""
    archived_on: date | None = None
    #: A member of staff: their facilitating is never counted as volunteer time.
    is_staff: bool = False
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)

    @property
    def display_name(self) -> str:
        first = self.preferred_name or self.first_name
        return f"{first} {self.last_name}".strip()


class PersonRole(SQLModel, table=True):
    """A role a person holds or held: the same person can be mentee, then mentor."""

    __tablename__ = "person_role"
    __table_args__ = (
        one_of("role", Role),
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="dates_in_order"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    role: str
    started_on: date
    ended_on: date | None = None
    #: For a carer: who they care for (relationship, in their words).
    cared_for_relationship: str = ""


class Condition(SQLModel, table=True):
    """A long-term condition or area of experience, e.g. ME/CFS, long Covid, COPD.

    One shared list, edited in Settings. `family` groups related entries (e.g. "Type 1
    diabetes" and "Type 2 diabetes" in "Diabetes") so matching can see that they are close:
    a name, not a link to another entry, so an entry named like the family ("Diabetes") is in
    it without being linked, and there is only ever one level.
    """

    __table_args__ = (not_blank("name"), UniqueConstraint("name"))

    id: int | None = Field(default=None, primary_key=True)
    name: str
    #: The family's name, or empty for an entry in no family.
    family: str = ""


class PersonCondition(SQLModel, table=True):
    __tablename__ = "person_condition"
    __table_args__ = (one_of("link", ConditionLink),)

    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True)
    condition_id: int = Field(
        foreign_key="condition.id", ondelete="RESTRICT", primary_key=True, index=True
    )
    link: str = Field(primary_key=True)


class Availability(SQLModel, table=True):
    """One slot when a person can meet, e.g. Tuesday afternoon."""

    __table_args__ = (one_of("weekday", Weekday), one_of("part_of_day", PartOfDay))

    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True)
    weekday: str = Field(primary_key=True)
    part_of_day: str = Field(primary_key=True)


class MeetingModePreference(SQLModel, table=True):
    """A way a person is happy to meet (face to face, phone, video, walk and talk)."""

    __tablename__ = "meeting_mode_preference"
    __table_args__ = (one_of("mode", MeetingMode),)

    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True)
    mode: str = Field(primary_key=True)
