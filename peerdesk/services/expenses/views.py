"""What the expenses services hand to screens and the command line: plain frozen records
(never database rows), and the words they show money and miles in. Money is whole pence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from peerdesk.vocabulary import ClaimStatus, ExpenseKind

#: Ways a claim is usually paid, offered in the "Mark paid" dialog (any words may be typed).
PAID_HOW_CHOICES = ("Bank transfer", "Cash", "Cheque")

#: The HMRC approved mileage allowance payments, in plain words (the settings panel shows it).
MILEAGE_EXPLANATION = (
    "HMRC's approved mileage rates let you repay volunteers who use their own car without "
    "the payments counting as income: 45p a mile for the first 10,000 business miles in a "
    "tax year (6 April to 5 April) and 25p a mile after that. peerdesk counts each "
    "volunteer's approved and paid miles in the tax year, in date order, and stores the rate "
    "on every line, so changing the rates here never alters claims already paid; claims not "
    "yet paid are worked out again with the new rates when they are next saved or approved."
)


def pounds(pence: int) -> str:
    """Whole pence as money: 123456 -> "£1,234.56"."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}£{whole:,}.{part:02d}"


def miles(tenths: int) -> str:
    """Tenths of a mile as miles: 124 -> "12.4", 120 -> "12"."""
    whole, tenth = divmod(tenths, 10)
    return f"{whole:,}" if tenth == 0 else f"{whole:,}.{tenth}"


@dataclass(frozen=True)
class LineInput:
    """One line as the coordinator entered it. `miles_tenths` for mileage; `amount_pence` for
    fares, parking and other (a mileage line's amount is worked out). `line_id` names the
    line being edited, None for a new one."""

    line_date: date
    kind: ExpenseKind | str
    description: str = ""
    miles_tenths: int = 0
    amount_pence: int = 0
    has_receipt: bool = False
    line_id: int | None = None


@dataclass(frozen=True)
class LineView:
    id: int
    line_date: date
    kind: str
    description: str
    miles_tenths: int
    rate_pence: int
    reduced_rate_pence: int
    reduced_miles_tenths: int
    amount_pence: int
    has_receipt: bool

    @property
    def kind_label(self) -> str:
        return ExpenseKind(self.kind).label

    @property
    def worked_out(self) -> str:
        """How the amount was reached: "12.4 miles at 45p" (or the split), else empty."""
        if self.kind != ExpenseKind.MILEAGE.value:
            return ""
        full = self.miles_tenths - self.reduced_miles_tenths
        if self.reduced_miles_tenths == 0:
            return f"{miles(full)} miles at {self.rate_pence}p"
        past = f"{miles(self.reduced_miles_tenths)} miles at {self.reduced_rate_pence}p"
        return past if full == 0 else f"{miles(full)} miles at {self.rate_pence}p and {past}"

    def as_input(self) -> LineInput:
        return LineInput(
            self.line_date,
            self.kind,
            self.description,
            self.miles_tenths,
            self.amount_pence,
            self.has_receipt,
            self.id,
        )


@dataclass(frozen=True)
class ClaimView:
    id: int
    person_id: int
    person_name: str
    submitted_on: date
    status: str
    approved_on: date | None
    paid_on: date | None
    paid_how: str
    notes: str
    project_id: int | None = None
    project_name: str = ""
    lines: tuple[LineView, ...] = field(default=())

    @property
    def total_pence(self) -> int:
        return sum(line.amount_pence for line in self.lines)

    @property
    def miles_tenths(self) -> int:
        return sum(line.miles_tenths for line in self.lines)

    @property
    def status_label(self) -> str:
        return ClaimStatus(self.status).label

    @property
    def is_paid(self) -> bool:
        return self.status == ClaimStatus.PAID.value


@dataclass(frozen=True)
class VolunteerChoice:
    """A person who may claim expenses (a mentor or facilitator, now or before)."""

    person_id: int
    name: str


@dataclass(frozen=True)
class MonthTotal:
    """One calendar month: claimed (by date submitted) and paid (by date paid), in pence."""

    month: date
    claimed_pence: int
    paid_pence: int

    @property
    def label(self) -> str:
        return f"{self.month:%B %Y}"


@dataclass(frozen=True)
class VolunteerTotal:
    """One volunteer's claims: claimed, paid and still to pay (pence), and the miles."""

    person_id: int
    name: str
    claims: int
    claimed_pence: int
    paid_pence: int
    miles_tenths: int

    @property
    def unpaid_pence(self) -> int:
        return self.claimed_pence - self.paid_pence


@dataclass(frozen=True)
class MileageSettings:
    rate_pence: int = 45
    reduced_rate_pence: int = 25
    threshold_miles: int = 10000


@dataclass(frozen=True)
class ExportSummary:
    """What `peerdesk expenses` wrote: the lines and the totals by claim status (pence)."""

    path: str
    lines: int
    paid_pence: int
    approved_pence: int
    submitted_pence: int
