"""The disclosure checker: what a reader can work out from a publishable report.

A publishable report is modelled as named non-negative whole-number unknowns (its cells), what
is published about each (`Shown`: an exact value, "<5", "hidden", "suppressed" or a rounded
value), linear constraints that hold between them (a breakdown adds up to its total, a ≤ b, and
any other identity), and declared derived counts (linear expressions such as people in both
mentoring and groups = mentees + group attendees − people supported). `intervals` gives, for
every cell not published exactly and every derived count, the exact range of values it can take
over ALL whole-number completions consistent with what is published; `leaks` names those a
reader can pin to, or confine within, 1 … threshold − 1.

Exact: the ranges come from exact integer optimisation (disclosure_lp.py), not from a rule of
thumb, so a constraint nobody thought to declare still binds, and no range is wider than the
truth (a too-wide range would hide a leak). No Qt, no database: the suppression step builds a
`DisclosureModel` and asks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from peerdesk.services.figures.disclosure_lp import IntegerProgram, Row, TooComplex

__all__ = [
    "DisclosureModel",
    "InconsistentReport",
    "Interval",
    "Leak",
    "Shown",
    "TooComplex",
    "intervals",
    "leaks",
    "published",
]


@dataclass(frozen=True)
class Shown:
    """What is published about one cell, as the range a reader learns from it."""

    text: str
    low: int
    high: int | None  # None: no upper bound

    @property
    def exact(self) -> bool:
        return self.high == self.low

    @staticmethod
    def value(v: int) -> Shown:
        return Shown(str(v), v, v)

    @staticmethod
    def small(threshold: int) -> Shown:
        """ "<5": 1 to threshold − 1 (0 is published as 0)."""
        return Shown(f"<{threshold}", 1, threshold - 1)

    @staticmethod
    def hidden(threshold: int | None = None) -> Shown:
        """ "hidden": not known. Given the threshold, at least it: figures.md tells readers a
        hidden number is never a small one, so a reader may use that."""
        return Shown("hidden", threshold or 0, None)

    @staticmethod
    def suppressed() -> Shown:
        return Shown("suppressed", 0, None)

    @staticmethod
    def rounded(v: int, half_width: int = 2) -> Shown:
        """A value rounded to the nearest 5 (ONS practice): v − 2 … v + 2, never below 0."""
        return Shown(f"{v} (rounded)", max(0, v - half_width), v + half_width)


def published(value: int | str, threshold: int) -> Shown:
    """What a reader learns from a value as a publishable export shows it: a whole number,
    "<5" (with this threshold), "hidden" or "suppressed"."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return Shown.value(value)
    if value == f"<{threshold}":
        return Shown.small(threshold)
    if value == "hidden":
        return Shown.hidden(threshold)
    if value == "suppressed":
        return Shown.suppressed()
    raise ValueError(f"{value!r} is not a published count at threshold {threshold}")


@dataclass(frozen=True)
class Interval:
    """The values a reader cannot rule out: low … high, both whole (None: unbounded)."""

    low: int | None
    high: int | None

    def within(self, low: int, high: int) -> bool:
        return (
            self.low is not None and self.high is not None and low <= self.low and self.high <= high
        )


@dataclass(frozen=True)
class Constraint:
    terms: tuple[tuple[str, int], ...]  # (cell, coefficient)
    op: str  # "=", "<=" or ">="
    rhs: int
    why: str


@dataclass(frozen=True)
class Derived:
    name: str
    terms: tuple[tuple[str, int], ...]
    about: str  # in words, for the reasons
    #: A count of people is at least 0, and a reader knows it, so it binds the others.
    is_count: bool = True


@dataclass(frozen=True)
class Leak:
    name: str
    interval: Interval
    reason: str


class InconsistentReport(ValueError):
    """What is published has no whole-number completion: a bug in whatever built it."""


