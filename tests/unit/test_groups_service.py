"""Groups: registers, counts over a period, new vs returning, facilitator hours."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import update

from peerdesk.data.models import Person
from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.groups.service import GroupDetails, MeetingRecord
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY


def _person(services: Services, first: str, last: str = "Example") -> int:
    person = services.people.add(PersonDetails(first_name=first, last_name=last))
    assert person.id is not None
    return person.id


def _group(services: Services, name: str = "Long Covid Café", **kw: object) -> int:
    group = services.groups.create(
        GroupDetails(name=name, usual_weekday="thu", usual_duration_minutes=90, **kw)  # type: ignore[arg-type]
    )
    assert group.id is not None
    return group.id


def test_attendance_counts_named_plus_unnamed(services: Services) -> None:
    group_id = _group(services)
    ann, bob = _person(services, "Ann"), _person(services, "Bob")
    meeting = services.groups.hold_meeting(
        group_id,
        MeetingRecord(meeting_date=TODAY, attendee_ids=[ann, bob, ann], unnamed_attendees=3),
    )
    assert meeting.id is not None
    assert services.groups.attendance_count(meeting.id) == 5
    summary = services.groups.summary(TODAY - timedelta(days=30), TODAY, group_id)
    assert (summary.meetings, summary.named_attendances, summary.unnamed_attendances) == (1, 2, 3)
    assert summary.attendances == 5
    assert summary.unique_attendees == 2


def test_new_and_returning_follow_the_first_meeting_even_when_typed_in_late(
    services: Services,
) -> None:
    group_id = _group(services)
    ann, bob = _person(services, "Ann"), _person(services, "Bob")
    later = services.groups.hold_meeting(
        group_id, MeetingRecord(meeting_date=TODAY, attendee_ids=[ann, bob])
    )
    assert later.id is not None
    assert {p.first_name: new for p, new in services.groups.attendees(later.id)} == {
        "Ann": True,
        "Bob": True,
    }
    # A paper register from last week, typed in afterwards: Ann came then, so she is returning.
    earlier = services.groups.hold_meeting(
        group_id, MeetingRecord(meeting_date=TODAY - timedelta(days=7), attendee_ids=[ann])
    )
    assert earlier.id is not None
    assert {p.first_name: new for p, new in services.groups.attendees(later.id)} == {
        "Ann": False,
        "Bob": True,
    }
    assert services.groups.returning_ids(group_id, [ann, bob], TODAY) == {ann}
    # Deleting the earlier meeting makes today Ann's first meeting again.
    services.groups.delete_meeting(earlier.id)
    assert dict((p.first_name, n) for p, n in services.groups.attendees(later.id))["Ann"] is True


def test_new_is_per_group(services: Services) -> None:
    cafe, circle = _group(services), _group(services, "Carers' Circle")
    ann = _person(services, "Ann")
    services.groups.hold_meeting(
        cafe, MeetingRecord(meeting_date=TODAY - timedelta(days=7), attendee_ids=[ann])
    )
    meeting = services.groups.hold_meeting(
        circle, MeetingRecord(meeting_date=TODAY, attendee_ids=[ann])
    )
    assert meeting.id is not None
    assert services.groups.attendees(meeting.id)[0][1] is True


def test_a_person_at_two_groups_is_one_unique_attendee(services: Services) -> None:
    cafe, circle = _group(services), _group(services, "Carers' Circle")
    ann, bob = _person(services, "Ann"), _person(services, "Bob")
    services.groups.hold_meeting(
        cafe, MeetingRecord(meeting_date=TODAY - timedelta(days=3), attendee_ids=[ann, bob])
    )
    services.groups.hold_meeting(
        circle, MeetingRecord(meeting_date=TODAY, attendee_ids=[ann], unnamed_attendees=4)
    )
    start = TODAY - timedelta(days=10)
    assert services.groups.unique_attendees(start, TODAY) == 2
    assert services.groups.unique_attendees(start, TODAY, circle) == 1
    everyone = services.groups.summary(start, TODAY)
    assert (everyone.meetings, everyone.attendances, everyone.unique_attendees) == (2, 7, 2)


def test_unique_attendees_respects_the_period_bounds_inclusively(services: Services) -> None:
    group_id = _group(services)
    ann, bob, cat = (_person(services, n) for n in ("Ann", "Bob", "Cat"))
    start, end = date(2026, 4, 1), date(2026, 5, 31)
    for day, who in (
        (date(2026, 3, 31), [cat]),  # the day before: outside
        (start, [ann]),  # first day: inside
        (end, [ann, bob]),  # last day: inside
        (date(2026, 6, 1), [cat]),  # the day after: outside
    ):
        services.groups.hold_meeting(group_id, MeetingRecord(meeting_date=day, attendee_ids=who))
    assert services.groups.unique_attendees(start, end) == 2
    summary = services.groups.summary(start, end)
    assert summary.meetings == 2 and summary.named_attendances == 3


def test_facilitator_hours_are_duration_times_facilitators_present(services: Services) -> None:
    group_id = _group(services)
    lead, helper = _person(services, "Lead"), _person(services, "Helper")
    services.groups.set_facilitators(group_id, [lead, helper])
    # Defaults: both group facilitators, the usual 90 minutes -> 3 hours.
    services.groups.hold_meeting(group_id, MeetingRecord(meeting_date=TODAY - timedelta(days=7)))
    # Only the lead present, 2 hours.
    services.groups.hold_meeting(
        group_id,
        MeetingRecord(meeting_date=TODAY, duration_minutes=120, facilitator_ids=[lead]),
    )
    start = TODAY - timedelta(days=30)
    assert services.groups.facilitator_hours(start, TODAY) == 5.0
    assert services.groups.facilitator_hours(start, TODAY, person_id=helper) == 1.5
    assert services.groups.facilitator_hours(TODAY, TODAY, group_id) == 2.0
    assert services.groups.summary(start, TODAY, group_id).facilitator_hours == 5.0


def test_new_person_with_first_name_only_is_added_with_the_meeting(services: Services) -> None:
    group_id = _group(services)
    meeting = services.groups.hold_meeting(
        group_id, MeetingRecord(meeting_date=TODAY, new_people=["Morag"], unnamed_attendees=1)
    )
    assert meeting.id is not None
    [(person, is_new)] = services.groups.attendees(meeting.id)
    assert (person.first_name, person.last_name, is_new) == ("Morag", "", True)
    assert "group_member" in [r.role for r in services.people.roles(person.id or 0)]


def test_a_refused_register_records_nobody(services: Services) -> None:
    group_id = _group(services)
    before = len(services.people.list_rows())
    with pytest.raises(ValidationError):
        services.groups.hold_meeting(
            group_id,
            MeetingRecord(meeting_date=TODAY, new_people=["Morag"], duration_minutes=99_999),
        )
    assert len(services.people.list_rows()) == before
    assert services.groups.meetings(group_id) == []


def test_update_meeting_replaces_register_and_keeps_facilitators(services: Services) -> None:
    group_id = _group(services)
    lead = _person(services, "Lead")
    services.groups.set_facilitators(group_id, [lead])
    ann, bob = _person(services, "Ann"), _person(services, "Bob")
    meeting = services.groups.hold_meeting(
        group_id, MeetingRecord(meeting_date=TODAY, attendee_ids=[ann], unnamed_attendees=2)
    )
    assert meeting.id is not None
    record = services.groups.meeting_record(meeting.id)
    record.attendee_ids = [bob]
    record.unnamed_attendees = 0
    record.facilitator_ids = None
    record.note = "Quiet week."
    services.groups.update_meeting(meeting.id, record)
    assert [p.first_name for p, _ in services.groups.attendees(meeting.id)] == ["Bob"]
    assert services.groups.attendance_count(meeting.id) == 1
    assert [p.first_name for p in services.groups.meeting_facilitators(meeting.id)] == ["Lead"]
    assert services.groups.get_meeting(meeting.id).note == "Quiet week."


def test_members_join_leave_and_rejoin(services: Services) -> None:
    group_id = _group(services, kind="closed")
    ann = _person(services, "Ann")
    services.groups.add_member(group_id, ann, joined_on=TODAY - timedelta(days=100))
    with pytest.raises(ValidationError):
        services.groups.remove_member(group_id, ann, left_on=TODAY - timedelta(days=200))
    services.groups.remove_member(group_id, ann, left_on=TODAY - timedelta(days=10))
    assert services.groups.members(group_id) == []
    with pytest.raises(ValidationError):
        services.groups.remove_member(group_id, ann)
    services.groups.add_member(group_id, ann)
    assert [p.first_name for p in services.groups.members(group_id)] == ["Ann"]


def test_drop_in_groups_have_no_members(services: Services) -> None:
    group_id = _group(services)
    with pytest.raises(ValidationError):
        services.groups.add_member(group_id, _person(services, "Ann"))


def test_regulars_and_register_candidates(services: Services) -> None:
    group_id = _group(services, kind="closed")
    ann, bob, cat = (_person(services, n) for n in ("Ann", "Bob", "Cat"))
    services.groups.add_member(group_id, cat, joined_on=TODAY - timedelta(days=60))
    for weeks_ago, who in ((4, [ann, bob]), (3, [ann]), (2, [ann, bob]), (1, [ann, bob])):
        services.groups.hold_meeting(
            group_id,
            MeetingRecord(meeting_date=TODAY - timedelta(weeks=weeks_ago), attendee_ids=who),
        )
    assert [p.first_name for p in services.groups.regulars(group_id)] == ["Ann", "Bob"]
    assert [p.first_name for p in services.groups.regulars(group_id, at_least=4)] == ["Ann"]
    candidates = {c.name: c for c in services.groups.register_candidates(group_id, TODAY)}
    assert candidates["Cat Example"].is_member and not candidates["Cat Example"].returning
    assert candidates["Ann Example"].returning and not candidates["Ann Example"].is_member


def test_next_meeting_follows_usual_day_and_rhythm(services: Services) -> None:
    # TODAY (2026-06-15) is a Monday; the group meets on Thursdays.
    weekly = _group(services)
    assert services.groups.next_meeting_date(weekly) == date(2026, 6, 18)
    fortnightly = _group(services, "Fortnightly")
    for day in (date(2026, 5, 21), date(2026, 6, 4)):
        services.groups.hold_meeting(fortnightly, MeetingRecord(meeting_date=day))
    assert services.groups.next_meeting_date(fortnightly) == date(2026, 6, 18)
    services.groups.hold_meeting(fortnightly, MeetingRecord(meeting_date=date(2026, 5, 7)))
    services.groups.hold_meeting(fortnightly, MeetingRecord(meeting_date=date(2026, 4, 23)))
    assert services.groups.next_meeting_date(fortnightly) == date(2026, 6, 18)
    monthly = _group(services, "Monthly")
    for day in (date(2026, 3, 26), date(2026, 4, 23), date(2026, 5, 21)):
        services.groups.hold_meeting(monthly, MeetingRecord(meeting_date=day))
    assert services.groups.next_meeting_date(monthly) == date(2026, 6, 18)
    services.groups.hold_meeting(monthly, MeetingRecord(meeting_date=date(2026, 6, 11)))
    paused = _group(services, "Paused", status="paused")
    assert services.groups.next_meeting_date(paused) is None


def test_attendance_over_time_has_twelve_months_with_empty_ones(services: Services) -> None:
    group_id = _group(services)
    services.groups.hold_meeting(
        group_id, MeetingRecord(meeting_date=date(2026, 6, 1), unnamed_attendees=3)
    )
    services.groups.hold_meeting(
        group_id,
        MeetingRecord(meeting_date=date(2025, 7, 3), attendee_ids=[_person(services, "Ann")]),
    )
    points = services.groups.attendance_over_time(group_id)
    assert len(points) == 12
    assert points[0].month == date(2025, 7, 1) and points[0].total == 1
    assert points[-1].month == date(2026, 6, 1) and points[-1].total == 3
    assert sum(p.meetings for p in points) == 2


def test_group_rows_describe_each_group(services: Services) -> None:
    group_id = _group(services, venue="Thurso Community Centre", usual_time=time(14, 0))
    services.groups.hold_meeting(group_id, MeetingRecord(meeting_date=date(2026, 6, 11)))
    [row] = services.groups.rows()
    assert row.when_text == "Thursdays at 2pm"
    assert row.where_text == "Thurso Community Centre"
    assert row.last_meeting == date(2026, 6, 11)
    assert row.next_meeting == date(2026, 6, 18)
    assert row.status_label == "Running"


def test_ground_rules_review_date_cannot_be_in_the_future(services: Services) -> None:
    group_id = _group(services)
    with pytest.raises(ValidationError):
        services.groups.update_ground_rules(group_id, "Be kind.", TODAY + timedelta(days=1))
    group = services.groups.update_ground_rules(group_id, "Be kind.", TODAY)
    assert (group.ground_rules, group.ground_rules_reviewed_on) == ("Be kind.", TODAY)


def test_group_counts_agree_with_the_yearly_figures(demo_services: Services) -> None:
    period = demo_services.figures.year(2025)
    figures = demo_services.figures.count(period)
    summary = demo_services.groups.summary(period.start, period.end)
    assert summary.meetings == figures.group_meetings
    assert summary.attendances == figures.group_attendances
    assert summary.unique_attendees == figures.group_unique_attendees
    # A group's hours count every facilitator; volunteer hours leave the demo's staff
    # facilitator out (docs/figures.md), so they agree once nobody is staff.
    assert summary.facilitator_hours > figures.volunteer_hours.groups
    with demo_services.db.transaction() as session:
        session.execute(update(Person).values(is_staff=False))
    figures = demo_services.figures.count(period)
    assert summary.facilitator_hours == figures.volunteer_hours.groups
    assert summary.meetings > 0 and summary.unnamed_attendances > 0
