"""Referral rules beyond the step table (tests/unit/test_referral_transitions.py covers every
step and refusal): what a referral taken together with a new person saves, and the checks on
that person, found by mutation testing (docs/testing.md, "Mutation testing")."""

from __future__ import annotations

from datetime import timedelta

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.views import ReferralDetails, ReferralPreferences
from peerdesk.services.people.views import PersonDetails
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import table_snapshot

TABLES = ("referral", "person", "person_role")


def test_a_new_persons_matching_preferences_are_saved_with_their_referral(
    services: Services,
) -> None:
    wanted = ReferralPreferences(
        mentor_gender="woman",
        mentor_age_min=30,
        mentor_age_max=60,
        languages="Gaelic",
        access_needs="Step-free access",
        energy_needs="Short calls",
    )
    referral = services.referrals.start_with_person(
        PersonDetails(first_name="Nell", last_name="Gunn"),
        ReferralDetails(referral_date=TODAY, source="self", preferences=wanted),
    )
    saved = services.people.get(referral.person_id)
    assert (saved.first_name, saved.last_name) == ("Nell", "Gunn")
    assert (
        saved.preferred_mentor_gender,
        saved.preferred_mentor_age_min,
        saved.preferred_mentor_age_max,
        saved.languages,
        saved.access_needs,
        saved.energy_needs,
    ) == ("woman", 30, 60, "Gaelic", "Step-free access", "Short calls")


def test_a_new_person_born_after_today_is_refused_and_nothing_is_saved(
    services: Services,
) -> None:
    # "Today" is the app's clock (TODAY), never the computer's: the person's details are
    # checked by the same day as the referral.
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.start_with_person(
            PersonDetails(first_name="Nell", date_of_birth=TODAY + timedelta(days=1)),
            ReferralDetails(referral_date=TODAY, source="self"),
        )
    assert refused.value.field == "date_of_birth"
    assert table_snapshot(services, *TABLES) == before


def test_a_referral_for_someone_known_updates_their_preferences(services: Services) -> None:
    person_id = services.people.add(PersonDetails(first_name="Ruth", languages="English")).id
    wanted = ReferralPreferences(mentor_gender="man", mentor_age_min=40, energy_needs="Mornings")
    services.referrals.start(
        person_id, ReferralDetails(referral_date=TODAY, source="self", preferences=wanted)
    )
    saved = services.people.get(person_id)
    assert (
        saved.first_name,
        saved.preferred_mentor_gender,
        saved.preferred_mentor_age_min,
        saved.preferred_mentor_age_max,
        saved.languages,
        saved.energy_needs,
    ) == ("Ruth", "man", 40, None, "", "Mornings")


def test_a_referral_without_preferences_leaves_the_persons_as_they_were(
    services: Services,
) -> None:
    person_id = services.people.add(
        PersonDetails(first_name="Ruth", languages="Gaelic", preferred_mentor_gender="woman")
    ).id
    services.referrals.start(person_id, ReferralDetails(referral_date=TODAY, source="self"))
    saved = services.people.get(person_id)
    assert (saved.languages, saved.preferred_mentor_gender) == ("Gaelic", "woman")


def test_preferences_out_of_range_refuse_the_referral_and_change_nothing(
    services: Services,
) -> None:
    person_id = services.people.add(PersonDetails(first_name="Ruth")).id
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.start(
            person_id,
            ReferralDetails(
                referral_date=TODAY,
                source="self",
                preferences=ReferralPreferences(mentor_age_min=12),
            ),
        )
    assert refused.value.field == "preferred_mentor_age_min"
    assert table_snapshot(services, *TABLES) == before
