"""Secondary suppression when there is nothing left to hide behind.

If every non-zero cell of a breakdown is already small, no cell can be hidden to cover it
(zeros are never hidden: a true zero gives nobody away). The breakdown is still exported in
full, small cells as "<5" and zeros as 0, rather than the export failing or losing the table.
"""

from __future__ import annotations

from peerdesk.services.figures.model import Breakdown, Mode
from peerdesk.services.figures.suppression import breakdown


def test_a_breakdown_of_only_small_and_zero_cells_is_still_shown() -> None:
    cells = Breakdown((("a", 2), ("b", 0), ("c", 0)), "total")

    shown = breakdown(cells, Mode.PUBLISHABLE, 5, total_shown=True)

    assert shown == {"a": "<5", "b": 0, "c": 0}


def test_two_small_cells_that_give_themselves_away_with_no_other_cell_are_still_shown() -> None:
    # 1 + 1 = 2 pins both cells, but only zeros are left to hide: nothing more can be done.
    cells = Breakdown((("a", 1), ("b", 1), ("c", 0)), "total")

    shown = breakdown(cells, Mode.PUBLISHABLE, 5, total_shown=True)

    assert shown == {"a": "<5", "b": "<5", "c": 0}
