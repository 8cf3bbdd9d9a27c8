"""Finding the table inside a sheet: its header row, which rows are data, which are not.

Coordinators' sheets start with a merged title ("Mentees 2024/25"), may have blank rows
between blocks, and end with a totals row. The header row is the first row that looks like
headings we know; rows below it that are blank or start with "Total" are not data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from peerdesk.services.importing.fields import FIELDS, MULTI_COLUMN, SheetKind, match_header
from peerdesk.services.importing.readers import Sheet
from peerdesk.services.importing.values import is_blank, text_of

HEADER_SEARCH_ROWS = 30
_TOTALS = re.compile(r"^(grand\s+)?(total|totals|sub\s?total|count|sum|average)\b", re.IGNORECASE)
#: The fields whose presence says what a sheet holds, most specific first.
_DEFINING: tuple[tuple[SheetKind, tuple[frozenset[str], ...]], ...] = (
    (SheetKind.SESSIONS, (frozenset({"mentor", "mentee", "session_date"}),)),
    (SheetKind.ATTENDANCE, (frozenset({"group", "meeting_date", "person"}),)),
    (SheetKind.PAIRINGS, (frozenset({"mentor", "mentee"}),)),
    (
        SheetKind.PEOPLE,
        (frozenset({"first_name"}), frozenset({"full_name"}), frozenset({"last_name"})),
    ),
)


@dataclass(frozen=True)
class Layout:
    """Where the table is (0-based header row) and what the sheet holds."""

    header_row: int
    kind: SheetKind | None
    columns: dict[int, str]  # column index → field key


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def headers(sheet: Sheet, header_row: int) -> list[str]:
    """The heading of every column (its letter when the heading cell is empty)."""
    row = sheet.rows[header_row] if header_row < len(sheet.rows) else []
    width = max(sheet.width, len(row))
    return [
        text_of(row[i]) if i < len(row) and text_of(row[i]) else column_letter(i)
        for i in range(width)
    ]


def suggest_columns(sheet: Sheet, header_row: int, kind: SheetKind) -> dict[int, str]:
    """Match each heading to a field; a field is used once unless it takes several columns."""
    row = sheet.rows[header_row] if header_row < len(sheet.rows) else []
    columns: dict[int, str] = {}
    for index, cell in enumerate(row):
        key = match_header(kind, cell)
        if key is None or (key in columns.values() and key not in MULTI_COLUMN):
            continue
        columns[index] = key
    return columns


def detect_kind(columns_by_kind: dict[SheetKind, dict[int, str]]) -> SheetKind | None:
    for kind, alternatives in _DEFINING:
        present = set(columns_by_kind[kind].values())
        if any(required <= present for required in alternatives):
            return kind
    return None


def detect_layout(sheet: Sheet) -> Layout:
    """The most likely header row and kind of table; row 0 and no kind when nothing fits."""
    best: Layout | None = None
    best_score = 0
    for r in range(min(len(sheet.rows), HEADER_SEARCH_ROWS)):
        by_kind = {kind: suggest_columns(sheet, r, kind) for kind in FIELDS}
        kind = detect_kind(by_kind)
        if kind is None:
            continue
        score = len(by_kind[kind])
        # One recognised heading is not enough in a wide row (an instructions sheet, a note).
        filled = sum(1 for cell in sheet.rows[r] if not is_blank(cell))
        if score < 2 and filled > 1:
            continue
        if score > best_score:
            best, best_score = Layout(r, kind, by_kind[kind]), score
    if best is not None:
        return best
    first = next(
        (r for r, row in enumerate(sheet.rows) if sum(1 for c in row if not is_blank(c)) >= 2), 0
    )
    return Layout(first, None, {})


def is_totals_row(row: Sequence[object]) -> bool:
    filled = [c for c in row if not is_blank(c)]
    return bool(filled) and isinstance(filled[0], str) and bool(_TOTALS.match(filled[0].strip()))


def data_rows(sheet: Sheet, header_row: int) -> tuple[list[int], list[int]]:
    """(data row indexes, totals row indexes) below the header; blank rows are neither."""
    data, totals = [], []
    for r in range(header_row + 1, len(sheet.rows)):
        row = sheet.rows[r]
        if all(is_blank(c) for c in row):
            continue
        if is_totals_row(row):
            totals.append(r)
            continue
        data.append(r)
    return data, totals
