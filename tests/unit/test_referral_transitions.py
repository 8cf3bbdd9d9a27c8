"""Every referral step, allowed or refused (issue 19): received → first conversation held →
accepted or not taken forward → closed, and reopening back to "accepted" or "first
conversation held" with a reason. The expected table is written out here, not read from
REFERRAL_STEPS, so a wrong change to the service's table fails. A refused step leaves every
record as it was; after each step the person's page shows the dated steps in the on-screen
words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.views import (
    ReferralAction,
    ReferralAvailability,
    ReferralDetails,
    ReferralView,
    waited_words,
)
from peerdesk.services.people.views import ConditionEntry, PersonDetails
from peerdesk.vocabulary import ConditionLink, MeetingMode, PartOfDay, ReferralStatus, Weekday
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import table_snapshot

S = ReferralStatus
A = ReferralAction
RECEIVED = TODAY - timedelta(days=40)
STEP_DAY = TODAY - timedelta(days=30)
#: The steps the coordinator may take from each status, and where each leads.
EXPECTED: dict[ReferralStatus, dict[ReferralAction, set[ReferralStatus]]] = {
    S.NEW: {
        A.ASSESS: {S.ASSESSED},
        A.ACCEPT: {S.ACCEPTED},
        A.NOT_TAKEN_FORWARD: {S.NOT_TAKEN_FORWARD},
        A.CLOSE: {S.CLOSED},
    },
    S.ASSESSED: {
        A.ACCEPT: {S.ACCEPTED},
        A.NOT_TAKEN_FORWARD: {S.NOT_TAKEN_FORWARD},
        A.CLOSE: {S.CLOSED},
    },
    S.ACCEPTED: {A.CLOSE: {S.CLOSED}},
    S.NOT_TAKEN_FORWARD: {A.REOPEN: {S.ACCEPTED, S.ASSESSED}},
    S.CLOSED: {A.REOPEN: {S.ACCEPTED, S.ASSESSED}},
}
#: Every step that should succeed, as (from, action, to).
ALLOWED = [
    (status, action, target)
    for status, steps in EXPECTED.items()
    for action, targets in steps.items()
    for target in sorted(targets)
]
TABLES = ("referral", "person", "person_role")


def new_person(services: Services, name: str = "Ruth") -> int:
    return services.people.add(PersonDetails(first_name=name)).id


def start(services: Services, person_id: int, on: date = RECEIVED) -> ReferralView:
    return services.referrals.start(person_id, ReferralDetails(referral_date=on, source="self"))


def take(
    services: Services,
    referral_id: int,
    action: ReferralAction,
    to: ReferralStatus = S.ACCEPTED,
    on: date = STEP_DAY,
) -> ReferralView:
    """Take one step with sensible words, as the step's dialog would."""
    referrals = services.referrals
    if action is A.ASSESS:
        return referrals.assess(referral_id, on=on, notes="Talked about what they hope for")
    if action is A.ACCEPT:
        return referrals.accept(referral_id, on=on)
    if action is A.NOT_TAKEN_FORWARD:
        return referrals.not_taken_forward(
            referral_id, "Wanted a group instead", on=on, signposted_to="Tuesday group"
        )
    if action is A.CLOSE:
        return referrals.close(referral_id, "Moved away", on=on)
    return referrals.reopen(referral_id, to, "Changed their mind", on=on)


#: How a referral reaches each status from "received" (each step a day later than the last).
ROUTE: dict[ReferralStatus, list[ReferralAction]] = {
    S.NEW: [],
    S.ASSESSED: [A.ASSESS],
    S.ACCEPTED: [A.ASSESS, A.ACCEPT],
    S.NOT_TAKEN_FORWARD: [A.ASSESS, A.NOT_TAKEN_FORWARD],
    S.CLOSED: [A.ASSESS, A.ACCEPT, A.CLOSE],
}


