"""The concerns log (issue 22): raising, levels and order, referral, follow-up actions,
closing and reopening, removal with a reason, History, Today and subject access."""

from __future__ import annotations

from datetime import timedelta

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.concerns.views import ConcernInput
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import ConcernLevel, Role
from tests.conftest import TODAY


def _person(services: Services, first: str = "Ann", role: Role = Role.MENTEE) -> int:
    person = services.people.add(PersonDetails(first_name=first, last_name="Lee"), roles=[role])
    assert person.id is not None
    return person.id


def _raise(services: Services, person: int, level: str = "concern", days_ago: int = 3) -> int:
    return services.concerns.raise_concern(
        ConcernInput(
            raised_on=TODAY - timedelta(days=days_ago),
            what="Said they had not eaten for days",
            about_person_id=person,
            category="Neglect or self-neglect",
            level=level,
            who_was_told="Coordinator",
        )
    ).id


def _today(services: Services) -> list[tuple[str, int, bool]]:
    return [
        (i.group, i.record_id, i.urgent)
        for i in services.attention.items()
        if i.record_kind == "concern"
    ]


def test_a_concern_needs_a_subject_and_plain_words(services: Services) -> None:
    with pytest.raises(ValidationError, match="who or what the concern is about"):
        services.concerns.raise_concern(ConcernInput(raised_on=TODAY, what="Worried"))
    person = _person(services)
    with pytest.raises(ValidationError, match="level"):
        services.concerns.raise_concern(
            ConcernInput(raised_on=TODAY, what="Worried", about_person_id=person, level="high")
        )
    assert services.concerns.all() == []


def test_open_first_urgent_first_then_closed_newest_first(services: Services) -> None:
    person = _person(services)
    info = _raise(services, person, "information", days_ago=1)
    old_urgent = _raise(services, person, "urgent", days_ago=9)
    concern = _raise(services, person, "concern", days_ago=2)
    closed_old = _raise(services, person, "urgent", days_ago=20)
    closed_new = _raise(services, person, "information", days_ago=10)
    for cid in (closed_old, closed_new):
        services.concerns.close(cid, outcome="Resolved")
    order = [c.id for c in services.concerns.all()]
    assert order == [old_urgent, concern, info, closed_new, closed_old]
    assert [c.id for c in services.concerns.for_person(person)] == order


def test_today_urgent_above_everything_then_overdue_actions(services: Services) -> None:
    person = _person(services)
    urgent = _raise(services, person, "urgent")
    ordinary = _raise(services, person, "concern")
    services.concerns.add_action(ordinary, "Phone the GP", TODAY + timedelta(days=2))
    items = services.attention.items()
    assert items[0].group == "Urgent concerns" and items[0].record_id == urgent
    # An action in hand and not yet due: not on Today.
    assert _today(services) == [("Urgent concerns", urgent, True)]
    services.concerns.update_action(
        services.concerns.get(ordinary).actions[0].id,
        action="Phone the GP",
        due_on=TODAY - timedelta(days=1),
        done_on=None,
    )
    assert _today(services) == [
        ("Urgent concerns", urgent, True),
        ("Open concerns", ordinary, True),
    ]
    services.concerns.mark_done(services.concerns.get(ordinary).actions[0].id)
    # Nothing waiting on an open concern: shown (not urgent) so a next step is decided.
    assert ("Open concerns", ordinary, False) in _today(services)
    services.concerns.close(ordinary, outcome="GP visited; eating again")
    services.concerns.close(urgent, outcome="Safe")
    assert _today(services) == []


def test_refer_actions_close_and_reopen(services: Services) -> None:
    person = _person(services)
    cid = _raise(services, person)
    with pytest.raises(ValidationError, match="date it was referred"):
        services.concerns.refer(cid, referred_to="GP", referred_on=None)
    record = services.concerns.refer(
        cid, referred_to="Adult social care", referred_on=TODAY, reference="ASC-123"
    )
    assert (record.referred_to, record.referred_on, record.referral_reference) == (
        "Adult social care",
        TODAY,
        "ASC-123",
    )
    record = services.concerns.add_action(cid, "Check in by phone", TODAY + timedelta(days=7))
    (action,) = record.actions
    assert record.next_action == action and action.done_on is None
    record = services.concerns.mark_done(action.id, on=TODAY)
    assert record.actions[0].done_on == TODAY and record.next_action is None
    with pytest.raises(ValidationError, match="already done"):
        services.concerns.mark_done(action.id)
    with pytest.raises(ValidationError, match="outcome"):
        services.concerns.close(cid, outcome=" ")
    record = services.concerns.close(cid, outcome="Care package in place")
    assert record.closed_on == TODAY and not record.is_open
    with pytest.raises(ValidationError, match="already closed"):
        services.concerns.close(cid, outcome="Again")
    with pytest.raises(ValidationError, match="why it is being reopened"):
        services.concerns.reopen(cid, "")
    assert services.concerns.reopen(cid, "Carer rang again").is_open


def test_removal_needs_a_reason_and_shows_in_history(services: Services) -> None:
    person = _person(services)
    cid = _raise(services, person)
    action_id = services.concerns.add_action(cid, "Visit", TODAY).actions[0].id
    services.concerns.update(
        cid,
        ConcernInput(
            raised_on=TODAY - timedelta(days=3),
            what="Had not eaten",
            about_person_id=person,
            level=ConcernLevel.URGENT.value,
        ),
        reason="Typed wrongly",
    )
    assert services.concerns.get(cid).level == "urgent"
    with pytest.raises(ValidationError, match="why it is being removed"):
        services.concerns.remove_action(action_id, "")
    assert services.concerns.remove_action(action_id, "Duplicate").actions == ()
    with pytest.raises(ValidationError, match="why it is being removed"):
        services.concerns.remove(cid, None)
    services.concerns.remove(cid, "Entered about the wrong person")
    assert services.concerns.all() == []
    history = services.concerns.history(cid)
    descriptions = [h.description for h in history]
    assert descriptions[0].startswith("Raised a concern")
    assert "Added a follow-up action to a concern" in descriptions
    assert history[-1].reason == "Entered about the wrong person"
    assert any(h.reason == "Duplicate" for h in history)


def test_a_concern_about_a_volunteer_is_in_their_subject_access_pack(services: Services) -> None:
    mentor = _person(services, "Bea", Role.MENTOR)
    cid = _raise(services, mentor)
    services.concerns.add_action(cid, "Talk it over in supervision", TODAY)
    pack = services.subject_access.collect(mentor)
    assert [r["id"] for r in pack["records"]["concern"]] == [cid]
    actions = pack["related_records"]["concern_action"]
    assert [a["action"] for a in actions] == ["Talk it over in supervision"]
