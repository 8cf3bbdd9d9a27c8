"""Read-only views of groups for the screens: list rows, meeting rows, register candidates,
a group and a meeting as their pages show them, and the people on a group's tabs.
`views.py` re-exports them for the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from sqlalchemy import func
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
from peerdesk.services.groups import reports as reports
from peerdesk.vocabulary import GroupKind, GroupStatus, Weekday

#: People who came within this long before a meeting are listed on its register to tick.
RECENT = timedelta(days=182)


def time_text(value: time | None) -> str:
    """2pm, 10:30am: how times are written on posters and in letters."""
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def where_text(is_online: bool, venue: str) -> str:
    if is_online:
        return f"Online ({venue})" if venue else "Online"
    return venue


def when_text(usual_weekday: str | None, usual_time: time | None) -> str:
    if not usual_weekday:
        return ""
    day = f"{Weekday(usual_weekday).label}s"
    at = time_text(usual_time)
    return f"{day} at {at}" if at else day


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    if not rest:
        return "1 hour" if hours == 1 else f"{hours} hours"
    return f"{hours} h {rest} min"


@dataclass(frozen=True)
class GroupRow:
    """One line of the Groups list."""

    id: int
    name: str
    kind: str
    status: str
    venue: str
    is_online: bool
    usual_weekday: str | None
    usual_time: time | None
    facilitators: tuple[str, ...]
    member_count: int
    last_meeting: date | None
    next_meeting: date | None
    regulars: int
    ground_rules_reviewed_on: date | None

    @property
    def kind_label(self) -> str:
        return GroupKind(self.kind).label

    @property
    def status_label(self) -> str:
        return GroupStatus(self.status).label

    @property
    def where_text(self) -> str:
        return where_text(self.is_online, self.venue)

    @property
    def when_text(self) -> str:
        return when_text(self.usual_weekday, self.usual_time)

    @property
    def search_text(self) -> str:
        return " ".join((self.name, self.where_text, *self.facilitators)).casefold()


@dataclass(frozen=True)
class MeetingRow:
    """One line of a group's meetings list."""

    id: int
    group_id: int
    meeting_date: date
    start_time: time | None
    duration_minutes: int
    venue: str
    named: int
    unnamed: int
    new_count: int
    facilitators: tuple[str, ...]
    note: str
    concern_flag: bool

    @property
    def total(self) -> int:
        return self.named + self.unnamed


@dataclass(frozen=True)
class GroupSummary:
    """What a group (or all groups) did in a period [start, end]."""

    start: date
    end: date
    meetings: int
    named_attendances: int
    unnamed_attendances: int
    unique_attendees: int
    new_attendees: int
    facilitator_hours: float

    @property
    def attendances(self) -> int:
        return self.named_attendances + self.unnamed_attendances


@dataclass(frozen=True)
class RegisterCandidate:
    """A person the register lists to tick: a member, a recent attendee, or already present."""

    person_id: int
    name: str
    is_member: bool
    returning: bool
    present: bool


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
    #: The project or funding stream it belongs to (None: no project).
    project_id: int | None = None

    @classmethod
    def of(cls, group: PeerGroup | GroupView) -> GroupDetails:
        return cls(**{name: getattr(group, name) for name in cls.__dataclass_fields__})


@dataclass
class MeetingRecord:
    """A meeting and its register, as typed in from the room or from a paper register.

    `new_people` are people new to peerdesk, recorded by the name they gave (often a first
    name only); they are added as people in the same transaction as the meeting, so a
    register that is abandoned leaves nobody half-recorded.
    """

    meeting_date: date
    duration_minutes: int | None = None
    start_time: time | None = None
    venue: str | None = None
    attendee_ids: list[int] = field(default_factory=list)
    unnamed_attendees: int = 0
    facilitator_ids: list[int] | None = None
    note: str = ""
    concern_flag: bool = False
    new_people: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GroupView:
    """One group as its page, its ground rules tab and its dialogs show it."""

    id: int
    name: str
    kind: str
    status: str
    venue: str
    is_online: bool
    usual_weekday: str | None
    usual_time: time | None
    usual_duration_minutes: int
    ground_rules: str
    ground_rules_reviewed_on: date | None
    started_on: date | None
    next_meeting: date | None
    #: Never reviewed with members, or not for a year: the same rule as Today's reminder.
    ground_rules_due: bool
    project_id: int | None = None

    @property
    def has_members(self) -> bool:
        """Only closed groups have members; anyone may come to a drop-in group."""
        return self.kind == GroupKind.CLOSED.value

    @property
    def where_text(self) -> str:
        return where_text(self.is_online, self.venue)

    @property
    def when_text(self) -> str:
        return when_text(self.usual_weekday, self.usual_time)


