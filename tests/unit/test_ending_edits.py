"""Putting right how a pairing ended (issue 20): `PairingService.update_ending` saves the
reason, as planned or early, new pairing wanted, the note and the end date in one change set,
with the same checks as ending (not before the last session held, not in the future, a known
reason, a note of sensible length). A refused edit changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.pairings import Ending
from peerdesk.services.mentoring.rows import PlannedSessionsAfterEnd
from peerdesk.services.validation import MAX_LONG_TEXT
from peerdesk.vocabulary import ClosureReason, PairingStatus, ReferralStatus
from tests.conftest import TODAY
from tests.unit.test_ending_and_rearranging import log
from tests.unit.test_pairings_builders import active_pairing, table_snapshot

TABLES = ("pairing", "pairing_status_change", "mentoring_session", "referral", "change_set")
HELD = date(2026, 6, 1)
ENDED = date(2026, 6, 10)
WANTS_NEW = Ending(reason=ClosureReason.COMPLETED, ended_as_planned=True, wants_new_pairing=True)
CORRECTED = Ending(
    reason=ClosureReason.CHANGE_IN_CIRCUMSTANCES.value,
    ended_as_planned=False,
    wants_new_pairing=True,
    note="Moved to Fife",
)


@pytest.fixture
def ended(services: Services) -> int:
    pairing_id = active_pairing(services)
    log(services, pairing_id, HELD)
    services.pairings.end(pairing_id, WANTS_NEW, on=ENDED)
    return pairing_id


def test_an_edit_saves_every_answer_and_the_date_in_one_change_set(
    services: Services, ended: int
) -> None:
    sets_before = len(services.history.for_record("pairing", ended))
    saved = services.pairings.update_ending(ended, CORRECTED, on=HELD)
    assert (saved.status, saved.end_date) == (PairingStatus.ENDED, HELD)
    assert (saved.closure_reason, saved.ended_as_planned) == ("change_in_circumstances", False)
    assert (saved.wants_new_pairing, saved.closure_note) == (True, "Moved to Fife")
    # The pairing's own history of statuses moves the ending to the new date too.
    assert services.pairings.history(ended)[-1].changed_on == HELD
    changes = services.history.for_record("pairing", ended)
    assert len(changes) == sets_before + 1
    newest = changes[-1]  # oldest first
    assert newest.description == f"Edited the ending of pairing {saved.reference}"
    words = " ".join(w for line in newest.lines for w in line.words)
    assert "Moved to Fife" in words


@pytest.mark.parametrize(
    ("ending", "on", "field"),
    [
        (CORRECTED, date(2026, 5, 31), "changed_on"),  # before the session held on 1 June
        (CORRECTED, date(2026, 1, 4), "changed_on"),  # before it became active
        (CORRECTED, date(2026, 6, 16), "changed_on"),  # after TODAY, 15 June
        (Ending("bored", False, True), ENDED, "closure_reason"),
        (Ending("completed", False, True, note="x" * (MAX_LONG_TEXT + 1)), ENDED, "closure_note"),
    ],
)
def test_an_edit_is_checked_as_an_ending_is_and_a_refusal_changes_nothing(
    services: Services, ended: int, ending: Ending, on: date, field: str
) -> None:
    assert date(2026, 6, 16) > TODAY
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError) as refused:
        services.pairings.update_ending(ended, ending, on=on)
    assert refused.value.field == field
    assert table_snapshot(services, *TABLES) == before


def test_the_last_session_is_named_when_the_date_is_before_it(
    services: Services, ended: int
) -> None:
    with pytest.raises(ValidationError, match="last session logged \\(held on 01 June 2026\\)"):
        services.pairings.update_ending(ended, CORRECTED, on=date(2026, 5, 30))


def test_a_pairing_that_has_not_ended_has_no_ending_to_edit(services: Services) -> None:
    pairing_id = active_pairing(services)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(ValidationError, match="has not ended"):
        services.pairings.update_ending(pairing_id, CORRECTED, on=ENDED)
    assert table_snapshot(services, *TABLES) == before


def test_an_earlier_end_date_with_sessions_planned_after_it_asks_first(
    services: Services,
) -> None:
    pairing_id = active_pairing(services)
    log(services, pairing_id, HELD)
    log(services, pairing_id, date(2026, 6, 5), "planned")  # before the end: it stays
    services.pairings.end(pairing_id, WANTS_NEW, on=ENDED)
    before = table_snapshot(services, *TABLES)
    with pytest.raises(PlannedSessionsAfterEnd):
        services.pairings.update_ending(pairing_id, CORRECTED, on=HELD)
    assert table_snapshot(services, *TABLES) == before
    services.pairings.update_ending(pairing_id, CORRECTED, on=HELD, cancel_planned=True)
    assert [s.session_date for s in services.sessions.for_pairing(pairing_id)] == [HELD]


def test_no_new_pairing_wanted_after_all_closes_the_referral_as_ending_does(
    services: Services, ended: int
) -> None:
    mentee = services.pairings.get(ended).mentee_id
    assert services.referrals.for_person(mentee)[0].status == ReferralStatus.ACCEPTED
    no_more = Ending(ClosureReason.COMPLETED.value, True, wants_new_pairing=False)
    services.pairings.update_ending(ended, no_more, on=ENDED)
    assert services.referrals.for_person(mentee)[0].status == ReferralStatus.CLOSED
