"""The ledger's shared reading and working out: claims as views, the checks on a line, and
the recalculation of a volunteer's unpaid mileage lines (used by the service and the export).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from peerdesk.data.models import ExpenseClaim, ExpenseLine, Organisation, Person, Project
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.corrections import apply_fields
from peerdesk.services.expenses.mileage import Rates, Split, split, tax_year_start
from peerdesk.services.expenses.views import ClaimView, LineInput, LineView
from peerdesk.vocabulary import ClaimStatus, ExpenseKind

#: The most a line may claim: 5,000 miles, or £5,000 (a typing slip, not a real journey).
MOST_TENTHS = 50_000
MOST_PENCE = 500_000

#: The statuses whose mileage counts towards the tax year's threshold.
COUNTED = (ClaimStatus.APPROVED.value, ClaimStatus.PAID.value)


def in_words(value: date) -> str:
    """3 March 2026: a date in a change set's description."""
    return f"{value.day} {value:%B %Y}"


def rates(session: Session) -> Rates:
    """The mileage rates in Settings now (peerdesk's defaults before the organisation is set)."""
    org = session.exec(select(Organisation)).first()
    if org is None:
        return Rates(45, 25, 10000)
    return Rates(
        org.mileage_rate_pence, org.mileage_reduced_rate_pence, org.mileage_threshold_miles
    )


def line_fields(line: LineInput, submitted_on: date, number: int) -> dict[str, Any]:
    """One line's values, checked (adding and editing alike). `number` counts from 1, for
    the message. A mileage line's rates and amount are worked out later (`recalculate`)."""
    where = f"Line {number}"
    kind = v.one_of(line.kind, ExpenseKind, "kind", f"what line {number} is for")
    if line.line_date > submitted_on:
        raise ValidationError(
            f"{where} is dated after the claim was submitted ({in_words(submitted_on)}): "
            "check the date.",
            "line_date",
        )
    fields: dict[str, Any] = {
        "line_date": line.line_date,
        "kind": kind.value,
        "description": v.short_text(line.description, "description", f"{where}'s description"),
        "has_receipt": bool(line.has_receipt),
    }
    if kind is ExpenseKind.MILEAGE:
        if not 0 < line.miles_tenths <= MOST_TENTHS:
            raise ValidationError(
                f"{where} is mileage: enter the miles driven, more than 0 and at most 5,000.",
                "miles",
            )
        fields["miles_tenths"] = line.miles_tenths
        return fields
    if not 0 < line.amount_pence <= MOST_PENCE:
        raise ValidationError(
            f"{where}: enter the amount paid, more than £0.00 and at most £5,000.00.", "amount"
        )
    fields.update(
        miles_tenths=0,
        rate_pence=0,
        reduced_rate_pence=0,
        reduced_miles_tenths=0,
        amount_pence=line.amount_pence,
    )
    return fields


@dataclass(frozen=True)
class Entry:
    """A mileage line as the rule sees it: when, in which claim (and its status), how far."""

    line_date: date
    claim_id: int
    line_id: int
    status: str
    miles_tenths: int


def work_out(entries: Sequence[Entry], now: Rates) -> list[Split | None]:
    """The split of each entry (one tax year, any order) with the rates `now`; None for a
    paid line, which keeps what it was paid at. The miles counted before a line are the
    approved and paid ones that come before it (line date, then claim number, then line
    number)."""
    order = sorted(range(len(entries)), key=lambda i: _order(entries[i]))
    result: list[Split | None] = [None] * len(entries)
    counted = 0
    # A submitted claim's own earlier lines count before its later ones, so the amounts
    # shown when it is entered are those it will have once approved (unless an earlier
    # claim is approved first); other submitted claims do not count.
    own: dict[int, int] = {}
    for i in order:
        entry = entries[i]
        before = counted
        if entry.status == ClaimStatus.SUBMITTED.value:
            before += own.get(entry.claim_id, 0)
            own[entry.claim_id] = own.get(entry.claim_id, 0) + entry.miles_tenths
        if entry.status != ClaimStatus.PAID.value:
            result[i] = split(entry.miles_tenths, before, now)
        if entry.status in COUNTED:
            counted += entry.miles_tenths
    return result


def _order(entry: Entry) -> tuple[date, int, int]:
    return (entry.line_date, entry.claim_id, entry.line_id)


def _year_lines(session: Session, person_id: int, start: date) -> list[tuple[ExpenseLine, str]]:
    """The volunteer's mileage lines dated in the tax year starting `start`, with their
    claim's status."""
    end = date(start.year + 1, start.month, start.day)
    return [
        (line, status)
        for line, status in session.exec(
            select(ExpenseLine, ExpenseClaim.status)
            .join(ExpenseClaim, col(ExpenseClaim.id) == col(ExpenseLine.claim_id))
            .where(
                ExpenseClaim.person_id == person_id,
                ExpenseLine.kind == ExpenseKind.MILEAGE.value,
                col(ExpenseLine.line_date) >= start,
                col(ExpenseLine.line_date) < end,
            )
        ).all()
    ]


