"""Consent gates: a withdrawal counts at once; case studies and sharing need their consent."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.consents import ConsentEntry
from peerdesk.services.pairings import PairingPlan
from peerdesk.services.people import PersonDetails
from peerdesk.vocabulary import ConsentKind, ConsentMethod, Role


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


def test_case_study_gate(services: Services) -> None:
    someone = person(services, "Cal", Role.MENTEE)
    (warning,) = services.gates.for_case_study(someone)
    assert "never asked" in warning
    consent = agree(services, someone, ConsentKind.PHOTOS_CASE_STUDY)
    assert services.gates.for_case_study(someone) == []
    services.consents.withdraw(consent)
    (warning,) = services.gates.for_case_study(someone)
    assert "withdrawn on 15 June 2026" in warning


def test_a_declined_case_study_is_a_no(services: Services) -> None:
    someone = person(services, "Dee", Role.MENTEE)
    agree(services, someone, ConsentKind.PHOTOS_CASE_STUDY, agreed=False)
    (warning,) = services.gates.for_case_study(someone)
    assert "declined" in warning


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
