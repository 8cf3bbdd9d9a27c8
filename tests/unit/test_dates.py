"""Reading typed dates: every accepted way of writing one, impossible dates refused with the
reason, two-digit years, spaces, and nothing ever turned into a different date."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.dates import NotADate, entry_text, read_date
from tests.conftest import TODAY

# TODAY is Monday 15 June 2026.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25/06/2026", date(2026, 6, 25)),
        ("05/03/2026", date(2026, 3, 5)),
        ("5/3/2026", date(2026, 3, 5)),
        ("5/3/26", date(2026, 3, 5)),
        ("05/03/26", date(2026, 3, 5)),
        ("28/11/2025", date(2025, 11, 28)),
        ("25-6-2026", date(2026, 6, 25)),
        ("25.6.2026", date(2026, 6, 25)),
        ("25 06 2026", date(2026, 6, 25)),
        ("5 Mar 2026", date(2026, 3, 5)),
        ("5 March 2026", date(2026, 3, 5)),
        ("5 march 2026", date(2026, 3, 5)),
        ("5 MAR 2026", date(2026, 3, 5)),
        ("5 Mar. 2026", date(2026, 3, 5)),
        ("5th March 2026", date(2026, 3, 5)),
        ("5 Sept 2026", date(2026, 9, 5)),
        ("5 Mar 26", date(2026, 3, 5)),
        ("7 Dec 2026", date(2026, 12, 7)),
        ("2026-03-05", date(2026, 3, 5)),
        ("today", TODAY),
        ("Today", TODAY),
        ("yesterday", date(2026, 6, 14)),
        ("tomorrow", date(2026, 6, 16)),
        ("29/02/2024", date(2024, 2, 29)),
    ],
)
def test_every_accepted_way_of_writing_a_date(text: str, expected: date) -> None:
    assert read_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    ["Fri 28 Nov 2025", "Friday 28 November 2025", "fri, 28 Nov 2025", "Fri 28/11/2025"],
)
def test_a_weekday_in_front_is_taken_when_it_is_the_right_one(text: str) -> None:
    assert read_date(text, TODAY) == date(2025, 11, 28)


def test_a_wrong_weekday_is_refused_not_moved_to_another_date() -> None:
    # QDateEdit turned "Fri 28 Nov 2025" typed over "Sun ..." into Sun 28 Dec 2025.
    with pytest.raises(NotADate, match="28 November 2025 is a Friday"):
        read_date("Sun 28 Nov 2025", TODAY)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/2025", "31/02/2025 is not a date: February 2025 has 28 days."),
        ("29/02/2025", "29/02/2025 is not a date: February 2025 has 28 days."),
        ("31/04/2026", "31/04/2026 is not a date: April 2026 has 30 days."),
        ("00/01/2025", "00/01/2025 is not a date: there is no day 0."),
        ("1/13/2025", "1/13/2025 is not a date: there is no month 13"),
        ("1/0/2025", "1/0/2025 is not a date: there is no month 0"),
        ("32 Jan 2026", "32 Jan 2026 is not a date: January 2026 has 31 days."),
    ],
)
def test_impossible_dates_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(NotADate) as refused:
        read_date(text, TODAY)
    assert str(refused.value).startswith(reason)


@pytest.mark.parametrize(
    "text",
    [
        "next week",
        "15/06",
        "15/6/202",
        "15/06/20266",
        "2026/06/15",
        "5 Marchh 2026",
        "March 5 2026",
        "15//06/2026",
        "1506 2026",
        "Fri",
        "-1/06/2026",
    ],
)
def test_words_that_are_not_a_date_are_refused_never_guessed(text: str) -> None:
    with pytest.raises(NotADate, match="is not a date: type it as dd/mm/yyyy, for example"):
        read_date(text, TODAY)


@pytest.mark.parametrize("text", ["1/1/0202", "1/1/1899", "1/1/2200"])
def test_years_out_of_range_are_refused(text: str) -> None:
    with pytest.raises(NotADate, match="year should be between 1900 and 2199"):
        read_date(text, TODAY)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("1/1/00", 2000),
        ("1/1/26", 2026),
        ("1/1/46", 2046),  # up to 20 years ahead of today stays in this century
        ("1/1/47", 1947),  # beyond that it is the century before (a date of birth)
        ("14/5/61", 1961),
        ("1/1/99", 1999),
    ],
)
def test_two_digit_years_are_the_nearest_sensible_one(text: str, year: int) -> None:
    found = read_date(text, TODAY)
    assert found is not None and found.year == year


def test_two_digit_years_follow_the_today_passed_in() -> None:
    assert read_date("1/1/47", date(2030, 1, 1)) == date(2047, 1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  25/06/2026", date(2026, 6, 25)),
        ("25/06/2026  ", date(2026, 6, 25)),
        ("\t25 / 06 / 2026 ", date(2026, 6, 25)),
        (" 5  Mar  2026 ", date(2026, 3, 5)),
        ("  today ", TODAY),
    ],
)
def test_surrounding_and_doubled_spaces_are_ignored(text: str, expected: date) -> None:
    assert read_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_blank_is_none(text: str) -> None:
    assert read_date(text, TODAY) is None


def test_the_problem_quotes_what_was_typed_without_its_surrounding_spaces() -> None:
    with pytest.raises(NotADate, match=r"^31/02/2025 is not a date"):
        read_date("  31/02/2025 ", TODAY)


@pytest.mark.parametrize(
    "value", [date(2026, 12, 7), date(1987, 6, 25), date(2000, 1, 1), date(2024, 2, 29)]
)
def test_a_date_written_for_the_box_reads_back_as_exactly_that_date(value: date) -> None:
    assert entry_text(value) == f"{value.day:02d}/{value.month:02d}/{value.year}"
    assert read_date(entry_text(value), TODAY) == value


def test_every_day_of_two_years_reads_back_unchanged_in_each_style() -> None:
    """No silent change: each day written each accepted way is read as that very day."""
    day = date(2025, 1, 1)
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    while day.year < 2027:
        for text in (
            entry_text(day),
            f"{day.day}/{day.month}/{day.year % 100:02d}",
            f"{day.day} {months[day.month - 1]} {day.year}",
            f"{day:%A} {day.day} {day:%B} {day.year}",
            day.isoformat(),
        ):
            assert read_date(text, TODAY) == day, text
        day = date.fromordinal(day.toordinal() + 1)