def recalculate(session: Session, person_id: int, days: Iterable[date]) -> None:
    """Work out again, with the rates in Settings now, the mileage lines of the volunteer's
    unpaid claims in the tax years of `days` (`work_out`). Paid lines never change."""
    now = rates(session)
    session.flush()
    for start in sorted({tax_year_start(day) for day in days}):
        found = _year_lines(session, person_id, start)
        entries = [
            Entry(line.line_date, line.claim_id, line.id or 0, status, line.miles_tenths)
            for line, status in found
        ]
        for (line, _status), worked in zip(found, work_out(entries, now), strict=True):
            if worked is not None:
                apply_fields(
                    line,
                    {
                        "rate_pence": now.rate_pence,
                        "reduced_rate_pence": now.reduced_rate_pence,
                        "reduced_miles_tenths": worked.reduced_miles_tenths,
                        "amount_pence": worked.amount_pence,
                    },
                )
    session.flush()


#: A claim or line not saved yet comes after every saved one on the same day.
UNSAVED = 2**62


def preview(
    session: Session, person_id: int, lines: Sequence[LineInput], claim_id: int | None
) -> list[LineView]:
    """The lines as they would be saved now (the claim `claim_id`, or a new one), worked out
    with the rates in Settings, without writing anything."""
    now = rates(session)
    status = ClaimStatus.SUBMITTED.value
    if claim_id is not None:
        claim = session.get(ExpenseClaim, claim_id)
        status = claim.status if claim is not None else status
    this = claim_id if claim_id is not None else UNSAVED
    mine: dict[int, Split | None] = {}
    mileage = [
        (n, line)
        for n, line in enumerate(lines)
        if ExpenseKind(line.kind) is ExpenseKind.MILEAGE and line.miles_tenths > 0
    ]
    for start in sorted({tax_year_start(line.line_date) for _, line in mileage}):
        others = [
            Entry(line.line_date, line.claim_id, line.id or 0, s, line.miles_tenths)
            for line, s in _year_lines(session, person_id, start)
            if line.claim_id != claim_id
        ]
        ours = [
            (n, Entry(line.line_date, this, line.line_id or UNSAVED + n, status, line.miles_tenths))
            for n, line in mileage
            if tax_year_start(line.line_date) == start
        ]
        worked = work_out([*others, *(e for _, e in ours)], now)[len(others) :]
        mine.update({n: w for (n, _), w in zip(ours, worked, strict=True)})
    return [_previewed(n, line, mine.get(n), now) for n, line in enumerate(lines)]


def _previewed(n: int, line: LineInput, worked: Split | None, now: Rates) -> LineView:
    mileage = ExpenseKind(line.kind) is ExpenseKind.MILEAGE
    return LineView(
        id=line.line_id or 0,
        line_date=line.line_date,
        kind=ExpenseKind(line.kind).value,
        description=line.description,
        miles_tenths=line.miles_tenths if mileage else 0,
        rate_pence=now.rate_pence if mileage else 0,
        reduced_rate_pence=now.reduced_rate_pence if mileage else 0,
        reduced_miles_tenths=worked.reduced_miles_tenths if worked else 0,
        amount_pence=(worked.amount_pence if worked else 0) if mileage else line.amount_pence,
        has_receipt=line.has_receipt,
    )


def claim_views(session: Session, claims: Sequence[ExpenseClaim]) -> list[ClaimView]:
    """The claims with their lines, names and projects, in the order given."""
    ids = [c.id for c in claims if c.id is not None]
    lines: dict[int, list[LineView]] = {i: [] for i in ids}
    if ids:
        for line in session.exec(
            select(ExpenseLine)
            .where(col(ExpenseLine.claim_id).in_(ids))
            .order_by(col(ExpenseLine.line_date), col(ExpenseLine.id))
        ):
            lines[line.claim_id].append(line_view(line))
    names = {
        p.id: p.display_name
        for p in session.exec(
            select(Person).where(col(Person.id).in_({c.person_id for c in claims}))
        )
    }
    projects = {p.id: p.name for p in session.exec(select(Project))}
    return [
        ClaimView(
            id=c.id or 0,
            person_id=c.person_id,
            person_name=names.get(c.person_id, ""),
            submitted_on=c.submitted_on,
            status=c.status,
            approved_on=c.approved_on,
            paid_on=c.paid_on,
            paid_how=c.paid_how,
            notes=c.notes,
            project_id=c.project_id,
            project_name=projects.get(c.project_id, "") if c.project_id else "",
            lines=tuple(lines.get(c.id or 0, [])),
        )
        for c in claims
    ]


def line_view(line: ExpenseLine) -> LineView:
    return LineView(
        id=line.id or 0,
        line_date=line.line_date,
        kind=line.kind,
        description=line.description,
        miles_tenths=line.miles_tenths,
        rate_pence=line.rate_pence,
        reduced_rate_pence=line.reduced_rate_pence,
        reduced_miles_tenths=line.reduced_miles_tenths,
        amount_pence=line.amount_pence,
        has_receipt=line.has_receipt,
    )
