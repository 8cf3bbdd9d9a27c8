"""What a new referral keeps and what it refuses (ReferralService._checked): every answer the
coordinator typed is saved as typed, and each answer that cannot be saved is refused naming
that answer, in plain words, before anything is written. Found by mutation testing
(docs/testing.md, "Mutation testing")."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.views import ReferralDetails
from peerdesk.services.people.views import PersonDetails
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import table_snapshot

TABLES = ("referral", "person", "person_role")
RECEIVED = TODAY - timedelta(days=3)
#: A referral from a GP for a carer, with every answer filled in.
FULL = ReferralDetails(
    referral_date=RECEIVED,
    source="gp",
    support_as="carer",
    referrer_name="Dr Rao",
    referrer_organisation="Wick Health Centre",
    referrer_relationship="Her GP",
    referrer_contact="01955 000000",
    person_agreed=True,
    cared_for_condition="Dementia",
    cared_for_relationship="Husband",
    other_professionals="District nurse weekly",
    risks="Lives alone in the week",
    support_network="A daughter in Thurso",
    hopes="Someone who has cared for a partner",
    wants_same_condition=True,
)
#: Each answer of ReferralDetails kept as text: (field, the start of its too-long message,
#: the longest it may be).
TEXT_ANSWERS = [
    ("referrer_name", "The referrer's name", 200),
    ("referrer_organisation", "The organisation", 200),
    ("referrer_relationship", "The relationship", 200),
    ("referrer_contact", "The referrer's contact", 200),
    ("cared_for_condition", "The condition", 200),
    ("cared_for_relationship", "The relationship", 200),
    ("other_professionals", "Other professionals", 20_000),
    ("risks", "The risks", 20_000),
    ("support_network", "The network", 20_000),
    ("hopes", "What they hope for", 20_000),
]


def person(services: Services) -> int:
    return services.people.add(PersonDetails(first_name="Ruth")).id


def test_every_answer_is_kept_as_typed(services: Services) -> None:
    referral = services.referrals.start(person(services), FULL)
    saved = services.referrals.get(referral.id)
    for name in [field for field, _, _ in TEXT_ANSWERS]:
        assert getattr(saved, name) == getattr(FULL, name), name
    assert (saved.referral_date, saved.source, saved.support_as) == (RECEIVED, "gp", "carer")
    assert (saved.person_agreed, saved.wants_same_condition) == (True, True)
    assert (saved.status, saved.status_words) == ("new", "Received")


def test_a_self_referral_counts_as_agreed_without_the_box_ticked(services: Services) -> None:
    referral = services.referrals.start(
        person(services), ReferralDetails(referral_date=RECEIVED, source="self")
    )
    assert referral.person_agreed is True
    assert referral.wants_same_condition is False


@pytest.mark.parametrize(("field", "words", "longest"), TEXT_ANSWERS)
def test_an_answer_too_long_is_refused_naming_it(
    services: Services, field: str, words: str, longest: int
) -> None:
    person_id = person(services)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.start(person_id, replace(FULL, **{field: "x" * (longest + 1)}))
    assert refused.value.field == field
    assert str(refused.value).startswith(f"{words} is too long")
    assert table_snapshot(services, *TABLES) == before


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"source": "the moon"}, "source", "Please choose where the referral came from"),
        ({"support_as": "friend"}, "support_as", "Please choose the kind of support"),
        (
            {"referral_date": TODAY + timedelta(days=1)},
            "referral_date",
            "The referral date cannot be in the future",
        ),
        ({"person_agreed": False}, "person_agreed", "Please confirm the person agreed"),
    ],
)
def test_a_referral_that_cannot_be_taken_says_why(
    services: Services, change: dict[str, object], field: str, words: str
) -> None:
    person_id = person(services)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.start(person_id, replace(FULL, **change))  # type: ignore[arg-type]
    assert refused.value.field == field
    assert str(refused.value).startswith(words)
    assert table_snapshot(services, *TABLES) == before


def test_a_referral_dated_today_is_taken(services: Services) -> None:
    referral = services.referrals.start(person(services), replace(FULL, referral_date=TODAY))
    assert referral.referral_date == TODAY
