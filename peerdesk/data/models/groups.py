"""Peer support groups, their meetings and attendance."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import at_least, not_blank, one_of
from peerdesk.vocabulary import GroupKind, GroupStatus, Weekday


class PeerGroup(SQLModel, table=True):
    """A peer support group ("group" in the glossary; `group` is an SQL keyword)."""

    __tablename__ = "peer_group"
    __table_args__ = (
        not_blank("name"),
        one_of("kind", GroupKind),
        one_of("status", GroupStatus),
        one_of("usual_weekday", Weekday, nullable=True),
        at_least("usual_duration_minutes", 0),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str
    kind: str = GroupKind.DROP_IN.value
    venue: str = ""
    is_online: bool = False
    usual_weekday: str | None = None
    usual_time: time | None = None
    usual_duration_minutes: int = 90
    status: str = GroupStatus.RUNNING.value
    ground_rules: str = ""
    ground_rules_reviewed_on: date | None = None
    started_on: date | None = None
    #: The project or funding stream it belongs to (docs/figures.md, "Projects").
    project_id: int | None = Field(default=None, foreign_key="project.id", index=True)


class GroupFacilitator(SQLModel, table=True):
    __tablename__ = "group_facilitator"

    group_id: int = Field(foreign_key="peer_group.id", ondelete="CASCADE", primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True)


class GroupMember(SQLModel, table=True):
    """Membership of a closed group."""

    __tablename__ = "group_member"
    __table_args__ = (
        CheckConstraint("left_on IS NULL OR left_on >= joined_on", name="dates_in_order"),
    )

    group_id: int = Field(foreign_key="peer_group.id", ondelete="CASCADE", primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True)
    joined_on: date
    left_on: date | None = None


class GroupMeeting(SQLModel, table=True):
    __tablename__ = "group_meeting"
    __table_args__ = (
        at_least("duration_minutes", 0),
        at_least("unnamed_attendees", 0),
    )

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="peer_group.id", ondelete="CASCADE", index=True)
    meeting_date: date = Field(index=True)
    start_time: time | None = None
    duration_minutes: int = 90
    venue: str = ""
    #: People who came but were not recorded by name (drop-in).
    unnamed_attendees: int = 0
    note: str = ""
    concern_flag: bool = False


class MeetingFacilitator(SQLModel, table=True):
    """A facilitator present at a group meeting."""

    __tablename__ = "meeting_facilitator"

    meeting_id: int = Field(foreign_key="group_meeting.id", ondelete="CASCADE", primary_key=True)
    person_id: int = Field(
        foreign_key="person.id", ondelete="CASCADE", primary_key=True, index=True
    )


class Attendance(SQLModel, table=True):
    """A named person at a group meeting. `is_new`: their first meeting of this group."""

    meeting_id: int = Field(foreign_key="group_meeting.id", ondelete="CASCADE", primary_key=True)
    person_id: int = Field(
        foreign_key="person.id", ondelete="CASCADE", primary_key=True, index=True
    )
    is_new: bool = False
