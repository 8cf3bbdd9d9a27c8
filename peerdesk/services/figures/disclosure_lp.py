"""Exact integer optimisation for the disclosure checker.

The smallest and largest value a linear expression (whole-number coefficients) takes over the
NON-NEGATIVE INTEGER solutions of linear constraints (whole-number coefficients). Exact: rational
arithmetic throughout (`fractions.Fraction`), a two-phase simplex with Bland's rule (it never
cycles, so the answer does not depend on luck), and branch and bound whenever a relaxation's
optimum is not whole, so the bounds are the integer ones, not the looser rational ones. A
rounded-out rational bound could hide a leak (the truth 1..4, a checker saying 0..6).

Sizes are a report's: tens of unknowns once the exactly published cells are substituted.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

#: A constraint: coefficients by variable index, "=", "<=" or ">=", and the right-hand side.
Row = tuple[Mapping[int, int], str, int]

#: Branch-and-bound nodes tried for one bound before giving up. Breakdown sums are totally
#: unimodular, so a report's relaxations almost never branch; a cap keeps a pathological system
#: from running for ever, and giving up is loud (TooComplex), never a silently wide interval.
MAX_NODES = 2000


class TooComplex(Exception):
    """The search for an integer bound did not finish within MAX_NODES."""


@dataclass
class _Tableau:
    """A feasible simplex tableau in canonical form: rows end with their right-hand side."""

    rows: list[list[Fraction]]
    basis: list[int]
    ncols: int


def _pivot(
    rows: list[list[Fraction]], basis: list[int], r: int, c: int, red: list[Fraction]
) -> None:
    pivot_row = rows[r]
    p = pivot_row[c]
    if p != 1:
        pivot_row[:] = [v / p for v in pivot_row]
    nonzero = [k for k, v in enumerate(pivot_row) if v]
    for i, row in enumerate(rows):
        if i != r and row[c]:
            f = row[c]
            for k in nonzero:
                row[k] -= f * pivot_row[k]
    if red[c]:
        f = red[c]
        for k in nonzero:
            red[k] -= f * pivot_row[k]
    basis[r] = c


def _simplex(
    rows: list[list[Fraction]], basis: list[int], cost: Sequence[Fraction], ncols: int
) -> bool:
    """Minimise cost·x from a feasible canonical tableau, in place. False when unbounded."""
    # The reduced costs, with the objective's negated value in the last place.
    red = [Fraction(c) for c in cost[:ncols]] + [Fraction(0)]
    for i, b in enumerate(basis):
        if cost[b]:
            f = cost[b]
            red = [rv - f * tv for rv, tv in zip(red, rows[i], strict=True)]
    while True:
        # Bland's rule: the lowest-numbered improving column, the lowest-numbered leaving basis.
        entering = next((j for j in range(ncols) if red[j] < 0), None)
        if entering is None:
            return True
        best: tuple[Fraction, int, int] | None = None
        for i, row in enumerate(rows):
            if row[entering] > 0:
                key = (row[-1] / row[entering], basis[i], i)
                if best is None or key < best:
                    best = key
        if best is None:
            return False
        _pivot(rows, basis, best[2], entering, red)


def _feasible_tableau(n: int, constraints: Sequence[Row]) -> _Tableau | None:
    """Phase one: a feasible basis for the constraints with x ≥ 0, or None when there is none."""
    inequalities = [i for i, (_, op, _) in enumerate(constraints) if op != "="]
    slack_of = {row: n + k for k, row in enumerate(inequalities)}
    ncols = n + len(inequalities)
    rows: list[list[Fraction]] = []
    basis: list[int] = []
    needs_artificial: list[int] = []
    for i, (coefficients, op, rhs) in enumerate(constraints):
        row = [Fraction(0)] * (ncols + 1)
        for j, a in coefficients.items():
            row[j] += a
        if op != "=":
            row[slack_of[i]] = Fraction(1 if op == "<=" else -1)
        row[-1] = Fraction(rhs)
        if rhs < 0:
            row = [-v for v in row]
        if op != "=" and row[slack_of[i]] == 1:
            basis.append(slack_of[i])
        else:
            basis.append(-1)
            needs_artificial.append(i)
        rows.append(row)
    if needs_artificial:
        total = ncols + len(needs_artificial)
        for k, i in enumerate(needs_artificial):
            basis[i] = ncols + k
        for i, row in enumerate(rows):
            extra = [Fraction(0)] * len(needs_artificial)
            if i in needs_artificial:
                extra[needs_artificial.index(i)] = Fraction(1)
            rows[i] = row[:-1] + extra + [row[-1]]
        cost = [Fraction(0)] * ncols + [Fraction(1)] * len(needs_artificial)
        _simplex(rows, basis, cost, total)  # bounded below by 0: always finishes
        if any(rows[i][-1] for i, b in enumerate(basis) if b >= ncols):
            return None
        _drive_out_artificials(rows, basis, ncols)
        rows = [[*row[:ncols], row[-1]] for row in rows]
    return _Tableau(rows, basis, ncols)


def _drive_out_artificials(rows: list[list[Fraction]], basis: list[int], ncols: int) -> None:
    """Replace each artificial still basic (at 0) by a real column, or drop its row: it is then
    a combination of the other rows."""
    unused = [Fraction(0)] * (len(rows[0]) if rows else 0)
    i = 0
    while i < len(rows):
        if basis[i] >= ncols:
            column = next((j for j in range(ncols) if rows[i][j]), None)
            if column is None:
                del rows[i]
                del basis[i]
                continue
            _pivot(rows, basis, i, column, unused)
        i += 1


def _solve(tableau: _Tableau, cost: Sequence[Fraction]) -> tuple[Fraction, list[Fraction]] | None:
    """The minimum of cost·x and a point reaching it, or None when it has no lower bound."""
    rows = [list(row) for row in tableau.rows]
    basis = list(tableau.basis)
    full = list(cost) + [Fraction(0)] * (tableau.ncols - len(cost))
    if not _simplex(rows, basis, full, tableau.ncols):
        return None
    x = [Fraction(0)] * tableau.ncols
    for i, b in enumerate(basis):
        x[b] = rows[i][-1]
    value = sum((c * x[j] for j, c in enumerate(full) if c), Fraction(0))
    return value, x


#: What `IntegerProgram.minimum` says when the expression has no lower bound.
UNBOUNDED = None


class IntegerProgram:
    """Non-negative integer unknowns x0..x(n−1) under `constraints`; `minimum` and `maximum`
    of integer linear expressions over its integer solutions."""

    def __init__(self, n: int, constraints: Sequence[Row]) -> None:
        self.n = n
        tightened = [_tighten(row) for row in constraints]
        self.constraints = [row for row in tightened if row is not None]
        whole = len(self.constraints) == len(tightened)
        self._root = _feasible_tableau(n, self.constraints) if whole else None
        self.feasible = self._root is not None and (
            self._branch_and_bound({j: 1 for j in range(n)}) is not _INFEASIBLE
        )

    def minimum(self, objective: Mapping[int, int]) -> int | None:
        """The least integer value (None: no lower bound). Only on a feasible program."""
        result = self._branch_and_bound(objective)
        assert result is not _INFEASIBLE, "minimum asked of a program with no solution"
        return result if isinstance(result, int) else UNBOUNDED

    def maximum(self, objective: Mapping[int, int]) -> int | None:
        """The greatest integer value (None: no upper bound)."""
        least = self.minimum({j: -a for j, a in objective.items()})
        return None if least is None else -least

    def _branch_and_bound(self, objective: Mapping[int, int]) -> int | object:
        cost = [Fraction(0)] * self.n
        for j, a in objective.items():
            cost[j] += a
        best: int | None = None
        # A branch is the bounds it puts on variables (index → (least, most)); a later branch
        # on the same variable replaces its bound, so a node never has more rows than n + m.
        stack: list[dict[int, tuple[int, int | None]]] = [{}]
        for _ in range(MAX_NODES):
            if not stack:
                return _INFEASIBLE if best is None else best
            bounds = stack.pop()
            tableau = self._root if not bounds else self._with_bounds(bounds)
            if tableau is None:
                continue
            solved = _solve(tableau, cost)
            if solved is None:
                # Only the root can be unbounded (a branch is a subset of it). A rational
                # polyhedron unbounded in a direction with an integer point is unbounded over
                # its integer points too (Meyer), and the caller has found an integer point.
                return _UNBOUNDED_MARK
            value, x = solved
            # The objective is whole on integer points: the relaxation's bound rounds up.
            if best is not None and math.ceil(value) >= best:
                continue
            fractional = next((j for j in range(self.n) if x[j].denominator != 1), None)
            if fractional is None:
                best = int(value)
                continue
            v = x[fractional]
            least, most = bounds.get(fractional, (0, None))
            stack.append({**bounds, fractional: (math.ceil(v), most)})
            stack.append({**bounds, fractional: (least, math.floor(v))})
        raise TooComplex(f"no integer bound found within {MAX_NODES} steps")

    def _with_bounds(self, bounds: Mapping[int, tuple[int, int | None]]) -> _Tableau | None:
        rows = list(self.constraints)
        for j, (least, most) in bounds.items():
            if most is not None and most < least:
                return None
            if least > 0:
                rows.append(({j: 1}, ">=", least))
            if most is not None:
                rows.append(({j: 1}, "<=", most))
        return _feasible_tableau(self.n, rows)


def _tighten(row: Row) -> Row | None:
    """Divide a row by the greatest common divisor of its coefficients. On whole numbers the
    right side may then be rounded (2a ≤ 5 means a ≤ 2), and an equality whose right side is
    not a multiple has no whole solution (2a − 2b = 1): None. This settles, without search,
    the parity cases that would send branch and bound down an unbounded region."""
    coefficients, op, rhs = row
    g = math.gcd(*coefficients.values()) if coefficients else 0
    if g <= 1:
        return row
    scaled = {j: a // g for j, a in coefficients.items()}
    if op == "=":
        return (scaled, op, rhs // g) if rhs % g == 0 else None
    return (scaled, op, rhs // g if op == "<=" else -(-rhs // g))


_INFEASIBLE = object()
_UNBOUNDED_MARK = object()
