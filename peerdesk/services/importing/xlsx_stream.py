"""Reading an .xlsx workbook once, by streaming, with every limit enforced as it streams.

A workbook is a zip of XML, so a few kilobytes can describe a sheet of a million rows (one cell
at XFD1048576) or unpack to gigabytes (a "zip bomb"). Loading such a file in full froze
peerdesk for minutes (issue 25), so: the archive's declared sizes are checked before openpyxl
opens it, then each sheet is streamed in read-only mode and refused the moment a value lies past
the row or column limit. The `<dimension>` tag is never trusted: it can be absent or lie.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

from peerdesk.services.importing.problems import FileUnreadable

#: The most a workbook may unpack to, and the highest ratio of unpacked to packed bytes.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
#: Below this a part is too small to matter whatever its ratio: a short, very regular XML
#: part (styles, an empty sheet) can legitimately pack better than 100:1.
RATIO_FLOOR_BYTES = 1024 * 1024


def check_archive(data: bytes, name: str) -> None:
    """Refuse a workbook that would unpack too large, from the zip's directory alone."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: openpyxl's own refusal explains it better
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileUnreadable(_too_big(name))
    for member in members:
        if member.file_size > RATIO_FLOOR_BYTES and (
            member.file_size > MAX_RATIO * max(member.compress_size, 1)
        ):
            raise FileUnreadable(_too_big(name))


class _Parser(WorkSheetParser):  # type: ignore[misc]
    """openpyxl's own row parser reading saved values, also noting formulas with none saved.

    Reading values and formulas separately meant loading the workbook twice.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unsaved_formulas: set[tuple[int, int]] = set()

    def parse_cell(self, element: Any) -> dict[str, Any]:
        cell: dict[str, Any] = super().parse_cell(element)
        if cell["value"] is None and element.find(FORMULA_TAG) is not None:
            self.unsaved_formulas.add((cell["row"], cell["column"]))
        return cell


def stream_sheet(
    worksheet: Any, name: str, max_rows: int, max_columns: int
) -> tuple[list[list[object]], set[tuple[int, int]]]:
    """The rows of one read-only sheet (0-based) and its formulas without saved values.

    Refuses, while streaming, a value or formula beyond `max_rows` or `max_columns`: empty
    (merely formatted) cells out there are skipped, as Excel often writes them.
    """
    book = worksheet.parent
    rows: list[list[object]] = []
    # openpyxl's ReadOnlyWorksheet builds this same parser from these same private parts; it
    # offers no public way to see a cell's formula and its saved value in one pass.
    with worksheet._get_source() as source:
        parser = _Parser(
            source,
            worksheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for number, cells in parser.parse():
            used = [c for c in cells if c["value"] is not None]
            used += [c for c in cells if (c["row"], c["column"]) in parser.unsaved_formulas]
            if not used:
                continue
            if number > max_rows:
                raise FileUnreadable(_too_many_rows(name, worksheet.title, max_rows))
            if max(c["column"] for c in used) > max_columns:
                raise FileUnreadable(_too_many_columns(name, worksheet.title, max_columns))
            # Rows missing from the XML are empty rows: fill the gap (at most max_rows).
            rows.extend([] for _ in range(number - 1 - len(rows)))
            row: list[object] = [None] * max(c["column"] for c in used)
            for cell in used:
                row[cell["column"] - 1] = cell["value"]
            rows.append(row)
    formulas = {(r - 1, c - 1) for r, c in parser.unsaved_formulas}
    return rows, formulas


def _too_big(name: str) -> str:
    return (
        f"{name} unpacks to far more data than a spreadsheet of people should hold (it may be "
        "damaged or built to cause harm). Open it in Excel or LibreOffice, copy only the rows "
        "you need into a new workbook, and import that."
    )


def _too_many_rows(name: str, sheet: str, max_rows: int) -> str:
    return (
        f'The sheet "{sheet}" in {name} uses rows beyond row {max_rows:,}: please split it '
        "into smaller files, or delete anything far below your table, and import again."
    )


def _too_many_columns(name: str, sheet: str, max_columns: int) -> str:
    return (
        f'The sheet "{sheet}" in {name} uses more than {max_columns} columns: delete anything '
        "far to the right of your table, save it, and import again."
    )
