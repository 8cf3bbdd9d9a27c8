"""The mileage rule (issue 21 point 2): 45p a mile for the first 10,000 business miles a
volunteer claims in a tax year, 25p after; a line may straddle the threshold; the count
starts again on 6 April; the rate is stored on each line, so a change in Settings leaves paid
claims alone while unpaid ones are worked out again when saved or approved. Every expected
amount is worked out by hand in the comments."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.expenses.mileage import Rates, amount_pence, tax_year_start
from peerdesk.services.expenses.views import ClaimView, LineInput, MileageSettings
from peerdesk.services.organisation.views import OrganisationDetails
from peerdesk.services.people.views import PersonDetails
from peerdesk.vocabulary import ExpenseKind, Role

MILEAGE = ExpenseKind.MILEAGE


@pytest.fixture
def volunteer(services: Services) -> int:
    services.organisation.save(OrganisationDetails(name="Thurso Peer Support"))
    person = services.people.add(
        PersonDetails(first_name="Ailsa", last_name="Driver"), roles=[Role.MENTOR]
    )
    assert person.id is not None
    return person.id


def mileage(on: date, tenths: int) -> LineInput:
    return LineInput(on, MILEAGE, "Travel to sessions", miles_tenths=tenths)


def nearly_the_threshold(services: Services, volunteer: int) -> ClaimView:
    """9,990 miles approved in the 2025 tax year: 5,000 on 1 August, 4,990 on 1 September."""
    claim = services.expenses.add_claim(
        volunteer,
        submitted_on=date(2025, 9, 30),
        lines=[mileage(date(2025, 8, 1), 50_000), mileage(date(2025, 9, 1), 49_900)],
    )
    return services.expenses.approve(claim.id, date(2025, 10, 1))


def test_half_a_penny_is_rounded_up() -> None:
    # 0.1 miles at 45p is 4.5p: paid 5p. 0.1 miles at 25p is 2.5p: paid 3p. 0.3 at 45p = 13.5p.
    rates = Rates(45, 25, 10000)
    assert amount_pence(1, 0, rates) == 5
    assert amount_pence(0, 1, rates) == 3
    assert amount_pence(3, 0, rates) == 14
    # 1.2 miles at 45p = 54p exactly: nothing to round.
    assert amount_pence(12, 0, rates) == 54


def test_the_tax_year_starts_on_6_april() -> None:
    assert tax_year_start(date(2026, 4, 5)) == date(2025, 4, 6)
    assert tax_year_start(date(2026, 4, 6)) == date(2026, 4, 6)
    assert tax_year_start(date(2026, 1, 31)) == date(2025, 4, 6)


def test_a_short_line_is_paid_to_the_half_penny_up(services: Services, volunteer: int) -> None:
    claim = services.expenses.add_claim(
        volunteer, submitted_on=date(2026, 6, 1), lines=[mileage(date(2026, 6, 1), 1)]
    )
    [line] = claim.lines
    assert (line.amount_pence, line.rate_pence, line.worked_out) == (5, 45, "0.1 miles at 45p")


def test_the_rate_drops_to_25p_after_10000_miles_with_a_line_straddling_it(
    services: Services, volunteer: int
) -> None:
    first = nearly_the_threshold(services, volunteer)
    # 5,000 x 45p = £2,250.00; 4,990 x 45p = £2,245.50.
    assert [line.amount_pence for line in first.lines] == [225_000, 224_550]
    later = services.expenses.add_claim(
        volunteer,
        submitted_on=date(2025, 11, 30),
        lines=[
            # 10 miles left at 45p (450p) and 2.4 at 25p (60p): 510p.
            mileage(date(2025, 11, 1), 124),
            # Past the threshold (its own claim's 12.4 miles count before it): 20 x 25p.
            mileage(date(2025, 11, 2), 200),
            LineInput(
                date(2025, 11, 2), ExpenseKind.PARKING, "Hospital car park", amount_pence=350
            ),
        ],
    )
    straddling, past, parking = later.lines
    assert (straddling.amount_pence, straddling.reduced_miles_tenths) == (510, 24)
    assert (straddling.rate_pence, straddling.reduced_rate_pence) == (45, 25)
    assert straddling.worked_out == "10 miles at 45p and 2.4 miles at 25p"
    assert (past.amount_pence, past.reduced_miles_tenths) == (500, 200)
    assert past.worked_out == "20 miles at 25p"
    assert parking.amount_pence == 350
    assert later.total_pence == 510 + 500 + 350


def test_the_count_starts_again_on_6_april(services: Services, volunteer: int) -> None:
    nearly_the_threshold(services, volunteer)
    claim = services.expenses.add_claim(
        volunteer,
        submitted_on=date(2026, 4, 30),
        lines=[
            # 5 April 2026 is still the 2025 tax year: 10 miles left at 45p, then 10 at 25p.
            mileage(date(2026, 4, 5), 200),
            # 6 April starts a new year: 20 miles at 45p = 900p.
            mileage(date(2026, 4, 6), 200),
        ],
    )
    old_year, new_year = claim.lines
    assert (old_year.amount_pence, old_year.reduced_miles_tenths) == (450 + 250, 100)
    assert (new_year.amount_pence, new_year.reduced_miles_tenths) == (900, 0)


def test_approving_the_claim_that_crosses_the_threshold_reworks_later_unpaid_claims(
    services: Services, volunteer: int
) -> None:
    nearly_the_threshold(services, volunteer)
    crossing = services.expenses.add_claim(
        volunteer, submitted_on=date(2025, 10, 1), lines=[mileage(date(2025, 10, 1), 300)]
    )
    later = services.expenses.add_claim(
        volunteer, submitted_on=date(2025, 12, 1), lines=[mileage(date(2025, 12, 1), 200)]
    )
    # Neither is approved: each sees the 10 miles left. 30 miles: 10 x 45p + 20 x 25p = 950p;
    # 20 miles: 10 x 45p + 10 x 25p = 700p.
    assert crossing.lines[0].amount_pence == 950
    assert later.lines[0].amount_pence == 700
    approved = services.expenses.approve(crossing.id, date(2025, 10, 10))
    assert approved.lines[0].amount_pence == 950
    # The 30 approved miles used up the 10 left: all 20 later miles at 25p = 500p.
    [reworked] = services.expenses.claim(later.id).lines
    assert (reworked.amount_pence, reworked.reduced_miles_tenths) == (500, 200)


def test_a_rate_change_leaves_paid_claims_alone_and_reworks_an_unpaid_one_when_saved(
    services: Services, volunteer: int
) -> None:
    paid = services.expenses.add_claim(
        volunteer, submitted_on=date(2025, 5, 2), lines=[mileage(date(2025, 5, 1), 1000)]
    )
    services.expenses.approve(paid.id, date(2025, 5, 3))
    services.expenses.mark_paid(paid.id, date(2025, 5, 9), "Bank transfer")
    unpaid = services.expenses.add_claim(
        volunteer, submitted_on=date(2025, 6, 2), lines=[mileage(date(2025, 6, 1), 100)]
    )
    assert unpaid.lines[0].amount_pence == 450  # 10 miles at 45p

    services.expenses.save_mileage_settings(MileageSettings(50, 30, 10000))
    # Nothing is reworked until the unpaid claim is saved.
    assert services.expenses.claim(unpaid.id).lines[0].amount_pence == 450
    saved = services.expenses.update_claim(
        unpaid.id,
        person_id=volunteer,
        submitted_on=date(2025, 6, 2),
        lines=[line.as_input() for line in unpaid.lines],
    )
    # 10 miles at the new 50p = 500p.
    assert (saved.lines[0].amount_pence, saved.lines[0].rate_pence) == (500, 50)
    # The paid claim keeps 100 miles at 45p = £45.00, and its stored rate.
    [kept] = services.expenses.claim(paid.id).lines
    assert (kept.amount_pence, kept.rate_pence, kept.reduced_rate_pence) == (4500, 45, 25)


def test_a_paid_claim_cannot_be_edited(services: Services, volunteer: int) -> None:
    claim = services.expenses.add_claim(
        volunteer, submitted_on=date(2025, 5, 2), lines=[mileage(date(2025, 5, 1), 100)]
    )
    services.expenses.approve(claim.id, date(2025, 5, 3))
    paid = services.expenses.mark_paid(claim.id, date(2025, 5, 9), "Cash")
    with pytest.raises(ValidationError, match="has been paid, so it cannot be changed"):
        services.expenses.update_claim(
            claim.id,
            person_id=volunteer,
            submitted_on=date(2025, 5, 2),
            lines=[mileage(date(2025, 5, 1), 900)],
        )
    assert services.expenses.claim(claim.id) == paid


def test_removing_an_approved_claim_gives_its_miles_back(
    services: Services, volunteer: int
) -> None:
    first = nearly_the_threshold(services, volunteer)
    later = services.expenses.add_claim(
        volunteer, submitted_on=date(2025, 12, 1), lines=[mileage(date(2025, 12, 1), 200)]
    )
    assert later.lines[0].amount_pence == 700  # 10 x 45p + 10 x 25p
    services.expenses.remove_claim(first.id, "Entered for the wrong volunteer")
    # Nothing is counted before it now: 20 miles at 45p = 900p.
    assert services.expenses.claim(later.id).lines[0].amount_pence == 900
    [removal] = [
        s for s in services.history.latest() if s.description.startswith("Removed expense claim")
    ]
    assert removal.reason == "Entered for the wrong volunteer"
