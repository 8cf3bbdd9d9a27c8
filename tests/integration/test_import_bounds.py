"""Bounded imports (issue 25, point 1): a workbook too large for a people list is refused
from its zip directory or while streaming, never after loading it in full, and a workbook is
loaded once."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl import Workbook

from peerdesk.services.importing.problems import FileUnreadable
from peerdesk.services.importing.readers import MAX_ROWS, read_file

SHEET = "xl/worksheets/sheet1.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every openpyxl.load_workbook call's keyword arguments (a spy on full loads)."""
    calls: list[dict[str, Any]] = []
    real = openpyxl.load_workbook

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", spy)
    return calls


def _workbook_with_sheet(path: Path, sheet_xml: str, *, compression: int) -> None:
    """A real workbook whose only sheet is replaced by `sheet_xml`: built through zipfile, so
    tens of thousands of rows take milliseconds rather than going through openpyxl."""
    template = io.BytesIO()
    book = Workbook()
    book.save(template)
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(path, "w", compression=compression) as target,
    ):
        for member in source.infolist():
            data = sheet_xml.encode() if member.filename == SHEET else source.read(member)
            target.writestr(member.filename, data)


def _sheet(rows: str, dimension: str = "A1") -> str:
    return (
        f'<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/>'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )


def _named_rows(count: int) -> str:
    return "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>Person {n}</t></is></c></row>'
        for n in range(1, count + 1)
    )


def test_one_cell_at_the_far_corner_is_refused_while_streaming(
    tmp_path: Path, loads: list[dict[str, Any]]
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Name"
    sheet["XFD1048576"] = "x"
    path = tmp_path / "far.xlsx"
    book.save(path)
    with pytest.raises(FileUnreadable, match=r"beyond row 50,000.*split it"):
        read_file(path)
    assert loads and all(call.get("read_only") for call in loads)


def test_a_zip_bomb_of_60000_rows_is_refused_before_openpyxl_opens_it(
    tmp_path: Path, loads: list[dict[str, Any]]
) -> None:
    # Identical rows with no row numbers pack far better than 100:1.
    rows = '<row><c t="inlineStr"><is><t>Jo Smith</t></is></c></row>' * 60_000
    path = tmp_path / "bomb.xlsx"
    _workbook_with_sheet(path, _sheet(rows), compression=zipfile.ZIP_DEFLATED)
    with pytest.raises(FileUnreadable, match="unpacks to far more data"):
        read_file(path)
    assert loads == []


def test_60000_rows_behind_a_lying_dimension_are_refused_while_streaming(
    tmp_path: Path, loads: list[dict[str, Any]]
) -> None:
    # Stored, not compressed: the zip check passes, so only streaming can catch the rows.
    path = tmp_path / "long.xlsx"
    _workbook_with_sheet(path, _sheet(_named_rows(60_000)), compression=zipfile.ZIP_STORED)
    with pytest.raises(FileUnreadable, match="beyond row 50,000"):
        read_file(path)
    assert len(loads) == 1 and loads[0].get("read_only") is True


def test_a_value_past_200_columns_is_refused(tmp_path: Path) -> None:
    row = '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c>'
    row += '<c r="GT1" t="inlineStr"><is><t>far</t></is></c></row>'  # column 202
    path = tmp_path / "wide.xlsx"
    _workbook_with_sheet(path, _sheet(row), compression=zipfile.ZIP_DEFLATED)
    with pytest.raises(FileUnreadable, match="more than 200 columns"):
        read_file(path)


def test_formatted_empty_cells_far_away_are_not_a_used_range(tmp_path: Path) -> None:
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>'
    rows += '<row r="900000"><c r="XFD900000" s="0"/></row>'
    path = tmp_path / "styled.xlsx"
    _workbook_with_sheet(path, _sheet(rows), compression=zipfile.ZIP_DEFLATED)
    assert read_file(path).sheets[0].rows == [["Name"]]


def test_a_50000_row_workbook_is_read_whole_and_loaded_once(
    tmp_path: Path, loads: list[dict[str, Any]]
) -> None:
    path = tmp_path / "full.xlsx"
    # The dimension claims one cell: every row must still be read.
    _workbook_with_sheet(path, _sheet(_named_rows(MAX_ROWS)), compression=zipfile.ZIP_DEFLATED)
    rows = read_file(path).sheets[0].rows
    assert len(rows) == MAX_ROWS
    assert rows[0] == ["Person 1"] and rows[-1] == [f"Person {MAX_ROWS}"]
    assert len(loads) == 1 and loads[0].get("read_only") is True


def test_gaps_between_rows_stay_in_place(tmp_path: Path) -> None:
    rows = '<row r="2"><c r="B2" t="inlineStr"><is><t>Name</t></is></c></row>'
    rows += '<row r="4"><c r="A4"><v>7</v></c><c r="C4"><f>A4*2</f></c></row>'
    path = tmp_path / "gaps.xlsx"
    _workbook_with_sheet(path, _sheet(rows), compression=zipfile.ZIP_DEFLATED)
    sheet = read_file(path).sheets[0]
    assert sheet.rows == [[], [None, "Name"], [], [7]]
    assert sheet.formulas == {(3, 2)}
