"""The Today rules for people and volunteers: consents, disclosure checks, concerns,
referrals waiting and supervision."""

from __future__ import annotations

from datetime import date, timedelta

from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.mentoring.sessions import ConcernDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import ConsentKind, MeetingMode, Role, VolunteerStage
from tests.conftest import TODAY


def _items(services: Services, group: str) -> list:
    return [item for item in services.attention.items() if item.group == group]


def _mentee(services: Services, name: str = "Ann") -> int:
    person = services.people.add(
        PersonDetails(first_name=name, last_name="Lee"), roles=[Role.MENTEE]
    )
    assert person.id is not None
    return person.id


def _active_mentor(services: Services, *, since: date = TODAY - timedelta(days=30)) -> int:
    person = services.people.add(
        PersonDetails(first_name="Bea", last_name="Moss"), roles=[Role.MENTOR]
    )
    assert person.id is not None
    services.volunteers.record_stage(person.id, VolunteerStage.ACTIVE, on=since)
    return person.id


def _consent(
    services: Services, person_id: int, kind: ConsentKind, given: date, review: date | None
):
    return services.consents.record(
        person_id,
        ConsentEntry(
            kind=kind, given_on=given, method="verbal", recorded_by="Coordinator", review_on=review
        ),
    )


def test_a_consent_due_for_review_shows_and_clears_when_renewed(services: Services) -> None:
    person = _mentee(services)
    _consent(
        services,
        person,
        ConsentKind.HEALTH_DATA,
        TODAY - timedelta(days=300),
        TODAY + timedelta(days=10),
    )
    items = _items(services, "Consents")
    assert [(i.record_kind, i.record_id, i.urgent) for i in items] == [("person", person, False)]
    assert "in 10 days" in items[0].detail
    _consent(services, person, ConsentKind.HEALTH_DATA, TODAY, TODAY + timedelta(days=365))
    assert _items(services, "Consents") == []


def test_a_consent_beyond_the_warning_days_is_not_shown(services: Services) -> None:
    person = _mentee(services)
    _consent(services, person, ConsentKind.HEALTH_DATA, TODAY, TODAY + timedelta(days=31))
    assert _items(services, "Consents") == []


def test_an_expired_consent_is_urgent(services: Services) -> None:
    person = _mentee(services)
    _consent(
        services,
        person,
        ConsentKind.CONTACT_EMAIL,
        TODAY - timedelta(days=400),
        TODAY - timedelta(days=1),
    )
    _consent(services, person, ConsentKind.HEALTH_DATA, TODAY, None)
    (item,) = _items(services, "Consents")
    assert item.urgent and "renew" in item.title


def test_missing_essential_consents(services: Services) -> None:
    mentee = _mentee(services)
    mentor = _active_mentor(services)
    items = {i.record_id: i for i in _items(services, "Consents")}
    assert "health information not recorded" in items[mentee].title
    assert "confidentiality agreement not recorded" in items[mentor].title
    services.people.archive(mentee)
    assert mentee not in {i.record_id for i in _items(services, "Consents")}


def test_disclosure_checks_missing_expiring_and_renewed(services: Services) -> None:
    mentor = _active_mentor(services)
    (missing,) = _items(services, "Disclosure checks")
    assert missing.urgent and missing.record_id == mentor
    services.volunteers.add_disclosure_check(
        mentor,
        scheme="pvg",
        level="scheme_record",
        issue_date=TODAY - timedelta(days=1000),
        renewal_date=TODAY + timedelta(days=20),
    )
    (expiring,) = _items(services, "Disclosure checks")
    assert not expiring.urgent and "PVG" in expiring.title
    services.volunteers.add_disclosure_check(
        mentor,
        scheme="pvg",
        level="scheme_record",
        issue_date=TODAY,
        renewal_date=TODAY + timedelta(days=1000),
    )
    assert _items(services, "Disclosure checks") == []


def test_open_concerns_show_until_closed(services: Services) -> None:
    # A concern of the usual level with no follow-up action waiting is shown (not urgent:
    # urgent ones and overdue actions are, tests/unit/test_concerns_service.py).
    person = _mentee(services)
    concern = services.sessions.raise_concern(
        ConcernDetails(raised_on=TODAY - timedelta(days=2), about_person_id=person, what="Worried")
    )
    (item,) = _items(services, "Open concerns")
    assert not item.urgent and item.record_kind == "concern" and item.record_id == concern.id
    assert "Ann Lee" in item.title
    assert concern.id is not None
    services.sessions.close_concern(concern.id)
    assert _items(services, "Open concerns") == []


def test_referrals_waiting_longer_than_the_setting(services: Services) -> None:
    # After the first conversation, waiting for a decision (new referrals and people waiting
    # for a mentor have headings of their own: tests/unit/test_attention_referrals.py).
    person = _mentee(services)
    referral = services.referrals.start(
        person, ReferralDetails(referral_date=TODAY - timedelta(days=14), source="self")
    )
    services.referrals.assess(referral.id, on=TODAY - timedelta(days=10))
    assert _items(services, "Referrals waiting") == []  # exactly the limit: not yet
    other = _mentee(services, "Cat")
    later = services.referrals.start(
        other, ReferralDetails(referral_date=TODAY - timedelta(days=15), source="self")
    )
    assert _items(services, "Referrals waiting") == []  # no first conversation yet
    services.referrals.assess(later.id, on=TODAY - timedelta(days=10))
    (item,) = _items(services, "Referrals waiting")
    assert item.record_id == other and "15 days" in item.title
    assert "first conversation held on 5 June 2026, no decision yet" in item.detail


def test_mentors_without_supervision(services: Services) -> None:
    recent = _active_mentor(services, since=TODAY - timedelta(weeks=3))
    overdue = _active_mentor(services, since=TODAY - timedelta(weeks=20))
    assert [i.record_id for i in _items(services, "Supervision due")] == [overdue]
    services.volunteers.record_supervision(
        overdue, on=TODAY, mode=MeetingMode.PHONE, duration_minutes=30
    )
    assert _items(services, "Supervision due") == []
    assert recent != overdue
