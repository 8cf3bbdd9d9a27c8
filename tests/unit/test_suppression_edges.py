"""Secondary suppression on small hand-worked breakdowns (threshold 5, total shown elsewhere).

Each case is worked out from what a reader knows: the total, that "<5" is 1 to 4 and that
"hidden" is 5 or more. Too little hiding lets someone subtract their way to a small number;
too much throws away figures a funder needs. Both are checked.
"""

from __future__ import annotations

import pytest

from peerdesk.services.figures.model import Breakdown, Mode
from peerdesk.services.figures.suppression import (
    HIDDEN,
    any_recoverable,
    breakdown,
    notice,
)


def shown(*cells: tuple[str, int]) -> dict[str, int | str]:
    return breakdown(Breakdown(tuple(cells), "total"), Mode.PUBLISHABLE, 5, total_shown=True)


def test_two_small_cells_that_could_be_many_splits_protect_each_other() -> None:
    # 1 + 2 = 3: the reader knows the pair sums to 3, but not whether it is 1+2 or 2+1.
    assert shown(("a", 1), ("b", 2), ("c", 20)) == {"a": "<5", "b": "<5", "c": 20}
    # 3 + 3 = 6 could be 2+4, 3+3 or 4+2.
    assert shown(("a", 3), ("b", 3), ("c", 20)) == {"a": "<5", "b": "<5", "c": 20}


def test_two_small_cells_that_give_themselves_away_hide_the_next_smallest() -> None:
    # 4 + 4 = 8, and "<5" means at most 4: both must be 4, so a third cell is hidden.
    assert shown(("a", 4), ("b", 4), ("c", 20), ("d", 30)) == {
        "a": "<5",
        "b": "<5",
        "c": HIDDEN,
        "d": 30,
    }


def test_one_small_cell_is_covered_by_exactly_one_hidden_cell() -> None:
    # a + b = 9 with a in 1..4 and b at least 5: a could be 1 to 4, so hiding b is enough.
    assert shown(("a", 2), ("b", 7), ("c", 20)) == {"a": "<5", "b": HIDDEN, "c": 20}


def test_a_breakdown_with_nothing_small_is_shown_in_full() -> None:
    assert shown(("a", 5), ("b", 12), ("c", 0)) == {"a": 5, "b": 12, "c": 0}


@pytest.mark.parametrize(
    ("hidden", "secondary", "recoverable"),
    [
        ({"a": 2}, set(), True),  # alone: total minus the rest gives it back
        ({"a": 1, "b": 1}, set(), True),  # sums to 2: both must be 1
        ({"a": 1, "b": 2}, set(), False),
        ({"a": 4, "b": 4}, set(), True),  # sums to 8: both must be 4
        ({"a": 3, "b": 3}, set(), False),
        ({"a": 2, "b": 7}, {"b"}, False),
        ({"a": 1, "b": 5}, {"b"}, True),  # 6 = 1 + 5 is the only split of "<5" + "hidden"
        ({"a": 2, "b": 7}, set(), True),  # counted as two small cells, 9 is impossible
    ],
)
def test_whether_a_reader_can_work_out_a_hidden_cell(
    hidden: dict[str, int], secondary: set[str], recoverable: bool
) -> None:
    assert any_recoverable(hidden, secondary, 5) is recoverable


def test_the_published_notice_states_the_range_that_is_suppressed() -> None:
    assert 'Counts from 1 to 4 are shown as "<5"' in notice(Mode.PUBLISHABLE, 5)
    assert 'Counts from 1 to 9 are shown as "<10"' in notice(Mode.PUBLISHABLE, 10)
