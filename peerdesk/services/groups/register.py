"""Writing a meeting's register: attendees, new people, facilitators, and who is new."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlmodel import Session, col, func, select

from peerdesk.data.models import (
    Attendance,
    GroupMeeting,
    MeetingFacilitator,
    PeerGroup,
    Person,
    PersonRole,
)
from peerdesk.services import validation as v
from peerdesk.services.base import get_or_raise
from peerdesk.vocabulary import Role

if TYPE_CHECKING:
    from peerdesk.services.groups.rows import MeetingRecord


def apply_record(meeting: GroupMeeting, record: MeetingRecord, group: PeerGroup) -> None:
    """Copy a record onto a meeting; what the record leaves unset comes from the group."""
    duration = record.duration_minutes
    if duration is None:
        duration = group.usual_duration_minutes
    meeting.meeting_date = record.meeting_date
    meeting.start_time = record.start_time if record.start_time is not None else group.usual_time
    meeting.duration_minutes = v.minutes(duration, "duration_minutes", "how long it lasted")
    meeting.venue = v.short_text(
        record.venue if record.venue is not None else group.venue, "venue", "the venue"
    )
    meeting.unnamed_attendees = record.unnamed_attendees
    meeting.note = v.long_text(record.note, "note", "the note")
    meeting.concern_flag = bool(record.concern_flag)


def write_register(
    session: Session,
    meeting: GroupMeeting,
    record: MeetingRecord,
    facilitator_ids: list[int],
    earlier_attendees: set[int],
) -> None:
    assert meeting.id is not None
    for person_id in dict.fromkeys(facilitator_ids):
        get_or_raise(session, Person, person_id, "facilitator")
        session.add(MeetingFacilitator(meeting_id=meeting.id, person_id=person_id))
    attendee_ids = list(dict.fromkeys(record.attendee_ids))
    for person_id in attendee_ids:
        get_or_raise(session, Person, person_id, "attendee")
    for name in record.new_people:
        first, _, last = v.required_text(
            name, "new_people", "the new person's first name"
        ).partition(" ")
        person = Person(first_name=first, last_name=last.strip())
        session.add(person)
        session.flush()
        assert person.id is not None
        attendee_ids.append(person.id)
    for person_id in attendee_ids:
        session.add(Attendance(meeting_id=meeting.id, person_id=person_id))
        ensure_role(session, person_id, Role.GROUP_MEMBER, record.meeting_date)
    session.flush()
    recompute_is_new(session, meeting.group_id, set(attendee_ids) | earlier_attendees)


def recompute_is_new(session: Session, group_id: int, person_ids: set[int]) -> None:
    """Mark each person's first meeting of the group as new, and only that one.

    A register typed in late, a date corrected or a meeting deleted can change which meeting
    was someone's first, so this is worked out again rather than fixed at entry."""
    if not person_ids:
        return
    rows = session.exec(
        select(Attendance, col(GroupMeeting.meeting_date))
        .join(GroupMeeting, col(GroupMeeting.id) == col(Attendance.meeting_id))
        .where(GroupMeeting.group_id == group_id, col(Attendance.person_id).in_(person_ids))
        .order_by(col(GroupMeeting.meeting_date), col(GroupMeeting.id))
    )
    seen: set[int] = set()
    for attendance, _day in rows:
        first = attendance.person_id not in seen
        seen.add(attendance.person_id)
        if attendance.is_new != first:
            attendance.is_new = first
            session.add(attendance)
    session.flush()


def meeting_facilitator_ids(session: Session, meeting_id: int) -> list[int]:
    return list(
        session.exec(
            select(MeetingFacilitator.person_id).where(MeetingFacilitator.meeting_id == meeting_id)
        )
    )


def ensure_role(session: Session, person_id: int, role: Role, on: date) -> None:
    current = session.exec(
        select(PersonRole).where(
            PersonRole.person_id == person_id,
            PersonRole.role == role.value,
            col(PersonRole.ended_on).is_(None),
        )
    ).first()
    if current is None:
        session.add(PersonRole(person_id=person_id, role=role.value, started_on=on))
    elif current.started_on > on:
        # Something earlier in the role (a pairing matched, a meeting attended, as an import
        # brings in) moves the role's start back to it, though never into an earlier spell of
        # the same role that has ended.
        ended = session.exec(
            select(func.max(PersonRole.ended_on)).where(
                PersonRole.person_id == person_id,
                PersonRole.role == role.value,
                col(PersonRole.ended_on).is_not(None),
            )
        ).one()
        start = on if ended is None else max(on, ended)
        if start < current.started_on:
            current.started_on = start
            session.add(current)
