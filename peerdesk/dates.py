"""Reading a date a person typed, and writing one back for them to type over.

Plain Python (no Qt, no database), so the date box and any other layer read dates the same
way. `today` is always passed in: "today", "yesterday" and two-digit years depend on it, and
tests use a fixed day.

A date that cannot be read is refused with the reason, never turned into another date:
"31/02/2025 is not a date: February 2025 has 28 days."
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

ENTRY_HINT = "dd/mm/yyyy"

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Years peerdesk takes: a typo like 1/1/0202 is refused rather than stored.
FIRST_YEAR, LAST_YEAR = 1900, 2199

_MONTH_NUMBERS = {name.casefold(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS.update({name[:3].casefold(): number for number, name in enumerate(MONTHS, start=1)})
_MONTH_NUMBERS["sept"] = 9
_WEEKDAY_NUMBERS = {name.casefold(): number for number, name in enumerate(WEEKDAYS)}
_WEEKDAY_NUMBERS.update({name[:3].casefold(): number for number, name in enumerate(WEEKDAYS)})
_WEEKDAY_NUMBERS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}
_WEEKDAY_FIRST = re.compile(r"^([a-z]+)\.?,?\s+(.*)$")
_NUMBERS = re.compile(r"^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{2}|\d{4})$")


class NotADate(ValueError):
    """The words typed are not a date; `str()` says why, in plain English."""


def read_date(text: str, today: date) -> date | None:
    """The date in `text`, or None when it is blank.

    Takes 25/06/2026 (also 25-6-2026, 25.6.26 or 25 06 2026: the day first), 5 Mar 2026,
    5 March 2026, 2026-06-25, "today", "yesterday" and "tomorrow", with or without a weekday
    in front ("Fri 28 Nov 2025": it must be the right one). A two-digit year is the one
    nearest `today` (at most 20 years ahead, else the century before).

    Raises NotADate, with the reason, for anything else: nothing is guessed.
    """
    shown = " ".join(text.split())
    words = shown.casefold()
    if not words:
        return None
    if words in _RELATIVE:
        return today + timedelta(days=_RELATIVE[words])
    weekday: int | None = None
    named = _WEEKDAY_FIRST.match(words)
    if named is not None and named.group(1) in _WEEKDAY_NUMBERS:
        weekday = _WEEKDAY_NUMBERS[named.group(1)]
        words = named.group(2)
    day, month, year = _parts(words, shown, today)
    found = _checked(day, month, year, shown)
    if weekday is not None and found.weekday() != weekday:
        raise NotADate(
            f"{shown} is not a date: {found.day} {MONTHS[found.month - 1]} {found.year} "
            f"is a {WEEKDAYS[found.weekday()]}."
        )
    return found


def entry_text(value: date | None) -> str:
    """How a date is shown in a box to type over: 07/12/2026."""
    return "" if value is None else f"{value:%d/%m/%Y}"


def _parts(words: str, shown: str, today: date) -> tuple[int, int, int]:
    match = _NUMBERS.match(words)
    if match is not None:
        return int(match[1]), int(match[2]), _full_year(match[3], today)
    match = _ISO.match(words)
    if match is not None:
        return int(match[3]), int(match[2]), int(match[1])
    match = _WORDS.match(words)
    if match is not None and match[2] in _MONTH_NUMBERS:
        return int(match[1]), _MONTH_NUMBERS[match[2]], _full_year(match[3], today)
    raise NotADate(
        f"{shown} is not a date: type it as {ENTRY_HINT}, for example {entry_text(today)}."
    )


def _full_year(digits: str, today: date) -> int:
    if len(digits) == 4:
        return int(digits)
    year = today.year - today.year % 100 + int(digits)
    if year > today.year + 20:
        year -= 100
    return year


def _checked(day: int, month: int, year: int, shown: str) -> date:
    if not 1 <= month <= 12:
        raise NotADate(
            f"{shown} is not a date: there is no month {month} (the day comes first, {ENTRY_HINT})."
        )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise NotADate(
            f"{shown} is not a date peerdesk can take: the year should be between "
            f"{FIRST_YEAR} and {LAST_YEAR}."
        )
    length = calendar.monthrange(year, month)[1]
    if day == 0:
        raise NotADate(f"{shown} is not a date: there is no day 0.")
    if day > length:
        raise NotADate(f"{shown} is not a date: {MONTHS[month - 1]} {year} has {length} days.")
    return date(year, month, day)
