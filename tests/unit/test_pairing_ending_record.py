"""What ending a pairing records (the reason, whether it ended as planned, whether another
pairing is wanted, the note) and how a wrong answer is refused: naming the answer, with
nothing changed. Found by mutation testing (docs/testing.md, "Mutation testing")."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.pairings import Ending
from tests.unit.test_ending_and_rearranging import STARTED, TABLES
from tests.unit.test_pairings_builders import active_pairing, table_snapshot

END_DAY = date(2026, 6, 15)  # TODAY in tests/conftest.py


@pytest.mark.parametrize("as_planned", [True, False])
def test_ending_keeps_the_reason_the_answers_and_the_note(
    services: Services, as_planned: bool
) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    ending = Ending(
        reason="completed",
        ended_as_planned=as_planned,
        wants_new_pairing=True,
        note="  Met all three goals.  ",
    )
    ended = services.pairings.end(pairing_id, ending, on=END_DAY)
    assert (
        ended.closure_reason,
        ended.ended_as_planned,
        ended.wants_new_pairing,
        ended.closure_note,
    ) == ("completed", as_planned, True, "Met all three goals.")


@pytest.mark.parametrize(
    ("ending", "field"),
    [
        (Ending("bored", ended_as_planned=True, wants_new_pairing=False), "closure_reason"),
        (Ending("completed", True, False, note="x" * 20_001), "closure_note"),
    ],
)
def test_a_wrong_ending_is_refused_naming_the_answer(
    services: Services, ending: Ending, field: str
) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.pairings.end(pairing_id, ending, on=END_DAY)
    assert refused.value.field == field
    assert table_snapshot(services, *TABLES) == before
