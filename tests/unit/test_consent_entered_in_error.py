"""A consent recorded in error is marked, never removed nor rewritten: it stays in their
list with the day and reason, and no longer counts anywhere (current consent, the gates,
the gaps list, a mentor's readiness). Its record keeping (purpose, form reference, who
recorded it, review date) can be put right; its answer, kind and date cannot."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.vocabulary import ConsentKind, ConsentMethod
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import ready_mentor


def agree(services: Services, person: int, kind: ConsentKind, **extra: object) -> int:
    entry = ConsentEntry(
        kind=kind.value,
        given_on=date(2026, 2, 2),
        method=ConsentMethod.VERBAL.value,
        recorded_by="Coordinator",
        **extra,  # type: ignore[arg-type]
    )
    return services.consents.record(person, entry).id


def test_a_consent_marked_in_error_stays_listed_and_no_longer_counts(
    services: Services,
) -> None:
    mentor = ready_mentor(services, "Morag")
    assert services.volunteers.readiness(mentor).may_be_paired
    [confidentiality] = [
        c for c in services.consents.for_person(mentor) if c.kind == "confidentiality"
    ]
    sharing = agree(services, mentor, ConsentKind.SHARING, third_party="GP surgery")
    assert services.gates.for_sharing(mentor, "GP surgery") == []
    assert services.consents.has_current(mentor, ConsentKind.CONFIDENTIALITY)

    marked = services.consents.mark_entered_in_error(confidentiality.id, "Wrong person")
    services.consents.mark_entered_in_error(sharing, "Misheard: they said no")

    assert (marked.entered_in_error_on, marked.entered_in_error_reason) == (TODAY, "Wrong person")
    assert marked.in_error and not marked.can_withdraw
    listed = {c.id: c for c in services.consents.for_person(mentor)}
    assert listed[confidentiality.id].in_error and listed[sharing].in_error  # still listed
    assert not services.consents.has_current(mentor, ConsentKind.CONFIDENTIALITY)
    assert services.gates.for_sharing(mentor, "GP surgery") != []
    assert "confidentiality" in "; ".join(services.volunteers.readiness(mentor).missing)
    gaps = [(g.person_id, g.kind, g.state) for g in services.consents.gaps()]
    assert (mentor, ConsentKind.CONFIDENTIALITY, "missing") in gaps


def test_marking_needs_a_reason_and_happens_once(services: Services) -> None:
    mentor = ready_mentor(services, "Morag")
    [consent] = [c for c in services.consents.for_person(mentor) if c.kind == "confidentiality"]
    with pytest.raises(ValidationError) as refused:
        services.consents.mark_entered_in_error(consent.id, " ")
    assert refused.value.field == "reason"
    assert services.consents.has_current(mentor, ConsentKind.CONFIDENTIALITY)
    services.consents.mark_entered_in_error(consent.id, "Wrong person")
    with pytest.raises(ValidationError, match="already marked as entered in error"):
        services.consents.mark_entered_in_error(consent.id, "Again")


def test_only_the_record_keeping_of_a_consent_is_edited(services: Services) -> None:
    mentor = ready_mentor(services, "Morag")
    consent_id = agree(services, mentor, ConsentKind.HEALTH_DATA)
    with pytest.raises(ValidationError) as refused:
        services.consents.update_consent_details(
            consent_id,
            purpose="",
            recorded_by="Coordinator",
            evidence_reference="",
            review_on=date(2026, 1, 1),  # before it was given
        )
    assert refused.value.field == "review_on"
    edited = services.consents.update_consent_details(
        consent_id,
        purpose="Matching",
        recorded_by="  Ailsa  ",
        evidence_reference="F-12",
        review_on=date(2027, 2, 2),
    )
    assert (edited.recorded_by, edited.evidence_reference, edited.review_on) == (
        "Ailsa",
        "F-12",
        date(2027, 2, 2),
    )
    assert (edited.kind, edited.agreed, edited.given_on) == ("health_data", True, date(2026, 2, 2))
