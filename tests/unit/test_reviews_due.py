"""Reviews: due dates from the schedule, counts from the log, recording a review."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from peerdesk.data.models import Organisation
from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.attention.base import AttentionContext
from peerdesk.services.attention.pairings_due import (
    pairing_reviews_due,
    planned_sessions,
    quiet_pairings,
)
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.services.mentoring.reviews import ReviewEntry
from peerdesk.services.mentoring.sessions import SessionEntry
from tests.unit.test_pairings_builders import active_pairing, organisation, table_snapshot

START = date(2026, 1, 5)


def test_the_next_review_follows_the_schedule_and_catches_up(services: Services) -> None:
    organisation(services)  # 6, 13, 26 weeks
    pairing_id = active_pairing(services, started=START)
    due = services.reviews.next_due(pairing_id)
    # 6 and 13 weeks have both passed with no review: one review catches up.
    assert due is not None and (due.due, due.weeks) == (START + timedelta(weeks=13), 13)
    assert due.overdue(services.today())
    services.reviews.record(pairing_id, ReviewEntry(review_date=date(2026, 4, 10)))
    due = services.reviews.next_due(pairing_id)
    assert due is not None and (due.due, due.weeks) == (START + timedelta(weeks=26), 26)
    assert [d.pairing_id for d in services.reviews.due(within_days=30)] == [pairing_id]
    assert services.reviews.due() == []


def test_a_pairings_own_schedule_wins(services: Services) -> None:
    organisation(services)
    pairing_id = active_pairing(services, started=START)
    plan = PairingPlan(
        mentor_id=0, mentee_id=0, meeting_frequency="weekly", review_schedule_weeks="4"
    )
    services.pairings.update_arrangements(pairing_id, plan)
    assert services.pairings.goals(pairing_id) == []
    due = services.reviews.next_due(pairing_id)
    assert due is not None and due.weeks == 4


def test_counts_come_from_the_log_and_leave_out_pauses(services: Services) -> None:
    pairing_id = active_pairing(services, started=START, frequency="weekly")
    for day in (date(2026, 1, 6), date(2026, 1, 13), date(2026, 1, 20)):
        services.sessions.log(pairing_id, SessionEntry(session_date=day))
    services.sessions.log(
        pairing_id, SessionEntry(session_date=date(2026, 1, 27), status="cancelled_by_mentor")
    )
    counts = services.reviews.counts(pairing_id, date(2026, 2, 15))
    assert (counts.held, counts.planned) == (3, 6)
    services.pairings.pause(pairing_id, on=date(2026, 2, 1))
    services.pairings.resume(pairing_id, on=date(2026, 2, 15))
    counts = services.reviews.counts(pairing_id, date(2026, 2, 15))
    assert (counts.held, counts.planned) == (3, 4)


def test_recording_a_review_fills_in_the_counts(services: Services) -> None:
    pairing_id = active_pairing(services, started=START, frequency="fortnightly")
    services.sessions.log(pairing_id, SessionEntry(session_date=date(2026, 1, 6)))
    review = services.reviews.record(
        pairing_id,
        ReviewEntry(
            review_date=date(2026, 2, 16),
            decision="adjust",
            progress=("Pacing better", "Not yet"),
            what_is_working="Phone calls suit",
        ),
    )
    assert (review.sessions_held, review.sessions_planned) == (1, 3)
    assert (review.progress_goal_1, review.progress_goal_2, review.progress_goal_3) == (
        "Pacing better",
        "Not yet",
        "",
    )
    entry = next(e for e in services.pairings.timeline(pairing_id) if e.kind == "review")
    assert entry.title == "Review: adjust"
    assert entry.detail.startswith("1 of 3 planned sessions held")


def test_a_review_before_the_start_is_refused_and_changes_nothing(services: Services) -> None:
    pairing_id = active_pairing(services, started=START)
    before = table_snapshot(services, "review")
    with pytest.raises(ValidationError, match="before the pairing started"):
        services.reviews.record(pairing_id, ReviewEntry(review_date=date(2026, 1, 1)))
    with pytest.raises(ValidationError, match="continue, adjust or end"):
        services.reviews.record(pairing_id, ReviewEntry(review_date=START, decision="maybe"))
    assert table_snapshot(services, "review") == before


def _context(services: Services) -> AttentionContext:
    with services.db.session() as session:
        return AttentionContext(
            today=services.today(), organisation=session.exec(select(Organisation)).first()
        )


def test_today_rules_list_reviews_quiet_pairings_and_planned_sessions(services: Services) -> None:
    organisation(services)
    pairing_id = active_pairing(services, started=START)
    services.sessions.log(pairing_id, SessionEntry(session_date=date(2026, 4, 1)))
    services.sessions.log(
        pairing_id, SessionEntry(session_date=date(2026, 6, 17), status="planned")
    )
    services.sessions.log(
        pairing_id, SessionEntry(session_date=date(2026, 6, 10), status="planned")
    )
    context = _context(services)
    with services.db.session() as session:
        reviews = pairing_reviews_due(session, context)
        quiet = quiet_pairings(session, context)
        planned = planned_sessions(session, context)
    assert [(i.record_id, i.urgent) for i in reviews] == [(pairing_id, True)]
    assert [i.record_id for i in quiet] == [pairing_id]
    assert "Last session held on Wed 1 April 2026" in quiet[0].detail
    assert [i.group for i in planned] == ["Sessions to log", "Sessions this week"]
    services.sessions.log(pairing_id, SessionEntry(session_date=date(2026, 6, 12)))
    with services.db.session() as session:
        assert quiet_pairings(session, _context(services)) == []
