"""Demo expense claims: a few a year for most mentors and group facilitators (mileage, bus
fares, parking), most paid, some approved, a few recent ones still submitted; and one rural
mentor who drives enough to pass the 10,000 miles of a tax year, so the demo shows the
reduced rate. Mileage is worked out by the same rule the app uses (`ledger.work_out`).

The claims draw from their own random source, seeded from the demo's, so adding them leaves
every other demo row of a seed as it was; the same seed always gives the same claims."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import col, select

from peerdesk.data.models import ExpenseClaim, ExpenseLine, PersonRole
from peerdesk.services.demo.state import BuilderState
from peerdesk.services.expenses.ledger import Entry, work_out
from peerdesk.services.expenses.mileage import Rates, tax_year_start
from peerdesk.vocabulary import ClaimStatus, ExpenseKind, Role

#: The demo organisation keeps peerdesk's default rates.
RATES = Rates(45, 25, 10000)
MILEAGE_WHY = (
    "Travel to a session with my mentee",
    "To the group meeting and back",
    "To supervision at the office",
    "Collecting the group's leaflets",
)
FARES = (
    (220, "Bus fare to a session"),
    (360, "Return bus fare to town"),
    (590, "Train to Inverness"),
)
PARKING = (
    (120, "Parking at the library"),
    (250, "Hospital car park"),
    (400, "Town centre car park"),
)
OTHER = ((450, "Tea and biscuits for the group"), (650, "Printing for the group"))


@dataclass
class _Line:
    id: int
    line_date: date
    kind: str
    description: str
    miles_tenths: int = 0
    amount_pence: int = 0
    has_receipt: bool = False
    reduced_miles_tenths: int = 0


@dataclass
class _Claim:
    id: int
    person_id: int
    submitted_on: date
    status: str
    approved_on: date | None
    paid_on: date | None
    paid_how: str
    lines: list[_Line] = field(default_factory=list)


def write_expense_rows(builder: BuilderState) -> None:
    """Add the demo's expense claims (after the volunteers and groups are written)."""
    builder.flush()
    rng = random.Random(f"expenses-{builder.rng.getstate()[1][:4]}")
    roles = builder.s.exec(
        select(PersonRole)
        .where(col(PersonRole.role).in_((Role.MENTOR.value, Role.FACILITATOR.value)))
        .order_by(col(PersonRole.id))
    ).all()
    spans: dict[int, tuple[date, date]] = {}
    for role in roles:
        first = max(role.started_on, builder.start)
        last = min(role.ended_on or builder.today, builder.today)
        if role.person_id in spans:
            known = spans[role.person_id]
            first, last = min(first, known[0]), max(last, known[1])
        spans[role.person_id] = (first, last)
    claims: list[_Claim] = []
    heavy_done = False
    for person_id, (first, last) in spans.items():
        if (last - first).days < 45 or rng.random() > 0.75:
            continue
        if not heavy_done:
            heavy_done = _heavy_driver(builder, rng, person_id, claims)
        years = (last - first).days / 365
        for _ in range(max(1, round(years * rng.choice((2, 3, 4))))):
            submitted = first + timedelta(days=rng.randint(30, (last - first).days))
            claims.append(_claim(builder, rng, person_id, submitted))
    _work_out_mileage(claims)
    for claim in claims:
        _write(builder, claim)
    builder.flush()


def _status(
    builder: BuilderState, rng: random.Random, submitted: date
) -> tuple[str, date | None, date | None]:
    age = (builder.today - submitted).days
    approved = submitted + timedelta(days=rng.randint(2, 10))
    paid = approved + timedelta(days=rng.randint(3, 14))
    if age <= 21 or approved > builder.today:
        return ClaimStatus.SUBMITTED.value, None, None
    if paid > builder.today or (age <= 75 and rng.random() < 0.5):
        return ClaimStatus.APPROVED.value, approved, None
    return ClaimStatus.PAID.value, approved, paid


