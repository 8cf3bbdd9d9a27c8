"""Peer support groups: the group, its facilitators and members, meetings and registers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Attendance,
    GroupFacilitator,
    GroupMeeting,
    GroupMember,
    MeetingFacilitator,
    PeerGroup,
    Person,
    PersonRole,
)
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.vocabulary import GroupKind, GroupStatus, Role, Weekday


@dataclass
class GroupDetails:
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


@dataclass
class MeetingRecord:
    """A meeting and its register, as typed in from the room or from a paper register."""

    meeting_date: date
    duration_minutes: int | None = None
    start_time: time | None = None
    venue: str | None = None
    attendee_ids: list[int] = field(default_factory=list)
    unnamed_attendees: int = 0
    facilitator_ids: list[int] | None = None
    note: str = ""
    concern_flag: bool = False


class GroupService(Service):
    def create(self, details: GroupDetails) -> PeerGroup:
        checked = self._validate(details)
        with self.db.transaction() as session:
            group = PeerGroup(**checked.__dict__)
            session.add(group)
            session.flush()
            session.refresh(group)
            return group

    def update(self, group_id: int, details: GroupDetails) -> PeerGroup:
        checked = self._validate(details)
        with self.db.transaction() as session:
            group = get_or_raise(session, PeerGroup, group_id, "group")
            for name, value in checked.__dict__.items():
                setattr(group, name, value)
            session.add(group)
            session.flush()
            session.refresh(group)
            return group

    def get(self, group_id: int) -> PeerGroup:
        with self.db.session() as session:
            return get_or_raise(session, PeerGroup, group_id, "group")

    def all(self) -> list[PeerGroup]:
        with self.db.session() as session:
            return list(session.exec(select(PeerGroup).order_by(col(PeerGroup.name))))

    def set_facilitators(self, group_id: int, person_ids: list[int]) -> None:
        with self.db.transaction() as session:
            get_or_raise(session, PeerGroup, group_id, "group")
            session.exec(delete(GroupFacilitator).where(col(GroupFacilitator.group_id) == group_id))
            for person_id in dict.fromkeys(person_ids):
                get_or_raise(session, Person, person_id, "facilitator")
                session.add(GroupFacilitator(group_id=group_id, person_id=person_id))
                _ensure_role(session, person_id, Role.FACILITATOR, self.today())

    def facilitators(self, group_id: int) -> list[Person]:
        with self.db.session() as session:
            return list(
                session.exec(
                    select(Person)
                    .join(GroupFacilitator, col(GroupFacilitator.person_id) == col(Person.id))
                    .where(GroupFacilitator.group_id == group_id)
                    .order_by(col(Person.first_name))
                )
            )

    def add_member(self, group_id: int, person_id: int, joined_on: date | None = None) -> None:
        when = joined_on or self.today()
        with self.db.transaction() as session:
            group = get_or_raise(session, PeerGroup, group_id, "group")
            get_or_raise(session, Person, person_id, "person")
            if group.kind != GroupKind.CLOSED.value:
                raise ValidationError(
                    "Only closed groups have members; anyone may come to a drop-in group.", "kind"
                )
            if session.get(GroupMember, (group_id, person_id)) is None:
                session.add(GroupMember(group_id=group_id, person_id=person_id, joined_on=when))
                _ensure_role(session, person_id, Role.GROUP_MEMBER, when)

    def members(self, group_id: int) -> list[Person]:
        with self.db.session() as session:
            return list(
                session.exec(
                    select(Person)
                    .join(GroupMember, col(GroupMember.person_id) == col(Person.id))
                    .where(GroupMember.group_id == group_id, col(GroupMember.left_on).is_(None))
                    .order_by(col(Person.first_name))
                )
            )

    def hold_meeting(self, group_id: int, record: MeetingRecord) -> GroupMeeting:
        """Record a meeting and its register in one transaction."""
        v.not_in_future(
            record.meeting_date,
            self.today(),
            "meeting_date",
            "the date of a meeting that has happened",
        )
        if record.unnamed_attendees < 0:
            raise ValidationError(
                "The number of unnamed attendees cannot be negative.", "unnamed_attendees"
            )
        if record.unnamed_attendees > 1000:
            raise ValidationError(
                "That is a very large number of unnamed attendees: please check it.",
                "unnamed_attendees",
            )
        with self.db.transaction() as session:
            group = get_or_raise(session, PeerGroup, group_id, "group")
            duration = (
                record.duration_minutes
                if record.duration_minutes is not None
                else group.usual_duration_minutes
            )
            meeting = GroupMeeting(
                group_id=group_id,
                meeting_date=record.meeting_date,
                start_time=record.start_time if record.start_time is not None else group.usual_time,
                duration_minutes=v.minutes(duration, "duration_minutes", "how long it lasted"),
                venue=v.short_text(
                    record.venue if record.venue is not None else group.venue, "venue", "the venue"
                ),
                unnamed_attendees=record.unnamed_attendees,
                note=v.long_text(record.note, "note", "the note"),
                concern_flag=record.concern_flag,
            )
            session.add(meeting)
            session.flush()
            assert meeting.id is not None
            facilitator_ids = record.facilitator_ids
            if facilitator_ids is None:
                facilitator_ids = list(
                    session.exec(
                        select(GroupFacilitator.person_id).where(
                            GroupFacilitator.group_id == group_id
                        )
                    )
                )
            for person_id in dict.fromkeys(facilitator_ids):
                get_or_raise(session, Person, person_id, "facilitator")
                session.add(MeetingFacilitator(meeting_id=meeting.id, person_id=person_id))
            for person_id in dict.fromkeys(record.attendee_ids):
                get_or_raise(session, Person, person_id, "attendee")
                session.add(
                    Attendance(
                        meeting_id=meeting.id,
                        person_id=person_id,
                        is_new=_is_first_visit(session, group_id, person_id, record.meeting_date),
                    )
                )
                _ensure_role(session, person_id, Role.GROUP_MEMBER, record.meeting_date)
            session.flush()
            session.refresh(meeting)
            return meeting

    def meetings(self, group_id: int) -> list[GroupMeeting]:
        with self.db.session() as session:
            return list(
                session.exec(
                    select(GroupMeeting)
                    .where(GroupMeeting.group_id == group_id)
                    .order_by(col(GroupMeeting.meeting_date).desc())
                )
            )

    def attendance_count(self, meeting_id: int) -> int:
        """Named attendees plus unnamed drop-in attendees."""
        with self.db.session() as session:
            meeting = get_or_raise(session, GroupMeeting, meeting_id, "group meeting")
            named = session.exec(
                select(func.count())
                .select_from(Attendance)
                .where(Attendance.meeting_id == meeting_id)
            ).one()
            return int(named) + meeting.unnamed_attendees

    def attendees(self, meeting_id: int) -> list[tuple[Person, bool]]:
        with self.db.session() as session:
            rows = session.exec(
                select(Person, Attendance.is_new)
                .join(Attendance, col(Attendance.person_id) == col(Person.id))
                .where(Attendance.meeting_id == meeting_id)
                .order_by(col(Person.first_name))
            )
            return [(person, bool(is_new)) for person, is_new in rows]

    def _validate(self, d: GroupDetails) -> GroupDetails:
        kind = v.one_of(d.kind, GroupKind, "kind", "drop-in or closed")
        status = v.one_of(d.status, GroupStatus, "status", "the group's status")
        weekday = v.optional_one_of(d.usual_weekday, Weekday, "usual_weekday", "a day")
        v.not_in_future(
            d.ground_rules_reviewed_on,
            self.today(),
            "ground_rules_reviewed_on",
            "the date the ground rules were reviewed",
        )
        return GroupDetails(
            name=v.required_text(d.name, "name", "the group's name"),
            kind=kind.value,
            venue=v.short_text(d.venue, "venue", "the venue"),
            is_online=bool(d.is_online),
            usual_weekday=weekday.value if weekday else None,
            usual_time=d.usual_time,
            usual_duration_minutes=v.minutes(
                d.usual_duration_minutes, "usual_duration_minutes", "the usual length"
            ),
            status=status.value,
            ground_rules=v.long_text(d.ground_rules, "ground_rules", "the ground rules"),
            ground_rules_reviewed_on=d.ground_rules_reviewed_on,
            started_on=d.started_on,
        )


def _is_first_visit(session: Session, group_id: int, person_id: int, on: date) -> bool:
    earlier = session.exec(
        select(func.count())
        .select_from(Attendance)
        .join(GroupMeeting, col(GroupMeeting.id) == col(Attendance.meeting_id))
        .where(
            Attendance.person_id == person_id,
            GroupMeeting.group_id == group_id,
            GroupMeeting.meeting_date < on,
        )
    ).one()
    return not earlier


def _ensure_role(session: Session, person_id: int, role: Role, on: date) -> None:
    current = session.exec(
        select(PersonRole).where(
            PersonRole.person_id == person_id,
            PersonRole.role == role.value,
            col(PersonRole.ended_on).is_(None),
        )
    ).first()
    if current is None:
        session.add(PersonRole(person_id=person_id, role=role.value, started_on=on))