@dataclass(frozen=True)
class GroupYear:
    """A group's last 12 months (`reports.last_12_months`) and its regulars now."""

    summary: GroupSummary
    regulars: int


@dataclass(frozen=True)
class MeetingView:
    """One group meeting (its register is read through the group service)."""

    id: int
    group_id: int
    meeting_date: date
    start_time: time | None
    duration_minutes: int
    venue: str
    unnamed_attendees: int
    note: str
    concern_flag: bool


@dataclass(frozen=True)
class GroupPerson:
    """A person as a group's lists name them (facilitators, members, attendees)."""

    id: int
    name: str
    first_name: str
    last_name: str


@dataclass(frozen=True)
class MemberLine:
    """A current member on the Members tab, and whether they come regularly."""

    person_id: int
    name: str
    is_regular: bool


@dataclass(frozen=True)
class FacilitatorLine:
    """A facilitator on the Facilitators tab, with their hours in the last 12 months."""

    person_id: int
    name: str
    hours_last_12_months: float


def group_view(session: Session, group: PeerGroup, today: date) -> GroupView:
    assert group.id is not None
    return GroupView(
        id=group.id,
        name=group.name,
        kind=group.kind,
        status=group.status,
        venue=group.venue,
        is_online=group.is_online,
        usual_weekday=group.usual_weekday,
        usual_time=group.usual_time,
        usual_duration_minutes=group.usual_duration_minutes,
        ground_rules=group.ground_rules,
        ground_rules_reviewed_on=group.ground_rules_reviewed_on,
        started_on=group.started_on,
        next_meeting=reports.next_meeting_date(session, group, today),
        ground_rules_due=reports.ground_rules_due(group.ground_rules_reviewed_on, today),
        project_id=group.project_id,
    )


def meeting_view(meeting: GroupMeeting) -> MeetingView:
    return MeetingView(
        id=meeting.id or 0,
        group_id=meeting.group_id,
        meeting_date=meeting.meeting_date,
        start_time=meeting.start_time,
        duration_minutes=meeting.duration_minutes,
        venue=meeting.venue,
        unnamed_attendees=meeting.unnamed_attendees,
        note=meeting.note,
        concern_flag=meeting.concern_flag,
    )


def group_person(person: Person) -> GroupPerson:
    return GroupPerson(
        id=person.id or 0,
        name=person.display_name,
        first_name=person.first_name,
        last_name=person.last_name,
    )


def _names(people: list[Person]) -> tuple[str, ...]:
    return tuple(p.display_name for p in people)


def group_rows(session: Session, today: date) -> list[GroupRow]:
    rows: list[GroupRow] = []
    for group in session.exec(select(PeerGroup).order_by(col(PeerGroup.name))):
        assert group.id is not None
        facilitators = session.exec(
            select(Person)
            .join(GroupFacilitator, col(GroupFacilitator.person_id) == col(Person.id))
            .where(GroupFacilitator.group_id == group.id)
            .order_by(col(Person.first_name))
        ).all()
        members = session.exec(
            select(func.count())
            .select_from(GroupMember)
            .where(GroupMember.group_id == group.id, col(GroupMember.left_on).is_(None))
        ).one()
        last = reports.last_meetings(session, group.id, today, 1)
        rows.append(
            GroupRow(
                id=group.id,
                name=group.name,
                kind=group.kind,
                status=group.status,
                venue=group.venue,
                is_online=group.is_online,
                usual_weekday=group.usual_weekday,
                usual_time=group.usual_time,
                facilitators=_names(list(facilitators)),
                member_count=int(members),
                last_meeting=last[0].meeting_date if last else None,
                next_meeting=reports.next_meeting_date(session, group, today),
                regulars=len(reports.regular_ids(session, group.id, today)),
                ground_rules_reviewed_on=group.ground_rules_reviewed_on,
            )
        )
    return rows


