"""Totals of claims by month and by volunteer, for the Expenses screen (pence, exact)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from peerdesk.services.expenses.views import ClaimView, MonthTotal, VolunteerTotal


def month_totals(claims: Sequence[ClaimView]) -> list[MonthTotal]:
    """Each month with a claim submitted or paid in it, newest first: what was claimed that
    month (by the date submitted) and what was paid (by the date paid)."""
    claimed: dict[date, int] = defaultdict(int)
    paid: dict[date, int] = defaultdict(int)
    for claim in claims:
        claimed[claim.submitted_on.replace(day=1)] += claim.total_pence
        if claim.paid_on is not None:
            paid[claim.paid_on.replace(day=1)] += claim.total_pence
    months = sorted(set(claimed) | set(paid), reverse=True)
    return [MonthTotal(m, claimed.get(m, 0), paid.get(m, 0)) for m in months]


def volunteer_totals(claims: Sequence[ClaimView]) -> list[VolunteerTotal]:
    """Each volunteer with a claim, by name: claims, claimed, paid (pence) and miles."""
    found: dict[int, list[ClaimView]] = defaultdict(list)
    for claim in claims:
        found[claim.person_id].append(claim)
    totals = [
        VolunteerTotal(
            person_id=person_id,
            name=theirs[0].person_name,
            claims=len(theirs),
            claimed_pence=sum(c.total_pence for c in theirs),
            paid_pence=sum(c.total_pence for c in theirs if c.is_paid),
            miles_tenths=sum(c.miles_tenths for c in theirs),
        )
        for person_id, theirs in found.items()
    ]
    return sorted(totals, key=lambda t: (t.name.casefold(), t.person_id))
