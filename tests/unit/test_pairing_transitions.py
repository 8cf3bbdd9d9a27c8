"""Every pairing status change, allowed or refused, as domain.md draws the lifecycle:
proposed → introduced → active ⇄ paused → ended, and a pairing that never got going may end
from proposed or introduced. A refused change leaves every record as it was."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.pairings import Ending, PairingPlan
from peerdesk.vocabulary import ClosureReason, PairingStatus
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import (
    confidentiality,
    ready_mentor,
    table_snapshot,
    waiting_mentee,
)

P = PairingStatus
ALLOWED = {
    (P.PROPOSED, P.INTRODUCED),
    (P.PROPOSED, P.ACTIVE),
    (P.PROPOSED, P.ENDED),
    (P.INTRODUCED, P.ACTIVE),
    (P.INTRODUCED, P.ENDED),
    (P.ACTIVE, P.PAUSED),
    (P.ACTIVE, P.ENDED),
    (P.PAUSED, P.ACTIVE),
    (P.PAUSED, P.ENDED),
}
#: How each status is reached from a new proposal.
ROUTE = {
    P.PROPOSED: [],
    P.INTRODUCED: [P.INTRODUCED],
    P.ACTIVE: [P.INTRODUCED, P.ACTIVE],
    P.PAUSED: [P.INTRODUCED, P.ACTIVE, P.PAUSED],
    P.ENDED: [P.INTRODUCED, P.ACTIVE, P.ENDED],
}
ENDING = Ending(reason=ClosureReason.NO_CONTACT, ended_as_planned=False, wants_new_pairing=True)
TABLES = ("pairing", "pairing_status_change", "referral")


def change(services: Services, pairing_id: int, target: PairingStatus, on: date) -> None:
    pairings = services.pairings
    if target is P.INTRODUCED:
        pairings.introduce(pairing_id, on=on)
    elif target is P.ACTIVE:
        pairings.activate(pairing_id, on=on)
    elif target is P.PAUSED:
        pairings.pause(pairing_id, on=on)
    else:
        pairings.end(pairing_id, ENDING, on=on)


def pairing_in(services: Services, status: PairingStatus) -> int:
    mentor = ready_mentor(services, "Iain")
    mentee = waiting_mentee(services)
    confidentiality(services, mentee)
    pairing = services.pairings.propose(
        PairingPlan(mentor_id=mentor, mentee_id=mentee, proposed_on=date(2026, 1, 1))
    )
    assert pairing.id is not None
    for day, step in enumerate(ROUTE[status], start=2):
        change(services, pairing.id, step, date(2026, 1, day))
    assert services.pairings.get(pairing.id).status == status
    return pairing.id


@pytest.mark.parametrize("start", list(P), ids=str)
@pytest.mark.parametrize("target", [P.INTRODUCED, P.ACTIVE, P.PAUSED, P.ENDED], ids=str)
def test_each_status_change_is_allowed_or_refused_as_the_lifecycle_says(
    services: Services, start: PairingStatus, target: PairingStatus
) -> None:
    pairing_id = pairing_in(services, start)
    on = date(2026, 2, 1)
    if (start, target) in ALLOWED:
        change(services, pairing_id, target, on)
        assert services.pairings.get(pairing_id).status == target
        last = services.pairings.history(pairing_id)[-1]
        assert (last.status, last.changed_on) == (target, on)
        return
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError, match=f"cannot become {target.label.lower()}"):
        change(services, pairing_id, target, on)
    assert table_snapshot(services, *TABLES) == before


def test_the_start_date_is_the_first_activation_and_a_resume_keeps_it(
    services: Services,
) -> None:
    pairing_id = pairing_in(services, P.PAUSED)
    assert services.pairings.get(pairing_id).start_date == date(2026, 1, 3)
    services.pairings.resume(pairing_id, on=date(2026, 2, 1))
    assert services.pairings.get(pairing_id).start_date == date(2026, 1, 3)


def test_a_change_dated_before_the_last_one_or_in_the_future_is_refused(
    services: Services,
) -> None:
    pairing_id = pairing_in(services, P.ACTIVE)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError, match="before the pairing's last change"):
        services.pairings.pause(pairing_id, on=date(2026, 1, 2))
    with pytest.raises(ValidationError):
        services.pairings.pause(pairing_id, on=TODAY.replace(year=TODAY.year + 1))
    assert table_snapshot(services, *TABLES) == before
    # The same day as the last change is fine (introduced and activated on one visit).
    services.pairings.pause(pairing_id, on=date(2026, 1, 3))
    assert services.pairings.get(pairing_id).status == P.PAUSED


def test_a_pause_keeps_its_reason_in_the_history(services: Services) -> None:
    pairing_id = pairing_in(services, P.ACTIVE)
    services.pairings.pause(pairing_id, on=date(2026, 2, 1), note="Flare-up: back in March")
    last = services.pairings.history(pairing_id)[-1]
    assert (last.status, last.note) == (P.PAUSED, "Flare-up: back in March")
