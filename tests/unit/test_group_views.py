"""The group views the screens are given: one "last 12 months" for the page's summary and the
Facilitators tab's hours, the ground rules reminder as Today has it, and no table rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import SQLModel

from peerdesk.services import Services
from peerdesk.services.attention.groups_due import REVIEW_GROUP
from peerdesk.services.groups import views
from peerdesk.services.groups.views import GroupDetails, MeetingRecord, last_12_months
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY


def test_the_last_12_months_are_365_days_ending_today_both_included() -> None:
    assert last_12_months(TODAY) == (TODAY - timedelta(days=364), TODAY)


def test_the_page_summary_and_the_facilitator_hours_count_the_same_12_months(
    services: Services,
) -> None:
    lead = services.people.add(PersonDetails(first_name="Lead", last_name="Example")).id
    group_id = services.groups.create(GroupDetails(name="Café", usual_duration_minutes=60)).id
    services.groups.set_facilitators(group_id, [lead])
    # A day too old for the last 12 months, the first day in them, and today.
    for days_ago in (365, 364, 0):
        services.groups.hold_meeting(
            group_id, MeetingRecord(meeting_date=TODAY - timedelta(days=days_ago))
        )
    year = services.groups.year(group_id)
    assert (year.summary.start, year.summary.end) == last_12_months(TODAY)
    assert year.summary.meetings == 2
    assert year.summary.facilitator_hours == 2.0
    [line] = services.groups.facilitator_lines(group_id)
    assert (line.person_id, line.hours_last_12_months) == (lead, 2.0)


@pytest.mark.parametrize(("days_ago", "due"), [(None, True), (364, False), (365, True)])
def test_ground_rules_are_due_for_review_exactly_when_today_says_so(
    services: Services, days_ago: int | None, due: bool
) -> None:
    reviewed = None if days_ago is None else TODAY - timedelta(days=days_ago)
    group = services.groups.create(GroupDetails(name="Café", ground_rules_reviewed_on=reviewed))
    assert services.groups.get(group.id).ground_rules_due is due
    on_today = [i.record_id for i in services.attention.items() if i.group == REVIEW_GROUP]
    assert (group.id in on_today) is due


def test_members_are_marked_regular_from_the_last_five_meetings(services: Services) -> None:
    ann = services.people.add(PersonDetails(first_name="Ann", last_name="Example")).id
    bob = services.people.add(PersonDetails(first_name="Bob", last_name="Example")).id
    group_id = services.groups.create(GroupDetails(name="Circle", kind="closed")).id
    for person in (ann, bob):
        services.groups.add_member(group_id, person, TODAY - timedelta(days=60))
    for week in range(3):
        services.groups.hold_meeting(
            group_id,
            MeetingRecord(meeting_date=TODAY - timedelta(weeks=week), attendee_ids=[ann]),
        )
    lines = {m.name: m.is_regular for m in services.groups.member_lines(group_id)}
    assert lines == {"Ann Example": True, "Bob Example": False}


def test_nothing_the_screens_import_from_groups_is_a_table() -> None:
    for name in views.__all__:
        value = getattr(views, name)
        assert not (isinstance(value, type) and issubclass(value, SQLModel)), name
