"""What group and meeting forms need: the group, its people's names, and nothing else."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Attendance,
    GroupFacilitator,
    GroupMeeting,
    GroupMember,
    MeetingFacilitator,
    PeerGroup,
    Person,
)
from peerdesk.forms.data import FormData, OrganisationInfo
from peerdesk.services.base import get_or_raise
from peerdesk.services.printing import text as t
from peerdesk.vocabulary import GroupKind, Weekday


def _venue(group: PeerGroup, venue: str = "") -> str:
    if venue or group.venue:
        return venue or group.venue
    return "Online" if group.is_online else ""


def _when(group: PeerGroup) -> str:
    if not group.usual_weekday:
        return ""
    day = f"{Weekday(group.usual_weekday).label}s"
    at = f" at {t.clock(group.usual_time)}" if group.usual_time else ""
    return f"{day}{at}, {group.usual_duration_minutes} minutes"


def _members(session: Session, group: PeerGroup) -> list[Person]:
    if group.kind != GroupKind.CLOSED.value:
        return []
    return list(
        session.exec(
            select(Person)
            .join(GroupMember, col(GroupMember.person_id) == col(Person.id))
            .where(GroupMember.group_id == group.id, col(GroupMember.left_on).is_(None))
            .order_by(col(Person.first_name), col(Person.last_name))
        )
    )


def group_agreement(
    session: Session, group_id: int, today: date, org: OrganisationInfo
) -> FormData:
    group = get_or_raise(session, PeerGroup, group_id, "group")
    return FormData(
        fields={
            "group_name": group.name,
            "venue": _venue(group),
            "when": _when(group),
            "reviewed_on": t.day(group.ground_rules_reviewed_on),
            "ground_rules": group.ground_rules,
        },
        rows={"members": [[t.name(p), "", ""] for p in _members(session, group)]},
    )


def _facilitators(
    session: Session, link: type[GroupFacilitator] | type[MeetingFacilitator], where: object
) -> str:
    rows = session.exec(
        select(Person).join(link, col(link.person_id) == col(Person.id)).where(where)  # type: ignore[arg-type]
    )
    return ", ".join(sorted(t.name(p) for p in rows))


def register_for_group(
    session: Session, group_id: int, today: date, org: OrganisationInfo
) -> FormData:
    """A register for the group's next meeting: its closed-group members listed to sign."""
    group = get_or_raise(session, PeerGroup, group_id, "group")
    return FormData(
        fields={
            "group_name": group.name,
            "venue": _venue(group),
            "facilitators": _facilitators(
                session, GroupFacilitator, GroupFacilitator.group_id == group_id
            ),
        },
        rows={"attendees": [[t.name(p), "", ""] for p in _members(session, group)]},
    )


def register_for_meeting(
    session: Session, meeting_id: int, today: date, org: OrganisationInfo
) -> FormData:
    """The register of a meeting already recorded: who came, for signing or filing."""
    meeting = get_or_raise(session, GroupMeeting, meeting_id, "group meeting")
    group = get_or_raise(session, PeerGroup, meeting.group_id, "group")
    attendees = session.exec(
        select(Person, Attendance.is_new)
        .join(Attendance, col(Attendance.person_id) == col(Person.id))
        .where(Attendance.meeting_id == meeting_id)
        .order_by(col(Person.first_name), col(Person.last_name))
    )
    return FormData(
        fields={
            "group_name": group.name,
            "meeting_date": t.day(meeting.meeting_date),
            "venue": _venue(group, meeting.venue),
            "facilitators": _facilitators(
                session, MeetingFacilitator, MeetingFacilitator.meeting_id == meeting_id
            ),
            "unnamed": str(meeting.unnamed_attendees) if meeting.unnamed_attendees else "",
        },
        rows={
            "attendees": [
                [t.name(person), "New" if is_new else "Returning", ""]
                for person, is_new in attendees
            ]
        },
    )
