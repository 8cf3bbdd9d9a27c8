"""Consent gates: a withdrawal counts at once; sharing needs its consent; a consent counts on
its review day and lapses the day after, everywhere it is reported."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from peerdesk.data.database import Database
from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import ConsentKind, ConsentMethod, Role
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import ready_mentor


def person(services: Services, name: str, role: Role) -> int:
    added = services.people.add(PersonDetails(first_name=name, last_name="Test"), roles=[role])
    assert added.id is not None
    return added.id


def agree(services: Services, person_id: int, kind: ConsentKind, **extra: object) -> int:
    consent = services.consents.record(
        person_id,
        ConsentEntry(
            kind=kind,
            given_on=date(2026, 5, 1),
            method=ConsentMethod.VERBAL,
            recorded_by="Coordinator",
            **extra,  # type: ignore[arg-type]
        ),
    )
    assert consent.id is not None
    return consent.id


def test_withdrawal_is_immediately_reflected_in_the_pairing_gate(services: Services) -> None:
    mentor = person(services, "Mo", Role.MENTOR)
    mentee = person(services, "Mia", Role.MENTEE)
    pairing = services.pairings.propose(PairingPlan(mentor_id=mentor, mentee_id=mentee))
    assert pairing.id is not None
    assert len(services.gates.for_pairing_activation(pairing.id)) == 2
    agree(services, mentor, ConsentKind.CONFIDENTIALITY)
    mentee_consent = agree(services, mentee, ConsentKind.CONFIDENTIALITY)
    assert services.gates.for_pairing_activation(pairing.id) == []
    services.consents.withdraw(mentee_consent, method=ConsentMethod.EMAIL)
    (warning,) = services.gates.for_pairing_activation(pairing.id)
    assert "mentee, Mia Test" in warning


def test_sharing_needs_a_consent_naming_that_organisation(services: Services) -> None:
    someone = person(services, "Eve", Role.MENTEE)
    assert services.gates.for_sharing(someone, "Riverside Medical Practice")
    consent = agree(
        services,
        someone,
        ConsentKind.SHARING,
        third_party="Riverside Medical Practice",
        purpose="To tell the GP how support is going",
    )
    assert services.gates.for_sharing(someone, "riverside  medical practice") == []
    (warning,) = services.gates.for_sharing(someone, "Housing Trust")
    assert "only with Riverside Medical Practice" in warning
    services.consents.withdraw(consent)
    assert services.gates.for_sharing(someone, "Riverside Medical Practice")
    with pytest.raises(ValidationError):
        services.gates.for_sharing(someone, "  ")


def test_a_used_wording_cannot_be_edited_only_superseded(services: Services) -> None:
    someone = person(services, "Fay", Role.MENTEE)
    wording = services.consents.current_wording(ConsentKind.CONTACT_EMAIL)
    assert wording.id is not None
    services.consents.edit_wording(wording.id, "I agree to be contacted by email at any time.")
    agree(services, someone, ConsentKind.CONTACT_EMAIL)
    with pytest.raises(ValidationError, match="new version"):
        services.consents.edit_wording(wording.id, "Changed after use.")
    assert services.consents.wordings(ConsentKind.CONTACT_EMAIL)[0].text.endswith("any time.")
    # The database refuses too, whoever asks.
    with pytest.raises(Exception, match="in use"), services.db.transaction() as s:
        s.connection().exec_driver_sql(
            f"UPDATE consent_wording SET text = 'sneaky' WHERE id = {wording.id}"
        )
    newer = services.consents.supersede_wording(ConsentKind.CONTACT_EMAIL, "Email is fine.")
    assert newer.version == 2
    rows = {row.wording.id: row for row in services.consents.wording_rows()}
    assert rows[wording.id].times_used == 1 and not rows[wording.id].is_latest
    assert rows[newer.id].times_used == 0 and rows[newer.id].is_latest


def test_gaps_list_missing_withdrawn_and_expiring_consents(services: Services) -> None:
    mentor = person(services, "Gus", Role.MENTOR)
    mentee = person(services, "Hal", Role.MENTEE)
    agree(services, mentor, ConsentKind.CONFIDENTIALITY, review_on=date(2026, 7, 1))
    health = agree(services, mentee, ConsentKind.HEALTH_DATA)
    services.consents.withdraw(health)
    gaps = {(g.person_id, g.kind, g.state) for g in services.consents.gaps()}
    assert gaps == {
        (mentor, ConsentKind.CONFIDENTIALITY, "expiring"),
        (mentee, ConsentKind.HEALTH_DATA, "withdrawn"),
        (mentee, ConsentKind.CONFIDENTIALITY, "missing"),
    }
    assert services.consents.gaps(within_days=7) != services.consents.gaps()


def on_day(db: Database, day: date) -> Services:
    """Services over the same records, on another day (the clock is all that changes)."""
    return Services(db, today=lambda: day)


def test_a_consent_counts_on_its_review_day_and_lapses_the_day_after(
    services: Services, db: Database
) -> None:
    # Review day is TODAY: still current; TODAY + 1 day: lapsed until renewed.
    mentor = person(services, "Ivy", Role.MENTOR)
    mentee = person(services, "Jo", Role.MENTEE)
    pairing = services.pairings.propose(PairingPlan(mentor_id=mentor, mentee_id=mentee))
    assert pairing.id is not None
    agree(services, mentor, ConsentKind.CONFIDENTIALITY)
    agree(services, mentee, ConsentKind.CONFIDENTIALITY, review_on=TODAY)
    agree(
        services,
        mentee,
        ConsentKind.SHARING,
        third_party="Riverside Medical Practice",
        purpose="To tell the GP how support is going",
        review_on=TODAY,
    )
    review_day, day_after = services, on_day(db, TODAY + timedelta(days=1))

    assert review_day.consents.has_current(mentee, ConsentKind.CONFIDENTIALITY)
    assert review_day.gates.for_pairing_activation(pairing.id) == []
    assert review_day.gates.for_sharing(mentee, "Riverside Medical Practice") == []

    assert not day_after.consents.has_current(mentee, ConsentKind.CONFIDENTIALITY)
    (warning,) = day_after.gates.for_pairing_activation(pairing.id)
    assert "mentee, Jo Test" in warning
    (warning,) = day_after.gates.for_sharing(mentee, "Riverside Medical Practice")
    assert "no current consent to share information with Riverside" in warning
    # The mentor's agreement has no review date: it never lapses.
    assert day_after.consents.has_current(mentor, ConsentKind.CONFIDENTIALITY)


def test_consents_expiring_or_missing_calls_it_expired_only_the_day_after(
    services: Services, db: Database
) -> None:
    mentee = person(services, "Kit", Role.MENTEE)
    agree(services, mentee, ConsentKind.CONFIDENTIALITY, review_on=TODAY)

    def states(on: Services) -> set[tuple[int, ConsentKind, str]]:
        return {
            (g.person_id, g.kind, g.state)
            for g in on.consents.gaps()
            if g.kind is ConsentKind.CONFIDENTIALITY
        }

    assert states(services) == {(mentee, ConsentKind.CONFIDENTIALITY, "expiring")}
    day_after = on_day(db, TODAY + timedelta(days=1))
    assert states(day_after) == {(mentee, ConsentKind.CONFIDENTIALITY, "expired")}


def test_today_says_due_on_the_review_day_and_renew_the_day_after(
    services: Services, db: Database
) -> None:
    mentee = person(services, "Lou", Role.MENTEE)
    agree(services, mentee, ConsentKind.HEALTH_DATA, review_on=TODAY)

    def consent_lines(on: Services) -> list[tuple[str, bool]]:
        return [(i.title, i.urgent) for i in on.attention.items() if i.group == "Consents"]

    review_day = consent_lines(services)
    assert review_day == [("Lou Test: consent due for review (holding health information)", False)]
    (item,) = [i for i in services.attention.items() if i.group == "Consents"]
    assert "(today)" in item.detail
    day_after = consent_lines(on_day(db, TODAY + timedelta(days=1)))
    assert day_after == [("Lou Test: consent to renew (holding health information)", True)]


def test_a_mentor_is_ready_on_the_review_day_and_not_the_day_after(
    services: Services, db: Database
) -> None:
    mentor = ready_mentor(services, "Max")
    # A newer agreement with a review date of today replaces the builder's open-ended one.
    services.consents.record(
        mentor,
        ConsentEntry(
            kind=ConsentKind.CONFIDENTIALITY,
            given_on=date(2026, 6, 1),
            method=ConsentMethod.VERBAL,
            recorded_by="Coordinator",
            review_on=TODAY,
        ),
    )
    assert "no confidentiality agreement" not in services.volunteers.readiness(mentor).missing
    day_after = on_day(db, TODAY + timedelta(days=1))
    assert "no confidentiality agreement" in day_after.volunteers.readiness(mentor).missing
