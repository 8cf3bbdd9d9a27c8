"""Pairing lifecycle: transitions, refusals that change nothing, lists and the timeline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.pairings import Ending, PairingPlan
from peerdesk.services.mentoring.sessions import SessionEntry
from peerdesk.vocabulary import ClosureReason, PairingStatus, Role
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import (
    active_pairing,
    ready_mentor,
    table_snapshot,
    waiting_mentee,
)

TABLES = ("pairing", "pairing_status_change", "mentoring_session", "pairing_goal")
ENDING = Ending(reason=ClosureReason.COMPLETED, ended_as_planned=True, wants_new_pairing=False)


def test_the_whole_lifecycle_is_recorded_with_dates(services: Services) -> None:
    pairing_id = active_pairing(services, started=date(2026, 1, 5))
    services.pairings.pause(pairing_id, on=date(2026, 2, 1), note="Flare-up")
    services.pairings.resume(pairing_id, on=date(2026, 3, 1))
    ended = services.pairings.end(pairing_id, ENDING, on=date(2026, 6, 1))
    assert ended.status == PairingStatus.ENDED
    assert ended.end_date == date(2026, 6, 1)
    assert ended.closure_reason == ClosureReason.COMPLETED
    history = [(h.status, h.changed_on) for h in services.pairings.history(pairing_id)]
    assert history == [
        ("proposed", date(2025, 12, 22)),
        ("introduced", date(2025, 12, 29)),
        ("active", date(2026, 1, 5)),
        ("paused", date(2026, 2, 1)),
        ("active", date(2026, 3, 1)),
        ("ended", date(2026, 6, 1)),
    ]
    titles = [e.title for e in services.pairings.timeline(pairing_id) if e.kind == "status"]
    assert titles[-3:] == ["Pairing paused", "Pairing resumed", "Pairing ended"]


def test_an_ended_pairing_cannot_become_active_and_nothing_changes(services: Services) -> None:
    pairing_id = active_pairing(services)
    services.pairings.end(pairing_id, ENDING, on=date(2026, 6, 1))
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError, match="Ended pairings stay ended"):
        services.pairings.activate(pairing_id, on=date(2026, 6, 10))
    with pytest.raises(ValidationError, match="cannot become paused"):
        services.pairings.pause(pairing_id, on=date(2026, 6, 10))
    assert table_snapshot(services, *TABLES) == before


def test_a_session_before_the_pairing_started_is_refused(services: Services) -> None:
    pairing_id = active_pairing(services, started=date(2026, 1, 5))
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError, match="before the pairing started") as refused:
        services.sessions.log(pairing_id, SessionEntry(session_date=date(2026, 1, 4)))
    assert refused.value.field == "session_date"
    assert table_snapshot(services, *TABLES) == before


def test_a_session_after_an_ended_pairing_ended_is_refused(services: Services) -> None:
    pairing_id = active_pairing(services, started=date(2026, 1, 5))
    services.pairings.end(pairing_id, ENDING, on=date(2026, 5, 1))
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError, match="after the pairing ended"):
        services.sessions.log(pairing_id, SessionEntry(session_date=date(2026, 5, 2)))
    with pytest.raises(ValidationError, match="has ended"):
        services.sessions.log(
            pairing_id,
            SessionEntry(
                session_date=date(2026, 4, 28),
                status="rearranged",
                rearranged_to=date(2026, 5, 5),
            ),
        )
    assert table_snapshot(services, *TABLES) == before
    # A session from before the end, brought back late on paper, is still welcome.
    late = services.sessions.log(pairing_id, SessionEntry(session_date=date(2026, 4, 30)))
    assert late.status == "held"


def test_ending_before_the_last_logged_session_is_refused(services: Services) -> None:
    pairing_id = active_pairing(services, started=date(2026, 1, 5))
    services.sessions.log(pairing_id, SessionEntry(session_date=date(2026, 3, 3)))
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError, match="before the last session logged"):
        services.pairings.end(pairing_id, ENDING, on=date(2026, 3, 1))
    assert table_snapshot(services, *TABLES) == before


def test_ending_removes_only_planned_sessions_after_the_end(services: Services) -> None:
    pairing_id = active_pairing(services, started=date(2026, 1, 5))
    services.sessions.log(pairing_id, SessionEntry(session_date=date(2026, 6, 1)))
    services.sessions.log(
        pairing_id, SessionEntry(session_date=date(2026, 6, 20), status="planned")
    )
    assert services.pairings.planned_after(pairing_id, date(2026, 6, 15)) == [date(2026, 6, 20)]
    services.pairings.end(pairing_id, ENDING, on=date(2026, 6, 15), cancel_planned=True)
    statuses = [(s.session_date, s.status) for s in services.sessions.for_pairing(pairing_id)]
    assert statuses == [(date(2026, 6, 1), "held")]


def test_end_needs_a_reason_from_the_list(services: Services) -> None:
    pairing_id = active_pairing(services)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError, match="reason for ending"):
        services.pairings.end(
            pairing_id, Ending(reason="bored", ended_as_planned=False, wants_new_pairing=False)
        )
    assert table_snapshot(services, *TABLES) == before


def test_more_than_three_goals_are_refused(services: Services) -> None:
    pairing_id = active_pairing(services)
    with pytest.raises(ValidationError, match="up to three goals"):
        services.pairings.set_goals(pairing_id, ["a", "b", "c", "d"])
    assert services.pairings.goals(pairing_id) == ["Pace activities", "Go to the library again"]


def test_waiting_queue_holds_people_with_a_live_referral_and_no_open_pairing(
    services: Services,
) -> None:
    waiting = waiting_mentee(services, "Ailsa")
    new = waiting_mentee(services, "Beth", referral_status="new")
    mentor = ready_mentor(services, "Calum")
    paired = waiting_mentee(services, "Dina")
    services.pairings.propose(PairingPlan(mentor_id=mentor, mentee_id=paired))
    queue = services.pairings.waiting()
    assert [row.person_id for row in queue] == [waiting, new]
    assert queue[0].conditions == "ME/CFS"
    assert queue[0].days_waiting == (date(2026, 6, 15) - date(2025, 1, 6)).days


def test_pairing_rows_filter_by_status(services: Services) -> None:
    pairing_id = active_pairing(services)
    assert [r.id for r in services.pairings.rows("active")] == [pairing_id]
    assert services.pairings.rows("ended") == []
    with pytest.raises(ValidationError):
        services.pairings.rows("finished")
    row = services.pairings.rows()[0]
    assert (row.mentor_name, row.mentee_name) == ("Iain Mentor", "Morag Mentee")


def test_ending_without_wanting_another_closes_the_referral(services: Services) -> None:
    from peerdesk.services.mentoring.referrals import ReferralDetails
    from peerdesk.services.people.service import PersonDetails

    mentor = services.people.add(PersonDetails(first_name="Morag"), roles=[Role.MENTOR])
    mentee = services.people.add(PersonDetails(first_name="Ali"))
    assert mentor.id and mentee.id
    referral = services.referrals.start(
        mentee.id, ReferralDetails(referral_date=TODAY - timedelta(days=100), source="self")
    )
    assert referral.id
    services.referrals.accept(referral.id, on=TODAY - timedelta(days=95))
    pairing = services.pairings.propose(
        PairingPlan(
            mentor_id=mentor.id, mentee_id=mentee.id, proposed_on=TODAY - timedelta(days=90)
        )
    )
    assert pairing.id
    services.pairings.activate(pairing.id, on=TODAY - timedelta(days=80))
    waiting = {row.person_id for row in services.pairings.waiting()}
    assert mentee.id not in waiting
    services.pairings.end(
        pairing.id, Ending("completed", True, wants_new_pairing=False), on=TODAY - timedelta(days=5)
    )
    assert services.referrals.get(referral.id).status == "closed"
    assert mentee.id not in {row.person_id for row in services.pairings.waiting()}


def test_ending_and_wanting_another_puts_them_back_in_the_queue(services: Services) -> None:
    from peerdesk.services.mentoring.referrals import ReferralDetails
    from peerdesk.services.people.service import PersonDetails

    mentor = services.people.add(PersonDetails(first_name="Morag"), roles=[Role.MENTOR])
    mentee = services.people.add(PersonDetails(first_name="Ali"))
    assert mentor.id and mentee.id
    referral = services.referrals.start(
        mentee.id, ReferralDetails(referral_date=TODAY - timedelta(days=100), source="self")
    )
    assert referral.id
    services.referrals.accept(referral.id, on=TODAY - timedelta(days=95))
    pairing = services.pairings.propose(
        PairingPlan(
            mentor_id=mentor.id, mentee_id=mentee.id, proposed_on=TODAY - timedelta(days=90)
        )
    )
    assert pairing.id
    services.pairings.end(
        pairing.id,
        Ending("mentor_withdrew", False, wants_new_pairing=True),
        on=TODAY - timedelta(days=5),
    )
    assert services.referrals.get(referral.id).status == "accepted"
    assert mentee.id in {row.person_id for row in services.pairings.waiting()}
