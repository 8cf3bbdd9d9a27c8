"""Rearranging a planned session moves it to a new date and keeps how the pair meet (way,
place, length, time) unless the coordinator changes them; a refusal names the session's
status and a session that is gone says so. Found by mutation testing (docs/testing.md)."""

from __future__ import annotations

from datetime import date, time

import pytest

from peerdesk.errors import NotFoundError, ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.sessions import SessionEntry
from tests.unit.test_ending_and_rearranging import STARTED, log
from tests.unit.test_pairings_builders import active_pairing

PLANNED_FOR = date(2026, 6, 10)
MOVED_TO = date(2026, 6, 12)
ARRANGED = SessionEntry(
    PLANNED_FOR,
    status="planned",
    start_time=time(14, 30),
    duration_minutes=75,
    mode="face_to_face",
    place="Library cafe",
)


def arrangements(services: Services, session_id: int) -> tuple[object, ...]:
    s = services.sessions.get(session_id)
    return (s.mode, s.place, s.duration_minutes, s.start_time)


def test_the_new_date_keeps_how_they_meet(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    planned = services.sessions.log(pairing_id, ARRANGED).id
    moved = services.sessions.rearrange(planned, SessionEntry(MOVED_TO))
    assert moved.session_date == MOVED_TO
    assert arrangements(services, moved.id) == ("face_to_face", "Library cafe", 75, time(14, 30))


def test_what_the_coordinator_changes_for_the_new_date_wins(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    planned = services.sessions.log(pairing_id, ARRANGED).id
    changed = SessionEntry(
        MOVED_TO, start_time=time(10, 0), duration_minutes=30, mode="phone", place="By phone"
    )
    moved = services.sessions.rearrange(planned, changed)
    assert arrangements(services, moved.id) == ("phone", "By phone", 30, time(10, 0))


def test_rearranging_a_held_session_is_refused_on_its_status(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    held = log(services, pairing_id, date(2026, 6, 1))
    with pytest.raises(ValidationError) as refused:
        services.sessions.rearrange(held, SessionEntry(MOVED_TO))
    assert refused.value.field == "status"


def test_rearranging_a_session_that_is_gone_says_so(services: Services) -> None:
    with pytest.raises(NotFoundError) as missing:
        services.sessions.rearrange(999, SessionEntry(MOVED_TO))
    assert str(missing.value).startswith("That session could not be found")
