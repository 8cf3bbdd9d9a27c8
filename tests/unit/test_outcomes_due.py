"""Today's "after" wellbeing scores reminder, on its boundary days: a pairing ended in the
last 8 weeks, or due to end (start + planned length) within 14 days, for a mentee with
"before" scores and no "after" scores yet for that pairing."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.services import Services
from peerdesk.services.attention.outcomes_due import GROUP
from peerdesk.services.mentoring.ending import Ending
from peerdesk.services.outcomes.views import ScoreEntry
from tests.unit.test_pairings_builders import active_pairing, organisation

#: active_pairing starts on 5 January 2026; planned 26 weeks, so it is due to end on
#: 6 July 2026 (5 January + 182 days).
STARTED = date(2026, 1, 5)


@pytest.fixture
def pairing(services: Services) -> int:
    organisation(services)
    return active_pairing(services, started=STARTED)


def _due_on(services: Services, day: date) -> list[str]:
    on_that_day = Services(services.db, today=lambda: day)
    return [i.title for i in on_that_day.attention.items() if i.group == GROUP]


def _scores(services: Services, person: int, timing: str, on: date, **link: int) -> int:
    return services.outcomes.record(
        person, ScoreEntry(timing=timing, scored_on=on, answers=(3,) * 7, **link)
    ).id


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (date(2026, 6, 21), False),  # 15 days before the planned end
        (date(2026, 6, 22), True),  # 14 days before
        (date(2026, 7, 6), True),  # the planned end itself
    ],
)
def test_due_from_a_fortnight_before_the_planned_end(
    services: Services, pairing: int, day: date, shown: bool
) -> None:
    mentee = services.pairings.get(pairing).mentee_id
    _scores(services, mentee, "before", STARTED, pairing_id=pairing)
    assert _due_on(services, day) == (
        ["Morag Mentee: “after” wellbeing scores due"] if shown else []
    )


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (date(2026, 6, 1), True),  # the day it ended
        (date(2026, 7, 27), True),  # 8 weeks (56 days) after
        (date(2026, 7, 28), False),  # 57 days after
    ],
)
def test_due_for_eight_weeks_after_an_ending(
    services: Services, pairing: int, day: date, shown: bool
) -> None:
    mentee = services.pairings.get(pairing).mentee_id
    _scores(services, mentee, "before", STARTED)
    services.pairings.end(pairing, Ending("completed", True, False), on=date(2026, 6, 1))
    items = [
        i for i in Services(services.db, today=lambda: day).attention.items() if i.group == GROUP
    ]
    assert len(items) == int(shown)
    if shown:
        assert items[0].record_kind == "person" and items[0].record_id == mentee
        assert "ended on 1 June 2026" in items[0].detail
        assert "5 January 2026" in items[0].detail


def test_not_due_without_before_scores_or_once_after_scores_are_in(
    services: Services, pairing: int
) -> None:
    mentee = services.pairings.get(pairing).mentee_id
    day = date(2026, 7, 1)
    assert _due_on(services, day) == []  # nothing to compare with
    _scores(services, mentee, "before", STARTED)
    assert len(_due_on(services, day)) == 1
    # "During" scores and "after" scores from before the pairing started do not count.
    _scores(services, mentee, "during", date(2026, 3, 1))
    _scores(services, mentee, "after", date(2026, 1, 4))
    assert len(_due_on(services, day)) == 1
    after = _scores(services, mentee, "after", date(2026, 6, 14), pairing_id=pairing)
    assert _due_on(services, day) == []
    # Removing them (entered in error) brings the reminder back.
    services.outcomes.remove(after, "Wrong person")
    assert len(_due_on(services, day)) == 1
    # An unlinked "after" set on or after the start clears it too.
    _scores(services, mentee, "after", STARTED)
    assert _due_on(services, day) == []
