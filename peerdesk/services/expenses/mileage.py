"""The mileage rule: HMRC's approved mileage allowance payments, as the organisation sets them.

A volunteer is paid `rate` pence a mile for the first `threshold` business miles they claim in
a tax year (6 April to 5 April), and `reduced_rate` after. The miles already counted before a
line are those of the volunteer's approved and paid mileage lines in the same tax year that
come before it in date order (line date, then claim number, then line number); a line may
straddle the threshold, and then only its part past the threshold is at the reduced rate.

Distances are in tenths of a mile and money in whole pence, so the sums are exact integers
until the one rounding to whole pence (see `amount_pence`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: The tax year starts on 6 April (HMRC's year, whatever the organisation's reporting year).
TAX_YEAR_START = (4, 6)


@dataclass(frozen=True)
class Rates:
    """The rates a mileage line is worked out with: pence a mile, and the threshold in miles."""

    rate_pence: int
    reduced_rate_pence: int
    threshold_miles: int

    @property
    def threshold_tenths(self) -> int:
        return self.threshold_miles * 10


@dataclass(frozen=True)
class Split:
    """A mileage line worked out: the tenths past the threshold and the amount in pence."""

    reduced_miles_tenths: int
    amount_pence: int


def tax_year_start(day: date) -> date:
    """The 6 April on or before `day`: the start of the tax year it falls in."""
    start = date(day.year, *TAX_YEAR_START)
    return start if day >= start else date(day.year - 1, *TAX_YEAR_START)


def amount_pence(full_tenths: int, reduced_tenths: int, rates: Rates) -> int:
    """The money for so many tenths of a mile at each rate, in whole pence.

    The exact amount is in tenths of a penny (tenths of a mile times pence a mile); it is
    rounded once, half a penny up (0.1 miles at 45p = 4.5p pays 5p), never to even: a
    volunteer is never paid less than half a penny short, and the treasurer can redo the sum
    by hand the same way.
    """
    tenth_pence = full_tenths * rates.rate_pence + reduced_tenths * rates.reduced_rate_pence
    return (tenth_pence + 5) // 10


def split(miles_tenths: int, counted_before_tenths: int, rates: Rates) -> Split:
    """Work out one mileage line, given the tenths already counted before it this tax year."""
    room = max(0, rates.threshold_tenths - counted_before_tenths)
    full = min(miles_tenths, room)
    reduced = miles_tenths - full
    return Split(reduced, amount_pence(full, reduced, rates))