@dataclass
class DisclosureModel:
    """A publishable report as the checker sees it. Build with `cell`, `breakdown`,
    `at_most`, `equation` and `derived`; then call `intervals` or `leaks`."""

    threshold: int
    cells: dict[str, Shown] = field(default_factory=dict)
    constraints: list[Constraint] = field(default_factory=list)
    derived_counts: dict[str, Derived] = field(default_factory=dict)

    def cell(self, name: str, shown: Shown) -> None:
        if name in self.cells or name in self.derived_counts:
            raise ValueError(f"{name!r} is already in the model")
        self.cells[name] = shown

    def equation(self, terms: Mapping[str, int], op: str, rhs: int, why: str) -> None:
        """Σ coefficient × cell (op) rhs, op one of "=", "<=", ">="."""
        if op not in ("=", "<=", ">="):
            raise ValueError(f"unknown relation {op!r}")
        unknown = [name for name in terms if name not in self.cells]
        if unknown:
            raise ValueError(f"{unknown} are not cells of the model")
        self.constraints.append(Constraint(tuple(terms.items()), op, rhs, why))

    def breakdown(self, total: str, parts: Iterable[str]) -> None:
        """The parts add up to the total."""
        terms: dict[str, int] = {total: -1}
        for part in parts:
            terms[part] = terms.get(part, 0) + 1
        self.equation(terms, "=", 0, f"the parts of {total} add up to it")

    def at_most(self, smaller: str, larger: str) -> None:
        self.equation({smaller: 1, larger: -1}, "<=", 0, f"{smaller} is at most {larger}")

    def derived(
        self, name: str, terms: Mapping[str, int], about: str, *, is_count: bool = True
    ) -> None:
        """A count a reader can work out from cells (e.g. {"mentees": 1, "groups": 1,
        "people": -1} for people in both); a count of people unless `is_count` is False."""
        if name in self.cells or name in self.derived_counts:
            raise ValueError(f"{name!r} is already in the model")
        unknown = [cell for cell in terms if cell not in self.cells]
        if unknown:
            raise ValueError(f"{unknown} are not cells of the model")
        self.derived_counts[name] = Derived(name, tuple(terms.items()), about, is_count)


@dataclass
class _Program:
    """The model with exactly published cells substituted: unknowns are the other cells,
    shifted so that each starts at 0 (x = low + x')."""

    unknowns: list[str]
    index: dict[str, int]
    shown: dict[str, Shown]

    def split(self, terms: Iterable[tuple[str, int]]) -> tuple[dict[int, int], int]:
        """Coefficients over the shifted unknowns, and the constant part."""
        coefficients: dict[int, int] = {}
        constant = 0
        for name, a in terms:
            constant += a * self.shown[name].low
            if name in self.index:
                j = self.index[name]
                coefficients[j] = coefficients.get(j, 0) + a
        return {j: a for j, a in coefficients.items() if a}, constant


def _rows(model: DisclosureModel, program: _Program) -> list[Row] | None:
    rows: list[Row] = []
    for name in program.unknowns:
        shown = model.cells[name]
        if shown.high is not None:
            rows.append(({program.index[name]: 1}, "<=", shown.high - shown.low))
    relations = [(c.terms, c.op, c.rhs) for c in model.constraints]
    relations += [(d.terms, ">=", 0) for d in model.derived_counts.values() if d.is_count]
    for terms, op, rhs in relations:
        coefficients, constant = program.split(terms)
        if coefficients:
            rows.append((coefficients, op, rhs - constant))
        elif not _holds(constant, op, rhs):
            return None  # a relation between exactly published cells that is false
    return rows


def _holds(value: int, op: str, rhs: int) -> bool:
    return value == rhs if op == "=" else value <= rhs if op == "<=" else value >= rhs


