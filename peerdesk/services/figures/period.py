"""Reporting periods: a reporting year from the organisation's start month, or custom dates.

A period is [start, end] with both days included. "Year 2025" is the reporting year that
*starts* in 2025: with the default start month (April) that is 1 April 2025 to 31 March 2026;
with January it is the calendar year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from peerdesk.errors import ValidationError


def long_date(day: date) -> str:
    """1 April 2025 (no leading zero, as people write it)."""
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    #: The reporting year this period is, or None for custom dates.
    year: int | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("The end date is before the start date: please swap them.", "to")

    @classmethod
    def reporting_year(cls, year: int, start_month: int = 4) -> Period:
        if not 1900 <= year <= 2999:
            raise ValidationError("Please choose a year such as 2025.", "year")
        if not 1 <= start_month <= 12:
            raise ValidationError("The reporting year must start in a month from 1 to 12.", "year")
        start = date(year, start_month, 1)
        if start_month == 1:
            end = date(year, 12, 31)
        else:
            end = date(year + 1, start_month, 1) - timedelta(days=1)
        return cls(start, end, year)

    @classmethod
    def custom(cls, start: date, end: date) -> Period:
        return cls(start, end, None)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        """Plain words for the period, e.g. "Year 2025: 1 April 2025 to 31 March 2026"."""
        dates = f"{long_date(self.start)} to {long_date(self.end)}"
        return f"Year {self.year}: {dates}" if self.year is not None else dates

    @property
    def short_label(self) -> str:
        """A column heading: "2025–26", "2025" or "1 Jan 2025 to 30 Jun 2025"."""
        if self.year is not None:
            if self.start.month == 1:
                return str(self.year)
            return f"{self.year}–{(self.year + 1) % 100:02d}"
        return f"{self.start:%d %b %Y} to {self.end:%d %b %Y}".lstrip("0")

    def previous(self) -> Period:
        """The same dates one year earlier (the previous reporting year, for a year)."""
        if self.year is not None:
            return Period.reporting_year(self.year - 1, self.start.month)
        return Period.custom(_year_before(self.start), _year_before(self.end))


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)
