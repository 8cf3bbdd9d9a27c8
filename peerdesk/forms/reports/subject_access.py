"""The readable PDF of a subject access response: "Everything we hold about you".

Pure: it prints the words `services/subject_access_pdf.py` prepared (every record as labels
and values, the information the law says the person must be given) and knows nothing of the
database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from peerdesk.forms.fonts import markup, register_fonts

WIDTH = 170 * mm


@dataclass(frozen=True)
class RecordKind:
    """The records of one kind. Few columns: one table with a row a record (`header` and
    `rows`); more: a table of labels and values for each record (`records`)."""

    title: str
    count: int
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    records: tuple[tuple[tuple[str, str], ...], ...] = ()


@dataclass(frozen=True)
class Information:
    """One part of the information the law says must be given: its lines, as a list of
    points or as paragraphs."""

    heading: str
    lines: tuple[str, ...]
    bulleted: bool = False


@dataclass(frozen=True)
class SubjectAccessDocument:
    name: str
    organisation: str
    #: "we hold" or "<organisation> holds".
    holder: str
    prepared_on: str
    #: (heading, kinds of record): "Your records", then "Records linked to yours".
    sections: tuple[tuple[str, tuple[RecordKind, ...]], ...]
    information: tuple[Information, ...]
    contact: str
    #: The history of their records: (when, by whom and what, the changes in words), oldest
    #: first.
    history: tuple[tuple[str, tuple[str, ...]], ...] = ()


class _Styles:
    def __init__(self) -> None:
        fonts = register_fonts()
        self.regular = fonts.regular
        self.body = ParagraphStyle("body", fontName=fonts.regular, fontSize=10.5, leading=14)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=9, leading=11.5)
        self.label = ParagraphStyle("label", parent=self.small, fontName=fonts.bold)
        self.h1 = ParagraphStyle(
            "h1", parent=self.body, fontName=fonts.bold, fontSize=18, leading=23
        )
        self.h2 = ParagraphStyle(
            "h2", parent=self.body, fontName=fonts.bold, fontSize=13.5, leading=18, spaceBefore=10
        )
        self.h3 = ParagraphStyle(
            "h3", parent=self.body, fontName=fonts.bold, fontSize=11, spaceBefore=6
        )


def _text(value: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(value), style)


def write_subject_access_pdf(document: SubjectAccessDocument, path: Path) -> Path:
    st = _Styles()
    story: list[Flowable] = [
        _text(f"Everything {document.holder} about {document.name}", st.h1),
        Spacer(1, 3 * mm),
        _text(
            f"Prepared on {document.prepared_on}. This document lists every "
            "record that refers to you and the history of changes to them, followed by the "
            "information the law says you must be given about how it is used. The same records are in the file "
            "everything-we-hold.json, in a form other software can read.",
            st.body,
        ),
        Spacer(1, 2 * mm),
        _text(
            "Before sending: check each page for information about other people (for "
            "example in notes of shared sessions). It may need to be removed first.",
            st.small,
        ),
    ]
    for heading, kinds in document.sections:
        story.append(_text(heading, st.h2))
        for kind in kinds:
            story += _records(kind, st)
    story += _history(document, st)
    story.append(_text("How your information is used, and your rights", st.h2))
    for part in document.information:
        story.append(_text(part.heading, st.h3))
        story += [_text(f"• {line}" if part.bulleted else line, st.body) for line in part.lines]
    story.append(_text(f"Who to contact: {document.organisation}", st.h3))
    story.append(_text(document.contact, st.body))

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(st.regular, 8.5)
        canvas.drawString(20 * mm, 10 * mm, "Confidential: subject access response")
        canvas.drawRightString(190 * mm, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"Everything we hold about {document.name}",
        author=document.organisation,
    ).build(story, onFirstPage=footer, onLaterPages=footer)
    return path


#: How many lines of a change stay on the page with its heading.
_KEPT_WITH_HEADING = 4


def _history(document: SubjectAccessDocument, st: _Styles) -> list[Flowable]:
    intro: list[Flowable] = [
        _text("The history of your records", st.h2),
        _text(
            "Every change made to your records since this history began: when, by whom, and "
            "what changed.",
            st.small,
        ),
    ]
    if not document.history:
        return [*intro, _text("No changes recorded.", st.small)]
    story: list[Flowable] = []
    for number, (heading, lines) in enumerate(document.history):
        items = [_text(heading, st.label), *(_text(f"• {line}", st.small) for line in lines)]
        # A change's heading stays with its first lines (and the section's heading with the
        # first change), but a long change may run on: kept whole, one too tall for the rest
        # of a page left the heading alone above a blank half page.
        start = (intro if number == 0 else []) + items[:_KEPT_WITH_HEADING]
        story.append(KeepTogether(start))
        story.extend(items[_KEPT_WITH_HEADING:])
    return story


def _records(kind: RecordKind, st: _Styles) -> list[Flowable]:
    if not kind.count:
        return [_text(f"{kind.title}: none", st.small)]
    story: list[Flowable] = [_text(f"{kind.title} ({kind.count})", st.h3)]
    if not kind.records:
        return [*story, _compact_table(kind, st), Spacer(1, 2 * mm)]
    for record in kind.records:
        story.append(KeepTogether([_record_table(record, st), Spacer(1, 2 * mm)]))
    return story


def _compact_table(kind: RecordKind, st: _Styles) -> Table:
    """Short records (attendance, roles) as one table with a row each."""
    header = [_text(title, st.label) for title in kind.header]
    body = [[_text(value, st.small) for value in row] for row in kind.rows]
    width = WIDTH / max(len(kind.header), 1)
    grid = Table([header, *body], colWidths=[width] * len(kind.header), repeatRows=1)
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


def _record_table(record: tuple[tuple[str, str], ...], st: _Styles) -> Table:
    cells: list[list[Any]] = [
        [_text(label, st.label), _text(value, st.small)] for label, value in record
    ]
    grid = Table(cells or [[_text("(no details)", st.small), ""]], colWidths=[48 * mm, 122 * mm])
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
