"""Counting what groups do: attendance, unique attendees, facilitator hours, regulars, rhythm.

Plain functions over a session, so that the group service, the Today rules and anyone else
count the same way. Definitions follow shared/design/figures.md:

- a period is [start, end], both dates inclusive;
- attendances = named attendees + unnamed drop-in attendees, summed over meetings;
- unique attendees = distinct *named* people at ≥1 group meeting in the period (any group);
- facilitator hours = meeting duration × facilitators present, summed, in hours.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from sqlalchemy import func
from sqlmodel import Session, col, select

from peerdesk.data.models import Attendance, GroupMeeting, MeetingFacilitator, PeerGroup
from peerdesk.vocabulary import GroupStatus, Weekday

#: "Regulars" came to at least REGULAR_AT_LEAST of the group's last REGULAR_OF_LAST meetings.
REGULAR_AT_LEAST = 3
REGULAR_OF_LAST = 5
_WEEKDAYS = list(Weekday)


@dataclass(frozen=True)
class AttendancePoint:
    """One month of a group's attendance (for the small chart)."""

    month: date  # the first day of the month
    meetings: int
    named: int
    unnamed: int

    @property
    def total(self) -> int:
        return self.named + self.unnamed


def _meeting_filter(start: date, end: date, group_id: int | None) -> list[object]:
    conditions: list[object] = [
        col(GroupMeeting.meeting_date) >= start,
        col(GroupMeeting.meeting_date) <= end,
    ]
    if group_id is not None:
        conditions.append(col(GroupMeeting.group_id) == group_id)
    return conditions


#: How long ground rules go unreviewed before it is time to look at them together again:
#: once a year, as Today says ("Group agreements to review").
GROUND_RULES_REVIEW_EVERY = timedelta(days=365)


def last_12_months(today: date) -> tuple[date, date]:
    """ "The last 12 months" on a group's page: the 365 days ending today, first and last day
    both included, as every period is counted (docs/groups.md, "How things are counted")."""
    return today - timedelta(days=364), today


def ground_rules_due(reviewed_on: date | None, today: date) -> bool:
    """Never reviewed with members, or not for a year or more."""
    return reviewed_on is None or today - reviewed_on >= GROUND_RULES_REVIEW_EVERY


def meeting_count(session: Session, start: date, end: date, group_id: int | None = None) -> int:
    query = (
        select(func.count())
        .select_from(GroupMeeting)
        .where(
            *_meeting_filter(start, end, group_id)  # type: ignore[arg-type]
        )
    )
    return int(session.exec(query).one())


def named_attendances(session: Session, start: date, end: date, group_id: int | None = None) -> int:
    query = (
        select(func.count())
        .select_from(Attendance)
        .join(GroupMeeting, col(GroupMeeting.id) == col(Attendance.meeting_id))
        .where(*_meeting_filter(start, end, group_id))  # type: ignore[arg-type]
    )
    return int(session.exec(query).one())


def unnamed_attendances(
    session: Session, start: date, end: date, group_id: int | None = None
) -> int:
    query = select(func.coalesce(func.sum(GroupMeeting.unnamed_attendees), 0)).where(
        *_meeting_filter(start, end, group_id)  # type: ignore[arg-type]
    )
    return int(session.exec(query).one())


def unique_attendee_ids(
    session: Session, start: date, end: date, group_id: int | None = None
) -> set[int]:
    """Distinct named people at ≥1 meeting in the period. Unnamed attendees cannot be
    told apart, so they are never in this count (figures.md, `group_unique_attendees`)."""
    query = (
        select(Attendance.person_id)
        .join(GroupMeeting, col(GroupMeeting.id) == col(Attendance.meeting_id))
        .where(*_meeting_filter(start, end, group_id))  # type: ignore[arg-type]
        .distinct()
    )
    return set(session.exec(query))


def new_attendee_ids(
    session: Session, start: date, end: date, group_id: int | None = None
) -> set[int]:
    """People whose first meeting of a group (is_new) falls in the period."""
    query = (
        select(Attendance.person_id)
        .join(GroupMeeting, col(GroupMeeting.id) == col(Attendance.meeting_id))
        .where(col(Attendance.is_new).is_(True), *_meeting_filter(start, end, group_id))  # type: ignore[arg-type]
        .distinct()
    )
    return set(session.exec(query))


