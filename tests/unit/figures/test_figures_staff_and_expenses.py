"""Staff time is not volunteer time; expenses paid are counted by the day they were paid and
hidden in publishable figures when too few volunteers were paid (issue 21, points 2 and 4).

The numbers are worked out by hand from tests/unit/figures/dataset.py (reporting year 2025):
held sessions M1 60 + 45 + 90 min and M2 60 min; meetings of 10 June (120 min, F1) and
10 November (90 min, F1 and M2); M2's 180 min of completed training; supervision M1 50 and
M2 40 min.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from peerdesk.data.models import ExpenseClaim, ExpenseLine, Person
from peerdesk.services import Services
from peerdesk.services.figures import Mode
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import ClaimStatus, ExpenseKind
from tests.unit.figures.dataset import build


def _make_staff(services: Services, person_id: int) -> None:
    person = services.people.get(person_id)
    services.people.update(person_id, replace(person.details, is_staff=True))


def test_a_staff_facilitators_time_is_not_volunteer_time(services: Services) -> None:
    people = build(services)
    _make_staff(services, people.f1)
    assert services.people.get(people.f1).is_staff
    data = services.figures.report(services.figures.year(2025)).data()
    assert data["volunteer_hours"] == {
        "mentoring": 4.3,  # 255 min, as before
        "groups": 1.5,  # 120 × 0 volunteers (F1 is staff) + 90 × 1 (M2)
        "training": 3.0,
        "supervision": 1.5,
        "total": 10.3,  # 255 + 90 + 180 + 90 = 615 min = 10.25 h
    }
    assert data["volunteers_active"] == 2  # M1 and M2; F1 is staff
    assert data["contact_hours"] == 4.3  # time with mentees, whoever gave it


def test_a_staff_mentors_sessions_training_and_supervision_are_left_out(
    services: Services,
) -> None:
    people = build(services)
    _make_staff(services, people.f1)
    _make_staff(services, people.m2)
    data = services.figures.report(services.figures.year(2025)).data()
    assert data["volunteer_hours"] == {
        "mentoring": 3.3,  # 255 − M2's 60 = 195 min = 3.25 h
        "groups": 0.0,  # every facilitator present was staff
        "training": 0.0,  # M2's 180 min
        "supervision": 0.8,  # M1's 50 min
        "total": 4.1,  # 195 + 50 = 245 min
    }
    assert data["volunteers_active"] == 1  # M1
    assert data["contact_hours"] == 4.3
    assert data["sessions_held"] == 4


def _people(services: Services, count: int) -> list[int]:
    return [services.people.add(PersonDetails(f"Volunteer{n}")).id for n in range(count)]


def _claim(
    services: Services,
    person_id: int,
    lines: list[int],
    *,
    paid_on: date | None,
    submitted_on: date = date(2025, 3, 20),
) -> None:
    with services.db.transaction() as session:
        claim = ExpenseClaim(
            person_id=person_id,
            submitted_on=submitted_on,
            status=ClaimStatus.PAID.value if paid_on else ClaimStatus.APPROVED.value,
            approved_on=submitted_on,
            paid_on=paid_on,
            paid_how="bank transfer" if paid_on else "",
        )
        session.add(claim)
        session.flush()
        assert claim.id is not None
        for pence in lines:
            session.add(
                ExpenseLine(
                    claim_id=claim.id,
                    line_date=submitted_on,
                    kind=ExpenseKind.FARES.value,
                    amount_pence=pence,
                )
            )


def test_expenses_are_counted_by_the_day_they_were_paid(services: Services) -> None:
    services.organisation.save(OrganisationDetails(name="Peers"))
    a, b, c = _people(services, 3)
    # Submitted in the year before, paid on the first day of 2025: counts in 2025.
    _claim(services, a, [1250, 380], paid_on=date(2025, 4, 1))
    # Paid on the last day of 2025.
    _claim(services, b, [999], paid_on=date(2026, 3, 31), submitted_on=date(2026, 3, 1))
    # Paid the day after the year ends: 2026's.
    _claim(services, c, [5000], paid_on=date(2026, 4, 1), submitted_on=date(2026, 3, 2))
    # Approved, not paid: money not spent yet.
    _claim(services, c, [700], paid_on=None, submitted_on=date(2025, 6, 1))
    figures = services.figures.count(services.figures.year(2025))
    assert figures.expenses_paid_pence == 1250 + 380 + 999
    assert figures.expenses_paid_people == 2
    assert services.figures.count(services.figures.year(2024)).expenses_paid_pence == 0
    assert services.figures.count(services.figures.year(2026)).expenses_paid_pence == 5000


@pytest.mark.parametrize(
    ("volunteers", "shown"),
    [(4, "suppressed"), (5, 5 * 1000 + 100)],
)
def test_publishable_expenses_are_hidden_below_the_threshold_of_volunteers_paid(
    services: Services, volunteers: int, shown: int | str
) -> None:
    services.organisation.save(OrganisationDetails(name="Peers", suppression_threshold=5))
    ids = _people(services, volunteers)
    for person_id in ids:
        _claim(services, person_id, [1000], paid_on=date(2025, 5, 1))
    # A second claim by the same volunteer: more money, not more people.
    _claim(services, ids[0], [100], paid_on=date(2025, 6, 1))
    period = services.figures.year(2025)
    publishable = services.figures.report(period, Mode.PUBLISHABLE).data()
    assert publishable["expenses_paid_pence"] == shown
    internal = services.figures.report(period, Mode.INTERNAL).data()
    assert internal["expenses_paid_pence"] == volunteers * 1000 + 100


def test_no_expenses_paid_is_zero_even_when_publishable(services: Services) -> None:
    services.organisation.save(OrganisationDetails(name="Peers"))
    data = services.figures.report(services.figures.year(2025), Mode.PUBLISHABLE).data()
    assert data["expenses_paid_pence"] == 0


def test_a_staff_flag_is_kept_when_the_person_is_edited(services: Services) -> None:
    person = services.people.add(PersonDetails("Sam", is_staff=True))
    services.people.update(person.id, replace(person.details, last_name="Smith"))
    with services.db.session() as session:
        row = session.get(Person, person.id)
        assert row is not None and row.is_staff and row.last_name == "Smith"
