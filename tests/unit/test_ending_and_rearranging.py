"""The two faults of issue 19: a pairing can be ended although sessions were rearranged or
cancelled in advance (planned ones are offered for cancelling, listed), and a session that
was held cannot be rearranged (the new date of a rearrangement is planned, not held)."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.pairings import Ending
from peerdesk.services.mentoring.rows import PlannedSessionsAfterEnd
from peerdesk.services.mentoring.sessions import SessionEntry
from peerdesk.vocabulary import ClosureReason, SessionStatus
from tests.unit.test_pairings_builders import active_pairing, table_snapshot

TABLES = ("pairing", "pairing_status_change", "mentoring_session")
ENDING = Ending(reason=ClosureReason.COMPLETED, ended_as_planned=True, wants_new_pairing=False)
STARTED = date(2026, 1, 5)
# TODAY (tests/conftest.py) is 15 June 2026; these sessions are ahead of it.
AHEAD = date(2026, 6, 24)
FURTHER = date(2026, 7, 1)


def log(services: Services, pairing_id: int, on: date, status: str | None = None) -> int:
    entry = SessionEntry(session_date=on) if status is None else SessionEntry(on, status=status)
    record = services.sessions.log(pairing_id, entry)
    assert record.id is not None
    return record.id


def statuses(services: Services, pairing_id: int) -> list[tuple[date, str]]:
    return [(s.session_date, s.status) for s in services.sessions.for_pairing(pairing_id)]


def test_ending_today_works_with_a_session_cancelled_in_advance(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    log(services, pairing_id, date(2026, 6, 1))
    called_off = log(services, pairing_id, AHEAD, "planned")
    services.sessions.cancel(called_off, SessionStatus.CANCELLED_BY_MENTEE)
    ended = services.pairings.end(pairing_id, ENDING, on=date(2026, 6, 15))
    assert ended.end_date == date(2026, 6, 15)
    # The cancellation stays in the log on its own date: it counts as a cancelled session.
    assert statuses(services, pairing_id) == [
        (date(2026, 6, 1), "held"),
        (AHEAD, "cancelled_by_mentee"),
    ]


def test_ending_lists_the_planned_sessions_and_changes_nothing_until_told(
    services: Services,
) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    log(services, pairing_id, date(2026, 6, 1))
    moved = log(services, pairing_id, AHEAD, "planned")
    services.sessions.rearrange(moved, SessionEntry(FURTHER))
    before = table_snapshot(services, *TABLES)
    with pytest.raises(PlannedSessionsAfterEnd) as refused:
        services.pairings.end(pairing_id, ENDING, on=date(2026, 6, 15))
    assert refused.value.dates == (FURTHER,)
    assert "Wednesday 1 July 2026" in str(refused.value)
    assert table_snapshot(services, *TABLES) == before


def test_ending_cancels_the_planned_sessions_in_the_same_step(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    log(services, pairing_id, date(2026, 6, 1))
    moved = log(services, pairing_id, AHEAD, "planned")
    services.sessions.rearrange(moved, SessionEntry(FURTHER))
    assert services.pairings.planned_after(pairing_id, date(2026, 6, 15)) == [FURTHER]
    services.pairings.end(pairing_id, ENDING, on=date(2026, 6, 15), cancel_planned=True)
    # The rearranged one stays (it was called off in advance); its planned new date goes.
    assert statuses(services, pairing_id) == [
        (date(2026, 6, 1), "held"),
        (AHEAD, "rearranged"),
    ]
    assert services.pairings.get(pairing_id).status == "ended"


def test_a_held_session_still_holds_the_ending_back(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    log(services, pairing_id, date(2026, 6, 10))
    with pytest.raises(ValidationError, match=r"held on 10 June 2026"):
        services.pairings.end(pairing_id, ENDING, on=date(2026, 6, 9))


def test_a_held_session_cannot_be_rearranged_and_nothing_changes(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    held = log(services, pairing_id, date(2026, 6, 1))
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError, match="Only a planned session can be rearranged") as no:
        services.sessions.rearrange(held, SessionEntry(date(2026, 6, 8)))
    assert "held on 1 June 2026" in str(no.value)
    assert table_snapshot(services, *TABLES) == before


@pytest.mark.parametrize(
    "status", ["cancelled_by_mentee", "cancelled_by_mentor", "did_not_attend", "rearranged"]
)
def test_only_a_planned_session_can_be_rearranged(services: Services, status: str) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    record = log(services, pairing_id, AHEAD, "planned")
    if status == "rearranged":
        services.sessions.rearrange(record, SessionEntry(FURTHER))
    elif status == "did_not_attend":
        record = log(services, pairing_id, date(2026, 6, 1), "planned")
        services.sessions.cancel(record, SessionStatus.DID_NOT_ATTEND)
    else:
        services.sessions.cancel(record, SessionStatus(status))
    with pytest.raises(ValidationError, match="already recorded as"):
        services.sessions.rearrange(record, SessionEntry(date(2026, 7, 20)))


def test_the_new_date_of_a_rearrangement_is_planned(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    record = log(services, pairing_id, date(2026, 6, 10), "planned")
    moved = services.sessions.rearrange(record, SessionEntry(date(2026, 6, 12)))
    assert moved.status == "planned"
    assert statuses(services, pairing_id) == [
        (date(2026, 6, 10), "rearranged"),
        (date(2026, 6, 12), "planned"),
    ]


def test_logging_a_session_still_means_it_was_held(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    log(services, pairing_id, date(2026, 6, 1))
    assert statuses(services, pairing_id) == [(date(2026, 6, 1), "held")]


def test_a_rearranged_session_keeps_its_status_while_its_new_date_stands(
    services: Services,
) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    record = log(services, pairing_id, date(2026, 6, 10), "planned")
    services.sessions.rearrange(record, SessionEntry(date(2026, 6, 12)))
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError, match=r"rearranged to a new date \(12 June 2026\)"):
        services.sessions.update(record, SessionEntry(date(2026, 6, 10), status="held"))
    assert table_snapshot(services, *TABLES) == before
    # Its note can still be changed, keeping its status.
    services.sessions.update(record, SessionEntry(date(2026, 6, 10), note="Hospital visit"))
    assert statuses(services, pairing_id)[0] == (date(2026, 6, 10), "rearranged")


def test_once_the_new_date_is_removed_the_old_session_can_be_put_right(
    services: Services,
) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    record = log(services, pairing_id, date(2026, 6, 10), "planned")
    moved = services.sessions.rearrange(record, SessionEntry(date(2026, 6, 12)))
    services.sessions.remove_session(moved.id, "Rearranged by mistake")
    services.sessions.update(record, SessionEntry(date(2026, 6, 10), status="held"))
    assert statuses(services, pairing_id) == [(date(2026, 6, 10), "held")]
