"""Which planned sessions an ending takes off the plan: only this pairing's, and only those
dated after the end date (a session planned for the end day itself, or one still marked
planned from before it, is the coordinator's to record, not the ending's to delete)."""

from __future__ import annotations

from datetime import date

from peerdesk.services import Services
from peerdesk.services.mentoring.sessions import SessionEntry
from tests.unit.test_ending_and_rearranging import ENDING, STARTED, log, statuses
from tests.unit.test_pairings_builders import active_pairing

END_DAY = date(2026, 6, 15)  # TODAY in tests/conftest.py
AHEAD = date(2026, 6, 24)


def test_ending_one_pairing_leaves_another_pairings_planned_sessions(
    services: Services,
) -> None:
    ending = active_pairing(services, started=STARTED)
    other = active_pairing(services, started=STARTED, mentor_name="Ewan", mentee_name="Kirsty")
    log(services, ending, AHEAD, "planned")
    log(services, other, AHEAD, "planned")

    assert services.pairings.planned_after(other, END_DAY) == [AHEAD]
    services.pairings.end(ending, ENDING, on=END_DAY, cancel_planned=True)

    assert statuses(services, ending) == []
    assert statuses(services, other) == [(AHEAD, "planned")]


def test_only_sessions_planned_after_the_end_date_are_listed_and_cancelled(
    services: Services,
) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    log(services, pairing_id, date(2026, 6, 1), "planned")  # never updated to held
    log(services, pairing_id, END_DAY, "planned")
    log(services, pairing_id, AHEAD, "planned")

    assert services.pairings.planned_after(pairing_id, END_DAY) == [AHEAD]
    services.pairings.end(pairing_id, ENDING, on=END_DAY, cancel_planned=True)

    assert statuses(services, pairing_id) == [
        (date(2026, 6, 1), "planned"),
        (END_DAY, "planned"),
    ]


def test_a_rearrangement_pointing_at_a_cancelled_date_stays_rearranged(
    services: Services,
) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    moved = log(services, pairing_id, date(2026, 6, 10), "planned")
    services.sessions.rearrange(moved, SessionEntry(AHEAD))
    assert services.sessions.get(moved).rearranged_to_date == AHEAD

    services.pairings.end(pairing_id, ENDING, on=END_DAY, cancel_planned=True)

    assert statuses(services, pairing_id) == [(date(2026, 6, 10), "rearranged")]
    left = services.sessions.get(moved)
    assert (left.rearranged_to_id, left.rearranged_to_date) == (None, None)


def test_the_sessions_planned_after_the_end_are_listed_earliest_first(
    services: Services,
) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    log(services, pairing_id, date(2026, 7, 8), "planned")  # typed in first
    log(services, pairing_id, AHEAD, "planned")
    assert services.pairings.planned_after(pairing_id, END_DAY) == [AHEAD, date(2026, 7, 8)]


def test_cancelling_at_the_end_leaves_other_rearrangements_linked(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    moved = log(services, pairing_id, date(2026, 6, 3), "planned")
    services.sessions.rearrange(moved, SessionEntry(date(2026, 6, 10)))
    log(services, pairing_id, AHEAD, "planned")

    services.pairings.end(pairing_id, ENDING, on=END_DAY, cancel_planned=True)

    assert services.sessions.get(moved).rearranged_to_date == date(2026, 6, 10)
