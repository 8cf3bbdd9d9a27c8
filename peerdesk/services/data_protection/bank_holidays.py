"""UK bank holidays 2024–2030 (England and Wales; Scotland), as published on gov.uk.

Kept as data, not computed, so that a one-off holiday (a coronation, a jubilee) can be added by
editing one line. Substitute days are included (a holiday on a weekend moves to the Monday).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class Region(StrEnum):
    ENGLAND_AND_WALES = "england_and_wales"
    SCOTLAND = "scotland"


def _dates(*lines: str) -> frozenset[date]:
    return frozenset(date.fromisoformat(day) for line in lines for day in line.split())


ENGLAND_AND_WALES: frozenset[date] = _dates(
    # 2024
    "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27",
    "2024-08-26 2024-12-25 2024-12-26",
    # 2025
    "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26",
    "2025-08-25 2025-12-25 2025-12-26",
    # 2026
    "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25",
    "2026-08-31 2026-12-25 2026-12-28",
    # 2027
    "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31",
    "2027-08-30 2027-12-27 2027-12-28",
    # 2028
    "2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29",
    "2028-08-28 2028-12-25 2028-12-26",
    # 2029
    "2029-01-01 2029-03-30 2029-04-02 2029-05-07 2029-05-28",
    "2029-08-27 2029-12-25 2029-12-26",
    # 2030
    "2030-01-01 2030-04-19 2030-04-22 2030-05-06 2030-05-27",
    "2030-08-26 2030-12-25 2030-12-26",
)

SCOTLAND: frozenset[date] = _dates(
    # 2024
    "2024-01-01 2024-01-02 2024-03-29 2024-05-06 2024-05-27",
    "2024-08-05 2024-12-02 2024-12-25 2024-12-26",
    # 2025
    "2025-01-01 2025-01-02 2025-04-18 2025-05-05 2025-05-26",
    "2025-08-04 2025-12-01 2025-12-25 2025-12-26",
    # 2026
    "2026-01-01 2026-01-02 2026-04-03 2026-05-04 2026-05-25",
    "2026-08-03 2026-11-30 2026-12-25 2026-12-28",
    # 2027
    "2027-01-01 2027-01-04 2027-03-26 2027-05-03 2027-05-31",
    "2027-08-02 2027-11-30 2027-12-27 2027-12-28",
    # 2028
    "2028-01-03 2028-01-04 2028-04-14 2028-05-01 2028-05-29",
    "2028-08-07 2028-11-30 2028-12-25 2028-12-26",
    # 2029
    "2029-01-01 2029-01-02 2029-03-30 2029-05-07 2029-05-28",
    "2029-08-06 2029-11-30 2029-12-25 2029-12-26",
    # 2030
    "2030-01-01 2030-01-02 2030-04-19 2030-05-06 2030-05-27",
    "2030-08-05 2030-12-02 2030-12-25 2030-12-26",
)

#: The years the data covers; outside them only weekends are skipped.
FIRST_YEAR, LAST_YEAR = 2024, 2030

BANK_HOLIDAYS: dict[Region, frozenset[date]] = {
    Region.ENGLAND_AND_WALES: ENGLAND_AND_WALES,
    Region.SCOTLAND: SCOTLAND,
}

#: Postcode areas in Scotland (TD and DG also reach into England: see `region_for_postcode`).
_SCOTTISH_AREAS = frozenset(
    ["AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "TD", "ZE"]
)
#: Districts of the TD area that lie in England (Berwick-upon-Tweed and around).
_ENGLISH_TD = frozenset({"TD15"})


def region_for_postcode(postcode: str) -> Region | None:
    """The bank-holiday region of a UK postcode, or None when it cannot be told (or is in
    Northern Ireland, whose extra holidays are not listed here)."""
    outward = postcode.strip().upper().split(" ")[0] if postcode.strip() else ""
    if not outward:
        return None
    area = "".join(ch for ch in outward[:2] if ch.isalpha())
    if area == "BT":
        return None
    if outward in _ENGLISH_TD:
        return Region.ENGLAND_AND_WALES
    if area in _SCOTTISH_AREAS:
        return Region.SCOTLAND
    return Region.ENGLAND_AND_WALES


def is_bank_holiday(day: date, region: Region | None) -> bool:
    """With no region, only days that are holidays everywhere in Great Britain count: a due
    date then never lands later than the law allows, wherever the organisation is."""
    if region is None:
        return day in ENGLAND_AND_WALES and day in SCOTLAND
    return day in BANK_HOLIDAYS[region]


def is_working_day(day: date, region: Region | None) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day, region)
