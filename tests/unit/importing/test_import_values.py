"""Reading what people type in spreadsheets: dates, genders, yes/no, roles, minutes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from peerdesk.services.importing import values as val

TODAY = date(2026, 6, 15)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("25/12/1980", date(1980, 12, 25)),
        ("25-12-1980", date(1980, 12, 25)),
        ("25.12.1980", date(1980, 12, 25)),
        ("3 April 1980", date(1980, 4, 3)),
        ("3rd Apr 1980", date(1980, 4, 3)),
        ("April 3, 1980", date(1980, 4, 3)),
        ("1980-04-03", date(1980, 4, 3)),
        ("1980-04-03 00:00:00", date(1980, 4, 3)),
        (29221, date(1980, 1, 1)),
        (45566.0, date(2024, 10, 1)),
        ("45566", date(2024, 10, 1)),
        (datetime(1961, 5, 14, 0, 0), date(1961, 5, 14)),
        ("1/2/85", date(1985, 2, 1)),
        ("1/2/21", date(2021, 2, 1)),
    ],
)
def test_dates_in_the_forms_coordinators_write(cell: object, expected: date) -> None:
    result = val.parse_date(cell, today=TODAY)
    assert result.error is None
    assert result.value == expected


def test_an_ambiguous_date_is_read_the_uk_way_and_flagged() -> None:
    result = val.parse_date("03/04/1980", today=TODAY)
    assert result.value == date(1980, 4, 3)
    assert result.ambiguous
    assert "3 April 1980" in (result.note or "")


def test_month_first_order_reads_american_dates() -> None:
    assert val.parse_date("04/23/1980", day_first=False).value == date(1980, 4, 23)
    refused = val.parse_date("04/23/1980", day_first=True)
    assert refused.value is None
    assert "month first" in (refused.error or "")


def test_an_unambiguous_date_settles_the_order() -> None:
    result = val.parse_date("25/04/1980")
    assert result.settles_order and not result.ambiguous


@pytest.mark.parametrize("cell", ["31/02/1990", "12/13/1990", "yesterday", "1980-13-01", -5])
def test_impossible_dates_are_explained(cell: object) -> None:
    result = val.parse_date(cell, today=TODAY)
    assert result.value is None
    assert result.error


@pytest.mark.parametrize("cell", ["", "N/A", "n/a", "-", "  ", None, "—", "none"])
def test_blank_words_mean_nothing(cell: object) -> None:
    assert val.is_blank(cell)
    assert val.parse_date(cell).value is None
    assert val.parse_gender(cell, {}).value is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("F", "woman"), ("Female", "woman"), ("woman", "woman"), ("M", "man"), ("male", "man"),
     ("NB", "non_binary"), ("Prefer not to say", "prefer_not_to_say")],
)  # fmt: skip
def test_genders(cell: str, expected: str) -> None:
    assert val.parse_gender(cell, {}).value == expected


def test_a_users_own_value_mapping_wins() -> None:
    assert val.parse_gender("W", {}).value == "woman"
    assert val.parse_gender("Fem.", {"fem.": "woman"}).value == "woman"
    assert val.parse_gender("X", {}).error


@pytest.mark.parametrize(
    ("cell", "expected"), [("Y", True), ("Yes", True), ("✓", True), ("N", False), ("no", False)]
)
def test_yes_and_no(cell: str, expected: bool) -> None:
    assert val.parse_flag(cell, {}).value is expected


def test_roles_split_and_mapped() -> None:
    assert val.parse_roles("Mentor / facilitator", {}).value == ["mentor", "facilitator"]
    assert val.parse_roles("client, group", {}).value == ["mentee", "group_member"]
    assert val.parse_roles("astronaut", {}).error


def test_conditions_keep_slashes() -> None:
    assert val.split_list("Long Covid; ME/CFS") == ["Long Covid", "ME/CFS"]


@pytest.mark.parametrize(
    ("cell", "minutes"), [(60, 60), ("45", 45), ("1h 30m", 90), ("1.5 hours", 90), ("90 mins", 90)]
)
def test_minutes(cell: object, minutes: int) -> None:
    assert val.parse_minutes(cell).value == minutes


def test_names_are_split() -> None:
    assert val.split_name("Jo Smith") == ("Jo", "Smith")
    assert val.split_name("Munro, Catriona") == ("Catriona", "Munro")
    assert val.split_name("Mary Ann Jones") == ("Mary Ann", "Jones")
    assert val.split_name("Cher") == ("Cher", "")


def test_text_is_trimmed_and_whole_numbers_lose_their_point() -> None:
    assert val.text_of("  Morag  ") == "Morag"
    assert val.text_of(1955600100.0) == "1955600100"
