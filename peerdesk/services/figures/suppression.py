"""Publishable figures: small numbers suppressed so that no one can be picked out.

- A count from 1 to threshold − 1 is shown as the text "<5" (the threshold in it); 0 stays 0.
- Secondary suppression: in a breakdown whose total is shown elsewhere, hiding one cell is not
  enough (total minus the others gives it back), so the next smallest non-zero cells are hidden
  too, shown as "hidden", until no hidden cell can be worked out from the total.
- No mean (or percentage) is given for fewer than 10 people.
Hours are totals of time, not counts of people, and are shown as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from peerdesk.services.figures.model import Breakdown, Mode

#: What a secondary-suppressed cell shows: it is not small, but hiding it protects one that is.
HIDDEN = "hidden"
#: In publishable figures, no mean or percentage on a base smaller than this.
MIN_BASE_PUBLISHABLE = 10

Value = int | float | str | None


def small(threshold: int) -> str:
    return f"<{threshold}"


def notice(mode: Mode, threshold: int) -> str:
    """The statement every export carries on its face: a sentence of its own, so it starts
    with a capital wherever it is shown (after "Saved to …." on the Figures screen, say)."""
    if mode is Mode.INTERNAL:
        return "Internal: contains exact small numbers, do not publish"
    return (
        f"Publishable: small numbers suppressed at threshold {threshold}. Counts from 1 to "
        f'{threshold - 1} are shown as "{small(threshold)}"; "{HIDDEN}" marks a number hidden '
        f"so that a small one cannot be worked out by subtraction; no mean is given for fewer "
        f"than {MIN_BASE_PUBLISHABLE} people."
    )


def count(value: int, mode: Mode, threshold: int) -> int | str:
    if mode is Mode.PUBLISHABLE and 1 <= value < threshold:
        return small(threshold)
    return value


def breakdown(
    cells: Breakdown, mode: Mode, threshold: int, *, total_shown: bool
) -> dict[str, int | str]:
    """A breakdown's buckets as shown; `total_shown`: the total appears elsewhere as a number."""
    shown: dict[str, int | str] = {k: count(v, mode, threshold) for k, v in cells.cells}
    if mode is not Mode.PUBLISHABLE or not total_shown:
        return shown
    hidden = {k: v for k, v in cells.cells if 1 <= v < threshold}
    secondary: set[str] = set()
    while hidden and any_recoverable(hidden, secondary, threshold):
        visible = [(v, i, k) for i, (k, v) in enumerate(cells.cells) if v and k not in hidden]
        if not visible:
            break
        _, _, chosen = min(visible)
        hidden[chosen] = dict(cells.cells)[chosen]
        secondary.add(chosen)
        shown[chosen] = HIDDEN
    return shown


def any_recoverable(hidden: dict[str, int], secondary: set[str], threshold: int) -> bool:
    """Whether a reader who knows the total (so the sum of the hidden cells), that a "<5" cell
    is 1 to 4 and that a "hidden" one is at least 5, could work out any hidden cell exactly."""
    total = sum(hidden.values())
    bounds = [(threshold, total) if key in secondary else (1, threshold - 1) for key in hidden]
    return any(_pinned(i, bounds, total) for i in range(len(bounds)))


def _pinned(i: int, bounds: Sequence[tuple[int, int]], total: int) -> bool:
    low, high = bounds[i]
    others_low = sum(b[0] for j, b in enumerate(bounds) if j != i)
    others_high = sum(b[1] for j, b in enumerate(bounds) if j != i)
    return max(low, total - others_high) >= min(high, total - others_low)


def mean(value: float, base: int, mode: Mode, minimum: int) -> float | None:
    """A mean on `base` people, or None when the base is too small to give one."""
    needed = max(minimum, MIN_BASE_PUBLISHABLE) if mode is Mode.PUBLISHABLE else minimum
    return value if base >= needed else None
