"""Expense claims (issue 21 point 2 and 6): who may claim, what a line must hold, the steps
submitted -> approved -> paid in order only, an edit that keeps its lines' numbers, totals by
month and volunteer, and every change in History. Refusals change nothing."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.errors import NotFoundError, ValidationError
from peerdesk.services import Services
from peerdesk.services.expenses.views import LineInput
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.views import PersonDetails
from peerdesk.vocabulary import ExpenseKind, Role
from tests.helpers import snapshot

MAY = date(2026, 5, 20)


@pytest.fixture
def volunteer(services: Services) -> int:
    services.organisation.save(OrganisationDetails(name="Thurso Peer Support"))
    person = services.people.add(
        PersonDetails(first_name="Ewan", last_name="Facilitator"), roles=[Role.FACILITATOR]
    )
    return person.id or 0


def parking(on: date = date(2026, 5, 4), pence: int = 350) -> LineInput:
    return LineInput(on, ExpenseKind.PARKING, "Car park", amount_pence=pence, has_receipt=True)


def mileage(on: date = date(2026, 5, 4), tenths: int = 100) -> LineInput:
    return LineInput(on, ExpenseKind.MILEAGE, "To the group", miles_tenths=tenths)


@pytest.mark.parametrize(
    ("lines", "field", "words"),
    [
        ([], "lines", "at least one line"),
        ([mileage(tenths=0)], "miles", "Line 1 is mileage: enter the miles"),
        ([parking(), parking(pence=0)], "amount", "Line 2: enter the amount paid"),
        ([mileage(tenths=50_001)], "miles", "at most 5,000"),
        ([parking(on=date(2026, 5, 21))], "line_date", "dated after the claim was submitted"),
    ],
)
def test_a_claim_that_cannot_be_right_is_refused_with_nothing_saved(
    services: Services, volunteer: int, lines: list[LineInput], field: str, words: str
) -> None:
    before = snapshot(services.db)
    with pytest.raises(ValidationError, match=words) as refused:
        services.expenses.add_claim(volunteer, submitted_on=MAY, lines=lines)
    assert refused.value.field == field
    assert snapshot(services.db) == before


def test_only_volunteers_may_claim(services: Services, volunteer: int) -> None:
    mentee = services.people.add(PersonDetails(first_name="Iona"), roles=[Role.MENTEE])
    with pytest.raises(ValidationError, match="Only volunteers"):
        services.expenses.add_claim(mentee.id or 0, submitted_on=MAY, lines=[parking()])
    assert [v.person_id for v in services.expenses.volunteers()] == [volunteer]


def test_the_steps_go_in_order_only(services: Services, volunteer: int) -> None:
    claim = services.expenses.add_claim(volunteer, submitted_on=MAY, lines=[parking()])
    with pytest.raises(ValidationError, match="must be approved before it is paid"):
        services.expenses.mark_paid(claim.id, date(2026, 5, 25), "Cash")
    with pytest.raises(ValidationError, match="cannot be approved before it was submitted"):
        services.expenses.approve(claim.id, date(2026, 5, 19))
    services.expenses.approve(claim.id, date(2026, 5, 21))
    with pytest.raises(ValidationError, match="already approved"):
        services.expenses.approve(claim.id, date(2026, 5, 22))
    with pytest.raises(ValidationError, match="cannot be paid before it was approved"):
        services.expenses.mark_paid(claim.id, date(2026, 5, 20), "Cash")
    with pytest.raises(ValidationError) as no_how:
        services.expenses.mark_paid(claim.id, date(2026, 5, 25), "  ")
    assert no_how.value.field == "paid_how"
    paid = services.expenses.mark_paid(claim.id, date(2026, 5, 25), "Cheque")
    assert (paid.status, paid.approved_on, paid.paid_on, paid.paid_how) == (
        "paid",
        date(2026, 5, 21),
        date(2026, 5, 25),
        "Cheque",
    )
    with pytest.raises(ValidationError, match="already been paid"):
        services.expenses.mark_paid(claim.id, date(2026, 5, 26), "Cash")


def test_an_edit_keeps_the_lines_it_changes_and_is_in_history(
    services: Services, volunteer: int
) -> None:
    claim = services.expenses.add_claim(volunteer, submitted_on=MAY, lines=[mileage(), parking()])
    kept, dropped = claim.lines
    edited = services.expenses.update_claim(
        claim.id,
        person_id=volunteer,
        submitted_on=MAY,
        lines=[
            LineInput(kept.line_date, ExpenseKind.MILEAGE, "To the group", 150, line_id=kept.id),
            LineInput(date(2026, 5, 5), ExpenseKind.FARES, "Bus", amount_pence=280),
        ],
        reason="Miles misread",
    )
    first, added = edited.lines
    # The mileage line is the same line, now 15 miles at 45p = 675p; the parking line went.
    assert (first.id, first.amount_pence) == (kept.id, 675)
    assert added.id not in (kept.id, dropped.id)
    assert edited.total_pence == 675 + 280
    described = [(c.description, c.reason) for c in services.expenses.history(claim.id)]
    # The edit changed only lines (the claim's own row is as it was): still its history.
    assert described == [
        ("Added an expense claim submitted on 20 May 2026", ""),
        (f"Edited expense claim {claim.id}", "Miles misread"),
    ]
    line_history = services.history.for_record("expense_line", kept.id)
    assert [c.description for c in line_history] == [
        "Added an expense claim submitted on 20 May 2026",
        f"Edited expense claim {claim.id}",
    ]


def test_a_removed_claim_takes_its_lines_and_needs_a_reason(
    services: Services, volunteer: int
) -> None:
    claim = services.expenses.add_claim(volunteer, submitted_on=MAY, lines=[parking()])
    with pytest.raises(ValidationError):
        services.expenses.remove_claim(claim.id, "  ")
    services.expenses.remove_claim(claim.id, "Claimed twice")
    with pytest.raises(NotFoundError):
        services.expenses.claim(claim.id)
    assert services.expenses.claims() == []
    removed = services.expenses.history(claim.id)
    assert [(c.description, c.reason) for c in removed][-1] == (
        f"Removed expense claim {claim.id} submitted on 20 May 2026",
        "Claimed twice",
    )


def test_totals_by_month_and_volunteer(services: Services, volunteer: int) -> None:
    other = services.people.add(
        PersonDetails(first_name="Anna", last_name="Mentor"), roles=[Role.MENTOR]
    )
    april = services.expenses.add_claim(
        volunteer, submitted_on=date(2026, 4, 30), lines=[parking(date(2026, 4, 2))]
    )
    services.expenses.approve(april.id, date(2026, 5, 1))
    services.expenses.mark_paid(april.id, date(2026, 5, 2), "Cash")
    services.expenses.add_claim(volunteer, submitted_on=MAY, lines=[mileage()])
    services.expenses.add_claim(other.id or 0, submitted_on=MAY, lines=[parking(pence=120)])
    months = [(m.label, m.claimed_pence, m.paid_pence) for m in services.expenses.month_totals()]
    # May: claimed 10 miles at 45p (450p) + 120p; paid the April claim's 350p on 2 May.
    assert months == [("May 2026", 570, 350), ("April 2026", 350, 0)]
    people = [
        (t.name, t.claims, t.claimed_pence, t.paid_pence, t.unpaid_pence, t.miles_tenths)
        for t in services.expenses.volunteer_totals()
    ]
    assert people == [
        ("Anna Mentor", 1, 120, 0, 120, 0),
        ("Ewan Facilitator", 2, 800, 350, 450, 100),
    ]


def test_undo_takes_a_payment_back_to_approved(services: Services, volunteer: int) -> None:
    claim = services.expenses.add_claim(volunteer, submitted_on=MAY, lines=[mileage()])
    services.expenses.approve(claim.id, date(2026, 5, 21))
    services.expenses.mark_paid(claim.id, date(2026, 5, 25), "Cash")
    services.undo.undo()
    back = services.expenses.claim(claim.id)
    assert (back.status, back.paid_on, back.paid_how) == ("approved", None, "")
    # Unpaid again, it may be corrected again: 12 miles at 45p = 540p.
    edited = services.expenses.update_claim(
        claim.id, person_id=volunteer, submitted_on=MAY, lines=[mileage(tenths=120)]
    )
    assert edited.total_pence == 540