def referral_in(services: Services, status: ReferralStatus) -> ReferralView:
    referral = start(services, new_person(services))
    for number, action in enumerate(ROUTE[status]):
        referral = take(services, referral.id, action, on=RECEIVED + timedelta(days=number + 1))
    assert referral.status == status
    return referral


def page_steps(services: Services, person_id: int) -> list[tuple[date, str]]:
    """What the person's page lists: the latest referral's dated steps."""
    latest = services.referrals.for_person(person_id)[0]
    return [(step.on, step.words) for step in latest.steps]


# -- the table ---------------------------------------------------------------------------------
@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("action", list(A))
def test_exactly_the_table_s_steps_succeed(
    services: Services, status: ReferralStatus, action: ReferralAction
) -> None:
    referral = referral_in(services, status)
    allowed = action in EXPECTED[status]
    before = table_snapshot(services, *TABLES)
    if allowed:
        after = take(services, referral.id, action)
        assert after.status in EXPECTED[status][action]
        assert services.referrals.get(referral.id).status == after.status
    else:
        with pytest.raises(ValidationError) as refused:
            take(services, referral.id, action)
        assert refused.value.field == "status"
        assert table_snapshot(services, *TABLES) == before


@pytest.mark.parametrize("status", list(S))
def test_the_view_offers_exactly_the_table_s_steps(
    services: Services, status: ReferralStatus
) -> None:
    referral = referral_in(services, status)
    assert referral.allowed_actions == frozenset(EXPECTED[status])
    assert services.referrals.get(referral.id).allowed_actions == frozenset(EXPECTED[status])


@pytest.mark.parametrize(("status", "action", "target"), ALLOWED)
def test_each_allowed_step_lands_where_it_should(
    services: Services, status: ReferralStatus, action: ReferralAction, target: ReferralStatus
) -> None:
    referral = referral_in(services, status)
    after = take(services, referral.id, action, to=target)
    assert after.status == target
    assert after.allowed_actions == frozenset(EXPECTED[target])


# -- what each step keeps, and the person's page -----------------------------------------------
def test_received_then_first_conversation_then_accepted_on_the_page(services: Services) -> None:
    person_id = new_person(services)
    referral = start(services, person_id)
    assert referral.status_words == "Received"
    assert page_steps(services, person_id) == [(RECEIVED, "Received")]
    first_talk = RECEIVED + timedelta(days=3)
    referral = services.referrals.assess(referral.id, on=first_talk, notes="Keen to meet")
    assert (referral.status_words, referral.assessed_on) == ("First conversation held", first_talk)
    assert referral.assessment_notes == "Keen to meet"
    assert page_steps(services, person_id) == [
        (RECEIVED, "Received"),
        (first_talk, "First conversation held"),
    ]
    accepted = RECEIVED + timedelta(days=5)
    referral = services.referrals.accept(referral.id, on=accepted)
    assert referral.status_words == "Accepted \u2014 waiting for a mentor"
    assert referral.decided_on == accepted
    assert page_steps(services, person_id)[-1] == (accepted, "Accepted")


def test_accepted_straight_from_received(services: Services) -> None:
    person_id = new_person(services)
    referral = services.referrals.accept(start(services, person_id).id, on=STEP_DAY)
    assert referral.status == S.ACCEPTED
    assert page_steps(services, person_id) == [(RECEIVED, "Received"), (STEP_DAY, "Accepted")]


@pytest.mark.parametrize("status", [S.NEW, S.ASSESSED])
def test_not_taken_forward_keeps_the_reason_and_signposting(
    services: Services, status: ReferralStatus
) -> None:
    referral = referral_in(services, status)
    after = services.referrals.not_taken_forward(
        referral.id, "Needs specialist help", on=TODAY, signposted_to="Community mental health team"
    )
    assert after.status_words == "Not taken forward"
    assert (after.decided_on, after.not_taken_forward_reason, after.signposted_to) == (
        TODAY,
        "Needs specialist help",
        "Community mental health team",
    )
    last = after.steps[-1]
    assert (last.on, last.words) == (TODAY, "Not taken forward")
    assert "signposted to Community mental health team" in last.detail
    assert after.is_open is False


