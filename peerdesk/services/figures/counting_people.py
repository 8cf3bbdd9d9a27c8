"""Counting who was supported (equality monitoring), what changed for them (outcome scores)
and the money paid on expense claims, for one period and scope (counting.py does the rest).

Each function says in its docstring exactly what it counts; docs/figures.md says the same in
the coordinator's words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, true
from sqlalchemy import select as columns
from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Condition,
    ExpenseClaim,
    ExpenseLine,
    OutcomeScore,
    Pairing,
    PeerGroup,
    Person,
    PersonCondition,
)
from peerdesk.services.figures.model import (
    AGE_BANDS,
    NOT_KNOWN,
    Breakdown,
    Demographics,
    OutcomeFigure,
)
from peerdesk.services.figures.period import Period
from peerdesk.services.figures.scope import Scope
from peerdesk.vocabulary import ClaimStatus, Gender, OutcomeTiming, YesNoPreferNot


def _within(period: Period, column: Any) -> ColumnElement[bool]:
    return column.between(period.start, period.end)  # type: ignore[no-any-return]


def demographics(session: Session, period: Period, people: list[int]) -> Demographics:
    """Equality monitoring for the people supported, each person once per breakdown
    (except conditions: a person with two conditions counts under both)."""
    rows = list(
        session.execute(
            columns(
                col(Person.id),
                col(Person.date_of_birth),
                col(Person.gender),
                col(Person.ethnicity),
                col(Person.disability),
                col(Person.area),
            ).where(col(Person.id).in_(people))
        )
    )
    total = "people_supported"
    ages = Counter(age_band(row.date_of_birth, period.end) for row in rows)
    genders = Counter(row.gender or NOT_KNOWN for row in rows)
    disabilities = Counter(row.disability or NOT_KNOWN for row in rows)
    ethnicities = Counter((row.ethnicity or "").strip() or NOT_KNOWN for row in rows)
    areas = Counter((row.area or "").strip() or NOT_KNOWN for row in rows)
    conditions = Counter(
        session.execute(
            select(Condition.name)
            .join(PersonCondition, col(PersonCondition.condition_id) == col(Condition.id))
            .where(col(PersonCondition.person_id).in_(people))
            .group_by(col(PersonCondition.person_id), col(Condition.name))
        ).scalars()
    )
    with_condition = int(
        session.execute(
            select(func.count(func.distinct(PersonCondition.person_id))).where(
                col(PersonCondition.person_id).in_(people)
            )
        ).scalar()
        or 0
    )
    conditions[NOT_KNOWN] = len(people) - with_condition
    return Demographics(
        age_band=Breakdown(tuple((band, ages[band]) for band in AGE_BANDS), total),
        gender=_fixed(genders, Gender.values(), total),
        ethnicity=_free(ethnicities, total),
        disability=_fixed(disabilities, YesNoPreferNot.values(), total),
        condition=_free(conditions, None),
        area=_free(areas, total),
    )


def score_in_scope(scope: Scope) -> ColumnElement[bool]:
    """A score set follows the pairing or group it names; naming neither, it has no project."""
    if not scope.split:
        return true()
    project = func.coalesce(
        select(Pairing.project_id)
        .where(col(Pairing.id) == col(OutcomeScore.pairing_id))
        .scalar_subquery(),
        select(PeerGroup.project_id)
        .where(col(PeerGroup.id) == col(OutcomeScore.group_id))
        .scalar_subquery(),
    )
    return scope.matches(project)


def outcomes(session: Session, period: Period, scope: Scope) -> tuple[OutcomeFigure, ...]:
    """Per measure: people with a "before" and an "after" score both dated in the period
    (their earliest before and latest after in it, the after not earlier than the before).
    In one project's figures, only the score sets of that project count."""
    rows = session.execute(
        columns(
            col(OutcomeScore.measure),
            col(OutcomeScore.person_id),
            col(OutcomeScore.timing),
            col(OutcomeScore.scored_on),
            col(OutcomeScore.score),
            col(OutcomeScore.id),
        )
        .where(_within(period, col(OutcomeScore.scored_on)), score_in_scope(scope))
        .order_by(col(OutcomeScore.scored_on), col(OutcomeScore.id))
    )
    before: dict[tuple[str, int], tuple[date, float]] = {}
    after: dict[tuple[str, int], tuple[date, float]] = {}
    for measure, person_id, timing, scored_on, score, _ in rows:
        key = (measure.strip(), person_id)
        if timing == OutcomeTiming.BEFORE.value:
            before.setdefault(key, (scored_on, float(score)))
        elif timing == OutcomeTiming.AFTER.value:
            after[key] = (scored_on, float(score))
    pairs: dict[str, list[tuple[float, float]]] = {}
    for key, (first_on, first_score) in before.items():
        if key in after and after[key][0] >= first_on:
            pairs.setdefault(key[0], []).append((first_score, after[key][1]))
    figures = []
    for measure in sorted(pairs, key=str.casefold):
        scores = pairs[measure]
        figures.append(
            OutcomeFigure(
                measure=measure,
                n=len(scores),
                mean_before=_mean(b for b, _ in scores),
                mean_after=_mean(a for _, a in scores),
                mean_change=_mean(a - b for b, a in scores),
            )
        )
    return tuple(figures)


def expenses_paid(session: Session, period: Period, scope: Scope) -> tuple[int, int]:
    """(pence, volunteers): the lines of the claims paid in the period, by their paid date,
    added up in whole pence; and the distinct volunteers those claims paid."""
    paid = (
        col(ExpenseClaim.status) == ClaimStatus.PAID.value,
        _within(period, col(ExpenseClaim.paid_on)),
        scope.matches(col(ExpenseClaim.project_id)),
    )
    pence = session.execute(
        select(func.coalesce(func.sum(ExpenseLine.amount_pence), 0))
        .join(ExpenseClaim, col(ExpenseClaim.id) == col(ExpenseLine.claim_id))
        .where(*paid)
    ).scalar()
    people = session.execute(
        select(func.count(func.distinct(ExpenseClaim.person_id))).where(*paid)
    ).scalar()
    return int(pence or 0), int(people or 0)


def age_band(born: date | None, on: date) -> str:
    if born is None:
        return NOT_KNOWN
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    limits = ((18, "under 18"), (25, "18–24"), (35, "25–34"), (50, "35–49"), (65, "50–64"))
    for limit, band in (*limits, (75, "65–74")):
        if age < limit:
            return band
    return "75 and over"


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return round(sum(items) / len(items) + 0.0, 1) if items else 0.0


def _fixed(found: Counter[str], buckets: Sequence[str], total_key: str) -> Breakdown:
    cells = [(bucket, found[bucket]) for bucket in buckets]
    unknown = sum(count for value, count in found.items() if value not in buckets)
    cells.append((NOT_KNOWN, unknown))
    return Breakdown(tuple(cells), total_key)


def _free(found: Counter[str], total_key: str | None) -> Breakdown:
    named = sorted((k for k in found if k != NOT_KNOWN and found[k]), key=str.casefold)
    cells = [(name, found[name]) for name in named]
    cells.append((NOT_KNOWN, found[NOT_KNOWN]))
    return Breakdown(tuple(cells), total_key)


__all__ = ["age_band", "demographics", "expenses_paid", "outcomes", "score_in_scope"]
