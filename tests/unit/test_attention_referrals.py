"""Today (issue 19 point 7): new referrals awaiting a first conversation, and people accepted and
waiting for a mentor longer than Settings' "remind after N weeks", boundary included."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from peerdesk.services import Services
from peerdesk.services.attention.views import AttentionItem
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import ready_mentor


def _items(services: Services, group: str) -> list[AttentionItem]:
    return [item for item in services.attention.items() if item.group == group]


def _referred(services: Services, name: str, on: date) -> tuple[int, int]:
    person = services.people.add(PersonDetails(first_name=name, last_name="Lee"))
    assert person.id is not None
    referral = services.referrals.start(person.id, ReferralDetails(referral_date=on, source="self"))
    return person.id, referral.id


def _accepted(services: Services, name: str, on: date) -> tuple[int, int]:
    person, referral = _referred(services, name, on - timedelta(days=20))
    services.referrals.assess(referral, on=on - timedelta(days=10))
    services.referrals.accept(referral, on=on)
    return person, referral


def _remind_after(services: Services, weeks: int) -> None:
    details = dataclasses.replace(services.organisation.details(), name="Peer Support")
    services.organisation.save(dataclasses.replace(details, waiting_remind_weeks=weeks))


def test_every_new_referral_is_listed_until_its_first_conversation(services: Services) -> None:
    person, referral = _referred(services, "Ann", TODAY - timedelta(days=12))
    (item,) = _items(services, "New referrals")
    assert (item.record_kind, item.record_id) == ("person", person)
    assert item.title == "Ann Lee: new referral"
    assert item.detail == "Received on 3 June 2026: first conversation not yet held."
    assert not item.urgent
    services.referrals.assess(referral, on=TODAY)
    assert _items(services, "New referrals") == []


def test_a_new_referral_older_than_the_limit_is_urgent(services: Services) -> None:
    _referred(services, "Ann", TODAY - timedelta(days=14))  # exactly the limit: not yet
    _referred(services, "Cat", TODAY - timedelta(days=15))
    items = {item.title: item for item in _items(services, "New referrals")}
    assert not items["Ann Lee: new referral"].urgent
    late = items["Cat Lee: new referral"]
    assert late.urgent and "longer than your limit of 14 days" in late.detail
    # Listed once: not also under the decision reminder.
    assert _items(services, "Referrals waiting") == []


def test_waiting_for_a_mentor_longer_than_the_default_eight_weeks(services: Services) -> None:
    exactly, _ = _accepted(services, "Ann", TODAY - timedelta(weeks=8))
    longer, _ = _accepted(services, "Cat", TODAY - timedelta(weeks=8, days=1))
    ten, _ = _accepted(services, "Dan", TODAY - timedelta(weeks=10))
    items = _items(services, "Waiting for a mentor")
    # Longest wait first; exactly 8 weeks is not yet longer than 8 weeks.
    assert [(i.record_id, i.title) for i in items] == [
        (ten, "Dan Lee: waiting for a mentor for 10 weeks"),
        (longer, "Cat Lee: waiting for a mentor for 8 weeks"),
    ]
    assert exactly not in [i.record_id for i in items]
    assert items[0].detail == (
        "Accepted on 6 April 2026; you asked to be reminded after 8 weeks. "
        "Find a mentor from their page."
    )
    assert all(i.record_kind == "person" and not i.urgent for i in items)
    # Accepted people are not listed again under the decision reminder.
    assert _items(services, "Referrals waiting") == []


def test_the_reminder_follows_the_setting_and_twice_it_is_urgent(services: Services) -> None:
    ten, _ = _accepted(services, "Dan", TODAY - timedelta(weeks=10))
    _remind_after(services, 10)
    assert _items(services, "Waiting for a mentor") == []  # exactly 10 weeks
    _remind_after(services, 5)
    (item,) = _items(services, "Waiting for a mentor")
    assert item.record_id == ten and not item.urgent  # exactly twice: not yet urgent
    _remind_after(services, 4)
    (item,) = _items(services, "Waiting for a mentor")
    assert item.urgent and "reminded after 4 weeks" in item.detail


def test_a_pairing_under_way_ends_the_wait(services: Services) -> None:
    person, _ = _accepted(services, "Ann", TODAY - timedelta(weeks=12))
    assert [i.record_id for i in _items(services, "Waiting for a mentor")] == [person]
    mentor = ready_mentor(services, "Bea")
    services.pairings.propose(PairingPlan(mentor_id=mentor, mentee_id=person))
    assert _items(services, "Waiting for a mentor") == []


def test_a_reopened_referral_waits_from_its_reopening(services: Services) -> None:
    person, referral = _accepted(services, "Ann", TODAY - timedelta(weeks=12))
    services.referrals.close(referral, "No longer wanted", on=TODAY - timedelta(weeks=11))
    assert _items(services, "Waiting for a mentor") == []
    services.referrals.reopen(referral, "accepted", "Asked again", on=TODAY - timedelta(weeks=3))
    assert _items(services, "Waiting for a mentor") == []  # 3 weeks since reopening
    _remind_after(services, 2)
    (item,) = _items(services, "Waiting for a mentor")
    assert item.record_id == person and item.title.endswith("for 3 weeks")


def test_archived_people_are_not_listed(services: Services) -> None:
    person, _ = _referred(services, "Ann", TODAY - timedelta(days=3))
    waiting, _ = _accepted(services, "Cat", TODAY - timedelta(weeks=12))
    assert len(_items(services, "New referrals")) == len(_items(services, "Waiting for a mentor"))
    for someone in (person, waiting):
        services.people.archive(someone)
    assert _items(services, "New referrals") == []
    assert _items(services, "Waiting for a mentor") == []