@pytest.mark.parametrize("status", [S.NEW, S.ASSESSED, S.ACCEPTED])
def test_closing_keeps_the_reason(services: Services, status: ReferralStatus) -> None:
    referral = referral_in(services, status)
    after = services.referrals.close(referral.id, "Moved out of the area", on=TODAY)
    assert (after.status_words, after.closed_on, after.close_reason) == (
        "Closed",
        TODAY,
        "Moved out of the area",
    )
    assert (after.steps[-1].words, after.steps[-1].detail) == ("Closed", "Moved out of the area")
    assert page_steps(services, referral.person_id)[-1] == (TODAY, "Closed")


@pytest.mark.parametrize("status", [S.NOT_TAKEN_FORWARD, S.CLOSED])
@pytest.mark.parametrize("target", [S.ACCEPTED, S.ASSESSED])
def test_reopening_goes_back_with_the_reason(
    services: Services, status: ReferralStatus, target: ReferralStatus
) -> None:
    referral = referral_in(services, status)
    after = services.referrals.reopen(referral.id, target, "They got back in touch", on=TODAY)
    assert after.status == target
    assert (after.reopened_on, after.reopen_reason) == (TODAY, "They got back in touch")
    assert after.is_open
    assert (after.steps[-1].on, after.steps[-1].words) == (TODAY, "Reopened")
    if target is S.ACCEPTED:
        # The latest decision is to accept: the page no longer shows "not taken forward".
        assert after.not_taken_forward_reason == ""
        assert page_steps(services, referral.person_id)[-2:] == [
            (TODAY, "Accepted"),
            (TODAY, "Reopened"),
        ]
    else:
        assert after.decided_on == referral.decided_on


# -- refusals ----------------------------------------------------------------------------------
@pytest.mark.parametrize("reason", ["", "   "])
def test_not_taken_forward_needs_a_reason(services: Services, reason: str) -> None:
    referral = referral_in(services, S.ASSESSED)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.not_taken_forward(referral.id, reason, on=TODAY)
    assert refused.value.field == "not_taken_forward_reason"
    assert table_snapshot(services, *TABLES) == before


def test_closing_needs_a_reason(services: Services) -> None:
    referral = referral_in(services, S.ACCEPTED)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.close(referral.id, " ", on=TODAY)
    assert refused.value.field == "close_reason"
    assert table_snapshot(services, *TABLES) == before


def test_reopening_needs_a_reason(services: Services) -> None:
    referral = referral_in(services, S.CLOSED)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.reopen(referral.id, S.ACCEPTED, "", on=TODAY)
    assert refused.value.field == "reopen_reason"
    assert table_snapshot(services, *TABLES) == before


@pytest.mark.parametrize("target", [S.NEW, S.CLOSED, S.NOT_TAKEN_FORWARD, "waiting"])
def test_reopening_goes_only_to_accepted_or_first_conversation(
    services: Services, target: str
) -> None:
    referral = referral_in(services, S.CLOSED)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.reopen(referral.id, target, "Back again", on=TODAY)
    assert refused.value.field == "reopen_to"
    assert table_snapshot(services, *TABLES) == before


def test_accepting_twice_is_refused_in_plain_words(services: Services) -> None:
    referral = referral_in(services, S.ACCEPTED)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.accept(referral.id, on=TODAY)
    assert "already been accepted" in refused.value.message
    assert table_snapshot(services, *TABLES) == before


def test_a_second_referral_while_one_is_open_is_refused(services: Services) -> None:
    person_id = new_person(services)
    start(services, person_id)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        start(services, person_id, on=TODAY)
    assert "already have an open referral" in refused.value.message
    assert table_snapshot(services, *TABLES) == before


