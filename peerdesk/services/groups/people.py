"""The people on a group's lists: facilitators, current members, who came to a meeting."""

from __future__ import annotations

from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Attendance,
    GroupFacilitator,
    GroupMember,
    MeetingFacilitator,
    Person,
)
from peerdesk.services.groups.rows import GroupPerson, group_person


def facilitators(session: Session, group_id: int) -> list[GroupPerson]:
    return [
        group_person(p)
        for p in session.exec(
            select(Person)
            .join(GroupFacilitator, col(GroupFacilitator.person_id) == col(Person.id))
            .where(GroupFacilitator.group_id == group_id)
            .order_by(col(Person.first_name))
        )
    ]


def members(session: Session, group_id: int) -> list[GroupPerson]:
    return [
        group_person(p)
        for p in session.exec(
            select(Person)
            .join(GroupMember, col(GroupMember.person_id) == col(Person.id))
            .where(GroupMember.group_id == group_id, col(GroupMember.left_on).is_(None))
            .order_by(col(Person.first_name), col(Person.last_name))
        )
    ]


def meeting_facilitators(session: Session, meeting_id: int) -> list[GroupPerson]:
    return [
        group_person(p)
        for p in session.exec(
            select(Person)
            .join(MeetingFacilitator, col(MeetingFacilitator.person_id) == col(Person.id))
            .where(MeetingFacilitator.meeting_id == meeting_id)
            .order_by(col(Person.first_name))
        )
    ]


def attendees(session: Session, meeting_id: int) -> list[tuple[GroupPerson, bool]]:
    """Named attendees with whether it was their first meeting of this group."""
    rows = session.exec(
        select(Person, Attendance.is_new)
        .join(Attendance, col(Attendance.person_id) == col(Person.id))
        .where(Attendance.meeting_id == meeting_id)
        .order_by(col(Person.first_name))
    )
    return [(group_person(person), bool(is_new)) for person, is_new in rows]


def people_by_id(session: Session, ids: list[int]) -> list[GroupPerson]:
    if not ids:
        return []
    return [
        group_person(p)
        for p in session.exec(
            select(Person).where(col(Person.id).in_(ids)).order_by(col(Person.first_name))
        )
    ]
