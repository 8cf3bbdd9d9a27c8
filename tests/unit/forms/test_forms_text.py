"""Turning record values into printed words."""

from __future__ import annotations

from datetime import date

from peerdesk.services.printing import text as t


def test_age_band_and_postcode_area() -> None:
    today = date(2026, 6, 15)
    assert t.age_band(date(2000, 6, 16), today) == "25 to 34"
    assert t.age_band(date(2008, 6, 16), today) == "Under 18"
    assert t.age_band(date(1940, 1, 1), today) == "75 or over"
    assert t.age_band(None, today) == ""
    assert t.outward_code("KW14 7AB") == "KW14"
    assert t.outward_code("kw147ab") == "KW14"
    assert t.outward_code("") == ""


def test_dates_and_money_never_print_none() -> None:
    assert t.day(None) == "" and t.clock(None) == ""
    assert t.day(date(2026, 6, 5)) == "5 June 2026"
    assert t.pence(1205) == "12.05"
