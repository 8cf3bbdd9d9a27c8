"""XLSX export: a sheet per section with real numbers, and a notes sheet with the period, the
mode and how every figure was counted. Opens cleanly in Excel and LibreOffice.

It is the workbook a funder reads, so every heading and name in it is in words ("People
supported", "Previous period"); the keys that scripts use ("people_supported") are in the CSV
and JSON files, and on the notes sheet beside each figure, under a heading that says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from peerdesk.services.figures.definitions import (
    DEFINITIONS,
    SECTIONS,
    bucket_label,
    figure_label,
)
from peerdesk.services.figures.report import FigureRow, FiguresReport, rows_of
from peerdesk.services.figures.scope import NO_PROJECT
from peerdesk.services.figures.writing import atomic_path
from peerdesk.services.importing.spreadsheet_safety import neutralise

#: What a cell shows where a mean is not given.
NOT_GIVEN = "not given: too few people"
COLUMNS = ("Figure", "Breakdown", "Value", "Previous period")
#: The headings of the notes sheet's list of figures.
DEFINITION_COLUMNS = ("Figure", "How it was counted", "Key in the CSV and JSON files")
#: The words for the two modes.
MODE_WORDS = {
    "internal": "Internal: exact numbers",
    "publishable": "Publishable: small numbers suppressed",
}
HEADER_ROW = 4


def cell_value(value: Any) -> Any:
    """A shown value as a spreadsheet cell: numbers stay numbers, text is made safe."""
    if value is None:
        return NOT_GIVEN
    return neutralise(value)


def write_xlsx(report: FiguresReport, path: Path) -> None:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    data = report.data()
    previous = report.previous_data()
    earlier: dict[tuple[str, str], Any] = {}
    if previous is not None:
        earlier = {(r.figure, r.breakdown): r.value for r in rows_of(previous)}
    rows = report.rows()
    for section, _ in SECTIONS:
        sheet = workbook.create_sheet(section)
        _heading(sheet, report, section)
        for line, row in enumerate((r for r in rows if r.section == section), HEADER_ROW + 1):
            _write_row(sheet, line, row, earlier.get((row.figure, row.breakdown), ""), previous)
        if sheet.max_row == HEADER_ROW:
            sheet.cell(HEADER_ROW + 1, 1, "Nothing to report for this period.")
    _notes(workbook.create_sheet("Notes"), report, data)
    with atomic_path(path) as temporary:
        workbook.save(temporary)


def _heading(sheet: Worksheet, report: FiguresReport, section: str) -> None:
    data = report.data()
    sheet.cell(1, 1, neutralise(f"{data['organisation']}: {section}")).font = Font(
        bold=True, size=14
    )
    sheet.cell(2, 1, neutralise(_period_and_project(data)))
    sheet.cell(3, 1, report.notice).font = Font(bold=True, color="9C0006")
    for column, title in enumerate(COLUMNS, 1):
        sheet.cell(HEADER_ROW, column, title).font = Font(bold=True)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    for letter, width in zip("ABCD", (42, 30, 12, 16), strict=True):
        sheet.column_dimensions[letter].width = width


def _project_words(project: str | None) -> str:
    if project is None:
        return "All projects"
    return "Records with no project" if project == NO_PROJECT else project


def _period_and_project(data: dict[str, Any]) -> str:
    project = data["project"]
    if project is None:
        return str(data["period"]["label"])
    whose = "records with no project" if project == NO_PROJECT else f"project {project}"
    return f"{data['period']['label']}, {whose}"


def _write_row(
    sheet: Worksheet, line: int, row: FigureRow, before: Any, previous: dict[str, Any] | None
) -> None:
    sheet.cell(line, 1, neutralise(figure_label(row.figure)))
    sheet.cell(line, 2, neutralise(bucket_label(row.figure, row.breakdown)))
    value = sheet.cell(line, 3, cell_value(row.value))
    if isinstance(row.value, float):
        value.number_format = "0.0"
    if row.figure == "expenses_paid_pence" and isinstance(row.value, int):
        # Money as pounds a spreadsheet can add up (the CSV and JSON keep whole pence).
        value.value = row.value / 100
        value.number_format = "£#,##0.00"
    if previous is not None:
        earlier = sheet.cell(line, 4, cell_value(before) if before != "" else "")
        if isinstance(before, float):
            earlier.number_format = "0.0"
        if row.figure == "expenses_paid_pence" and isinstance(before, int):
            earlier.value = before / 100
            earlier.number_format = "£#,##0.00"
    for column in (3, 4):
        sheet.cell(line, column).alignment = Alignment(horizontal="right")


def _notes(sheet: Worksheet, report: FiguresReport, data: dict[str, Any]) -> None:
    lines: list[tuple[str, str]] = [
        ("Organisation", data["organisation"]),
        ("Project", _project_words(data["project"])),
        ("Which records", data["project_note"]),
        ("Period", data["period"]["label"]),
        ("From", data["period"]["from"]),
        ("To", data["period"]["to"]),
        ("Mode", MODE_WORDS.get(data["mode"], data["mode"])),
        ("Notice", report.notice),
    ]
    if report.previous is not None:
        lines.append(("Previous period", report.previous.period.label))
    sheet.cell(1, 1, "About these figures").font = Font(bold=True, size=14)
    for line, (name, value) in enumerate(lines, 2):
        sheet.cell(line, 1, name).font = Font(bold=True)
        sheet.cell(line, 2, neutralise(value))
    start = len(lines) + 3
    sheet.cell(start, 1, "How each figure was counted").font = Font(bold=True, size=14)
    for column, title in enumerate(DEFINITION_COLUMNS, 1):
        sheet.cell(start + 1, column, title).font = Font(bold=True)
    for line, definition in enumerate(DEFINITIONS.values(), start + 2):
        sheet.cell(line, 1, definition.label).font = Font(bold=True)
        sheet.cell(line, 2, definition.meaning).alignment = Alignment(wrap_text=True)
        sheet.cell(line, 3, definition.key)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 100
    sheet.column_dimensions["C"].width = 28