def _claim(builder: BuilderState, rng: random.Random, person_id: int, submitted: date) -> _Claim:
    status, approved, paid = _status(builder, rng, submitted)
    claim = _Claim(
        builder.ids("expense_claim"),
        person_id,
        submitted,
        status,
        approved,
        paid,
        rng.choice(("Bank transfer", "Bank transfer", "Cash", "Cheque")) if paid else "",
    )
    days = sorted(
        submitted - timedelta(days=rng.randint(1, 28))
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4)))
    )
    for day in days:
        roll = rng.random()
        line_id = builder.ids("expense_line")
        if roll < 0.55:
            line = _Line(
                line_id,
                day,
                ExpenseKind.MILEAGE.value,
                rng.choice(MILEAGE_WHY),
                miles_tenths=rng.randint(30, 450),
            )
        elif roll < 0.75:
            pence, what = rng.choice(FARES)
            line = _Line(
                line_id,
                day,
                ExpenseKind.FARES.value,
                what,
                amount_pence=pence,
                has_receipt=rng.random() < 0.6,
            )
        elif roll < 0.95:
            pence, what = rng.choice(PARKING)
            line = _Line(
                line_id,
                day,
                ExpenseKind.PARKING.value,
                what,
                amount_pence=pence,
                has_receipt=rng.random() < 0.8,
            )
        else:
            pence, what = rng.choice(OTHER)
            line = _Line(
                line_id, day, ExpenseKind.OTHER.value, what, amount_pence=pence, has_receipt=True
            )
        claim.lines.append(line)
    return claim


def _heavy_driver(
    builder: BuilderState, rng: random.Random, person_id: int, claims: list[_Claim]
) -> bool:
    """A rural mentor's monthly mileage over the last whole tax year: about 850 miles a
    month, so the year passes 10,000 miles in its last months and the rate drops to 25p."""
    end = tax_year_start(builder.today) - timedelta(days=1)
    start = tax_year_start(end)
    if start < builder.start:
        return False
    for month in range(12):
        last_day = min(start + timedelta(days=30 * (month + 1)), end)
        claim_id = builder.ids("expense_claim")
        submitted = last_day
        approved = submitted + timedelta(days=3)
        paid = approved + timedelta(days=5)
        claim = _Claim(
            claim_id, person_id, submitted, ClaimStatus.PAID.value, approved, paid, "Bank transfer"
        )
        claim.lines.append(
            _Line(
                builder.ids("expense_line"),
                last_day - timedelta(days=1),
                ExpenseKind.MILEAGE.value,
                "Home visits across the county this month",
                miles_tenths=rng.randint(8000, 9200),
            )
        )
        claims.append(claim)
    return True


def _work_out_mileage(claims: list[_Claim]) -> None:
    """Each volunteer's mileage by tax year, by the app's own rule (claims are paid at the
    rates worked out when they were approved: the demo's rates never changed)."""
    years: dict[tuple[int, date], list[tuple[_Claim, _Line]]] = defaultdict(list)
    for claim in claims:
        for line in claim.lines:
            if line.kind == ExpenseKind.MILEAGE.value:
                years[(claim.person_id, tax_year_start(line.line_date))].append((claim, line))
    for pairs in years.values():
        entries = [
            Entry(line.line_date, claim.id, line.id, _as_unpaid(claim.status), line.miles_tenths)
            for claim, line in pairs
        ]
        for (_, line), worked in zip(pairs, work_out(entries, RATES), strict=True):
            assert worked is not None
            line.reduced_miles_tenths = worked.reduced_miles_tenths
            line.amount_pence = worked.amount_pence


def _as_unpaid(status: str) -> str:
    """A paid claim counts as approved does; worked out as if not yet paid (so it gets an
    amount), as it was when it was approved."""
    return ClaimStatus.APPROVED.value if status == ClaimStatus.PAID.value else status


def _write(builder: BuilderState, claim: _Claim) -> None:
    builder.add(
        ExpenseClaim(
            id=claim.id,
            person_id=claim.person_id,
            submitted_on=claim.submitted_on,
            status=claim.status,
            approved_on=claim.approved_on,
            paid_on=claim.paid_on,
            paid_how=claim.paid_how,
        ),
        "expense claims",
    )
    for line in claim.lines:
        mileage = line.kind == ExpenseKind.MILEAGE.value
        builder.add(
            ExpenseLine(
                id=line.id,
                claim_id=claim.id,
                line_date=line.line_date,
                kind=line.kind,
                description=line.description,
                miles_tenths=line.miles_tenths,
                rate_pence=RATES.rate_pence if mileage else 0,
                reduced_rate_pence=RATES.reduced_rate_pence if mileage else 0,
                reduced_miles_tenths=line.reduced_miles_tenths,
                amount_pence=line.amount_pence,
                has_receipt=line.has_receipt,
            )
        )
