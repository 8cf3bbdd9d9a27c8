"""A person's pairings for their page: seen from their side, held sessions counted in the
same query for every pairing, the latest sessions newest first."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import event

from peerdesk.services import Services
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.services.mentoring.sessions import SessionEntry
from tests.unit.test_pairings_builders import (
    active_pairing,
    confidentiality,
    ready_mentor,
    waiting_mentee,
)

STARTED = date(2026, 1, 5)


def _two_pairings(services: Services) -> tuple[int, int, int, int]:
    """Iain mentors Morag (three held sessions, one missed) and is proposed for Ailsa."""
    first = active_pairing(services, started=STARTED)
    pairing = services.pairings.get(first)
    for offset, status in ((0, "held"), (7, "held"), (14, "did_not_attend"), (21, "held")):
        services.sessions.log(
            first, SessionEntry(session_date=STARTED + timedelta(days=offset), status=status)
        )
    ailsa = waiting_mentee(services, "Ailsa")
    confidentiality(services, ailsa)
    second = services.pairings.propose(
        PairingPlan(mentor_id=pairing.mentor_id, mentee_id=ailsa, proposed_on=STARTED)
    )
    return first, second.id or 0, pairing.mentor_id, pairing.mentee_id


def test_each_pairing_counts_only_its_held_sessions_from_either_side(services: Services) -> None:
    first, second, mentor, mentee = _two_pairings(services)
    as_mentor = services.people.pairings(mentor).pairings
    assert {(p.id, p.other_name, p.as_mentor, p.sessions_held) for p in as_mentor} == {
        (first, "Morag Mentee", True, 3),
        (second, "Ailsa Mentee", True, 0),
    }
    (only,) = services.people.pairings(mentee).pairings
    assert (only.id, only.other_id, only.other_name, only.as_mentor) == (
        first,
        mentor,
        "Iain Mentor",
        False,
    )
    assert only.sessions_held == 3 and only.status == "active" and only.start_date == STARTED


def test_the_latest_sessions_come_newest_first_with_whom(services: Services) -> None:
    first, _, mentor, _ = _two_pairings(services)
    recent = services.people.pairings(mentor).recent_sessions
    assert [s.session_date for s in recent] == [STARTED + timedelta(days=d) for d in (21, 14, 7, 0)]
    assert {(s.pairing_id, s.other_name) for s in recent} == {(first, "Morag Mentee")}
    assert [s.status for s in recent] == ["held", "did_not_attend", "held", "held"]


def test_the_pairings_and_their_counts_take_two_statements_however_many(
    services: Services,
) -> None:
    _, _, mentor, _ = _two_pairings(services)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(services.db.engine, "before_cursor_execute", count)
    try:
        found = services.people.pairings(mentor)
    finally:
        event.remove(services.db.engine, "before_cursor_execute", count)
    assert len(found.pairings) == 2
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 2, selects


def test_someone_never_paired_has_no_pairings_or_sessions(services: Services) -> None:
    person = waiting_mentee(services, "Eilidh")
    found = services.people.pairings(person)
    assert found.pairings == () and found.recent_sessions == ()


def test_the_latest_referral_and_how_many_came_before(services: Services) -> None:
    person = waiting_mentee(services, "Eilidh")
    latest = services.people.latest_referral(person)
    assert latest is not None
    assert (latest.source, latest.status, latest.earlier, latest.referrer) == (
        "self",
        "accepted",
        0,
        "",
    )
    assert services.people.latest_referral(ready_mentor(services, "Iain")) is None
