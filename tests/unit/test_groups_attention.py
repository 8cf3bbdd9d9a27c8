"""Today lines from groups: ground rules due for review, meetings in the next week."""

from __future__ import annotations

from datetime import date, time, timedelta

from peerdesk.services import Services
from peerdesk.services.attention import RULES
from peerdesk.services.attention.groups_due import (
    MEETINGS_GROUP,
    REVIEW_GROUP,
    ground_rules_due,
    meetings_this_week,
)
from peerdesk.services.groups.service import GroupDetails, MeetingRecord
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY


def _items(services: Services, group: str) -> list:
    return [i for i in services.attention.items() if i.group == group]


def test_rules_are_registered() -> None:
    assert ground_rules_due in RULES and meetings_this_week in RULES


def test_ground_rules_reviewed_over_a_year_ago_need_attention(services: Services) -> None:
    fresh = services.groups.create(
        GroupDetails(name="Fresh", ground_rules_reviewed_on=TODAY - timedelta(days=300))
    )
    stale = services.groups.create(
        GroupDetails(name="Stale", ground_rules_reviewed_on=date(2025, 3, 1))
    )
    services.groups.create(GroupDetails(name="Never"))
    services.groups.create(
        GroupDetails(name="Closed one", status="closed", ground_rules_reviewed_on=date(2020, 1, 1))
    )
    items = _items(services, REVIEW_GROUP)
    titles = [i.title for i in items]
    assert "Stale: ground rules not reviewed for 15 months" in titles
    assert "Never: ground rules never reviewed with members" in titles
    assert not any(t.startswith(("Fresh", "Closed one")) for t in titles)
    assert {i.record_kind for i in items} == {"group"}
    assert stale.id in [i.record_id for i in items] and fresh.id not in [i.record_id for i in items]


def test_next_meeting_line_names_the_day_and_the_regulars(services: Services) -> None:
    # TODAY is Monday 15 June 2026; a Thursday group meets on the 18th.
    group = services.groups.create(
        GroupDetails(
            name="Long Covid Café",
            usual_weekday="thu",
            usual_time=time(14, 0),
            venue="Thurso Community Centre",
        )
    )
    assert group.id is not None
    people = [services.people.add(PersonDetails(first_name=f"P{i}")).id or 0 for i in range(3)]
    for weeks in (3, 2, 1):
        services.groups.hold_meeting(
            group.id,
            MeetingRecord(
                meeting_date=date(2026, 6, 11) - timedelta(weeks=weeks - 1), attendee_ids=people
            ),
        )
    services.groups.create(GroupDetails(name="Paused", usual_weekday="tue", status="paused"))
    [item] = _items(services, MEETINGS_GROUP)
    assert item.title == "Long Covid Café: next meeting Thursday, 3 regulars"
    assert item.detail == "Thursday 18 June 2026 at 2pm, Thurso Community Centre."
    assert item.due == date(2026, 6, 18)


def test_no_line_when_the_next_meeting_is_more_than_a_week_away(services: Services) -> None:
    group = services.groups.create(GroupDetails(name="Fortnightly", usual_weekday="mon"))
    assert group.id is not None
    for day in (date(2026, 6, 1), date(2026, 6, 15)):
        services.groups.hold_meeting(group.id, MeetingRecord(meeting_date=day))
    # It met today (Monday) and meets every two weeks: nothing to say this week.
    assert _items(services, MEETINGS_GROUP) == []


def test_demo_data_gives_sensible_group_lines(demo_services: Services) -> None:
    lines = _items(demo_services, MEETINGS_GROUP) + _items(demo_services, REVIEW_GROUP)
    assert lines, "the demo groups should produce at least one Today line"
    assert all("None" not in i.title + i.detail for i in lines)
