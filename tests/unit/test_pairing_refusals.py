"""A pairing step that cannot be taken is refused naming what is wrong (the date, the status)
or saying the pairing is gone, so the screen can point at the right answer. Found by mutation
testing (docs/testing.md, "Mutation testing")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from peerdesk.errors import NotFoundError, ValidationError
from peerdesk.services import Services
from tests.conftest import TODAY
from tests.unit.test_ending_and_rearranging import ENDING, STARTED
from tests.unit.test_pairings_builders import active_pairing


def test_a_step_dated_in_the_future_is_refused_on_its_date(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    with pytest.raises(ValidationError) as refused:
        services.pairings.pause(pairing_id, on=TODAY + timedelta(days=1))
    assert refused.value.field == "changed_on"
    assert str(refused.value) == "The date cannot be in the future."


def test_a_step_the_status_does_not_allow_is_refused_on_the_status(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    services.pairings.end(pairing_id, ENDING, on=date(2026, 6, 1))
    with pytest.raises(ValidationError) as refused:
        services.pairings.resume(pairing_id, on=TODAY)
    assert refused.value.field == "status"
    assert "Ended pairings stay ended" in str(refused.value)


def test_a_step_on_a_pairing_that_is_gone_says_so(services: Services) -> None:
    with pytest.raises(NotFoundError) as missing:
        services.pairings.pause(999, on=TODAY)
    assert str(missing.value).startswith("That pairing could not be found")


def test_a_refused_step_names_both_statuses_in_plain_words(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    with pytest.raises(ValidationError) as refused:
        services.pairings.introduce(pairing_id, on=TODAY)
    # Only an ended pairing is told to start again with a new one.
    assert str(refused.value) == "A pairing that is active cannot become introduced."


def test_a_step_dated_before_the_last_change_is_refused_on_its_date(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    with pytest.raises(ValidationError) as refused:
        services.pairings.pause(pairing_id, on=STARTED - timedelta(days=1))
    assert refused.value.field == "changed_on"
    assert str(refused.value).startswith("That date is before the pairing's last change")


def test_a_pause_note_too_long_is_refused_naming_the_note(services: Services) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    with pytest.raises(ValidationError) as refused:
        services.pairings.pause(pairing_id, on=TODAY, note="x" * 20_001)
    assert refused.value.field == "note"
    assert str(refused.value).startswith("The note is too long")