def facilitator_minutes(
    session: Session,
    start: date,
    end: date,
    group_id: int | None = None,
    person_id: int | None = None,
) -> int:
    """Sum over meetings of duration × facilitators present (optionally one facilitator)."""
    query = (
        select(func.coalesce(func.sum(GroupMeeting.duration_minutes), 0))
        .select_from(MeetingFacilitator)
        .join(GroupMeeting, col(GroupMeeting.id) == col(MeetingFacilitator.meeting_id))
        .where(*_meeting_filter(start, end, group_id))  # type: ignore[arg-type]
    )
    if person_id is not None:
        query = query.where(col(MeetingFacilitator.person_id) == person_id)
    return int(session.exec(query).one())


def hours(minutes: int) -> float:
    """Minutes as hours to one decimal place, as the figures show them."""
    return round(minutes / 60, 1)


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def attendance_by_month(
    session: Session, group_id: int, last_day: date, months: int = 12
) -> list[AttendancePoint]:
    """The last `months` calendar months up to `last_day`, oldest first, empty months kept."""
    first = add_months(month_start(last_day), -(months - 1))
    meetings = list(
        session.exec(
            select(GroupMeeting).where(*_meeting_filter(first, last_day, group_id))  # type: ignore[arg-type]
        )
    )
    named_by_meeting: dict[int, int] = {}
    if meetings:
        rows = session.exec(
            select(Attendance.meeting_id, func.count())
            .where(col(Attendance.meeting_id).in_([m.id for m in meetings]))
            .group_by(col(Attendance.meeting_id))
        )
        named_by_meeting = {meeting_id: int(count) for meeting_id, count in rows}
    counts: dict[date, list[int]] = {add_months(first, i): [0, 0, 0] for i in range(months)}
    for meeting in meetings:
        bucket = counts[month_start(meeting.meeting_date)]
        bucket[0] += 1
        bucket[1] += named_by_meeting.get(meeting.id or 0, 0)
        bucket[2] += meeting.unnamed_attendees
    return [AttendancePoint(month, *values) for month, values in counts.items()]


def last_meetings(session: Session, group_id: int, up_to: date, count: int) -> list[GroupMeeting]:
    return list(
        session.exec(
            select(GroupMeeting)
            .where(GroupMeeting.group_id == group_id, col(GroupMeeting.meeting_date) <= up_to)
            .order_by(col(GroupMeeting.meeting_date).desc(), col(GroupMeeting.id).desc())
            .limit(count)
        )
    )


def regular_ids(
    session: Session,
    group_id: int,
    up_to: date,
    at_least: int = REGULAR_AT_LEAST,
    of_last: int = REGULAR_OF_LAST,
) -> list[int]:
    """People who came to at least `at_least` of the group's last `of_last` meetings."""
    meeting_ids = [m.id for m in last_meetings(session, group_id, up_to, of_last)]
    if not meeting_ids:
        return []
    visits = Counter(
        session.exec(
            select(Attendance.person_id).where(col(Attendance.meeting_id).in_(meeting_ids))
        )
    )
    return sorted(person_id for person_id, n in visits.items() if n >= at_least)


def usual_gap_days(session: Session, group_id: int, up_to: date) -> int:
    """How often the group meets, guessed from its recent meetings: 7, 14 or 28 days.

    The schema holds a usual weekday but no frequency; fortnightly and monthly groups are
    common, so the rhythm of the last few meetings says which it is."""
    dates = sorted({m.meeting_date for m in last_meetings(session, group_id, up_to, 6)})
    gaps = sorted((b - a).days for a, b in pairwise(dates))
    if not gaps:
        return 7
    median = gaps[(len(gaps) - 1) // 2]
    if median >= 24:
        return 28
    if median >= 11:
        return 14
    return 7


def next_meeting_date(session: Session, group: PeerGroup, today: date) -> date | None:
    """The next date the group usually meets, today or later; None when it is not running
    or has no usual day."""
    if group.status != GroupStatus.RUNNING.value or not group.usual_weekday or group.id is None:
        return None
    weekday = _WEEKDAYS.index(Weekday(group.usual_weekday))
    recent = last_meetings(session, group.id, today, 1)
    gap = usual_gap_days(session, group.id, today)
    if recent:
        last = recent[0].meeting_date
        candidate = last + timedelta(days=gap)
        # Move onto the usual weekday (the last meeting may have been moved by a day or two).
        candidate += timedelta(days=(weekday - candidate.weekday()) % 7)
        if candidate - last > timedelta(days=gap + 3):
            candidate -= timedelta(days=7)
        while candidate < today or candidate <= last:
            candidate += timedelta(days=gap)
        return candidate
    return today + timedelta(days=(weekday - today.weekday()) % 7)
