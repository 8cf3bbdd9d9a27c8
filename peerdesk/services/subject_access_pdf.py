"""The readable PDF of a subject access export: "Everything we hold about you"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from peerdesk.forms.fonts import markup, register_fonts
from peerdesk.services.person_records import (
    PERSON_TABLE,
    field_title,
    readable,
    table,
    title_for,
)

#: Columns that only repeat who the record is about, or are internal bookkeeping.
_HIDDEN = {"person_id", "about_person_id", "recorded_at", "created_at", "updated_at"}


def write_pdf(data: dict[str, Any], path: Path) -> Path:
    fonts = register_fonts()
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=10.5, leading=14)
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=11.5)
    label = ParagraphStyle("label", parent=small, fontName=fonts.bold)
    h1 = ParagraphStyle("h1", parent=body, fontName=fonts.bold, fontSize=18, leading=23)
    h2 = ParagraphStyle(
        "h2", parent=body, fontName=fonts.bold, fontSize=13.5, leading=18, spaceBefore=10
    )
    h3 = ParagraphStyle("h3", parent=body, fontName=fonts.bold, fontSize=11, spaceBefore=6)

    supplementary = data["supplementary_information"]
    organisation = supplementary["controller"]["name"]
    holder = "we hold" if organisation == "The organisation" else f"{organisation} holds"
    others: dict[str, str] = data.get("other_people", {})
    subject_id = data["person_id"]

    def text(value: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(markup(value), style)

    described = _descriptions(data)

    def value_of(name: str, column: str, value: Any) -> str:
        key = table(name).c[column].foreign_keys if column in table(name).c else set()
        for foreign in key:
            target = foreign.column.table.name
            if target == PERSON_TABLE:
                if value == subject_id:
                    return "You"
                return others.get(str(value), f"Person {value}")
            if (target, value) in described:
                return described[(target, value)]
        if column.endswith("_pence") and isinstance(value, int):
            return f"£{value / 100:.2f}"
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            return readable(_date(value))
        return readable(value)

    def visible(name: str, rows: list[dict[str, Any]]) -> list[str]:
        columns = [c.name for c in table(name).columns if c.name not in _HIDDEN]
        return [c for c in columns if any(row.get(c) not in (None, "") for row in rows)]

    def compact_table(name: str, rows: list[dict[str, Any]], columns: list[str]) -> Table:
        """Short records (attendance, roles) as one table with a row each."""
        header = [text(field_title(c) if c != "id" else "Record", label) for c in columns]
        body = [[text(value_of(name, c, row.get(c)), small) for c in columns] for row in rows]
        width = 170 * mm / max(len(columns), 1)
        grid = Table([header, *body], colWidths=[width] * len(columns), repeatRows=1)
        grid.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                    ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                ]
            )
        )
        return grid

    def record_table(name: str, row: dict[str, Any]) -> Table:
        cells = []
        for column, value in row.items():
            if column in _HIDDEN or value is None or value == "":
                continue
            shown = "Record number" if column == "id" else field_title(column)
            cells.append([text(shown, label), text(value_of(name, column, value), small)])
        grid = Table(cells or [[text("(no details)", small), ""]], colWidths=[48 * mm, 122 * mm])
        grid.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                    ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return grid

    story: list[Any] = [
        text(f"Everything {holder} about {data['name']}", h1),
        Spacer(1, 3 * mm),
        text(
            f"Prepared on {readable(_date(data['generated_on']))}. This document lists every "
            "record that refers to you, followed by the information the law says you must be "
            "given about how it is used. The same records are in the file "
            "everything-we-hold.json, in a form other software can read."
        ),
        Spacer(1, 2 * mm),
        text(
            "Before sending: check each page for information about other people (for "
            "example in notes of shared sessions). It may need to be removed first.",
            small,
        ),
    ]
    for heading, section in (
        ("Your records", data["records"]),
        ("Records linked to yours", data["related_records"]),
    ):
        story.append(text(heading, h2))
        for name, rows in section.items():
            count = len(rows)
            caption = f"{title_for(name)} ({count})" if count else f"{title_for(name)}: none"
            if not count:
                story.append(text(caption, small))
                continue
            story.append(text(caption, h3))
            columns = visible(name, rows)
            if len(columns) <= 4:
                story.append(compact_table(name, rows, columns))
                story.append(Spacer(1, 2 * mm))
                continue
            for row in rows:
                story.append(KeepTogether([record_table(name, row), Spacer(1, 2 * mm)]))
    story.append(text("How your information is used, and your rights", h2))
    for key, heading in (
        ("purposes", "Why we keep it"),
        ("lawful_basis", "The law that allows it"),
        ("categories_of_data", "What we keep"),
        ("recipients", "Who it is shared with"),
        ("international_transfers", "Outside the UK"),
        ("retention", "How long we keep it"),
        ("source", "Where it came from"),
        ("automated_decisions", "Decisions made by computer"),
        ("rights", "Your rights"),
        ("complaints", "How to complain"),
    ):
        story.append(text(heading, h3))
        value = supplementary[key]
        for line in value if isinstance(value, list) else [value]:
            story.append(text(f"• {line}" if isinstance(value, list) else line))
    story.append(text(f"Who to contact: {organisation}", h3))
    contact = supplementary["controller"]["contact"]
    story.append(text(contact or "The coordinator of the organisation."))

    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"Everything we hold about {data['name']}",
        author=organisation,
    )

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.regular, 8.5)
        canvas.drawString(20 * mm, 10 * mm, "Confidential: subject access response")
        canvas.drawRightString(190 * mm, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return path


def _descriptions(data: dict[str, Any]) -> dict[tuple[str, Any], str]:
    """Words for the records other records point to: "Tuesday Group, 4 March 2025"."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for section in (data["records"], data["related_records"]):
        for name, found in section.items():
            rows.setdefault(name, []).extend(found)
    words: dict[tuple[str, Any], str] = {}
    for row in rows.get("peer_group", []):
        words[("peer_group", row["id"])] = row["name"]
    for row in rows.get("condition", []):
        words[("condition", row["id"])] = row["name"]
    for row in rows.get("consent_wording", []):
        words[("consent_wording", row["id"])] = f"Version {row['version']}: “{row['text']}”"
    for row in rows.get("group_meeting", []):
        group = words.get(("peer_group", row["group_id"]), "Group")
        words[("group_meeting", row["id"])] = f"{group}, {readable(_date(row['meeting_date']))}"
    for row in rows.get("pairing", []):
        words[("pairing", row["id"])] = f"Pairing P{row['id']:04d}"
    for row in rows.get("mentoring_session", []):
        words[("mentoring_session", row["id"])] = (
            f"Session of {readable(_date(row['session_date']))}"
        )
    for row in rows.get("supervision", []):
        words[("supervision", row["id"])] = (
            f"Supervision of {readable(_date(row['supervision_date']))}"
        )
    return words


def _date(value: str) -> Any:
    from datetime import date

    return date.fromisoformat(value)
