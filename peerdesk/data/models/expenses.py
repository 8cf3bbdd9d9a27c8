"""Expense claims: a volunteer's out-of-pocket costs, in dated lines. Money in pence."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import at_least, one_of
from peerdesk.vocabulary import ClaimStatus, ExpenseKind


class ExpenseClaim(SQLModel, table=True):
    """One claim by a volunteer: submitted, then approved, then paid (on a date, and how)."""

    __tablename__ = "expense_claim"
    __table_args__ = (
        one_of("status", ClaimStatus),
        CheckConstraint(
            "status = 'submitted' OR approved_on IS NOT NULL", name="approved_has_date"
        ),
        CheckConstraint("status != 'paid' OR paid_on IS NOT NULL", name="paid_has_date"),
        CheckConstraint("status = 'paid' OR paid_on IS NULL", name="paid_date_only_when_paid"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    submitted_on: date = Field(index=True)
    status: str = ClaimStatus.SUBMITTED.value
    approved_on: date | None = None
    paid_on: date | None = Field(default=None, index=True)
    #: How it was paid, e.g. "bank transfer", "cash".
    paid_how: str = ""
    project_id: int | None = Field(default=None, foreign_key="project.id", index=True)
    notes: str = ""


class ExpenseLine(SQLModel, table=True):
    """One dated line of a claim. A mileage line keeps the rates it was worked out with
    (`rate_pence` a mile, and `reduced_rate_pence` for the `reduced_miles_tenths` past the
    tax year's threshold), so a later change of rate in Settings never alters it; the amount
    of every line is stored in whole pence. Distances are in tenths of a mile."""

    __tablename__ = "expense_line"
    __table_args__ = (
        one_of("kind", ExpenseKind),
        at_least("miles_tenths", 0),
        at_least("reduced_miles_tenths", 0),
        at_least("rate_pence", 0),
        at_least("reduced_rate_pence", 0),
        at_least("amount_pence", 0),
        CheckConstraint("reduced_miles_tenths <= miles_tenths", name="reduced_within_miles"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="expense_claim.id", ondelete="CASCADE", index=True)
    line_date: date
    kind: str = ExpenseKind.MILEAGE.value
    description: str = ""
    miles_tenths: int = 0
    rate_pence: int = 0
    reduced_rate_pence: int = 0
    reduced_miles_tenths: int = 0
    amount_pence: int = 0
    has_receipt: bool = False