def test_a_new_referral_after_an_earlier_one_closed(services: Services) -> None:
    person_id = new_person(services)
    first = start(services, person_id)
    services.referrals.close(first.id, "No longer wanted", on=STEP_DAY)
    second = start(services, person_id, on=TODAY)
    assert second.id != first.id
    assert [r.id for r in services.referrals.for_person(person_id)] == [second.id, first.id]
    assert page_steps(services, person_id) == [(TODAY, "Received")]


def test_reopening_while_another_referral_is_open_is_refused(services: Services) -> None:
    person_id = new_person(services)
    first = start(services, person_id)
    services.referrals.close(first.id, "No longer wanted", on=STEP_DAY)
    start(services, person_id, on=TODAY)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.reopen(first.id, S.ACCEPTED, "Back again", on=TODAY)
    assert "already have an open referral" in refused.value.message
    assert table_snapshot(services, *TABLES) == before


@pytest.mark.parametrize("action", [A.ASSESS, A.ACCEPT, A.NOT_TAKEN_FORWARD, A.CLOSE])
@pytest.mark.parametrize(
    "on", [RECEIVED - timedelta(days=1), TODAY + timedelta(days=1)], ids=["before", "future"]
)
def test_a_step_dated_before_the_referral_or_in_the_future_is_refused(
    services: Services, action: ReferralAction, on: date
) -> None:
    referral = referral_in(services, S.NEW)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        take(services, referral.id, action, on=on)
    assert refused.value.field == "on"
    assert table_snapshot(services, *TABLES) == before


def test_reopening_before_the_referral_was_closed_is_refused(services: Services) -> None:
    referral = referral_in(services, S.NEW)
    services.referrals.close(referral.id, "Moved away", on=STEP_DAY)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.reopen(referral.id, S.ACCEPTED, "Back", on=STEP_DAY - timedelta(days=1))
    assert refused.value.field == "on"
    assert table_snapshot(services, *TABLES) == before


def test_a_referral_dated_in_the_future_is_refused(services: Services) -> None:
    person_id = new_person(services)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        start(services, person_id, on=TODAY + timedelta(days=1))
    assert refused.value.field == "referral_date"
    assert table_snapshot(services, *TABLES) == before


def test_a_referral_from_someone_else_needs_the_person_s_agreement(services: Services) -> None:
    person_id = new_person(services)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.start(
            person_id, ReferralDetails(referral_date=TODAY, source="gp", referrer_name="Dr Rao")
        )
    assert refused.value.field == "person_agreed"
    assert table_snapshot(services, *TABLES) == before


def test_a_refused_referral_with_a_new_person_saves_neither(services: Services) -> None:
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError):
        services.referrals.start_with_person(
            PersonDetails(first_name="Nell"),
            ReferralDetails(referral_date=TODAY + timedelta(days=2), source="self"),
        )
    assert table_snapshot(services, *TABLES) == before


# -- availability, saved with the referral ---------------------------------------------------
MONDAY_MORNING = [(Weekday.MONDAY, PartOfDay.MORNING)]


def test_availability_is_saved_with_the_referral(services: Services) -> None:
    person_id = new_person(services)
    details = ReferralDetails(
        referral_date=TODAY,
        source="self",
        availability=ReferralAvailability(MONDAY_MORNING, [MeetingMode.PHONE]),
    )
    services.referrals.start(person_id, details)
    assert services.people.availability(person_id) == MONDAY_MORNING
    assert services.people.meeting_modes(person_id) == [MeetingMode.PHONE]


def test_availability_with_a_new_person(services: Services) -> None:
    details = ReferralDetails(
        referral_date=TODAY,
        source="self",
        availability=ReferralAvailability(MONDAY_MORNING, ["video"]),
    )
    referral = services.referrals.start_with_person(PersonDetails(first_name="Nell"), details)
    assert services.people.availability(referral.person_id) == MONDAY_MORNING
    assert services.people.meeting_modes(referral.person_id) == [MeetingMode.VIDEO]


