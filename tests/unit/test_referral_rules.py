"""Referral rules beyond the step table (tests/unit/test_referral_transitions.py covers every
step and refusal): what a referral taken together with a new person saves, and the checks on
that person, found by mutation testing (docs/testing.md, "Mutation testing")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from peerdesk.data.database import Database
from peerdesk.errors import NotFoundError, ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.views import (
    Ending,
    ReferralDetails,
    ReferralPreferences,
    ReferralView,
)
from peerdesk.services.people.views import PersonDetails
from peerdesk.vocabulary import ReferralStatus, Role
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import active_pairing, table_snapshot

TABLES = ("referral", "person", "person_role")
RECEIVED = TODAY - timedelta(days=40)
TOO_LONG = "x" * 20_001  # one over the longest note the app keeps (validation.MAX_LONG_TEXT)
TOO_LONG_SHORT = "x" * 201  # one over a short answer (validation.MAX_SHORT_TEXT)


def received(services: Services, name: str = "Ruth") -> ReferralView:
    person_id = services.people.add(PersonDetails(first_name=name)).id
    return services.referrals.start(
        person_id, ReferralDetails(referral_date=RECEIVED, source="self")
    )


def page_steps(services: Services, referral_id: int) -> list[tuple[str, str]]:
    """The dated steps the person's page lists, as (words, detail)."""
    return [(step.words, step.detail) for step in services.referrals.get(referral_id).steps]


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


# -- what the person's page lists for each step ------------------------------------------------
def test_the_first_conversation_step_shows_its_notes(services: Services) -> None:
    referral = received(services)
    services.referrals.assess(referral.id, on=RECEIVED, notes="Hopes to walk again")
    assert page_steps(services, referral.id) == [
        ("Received", ""),
        ("First conversation held", "Hopes to walk again"),
    ]


def test_not_taken_forward_shows_the_reason_then_where_they_were_signposted(
    services: Services,
) -> None:
    referral = received(services)
    services.referrals.not_taken_forward(
        referral.id, "Wanted a group instead", on=RECEIVED, signposted_to="Tuesday group"
    )
    assert page_steps(services, referral.id)[-1] == (
        "Not taken forward",
        "Wanted a group instead (signposted to Tuesday group)",
    )


def test_a_reopened_referral_shows_why(services: Services) -> None:
    referral = received(services)
    services.referrals.close(referral.id, "Moved away", on=RECEIVED)
    services.referrals.reopen(referral.id, ReferralStatus.ASSESSED, "Moved back", on=RECEIVED)
    assert page_steps(services, referral.id)[-2:] == [
        ("Closed", "Moved away"),
        ("Reopened", "Moved back"),
    ]


# -- reopening ---------------------------------------------------------------------------------
def test_a_referral_can_be_reopened_on_the_day_it_was_closed(services: Services) -> None:
    referral = received(services)
    closed_on = RECEIVED + timedelta(days=3)
    services.referrals.close(referral.id, "Moved away", on=closed_on)
    reopened = services.referrals.reopen(
        referral.id, ReferralStatus.ACCEPTED, "Moved back", on=closed_on
    )
    assert (reopened.status, reopened.reopened_on) == ("accepted", closed_on)


def test_reopening_before_the_decision_is_refused_in_plain_words(services: Services) -> None:
    referral = received(services)
    decided = RECEIVED + timedelta(days=3)
    services.referrals.not_taken_forward(referral.id, "Wanted a group", on=decided)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.reopen(
            referral.id, "assessed", "Changed their mind", on=decided - timedelta(days=1)
        )
    assert str(refused.value) == "The reopening date is before the referral was closed or decided."
    assert table_snapshot(services, *TABLES) == before


def test_reopening_to_somewhere_else_names_the_two_places_it_can_go(services: Services) -> None:
    referral = received(services)
    services.referrals.close(referral.id, "Moved away", on=RECEIVED)
    with pytest.raises(ValidationError) as refused:
        services.referrals.reopen(referral.id, "new", "Moved back", on=RECEIVED)
    assert "First conversation held" in str(refused.value)
    assert "Accepted \u2014 waiting for a mentor" in str(refused.value)


def test_reopening_to_an_unknown_status_is_refused_in_plain_words(services: Services) -> None:
    referral = received(services)
    services.referrals.close(referral.id, "Moved away", on=RECEIVED)
    with pytest.raises(ValidationError) as refused:
        services.referrals.reopen(referral.id, "waiting", "Moved back", on=RECEIVED)
    assert refused.value.field == "reopen_to"
    assert str(refused.value).startswith("Please choose where the referral goes back to")


# -- plain words for what cannot be saved -------------------------------------------------------
def test_notes_too_long_are_refused_in_plain_words_and_nothing_changes(
    services: Services,
) -> None:
    referral = received(services)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.assess(referral.id, on=RECEIVED, notes=TOO_LONG)
    assert refused.value.field == "assessment_notes"
    assert str(refused.value).startswith("The notes") and "too long" in str(refused.value)
    assert table_snapshot(services, *TABLES) == before


@pytest.mark.parametrize(
    ("reason", "signposted_to", "field", "words"),
    [
        ("", "", "not_taken_forward_reason", "Please enter why the referral was not taken"),
        ("Wanted a group", TOO_LONG_SHORT, "signposted_to", "Where they were signposted is too"),
    ],
)
def test_not_taken_forward_refusals_name_what_is_wrong(
    services: Services, reason: str, signposted_to: str, field: str, words: str
) -> None:
    referral = received(services)
    with pytest.raises(ValidationError) as refused:
        services.referrals.not_taken_forward(
            referral.id, reason, on=RECEIVED, signposted_to=signposted_to
        )
    assert refused.value.field == field
    assert str(refused.value).startswith(words)


