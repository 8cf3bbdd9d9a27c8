"""The disclosure checker's ranges against brute force: random small published systems, every
whole-number completion enumerated, and the checker's [min, max] must be exactly the same."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.services.figures.disclosure import DisclosureModel, Interval, Shown, intervals, leaks

#: Every part is at most this, and the reader is told so (it keeps the enumeration finite).
CAP = 12
#: The most completions the brute force may have to try in one example (keeps it quick).
MOST_COMPLETIONS = 6000


@dataclass
class System:
    threshold: int
    truth: dict[str, int]
    leaves: list[str]
    #: total → its breakdowns (lists of leaves); the first is how the brute force computes it.
    totals: dict[str, list[list[str]]]
    grand: bool  # "all" = the sum of the totals
    at_most: list[tuple[str, str]] = field(default_factory=list)
    derived: tuple[str, str, bool] | None = None  # a − b, and whether it is a count (≥ 0)
    #: An identity with coefficients other than ±1 (say 2 × pairs = people paired): such
    #: systems are not totally unimodular, so the relaxation can be fractional and branch.
    weighted: dict[str, int] = field(default_factory=dict)
    shown: dict[str, Shown] = field(default_factory=dict)


def _parts_summing_to(draw: Any, total: int, size: int) -> list[int]:
    parts = []
    remaining = total
    for i in range(size - 1):
        room = CAP * (size - 1 - i)
        v = draw(st.integers(max(0, remaining - room), min(CAP, remaining)))
        parts.append(v)
        remaining -= v
    return [*parts, remaining]


def _markers(v: int, threshold: int) -> list[Shown]:
    options = [Shown.value(v), Shown.suppressed(), Shown.rounded(v)]
    if 1 <= v < threshold:
        options.append(Shown.small(threshold))
    if v >= threshold:
        options.append(Shown.hidden(threshold))
    return options


def _leaf_range(shown: Shown) -> range:
    return range(shown.low, min(CAP if shown.high is None else shown.high, CAP) + 1)


@st.composite
def systems(draw: Any) -> System:
    threshold = draw(st.integers(3, 5))
    truth: dict[str, int] = {}
    leaves: list[str] = []
    totals: dict[str, list[list[str]]] = {}
    for t in range(draw(st.integers(1, 2))):
        first = draw(st.lists(st.integers(0, CAP), min_size=2, max_size=4))
        breakdowns = [first]
        if draw(st.booleans()) and sum(first) <= 3 * CAP:
            size = draw(st.integers(max(2, -(-sum(first) // CAP)), 3))
            breakdowns.append(_parts_summing_to(draw, sum(first), size))
        totals[f"T{t}"] = []
        for b, values in enumerate(breakdowns):
            names = [f"T{t}b{b}p{i}" for i in range(len(values))]
            truth.update(zip(names, values, strict=True))
            leaves += names
            totals[f"T{t}"].append(names)
        truth[f"T{t}"] = sum(first)
    grand = len(totals) == 2 and draw(st.booleans())
    if grand:
        truth["all"] = sum(truth[t] for t in totals)
    system = System(threshold, truth, leaves, totals, grand)
    names = sorted(truth)
    for _ in range(draw(st.integers(0, 2))):
        a, b = draw(st.sampled_from(names)), draw(st.sampled_from(names))
        if a != b and truth[a] <= truth[b]:
            system.at_most.append((a, b))
    if draw(st.booleans()):
        a, b = draw(st.sampled_from(names)), draw(st.sampled_from(names))
        if a != b:
            system.derived = (a, b, truth[a] >= truth[b] and draw(st.booleans()))
    if draw(st.booleans()):
        chosen = draw(st.lists(st.sampled_from(names), min_size=2, max_size=3, unique=True))
        system.weighted = {n: draw(st.sampled_from([-3, -2, 2, 3])) for n in chosen}
    for name in names:
        system.shown[name] = draw(st.sampled_from(_markers(truth[name], threshold)))
    _keep_enumeration_small(system)
    return system


def _keep_enumeration_small(system: System) -> None:
    """Publish the widest unknown parts exactly until brute force stays quick."""
    while True:
        sizes = {n: len(_leaf_range(system.shown[n])) for n in system.leaves}
        product = 1
        for size in sizes.values():
            product *= size
        if product <= MOST_COMPLETIONS:
            return
        widest = max(sizes, key=lambda n: (sizes[n], n))
        system.shown[widest] = Shown.value(system.truth[widest])


def model_of(system: System) -> DisclosureModel:
    model = DisclosureModel(system.threshold)
    for name in sorted(system.truth):
        model.cell(name, system.shown[name])
    for total, breakdowns in system.totals.items():
        for parts in breakdowns:
            model.breakdown(total, parts)
    if system.grand:
        model.breakdown("all", list(system.totals))
    for leaf in system.leaves:
        model.equation({leaf: 1}, "<=", CAP, f"every part is at most {CAP}")
    for a, b in system.at_most:
        model.at_most(a, b)
    if system.weighted:
        value = sum(a * system.truth[n] for n, a in system.weighted.items())
        model.equation(system.weighted, "=", value, "a weighted identity")
    if system.derived:
        a, b, is_count = system.derived
        model.derived("d", {a: 1, b: -1}, f"{a} − {b}", is_count=is_count)
    return model


def brute_force(system: System) -> dict[str, Interval] | None:
    """Every completion of the unknown parts, kept when it agrees with everything published."""
    shown = system.shown
    ranges = [_leaf_range(shown[leaf]) for leaf in system.leaves]
    targets = [n for n in sorted(system.truth) if not shown[n].exact]
    if system.derived:
        targets.append("d")
    seen: dict[str, tuple[int, int]] = {}
    found = False
    for combo in itertools.product(*ranges):
        values = dict(zip(system.leaves, combo, strict=True))
        if not _consistent(system, values):
            continue
        found = True
        for name in targets:
            v = values[name]
            low, high = seen.get(name, (v, v))
            seen[name] = (min(low, v), max(high, v))
    if not found:
        return None
    return {name: Interval(*seen[name]) for name in targets}


def _consistent(system: System, values: dict[str, int]) -> bool:
    """Fills in the totals (and the derived count "d") and checks every published fact."""
    for total, breakdowns in system.totals.items():
        sums = {sum(values[p] for p in parts) for parts in breakdowns}
        if len(sums) != 1:
            return False
        values[total] = sums.pop()
    if system.grand:
        values["all"] = sum(values[t] for t in system.totals)
    for name, v in values.items():
        s = system.shown[name]
        if v < s.low or (s.high is not None and v > s.high):
            return False
    if any(values[a] > values[b] for a, b in system.at_most):
        return False
    weighted = system.weighted.items()
    if sum(a * values[n] for n, a in weighted) != sum(a * system.truth[n] for n, a in weighted):
        return False
    if system.derived:
        a, b, is_count = system.derived
        values["d"] = values[a] - values[b]
        if is_count and values["d"] < 0:
            return False
    return True


@settings(max_examples=200, deadline=None, derandomize=True)
@given(systems())
def test_the_checkers_ranges_are_exactly_those_of_brute_force(system: System) -> None:
    model = model_of(system)
    assert intervals(model) == brute_force(system)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(systems())
def test_leaks_are_the_ranges_within_1_to_threshold_minus_1(system: System) -> None:
    model = model_of(system)
    truth_ranges = brute_force(system)
    assert truth_ranges is not None  # the truth itself is a completion
    top = system.threshold - 1
    expected = []
    for name, r in truth_ranges.items():
        said_small = name != "d" and system.shown[name].text == f"<{system.threshold}"
        assert r.low is not None and r.high is not None
        if r.low >= 1 and r.high <= top and (r.low == r.high or not said_small):
            expected.append(name)
    assert [leak.name for leak in leaks(model)] == expected