class _Components:
    """The unknowns split into groups that no constraint links (each breakdown with its own
    total, say), each solved on its own: smaller programs, and a bound of a sum over groups is
    the sum of the groups' bounds because they vary independently."""

    def __init__(self, n: int, rows: list[Row]) -> None:
        parent = list(range(n))

        def root(j: int) -> int:
            while parent[j] != j:
                parent[j] = parent[parent[j]]
                j = parent[j]
            return j

        for coefficients, _, _ in rows:
            first, *rest = coefficients
            for j in rest:
                parent[root(j)] = root(first)
        groups: dict[int, list[int]] = {}
        for j in range(n):
            groups.setdefault(root(j), []).append(j)
        #: variable → (its group, its index within the group)
        self.where = {j: (g, k) for g, members in groups.items() for k, j in enumerate(members)}
        self.programs: dict[int, IntegerProgram] = {}
        for g, members in groups.items():
            local = {j: k for k, j in enumerate(members)}
            own = [
                ({local[j]: a for j, a in c.items()}, op, rhs)
                for c, op, rhs in rows
                if root(next(iter(c))) == g
            ]
            self.programs[g] = IntegerProgram(len(members), own)
        self.feasible = all(program.feasible for program in self.programs.values())

    def _by_group(self, objective: Mapping[int, int]) -> dict[int, dict[int, int]]:
        split: dict[int, dict[int, int]] = {}
        for j, a in objective.items():
            g, k = self.where[j]
            split.setdefault(g, {})[k] = a
        return split

    def minimum(self, objective: Mapping[int, int]) -> int | None:
        parts = [self.programs[g].minimum(o) for g, o in self._by_group(objective).items()]
        return None if None in parts else sum(p for p in parts if p is not None)

    def maximum(self, objective: Mapping[int, int]) -> int | None:
        parts = [self.programs[g].maximum(o) for g, o in self._by_group(objective).items()]
        return None if None in parts else sum(p for p in parts if p is not None)


def intervals(model: DisclosureModel) -> dict[str, Interval] | None:
    """For each cell not published exactly and each derived count: the exact range of its value
    over every whole-number completion consistent with what is published. None when there is
    no such completion (what is published contradicts itself)."""
    for shown in model.cells.values():
        if shown.low < 0 or (shown.high is not None and shown.high < shown.low):
            return None
    unknowns = [name for name, shown in model.cells.items() if not shown.exact]
    program = _Program(unknowns, {name: j for j, name in enumerate(unknowns)}, model.cells)
    rows = _rows(model, program)
    if rows is None:
        return None
    solver = _Components(len(unknowns), rows)
    if not solver.feasible:
        return None
    targets: list[tuple[str, tuple[tuple[str, int], ...]]]
    targets = [(name, ((name, 1),)) for name in unknowns]
    targets += [(d.name, d.terms) for d in model.derived_counts.values()]
    result: dict[str, Interval] = {}
    for name, terms in targets:
        coefficients, constant = program.split(terms)
        if not coefficients:
            result[name] = Interval(constant, constant)
            continue
        low = solver.minimum(coefficients)
        high = solver.maximum(coefficients)
        result[name] = Interval(
            None if low is None else low + constant, None if high is None else high + constant
        )
    return result


def leaks(model: DisclosureModel) -> list[Leak]:
    """The cells and derived counts a reader can pin to, or confine within, 1 … threshold − 1,
    in the model's order, each with a reason in words; an empty list: the report is publishable.

    A "<5" cell is confined to 1 … 4 by what it says: it leaks only when pinned to one value.
    Raises InconsistentReport when what is published contradicts itself."""
    found = intervals(model)
    if found is None:
        raise InconsistentReport("the published figures contradict each other")
    top = model.threshold - 1
    out: list[Leak] = []
    for name, interval in found.items():
        derived = model.derived_counts.get(name)
        what = derived.about if derived else f"{name} (shown as {model.cells[name].text!r})"
        if interval.within(1, top) and interval.low == interval.high:
            out.append(Leak(name, interval, f"{what} can be worked out: it is {interval.low}"))
        elif interval.within(1, top) and (derived or not _said_small(model.cells[name], top)):
            out.append(
                Leak(
                    name,
                    interval,
                    f"{what} can be worked out to be between {interval.low} and "
                    f"{interval.high}, a number below {model.threshold}",
                )
            )
    return out


def _said_small(shown: Shown, top: int) -> bool:
    """Whether the published marker itself already says 1 … top ("<5"): that is no leak."""
    return shown.low >= 1 and shown.high is not None and shown.high <= top
