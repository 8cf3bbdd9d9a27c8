"""The session log: defaults from the pairing, rearranging (linked), concerns, the list."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.sessions import ConcernDetails, SessionEntry, SessionFilter
from tests.unit.test_pairings_builders import active_pairing, table_snapshot


def test_a_session_takes_mode_place_and_length_from_the_pairing(services: Services) -> None:
    pairing_id = active_pairing(services)
    record = services.sessions.log(pairing_id, SessionEntry(session_date=date(2026, 2, 3)))
    assert (record.mode, record.duration_minutes, record.status) == ("phone", 45, "held")


def test_logging_a_rearranged_session_keeps_both_records_linked(services: Services) -> None:
    pairing_id = active_pairing(services)
    old = services.sessions.log(
        pairing_id,
        SessionEntry(
            session_date=date(2026, 6, 16),
            status="rearranged",
            note="Mentee tired after a hospital appointment",
            rearranged_to=date(2026, 6, 19),
        ),
    )
    assert old.status == "rearranged"
    assert old.rearranged_to_id is not None
    new = services.sessions.get(old.rearranged_to_id)
    assert (new.session_date, new.status, new.mode) == (date(2026, 6, 19), "planned", "phone")
    earlier = services.sessions.rearranged_from(new.id or 0)
    assert earlier is not None and earlier.id == old.id
    timeline = services.pairings.timeline(pairing_id)
    details = [e.detail for e in timeline if e.kind == "session"]
    assert any("moved to Fri 19 Jun 2026" in d for d in details)
    assert any("rearranged from Tue 16 Jun 2026" in d for d in details)


def test_rearranging_a_planned_session_keeps_both_records_linked(services: Services) -> None:
    pairing_id = active_pairing(services)
    planned = services.sessions.log(
        pairing_id, SessionEntry(session_date=date(2026, 6, 18), status="planned")
    )
    replacement = services.sessions.rearrange(
        planned.id or 0, SessionEntry(session_date=date(2026, 6, 25), status="planned")
    )
    old = services.sessions.get(planned.id or 0)
    assert old.status == "rearranged"
    assert old.rearranged_to_id == replacement.id
    assert len(services.sessions.for_pairing(pairing_id)) == 2


def test_a_rearranged_session_needs_its_new_date(services: Services) -> None:
    pairing_id = active_pairing(services)
    before = table_snapshot(services, "mentoring_session")
    with pytest.raises(ValidationError, match="new date"):
        services.sessions.log(
            pairing_id, SessionEntry(session_date=date(2026, 6, 2), status="rearranged")
        )
    assert table_snapshot(services, "mentoring_session") == before


def test_a_held_session_cannot_be_in_the_future(services: Services) -> None:
    pairing_id = active_pairing(services)
    with pytest.raises(ValidationError, match="cannot be in the future"):
        services.sessions.log(pairing_id, SessionEntry(session_date=date(2026, 6, 16)))


def test_a_concern_raised_in_a_session_flags_it(services: Services) -> None:
    pairing_id = active_pairing(services)
    record = services.sessions.log(pairing_id, SessionEntry(session_date=date(2026, 6, 2)))
    concern = services.sessions.raise_concern(
        ConcernDetails(raised_on=date(2026, 6, 2), what="Low mood", who_was_told="Coordinator"),
        session_id=record.id,
    )
    assert services.sessions.get(record.id or 0).concern_flag
    assert [c.id for c in services.sessions.concerns_for_session(record.id or 0)] == [concern.id]
    kinds = [e.kind for e in services.pairings.timeline(pairing_id)]
    assert "concern" in kinds


def test_the_sessions_list_filters(services: Services) -> None:
    first = active_pairing(services, mentor_name="Iain", mentee_name="Morag")
    second = active_pairing(services, mentor_name="Jess", mentee_name="Nell")
    services.sessions.log(first, SessionEntry(session_date=date(2026, 2, 3)))
    services.sessions.log(first, SessionEntry(session_date=date(2026, 3, 3)))
    services.sessions.log(
        second, SessionEntry(session_date=date(2026, 3, 4), status="cancelled_by_mentee")
    )
    assert len(services.sessions.rows()) == 3
    assert [r.session_date for r in services.sessions.rows(SessionFilter(pairing_id=first))] == [
        date(2026, 3, 3),
        date(2026, 2, 3),
    ]
    mentor_id = services.pairings.get(second).mentor_id
    assert [r.pairing_id for r in services.sessions.rows(SessionFilter(mentor_id=mentor_id))] == [
        second
    ]
    march = SessionFilter(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31))
    assert len(services.sessions.rows(march)) == 2
    cancelled = services.sessions.rows(SessionFilter(status="cancelled_by_mentee"))
    assert [r.mentee_name for r in cancelled] == ["Nell Mentee"]
    with pytest.raises(ValidationError, match="before the 'from' date"):
        services.sessions.rows(SessionFilter(date_from=date(2026, 3, 2), date_to=date(2026, 3, 1)))