def test_a_refused_referral_saves_no_availability(services: Services) -> None:
    person_id = new_person(services)
    start(services, person_id)
    before = table_snapshot(services, *TABLES, "availability", "meeting_mode_preference")
    details = ReferralDetails(
        referral_date=TODAY,
        source="self",
        availability=ReferralAvailability(MONDAY_MORNING, ["phone"]),
    )
    with pytest.raises(ValidationError):
        services.referrals.start(person_id, details)
    assert table_snapshot(services, *TABLES, "availability", "meeting_mode_preference") == before


def test_an_unknown_time_to_meet_is_refused_before_anything_is_written(services: Services) -> None:
    person_id = new_person(services)
    before = table_snapshot(services, *TABLES, "availability")
    details = ReferralDetails(
        referral_date=TODAY,
        source="self",
        availability=ReferralAvailability([("someday", "morning")], []),
    )
    with pytest.raises(ValidationError) as refused:
        services.referrals.start(person_id, details)
    assert refused.value.field == "availability"
    assert table_snapshot(services, *TABLES, "availability") == before


# -- the conditions they live with, saved with the referral ------------------------------------
def test_the_conditions_they_live_with_replace_only_that_link(services: Services) -> None:
    person_id = services.people.add(
        PersonDetails(first_name="Ruth"),
        conditions=[
            ConditionEntry("Asthma", ConditionLink.LIVES_WITH),
            ConditionEntry("Dementia", ConditionLink.CARES_FOR),
        ],
    ).id
    details = ReferralDetails(
        referral_date=TODAY, source="self", lives_with=["Type 2 diabetes", " ", "ME/CFS "]
    )
    services.referrals.start(person_id, details)
    assert sorted((c.name, c.link) for c in services.people.conditions(person_id)) == [
        ("Dementia", ConditionLink.CARES_FOR),
        ("ME/CFS", ConditionLink.LIVES_WITH),
        ("Type 2 diabetes", ConditionLink.LIVES_WITH),
    ]


def test_no_conditions_given_leaves_them_as_recorded(services: Services) -> None:
    person_id = services.people.add(
        PersonDetails(first_name="Ruth"), conditions=[ConditionEntry("Asthma")]
    ).id
    start(services, person_id)
    assert [c.name for c in services.people.conditions(person_id)] == ["Asthma"]


def test_conditions_with_a_new_person_and_a_refusal_saves_none(services: Services) -> None:
    details = ReferralDetails(referral_date=TODAY, source="self", lives_with=["Long Covid"])
    saved = services.referrals.start_with_person(PersonDetails(first_name="Nell"), details)
    assert [c.name for c in services.people.conditions(saved.person_id)] == ["Long Covid"]
    before = table_snapshot(services, *TABLES, "condition", "person_condition")
    with pytest.raises(ValidationError):  # Nell already has an open referral
        services.referrals.start(saved.person_id, details)
    refused = ReferralDetails(referral_date=TODAY, source="self", lives_with=["x" * 5000])
    with pytest.raises(ValidationError) as too_long:
        services.referrals.start_with_person(PersonDetails(first_name="Olwen"), refused)
    assert too_long.value.field == "conditions"
    assert table_snapshot(services, *TABLES, "condition", "person_condition") == before


# -- how long someone has waited ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("days", "words"),
    [
        (-3, "Since today"),
        (0, "Since today"),
        (1, "1 day"),
        (6, "6 days"),
        (7, "1 week"),
        (13, "1 week"),
        (14, "2 weeks"),
        (56, "8 weeks"),
        (62, "8 weeks"),
        (63, "2 months"),
        (91, "3 months"),
        (364, "11 months"),
        (365, "1 year"),
        (426, "1 year 2 months"),
        (1015, "2 years 9 months"),
    ],
)
def test_waiting_reads_in_days_weeks_months_and_years(days: int, words: str) -> None:
    assert waited_words(days) == words
