"""Blank templates with the headings peerdesk recognises, and an instructions sheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from peerdesk import files
from peerdesk.services.importing.fields import FIELDS, FieldSpec, SheetKind, ValueKind

TEMPLATE_XLSX = "peerdesk-import-template.xlsx"
INSTRUCTIONS_SHEET = "Instructions"
#: "Full name" is an alternative to first and last name, so the templates leave it out.
_LEFT_OUT = {"full_name"}

INTRODUCTION = (
    "How to use this template",
    "Type or paste one person per row on the People sheet. Only the first name is needed; "
    "fill in whatever else you know. Leave a cell empty (or write N/A) when you do not know.",
    "Dates: write them as 25/12/1980 (day first), 25 December 1980 or 1980-12-25.",
    "Several roles or conditions in one cell: separate them with commas.",
    "The Pairings, Sessions and Group attendance sheets are optional. They name people as "
    "they are written on the People sheet (first and last name) or by email address.",
    "Your own spreadsheet does not need to look like this: peerdesk also recognises other "
    "usual headings (listed below) and lets you choose what each column means.",
    "Importing the same file twice does not create anyone twice.",
)


def template_headings(kind: SheetKind) -> list[str]:
    return [spec.label for spec in FIELDS[kind] if spec.key not in _LEFT_OUT]


def csv_name(kind: SheetKind) -> str:
    return f"peerdesk-{kind.value}-template.csv"


def write_templates(folder: Path) -> list[Path]:
    """Write the XLSX template and one CSV per kind of sheet into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [_write_xlsx(folder / TEMPLATE_XLSX)]
    for kind in SheetKind:
        text = io.StringIO()
        csv.writer(text).writerow(template_headings(kind))
        written.append(
            files.write_text(
                folder / csv_name(kind), text.getvalue(), encoding="utf-8-sig", newline=""
            )
        )
    return written


def _write_xlsx(path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    instructions = book.active
    assert instructions is not None
    instructions.title = INSTRUCTIONS_SHEET
    instructions.append([INTRODUCTION[0]])
    instructions["A1"].font = Font(bold=True, size=14)
    for line in INTRODUCTION[1:]:
        instructions.append([line])
    instructions.append([])
    for kind in SheetKind:
        instructions.append([f"{kind.label} sheet"])
        instructions.cell(instructions.max_row, 1).font = Font(bold=True, size=12)
        instructions.append(["What it holds", "Heading", "Other headings recognised"])
        for cell in instructions[instructions.max_row]:
            cell.font = Font(bold=True)
        for spec in FIELDS[kind]:
            instructions.append([_meaning(spec), spec.label, ", ".join(spec.synonyms[1:])])
        instructions.append([])
    instructions.column_dimensions["A"].width = 70
    instructions.column_dimensions["B"].width = 22
    instructions.column_dimensions["C"].width = 70
    for row in instructions.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for kind in SheetKind:
        sheet = book.create_sheet(kind.label)
        sheet.append(template_headings(kind))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column in sheet.iter_cols(min_row=1, max_row=1):
            sheet.column_dimensions[column[0].column_letter].width = max(
                14, len(str(column[0].value)) + 4
            )
        sheet.freeze_panes = "A2"
    with files.atomic_path(path) as temporary:
        book.save(temporary)
    return path


_KIND_HINTS = {
    ValueKind.DATE: "A date, like 25/12/1980 or 25 December 1980.",
    ValueKind.GENDER: "Woman, man, non-binary, other or prefer not to say (F and M work too).",
    ValueKind.YES_NO: "Yes, no or prefer not to say (Y and N work too).",
    ValueKind.FLAG: "Yes or no (Y, N or a tick work too).",
    ValueKind.PERSON: "A person's first and last name, or their email address.",
    ValueKind.MINUTES: "How long, in minutes (60) or hours (1h 30m).",
    ValueKind.SESSION_STATUS: "Held, cancelled by mentee, cancelled by mentor, did not attend "
    "(DNA) or planned.",
    ValueKind.MODE: "Face to face, phone, video or walk and talk.",
    ValueKind.CLOSURE_REASON: "Completed, mentee withdrew, mentor withdrew, change in "
    "circumstances, no longer eligible or no contact.",
    ValueKind.SUPPORTED_AS: "Mentee or carer.",
}


def _meaning(spec: FieldSpec) -> str:
    return spec.help or _KIND_HINTS.get(spec.kind, f"{spec.label}, as text.")
