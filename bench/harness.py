"""Timing against a floor: interleaved runs, medians, ratios, growth, and the JSON shape.

Every benchmark compares peerdesk doing a job with the cheapest way Python, Qt, SQLite or
reportlab can do the same job on the same machine, measured in the same run. Absolute times
move with the machine (and with whoever else is using it); the ratio is what we track.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Growth exponents above this count as worse than linear (a little slack for noise).
LINEAR_SLACK = 1.15


@dataclass
class Comparison:
    """One benchmark: peerdesk's samples beside the floor's, in seconds (or bytes)."""

    name: str
    title: str
    ours: list[float]
    floor: list[float]
    target: float | None
    floor_label: str
    unit: str = "s"
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    #: An absolute ceiling on peerdesk's median, in `unit` (a refusal within 5 s), where a
    #: ratio alone says too little: the floor is only there to show the machine's pace.
    limit: float | None = None
    #: Other things that must hold for the target to count as met ("refused": True).
    checks: dict[str, bool] = field(default_factory=dict)

    @property
    def ours_median(self) -> float:
        return statistics.median(self.ours)

    @property
    def floor_median(self) -> float:
        return statistics.median(self.floor)

    @property
    def ratio(self) -> float:
        return ratio(self.ours_median, self.floor_median)

    @property
    def met(self) -> bool | None:
        if self.target is None and self.limit is None and not self.checks:
            return None
        return (
            (self.target is None or self.ratio <= self.target)
            and (self.limit is None or self.ours_median <= self.limit)
            and all(self.checks.values())
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "unit": self.unit,
            "ours": round_value(self.ours_median),
            "floor": round_value(self.floor_median),
            "ratio": round(self.ratio, 2),
            "target": self.target,
            "met": self.met,
            "floor_is": self.floor_label,
            "runs": len(self.ours),
            "ours_samples": [round_value(v) for v in self.ours],
            "floor_samples": [round_value(v) for v in self.floor],
            "notes": self.notes,
            **({"limit": self.limit} if self.limit is not None else {}),
            **({"checks": self.checks} if self.checks else {}),
            **({"extra": self.extra} if self.extra else {}),
        }


def ratio(ours: float, floor: float) -> float:
    """How many times the floor peerdesk takes; infinite when the floor took no time at all."""
    if floor <= 0:
        return math.inf if ours > 0 else 1.0
    return ours / floor


def round_value(value: float) -> float:
    """Six significant figures: enough for microseconds, short enough to read."""
    return float(f"{value:.6g}")


def interleave(
    ours: Callable[[], Any],
    floor: Callable[[], Any],
    runs: int,
    *,
    warmup: int = 1,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[list[float], list[float]]:
    """Time `ours` and `floor` alternately, swapping which goes first each round.

    On a shared machine a burst of someone else's work lands on both sides rather than on
    one, and neither side always enjoys a cache the other has just warmed.
    """
    for _ in range(warmup):
        ours()
        floor()
    ours_times: list[float] = []
    floor_times: list[float] = []
    for round_number in range(runs):
        pair = ((ours, ours_times), (floor, floor_times))
        for job, times in pair if round_number % 2 == 0 else reversed(pair):
            started = clock()
            job()
            times.append(clock() - started)
    return ours_times, floor_times


def interleave_measured(
    ours: Callable[[], float],
    floor: Callable[[], float],
    runs: int,
) -> tuple[list[float], list[float]]:
    """Like `interleave`, for jobs that measure themselves (a subprocess's own clock)."""
    ours_values, floor_values = rotate_measured([ours, floor], runs)
    return ours_values, floor_values


def rotate_measured(jobs: list[Callable[[], float]], runs: int) -> list[list[float]]:
    """Each job once per round, starting from a different job each round; their own values."""
    values: list[list[float]] = [[] for _ in jobs]
    for round_number in range(runs):
        for offset in range(len(jobs)):
            index = (round_number + offset) % len(jobs)
            values[index].append(jobs[index]())
    return values


@dataclass
class Growth:
    """How a cost grows with the data: the exponent b in cost ∝ size^b, from a log-log fit."""

    multiples: list[float]
    costs: list[float]

    @property
    def exponent(self) -> float:
        return growth_exponent(self.multiples, self.costs)

    @property
    def steps(self) -> list[float]:
        """Cost at each multiple divided by the cost at the previous one."""
        return [ratio(b, a) for a, b in zip(self.costs, self.costs[1:], strict=False)]

    @property
    def worse_than_linear(self) -> bool:
        return self.exponent > LINEAR_SLACK


def growth_exponent(multiples: list[float], costs: list[float]) -> float:
    """Least-squares slope of log(cost) against log(size). 1.0 is linear, 0 is flat."""
    if len(multiples) != len(costs) or len(multiples) < 2:
        raise ValueError("need at least two sizes, each with a cost")
    xs = [math.log(m) for m in multiples]
    ys = [math.log(max(c, 1e-12)) for c in costs]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        raise ValueError("the sizes must differ")
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def growth_json(
    name: str, multiples: list[float], ours: list[float], floor: list[float]
) -> dict[str, Any]:
    mine, base = Growth(multiples, ours), Growth(multiples, floor)
    return {
        "name": name,
        "multiples": multiples,
        "ours": [round_value(v) for v in ours],
        "floor": [round_value(v) for v in floor],
        "ratios": [round(ratio(a, b), 2) for a, b in zip(ours, floor, strict=True)],
        "ours_steps": [round(v, 2) for v in mine.steps],
        "ours_exponent": round(mine.exponent, 2),
        "floor_exponent": round(base.exponent, 2),
        "worse_than_linear": mine.worse_than_linear,
    }