def test_closing_and_reopening_without_a_reason_say_what_is_missing(services: Services) -> None:
    referral = received(services)
    with pytest.raises(ValidationError) as no_close:
        services.referrals.close(referral.id, " ", on=RECEIVED)
    assert str(no_close.value) == "Please enter why the referral is closed."
    services.referrals.close(referral.id, "Moved away", on=RECEIVED)
    with pytest.raises(ValidationError) as no_reopen:
        services.referrals.reopen(referral.id, "accepted", "", on=RECEIVED)
    assert str(no_reopen.value) == "Please enter why the referral is reopened."


# -- the role a referral gives ------------------------------------------------------------------
def current_roles(services: Services, person_id: int) -> list[tuple[str, object]]:
    return sorted((r.role, r.started_on) for r in services.people.roles(person_id))


@pytest.mark.parametrize(("support_as", "role"), [("mentee", "mentee"), ("carer", "carer")])
def test_a_referral_gives_the_role_it_asks_for_from_the_referral_date(
    services: Services, support_as: str, role: str
) -> None:
    person_id = services.people.add(PersonDetails(first_name="Ruth")).id
    services.referrals.start(
        person_id, ReferralDetails(referral_date=RECEIVED, source="self", support_as=support_as)
    )
    assert current_roles(services, person_id) == [(role, RECEIVED)]


def test_someone_already_a_mentee_keeps_their_one_mentee_role(services: Services) -> None:
    person_id = services.people.add(PersonDetails(first_name="Ruth"), roles=[Role.MENTEE]).id
    services.referrals.start(person_id, ReferralDetails(referral_date=RECEIVED, source="self"))
    assert current_roles(services, person_id) == [("mentee", TODAY)]


def test_only_the_persons_own_current_mentee_role_counts(services: Services) -> None:
    # Someone else's mentee role, their own mentor role and their own ended mentee role do
    # not make them a mentee now: the referral gives them the role.
    services.people.add(PersonDetails(first_name="Other"), roles=[Role.MENTEE])
    person_id = services.people.add(PersonDetails(first_name="Ruth"), roles=[Role.MENTOR]).id
    services.people.add_role(person_id, Role.MENTEE, started_on=RECEIVED - timedelta(days=400))
    services.people.end_role(person_id, Role.MENTEE, ended_on=RECEIVED - timedelta(days=100))
    services.referrals.start(person_id, ReferralDetails(referral_date=RECEIVED, source="self"))
    assert current_roles(services, person_id) == [("mentee", RECEIVED), ("mentor", TODAY)]


# -- dates and missing records ------------------------------------------------------------------
def test_a_step_before_the_referral_was_received_is_refused_in_plain_words(
    services: Services,
) -> None:
    referral = received(services)
    with pytest.raises(ValidationError) as refused:
        services.referrals.accept(referral.id, on=RECEIVED - timedelta(days=1))
    assert str(refused.value) == "That date is before the referral was received."


def test_a_step_on_the_day_the_referral_was_received_is_allowed(services: Services) -> None:
    referral = received(services)
    assert services.referrals.accept(referral.id, on=RECEIVED).decided_on == RECEIVED


def test_a_step_on_a_referral_that_is_gone_says_so_in_plain_words(services: Services) -> None:
    with pytest.raises(NotFoundError) as missing:
        services.referrals.accept(999, on=TODAY)
    assert str(missing.value).startswith("That referral could not be found")


def test_a_referral_for_someone_known_checks_their_details_by_the_apps_clock(
    db: Database,
) -> None:
    # The app's today decides, never the computer's: on a clock set in 2090 someone born in
    # 2080 is ten, and updating their preferences with the referral keeps their birth date.
    later = Services(db, today=lambda: date(2090, 1, 1))
    person_id = later.people.add(
        PersonDetails(first_name="Ruth", date_of_birth=date(2080, 5, 1))
    ).id
    later.referrals.start(
        person_id,
        ReferralDetails(
            referral_date=date(2090, 1, 1),
            source="self",
            preferences=ReferralPreferences(languages="Gaelic"),
        ),
    )
    saved = later.people.get(person_id)
    assert (saved.date_of_birth, saved.languages) == (date(2080, 5, 1), "Gaelic")


def test_a_referral_for_someone_who_is_gone_says_so_in_plain_words(services: Services) -> None:
    before = table_snapshot(services, *TABLES)
    with pytest.raises(NotFoundError) as missing:
        services.referrals.start(999, ReferralDetails(referral_date=TODAY, source="self"))
    assert str(missing.value).startswith("That person could not be found")
    assert table_snapshot(services, *TABLES) == before


def test_ready_to_match_means_accepted_and_not_in_a_pairing_still_going(
    services: Services,
) -> None:
    pairing_id = active_pairing(services)
    mentee = services.pairings.get(pairing_id).mentee_id
    # Accepted (the builder's referral), but paired: not ready to match again.
    assert not services.pairings.ready_to_match(mentee)
    services.pairings.end(
        pairing_id,
        Ending(reason="completed", ended_as_planned=True, wants_new_pairing=True),
        on=TODAY,
    )
    assert services.pairings.ready_to_match(mentee)
