"""Which answer counts, and what the coordinator is shown first.

A person's latest answer of a kind counts: latest by the date it was given, then by when it
was recorded (two answers on one day: the second one). Paperwork entered late must not
overrule a newer answer. The list of consents needing attention puts the most urgent first.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from peerdesk.data.database import Database
from peerdesk.errors import NotFoundError, ValidationError
from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import ConsentKind, ConsentMethod, Role
from tests.conftest import TODAY

CONF = ConsentKind.CONFIDENTIALITY
GP = "Riverside Medical Practice"


def person(services: Services, name: str, role: Role = Role.MENTEE) -> int:
    added = services.people.add(PersonDetails(first_name=name, last_name="Test"), roles=[role])
    assert added.id is not None
    return added.id


def answer(
    services: Services,
    person_id: int,
    kind: ConsentKind,
    given_on: date,
    *,
    agreed: bool = True,
    review_on: date | None = None,
    third_party: str = "",
) -> int:
    consent = services.consents.record(
        person_id,
        ConsentEntry(
            kind=kind,
            given_on=given_on,
            method=ConsentMethod.VERBAL,
            recorded_by="Coordinator",
            agreed=agreed,
            review_on=review_on,
            third_party=third_party,
            purpose="To tell the GP how support is going" if third_party else "",
        ),
    )
    assert consent.id is not None
    return consent.id


# -- which answer counts -------------------------------------------------------------------


def test_a_newer_refusal_entered_before_an_older_agreement_still_counts(
    services: Services,
) -> None:
    mia = person(services, "Mia")
    answer(services, mia, CONF, date(2026, 6, 1), agreed=False)
    answer(services, mia, CONF, date(2026, 3, 1))  # old paper form typed in afterwards
    assert not services.consents.has_current(mia, CONF)
    answer(services, mia, ConsentKind.SHARING, date(2026, 6, 1), agreed=False, third_party=GP)
    answer(services, mia, ConsentKind.SHARING, date(2026, 3, 1), third_party=GP)
    assert services.gates.for_sharing(mia, GP)


@pytest.mark.parametrize("second_agreed", [True, False])
def test_of_two_answers_on_one_day_the_one_recorded_second_counts(
    services: Services, second_agreed: bool
) -> None:
    day = date(2026, 6, 1)
    mia = person(services, "Mia")
    answer(services, mia, CONF, day, agreed=not second_agreed)
    answer(services, mia, CONF, day, agreed=second_agreed)
    assert services.consents.has_current(mia, CONF) is second_agreed
    answer(services, mia, ConsentKind.SHARING, day, agreed=not second_agreed, third_party=GP)
    answer(services, mia, ConsentKind.SHARING, day, agreed=second_agreed, third_party=GP)
    assert (services.gates.for_sharing(mia, GP) == []) is second_agreed


def test_a_consent_of_another_kind_or_another_person_does_not_count(
    services: Services,
) -> None:
    mia, ned = person(services, "Mia"), person(services, "Ned")
    answer(services, mia, ConsentKind.HEALTH_DATA, date(2026, 6, 1))
    answer(services, ned, CONF, date(2026, 6, 1))
    answer(services, ned, ConsentKind.SHARING, date(2026, 6, 1), third_party=GP)
    assert not services.consents.has_current(mia, CONF)
    (warning,) = services.gates.for_sharing(mia, GP)
    # Her health-data answer (no organisation) is not a sharing consent "with" anyone.
    assert "only with" not in warning


def test_a_consent_counts_from_the_day_it_is_given_not_before(services: Services) -> None:
    mia = person(services, "Mia")
    answer(services, mia, CONF, date(2026, 6, 1))
    assert services.consents.has_current(mia, CONF, on=date(2026, 6, 1))
    assert not services.consents.has_current(mia, CONF, on=date(2026, 5, 31))
    answer(services, mia, ConsentKind.SHARING, TODAY, third_party=GP)
    assert services.gates.for_sharing(mia, GP) == []


def test_the_sharing_gate_names_what_is_missing_plainly(services: Services) -> None:
    mia = person(services, "Mia")
    with pytest.raises(ValidationError) as refused:
        services.gates.for_sharing(mia, "  ")
    assert (refused.value.field, str(refused.value)) == (
        "third_party",
        "Please enter the organisation's name.",
    )
    with pytest.raises(NotFoundError, match="That person could not be found"):
        services.gates.for_sharing(mia + 100, GP)
    with pytest.raises(NotFoundError, match="That pairing could not be found"):
        services.gates.for_pairing_activation(999)


# -- consents needing attention ------------------------------------------------------------


def states(on: Services) -> dict[tuple[int, ConsentKind], tuple[str, date | None]]:
    return {(g.person_id, g.kind): (g.state, g.review_on) for g in on.consents.gaps()}


def test_the_warning_window_is_thirty_days_unless_the_organisation_says_otherwise(
    services: Services,
) -> None:
    within, beyond = person(services, "Ann", Role.MENTOR), person(services, "Bob", Role.MENTOR)
    answer(services, within, CONF, date(2026, 6, 1), review_on=TODAY + timedelta(days=30))
    answer(services, beyond, CONF, date(2026, 6, 1), review_on=TODAY + timedelta(days=31))
    assert states(services) == {(within, CONF): ("expiring", TODAY + timedelta(days=30))}
    seven = services.consents.gaps(within_days=7)
    assert [(g.person_id, g.state) for g in seven] == []


def test_expiring_includes_the_last_day_of_the_window(services: Services) -> None:
    mo = person(services, "Mo", Role.MENTOR)
    answer(services, mo, CONF, date(2026, 6, 1), review_on=TODAY + timedelta(days=7))
    assert [(g.state, g.review_on) for g in services.consents.gaps(within_days=7)] == [
        ("expiring", TODAY + timedelta(days=7))
    ]
    assert services.consents.gaps(within_days=6) == []


def test_a_withdrawn_consent_they_did_not_need_hides_no_other_gap(services: Services) -> None:
    mo = person(services, "Mo", Role.MENTOR)  # a mentor needs confidentiality only
    answer(services, mo, CONF, date(2026, 6, 1))
    health = answer(services, mo, ConsentKind.HEALTH_DATA, date(2026, 6, 1))
    services.consents.withdraw(health)
    answer(services, mo, ConsentKind.CONTACT_PHONE, date(2026, 1, 1), review_on=date(2026, 6, 1))
    assert states(services) == {(mo, ConsentKind.CONTACT_PHONE): ("expired", date(2026, 6, 1))}


def test_expired_comes_before_withdrawn_even_with_an_older_review_date(
    services: Services,
) -> None:
    zoe, amy = person(services, "Zoe", Role.MENTOR), person(services, "Amy", Role.MENTOR)
    answer(services, zoe, CONF, date(2026, 1, 1), review_on=TODAY - timedelta(days=1))
    withdrawn = answer(services, amy, CONF, date(2026, 1, 1), review_on=date(2026, 2, 1))
    services.consents.withdraw(withdrawn, on=date(2026, 3, 1))
    assert [(g.name, g.state) for g in services.consents.gaps()] == [
        ("Zoe Test", "expired"),
        ("Amy Test", "withdrawn"),
    ]


def test_withdrawn_comes_before_declined_and_declined_before_missing(
    services: Services,
) -> None:
    zoe, yan, _amy_missing = (person(services, n, Role.MENTOR) for n in ("Zoe", "Yan", "Amy"))
    withdrawn = answer(services, zoe, CONF, date(2026, 6, 1), review_on=TODAY + timedelta(days=90))
    services.consents.withdraw(withdrawn)
    answer(services, yan, CONF, date(2026, 6, 1), agreed=False)
    assert [(g.name, g.state) for g in services.consents.gaps()] == [
        ("Zoe Test", "withdrawn"),
        ("Yan Test", "declined"),
        ("Amy Test", "missing"),
    ]


def test_missing_comes_before_expiring_and_sooner_reviews_first(services: Services) -> None:
    _zoe_missing, amy, bea, abe = (
        person(services, n, Role.MENTOR) for n in ("Zoe", "Amy", "Bea", "Abe")
    )
    answer(services, amy, CONF, date(2026, 6, 1), review_on=TODAY)
    answer(services, bea, CONF, date(2026, 6, 1), review_on=TODAY + timedelta(days=20))
    answer(services, abe, CONF, date(2026, 6, 1), review_on=TODAY + timedelta(days=21))
    assert [(g.name, g.state, g.review_on) for g in services.consents.gaps()] == [
        ("Zoe Test", "missing", None),
        ("Amy Test", "expiring", TODAY),
        ("Bea Test", "expiring", TODAY + timedelta(days=20)),
        ("Abe Test", "expiring", TODAY + timedelta(days=21)),
    ]


def test_sharing_consents_are_not_listed_with_the_consents_a_role_needs(
    services: Services,
) -> None:
    # Sharing is asked per organisation, when sharing: a lapsed one is no gap on its own.
    mo = person(services, "Mo", Role.MENTOR)
    answer(services, mo, CONF, date(2026, 6, 1))
    answer(
        services,
        mo,
        ConsentKind.SHARING,
        date(2026, 1, 1),
        review_on=date(2026, 2, 1),
        third_party=GP,
    )
    assert services.consents.gaps() == []


def test_a_later_day_uses_the_same_records(services: Services, db: Database) -> None:
    mo = person(services, "Mo", Role.MENTOR)
    answer(services, mo, CONF, date(2026, 6, 1), review_on=TODAY + timedelta(days=3))
    later = Services(db, today=lambda: TODAY + timedelta(days=4))
    assert states(later) == {(mo, CONF): ("expired", TODAY + timedelta(days=3))}