def meeting_rows(session: Session, group_id: int) -> list[MeetingRow]:
    meetings = list(
        session.exec(
            select(GroupMeeting)
            .where(GroupMeeting.group_id == group_id)
            .order_by(col(GroupMeeting.meeting_date).desc(), col(GroupMeeting.id).desc())
        )
    )
    ids = [m.id for m in meetings]
    named: dict[int, int] = {}
    new: dict[int, int] = {}
    for meeting_id, is_new in session.exec(
        select(Attendance.meeting_id, Attendance.is_new).where(col(Attendance.meeting_id).in_(ids))
    ):
        named[meeting_id] = named.get(meeting_id, 0) + 1
        new[meeting_id] = new.get(meeting_id, 0) + int(bool(is_new))
    facilitators: dict[int, list[str]] = {}
    for meeting_id, person in session.exec(
        select(MeetingFacilitator.meeting_id, Person)
        .join(Person, col(Person.id) == col(MeetingFacilitator.person_id))
        .where(col(MeetingFacilitator.meeting_id).in_(ids))
        .order_by(col(Person.first_name))
    ):
        facilitators.setdefault(meeting_id, []).append(person.display_name)
    rows = []
    for m in meetings:
        assert m.id is not None
        rows.append(
            MeetingRow(
                id=m.id,
                group_id=m.group_id,
                meeting_date=m.meeting_date,
                start_time=m.start_time,
                duration_minutes=m.duration_minutes,
                venue=m.venue,
                named=named.get(m.id, 0),
                unnamed=m.unnamed_attendees,
                new_count=new.get(m.id, 0),
                facilitators=tuple(facilitators.get(m.id, [])),
                note=m.note,
                concern_flag=m.concern_flag,
            )
        )
    return rows


def came_before(
    session: Session, group_id: int, person_ids: set[int], on: date, meeting_id: int | None
) -> set[int]:
    """Of `person_ids`, those who came to this group before `on` (not counting `meeting_id`)."""
    if not person_ids:
        return set()
    query = (
        select(Attendance.person_id)
        .join(GroupMeeting, col(GroupMeeting.id) == col(Attendance.meeting_id))
        .where(
            GroupMeeting.group_id == group_id,
            col(GroupMeeting.meeting_date) < on,
            col(Attendance.person_id).in_(person_ids),
        )
    )
    if meeting_id is not None:
        query = query.where(col(GroupMeeting.id) != meeting_id)
    return set(session.exec(query))


def register_candidates(
    session: Session, group_id: int, on: date, meeting_id: int | None
) -> list[RegisterCandidate]:
    member_ids = set(
        session.exec(
            select(GroupMember.person_id).where(
                GroupMember.group_id == group_id,
                col(GroupMember.joined_on) <= on,
                (col(GroupMember.left_on).is_(None)) | (col(GroupMember.left_on) >= on),
            )
        )
    )
    recent_query = (
        select(Attendance.person_id)
        .join(GroupMeeting, col(GroupMeeting.id) == col(Attendance.meeting_id))
        .where(
            GroupMeeting.group_id == group_id,
            col(GroupMeeting.meeting_date) >= on - RECENT,
            col(GroupMeeting.meeting_date) <= on,
        )
    )
    if meeting_id is not None:
        recent_query = recent_query.where(col(GroupMeeting.id) != meeting_id)
    recent_ids = set(session.exec(recent_query))
    present_ids: set[int] = set()
    if meeting_id is not None:
        present_ids = set(
            session.exec(select(Attendance.person_id).where(Attendance.meeting_id == meeting_id))
        )
    everyone = member_ids | recent_ids | present_ids
    if not everyone:
        return []
    returning = came_before(session, group_id, everyone, on, meeting_id)
    people = session.exec(
        select(Person)
        .where(col(Person.id).in_(everyone))
        .order_by(col(Person.first_name), col(Person.last_name))
    )
    return [
        RegisterCandidate(
            person_id=p.id or 0,
            name=p.display_name,
            is_member=p.id in member_ids,
            returning=p.id in returning,
            present=p.id in present_ids,
        )
        for p in people
        if p.archived_on is None or p.id in present_ids
    ]
