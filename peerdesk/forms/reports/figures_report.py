"""The PDF report for funders: organisation, period, headline numbers, tables, bar charts of
the main breakdowns, this period beside the previous one, and how everything was counted.

Pure: it prints the words and numbers `services/figures/export_pdf.py` prepared from a
figures report. Text goes through `peerdesk.forms.fonts` so any organisation or area name
prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from peerdesk.forms.fonts import font_for, markup, register_fonts
from peerdesk.forms.reports.bar_chart import bar_chart

INK = colors.HexColor("#1f2933")
RULE = colors.HexColor("#c5ccd3")
SHADE = colors.HexColor("#eef2f5")
WARN = colors.HexColor("#8a1c1c")


class LineKind(StrEnum):
    #: A figure with one value.
    FIGURE = "figure"
    #: The name of a figure whose buckets follow (bold, no value).
    GROUP = "group"
    #: One bucket of the figure above (indented).
    BUCKET = "bucket"


@dataclass(frozen=True)
class Line:
    """One line of a table, its values as printed ("1,234", "<5", "not given")."""

    label: str
    value: str = ""
    previous: str = ""
    kind: LineKind = LineKind.FIGURE


@dataclass(frozen=True)
class Chart:
    """A breakdown drawn as bars: a number each, or the text shown instead ("<5")."""

    title: str
    bars: tuple[tuple[str, int | str], ...]


@dataclass(frozen=True)
class FiguresDocument:
    organisation: str
    period_label: str
    #: Internal or publishable, said on the front page and (its first sentence) every page.
    notice: str
    this_heading: str
    #: The previous period's column heading; None prints no previous column.
    previous_heading: str | None
    headlines: tuple[Line, ...]
    charts: tuple[Chart, ...]
    sections: tuple[tuple[str, tuple[Line, ...]], ...]
    #: (label, meaning) of every figure: "How was this counted?".
    definitions: tuple[tuple[str, str], ...]


class _Styles:
    def __init__(self) -> None:
        fonts = register_fonts()
        base = ParagraphStyle(
            "body", fontName=fonts.regular, fontSize=10, leading=13, textColor=INK
        )
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=11)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=9, leading=11)
        self.number = ParagraphStyle("number", parent=self.cell, alignment=2)
        self.title = ParagraphStyle(
            "title", parent=base, fontName=fonts.bold, fontSize=20, leading=24, spaceAfter=4
        )
        self.h1 = ParagraphStyle(
            "h1",
            parent=base,
            fontName=fonts.bold,
            fontSize=14,
            leading=18,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=base,
            fontName=fonts.bold,
            fontSize=11,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        )
        self.notice = ParagraphStyle(
            "notice",
            parent=base,
            fontName=fonts.bold,
            textColor=WARN,
            borderColor=WARN,
            borderWidth=0.8,
            borderPadding=6,
            spaceBefore=6,
            spaceAfter=10,
        )


def write_figures_pdf(document: FiguresDocument, path: Path) -> None:
    styles = _Styles()
    story = _front_page(document, styles)
    story += _charts(document, styles)
    story += _sections(document, styles)
    story += _definitions(document, styles)
    notice = document.notice.split(".")[0]

    def _footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        text = f"{notice}  ·  page {doc.page}"
        canvas.setFont(font_for(text), 8)
        canvas.setFillColor(WARN)
        canvas.drawString(18 * mm, 10 * mm, text)
        canvas.restoreState()

    SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=f"Figures for funders: {document.period_label}",
        author=document.organisation,
    ).build(story, onFirstPage=_footer, onLaterPages=_footer)


def _front_page(document: FiguresDocument, st: _Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(markup(document.organisation or "Figures for funders"), st.title),
        Paragraph(markup(f"Figures for funders: {document.period_label}"), st.h2),
        Paragraph(markup(document.notice), st.notice),
        Paragraph("Headline numbers", st.h1),
    ]
    with_previous = document.previous_heading is not None
    rows: list[list[Any]] = [[Paragraph(markup(h), st.number) for h in _header(document, "")]]
    for line in document.headlines:
        row = [Paragraph(markup(line.label), st.cell), Paragraph(line.value, st.number)]
        if with_previous:
            row.append(Paragraph(line.previous, st.number))
        rows.append(row)
    story.append(_table(rows, with_previous, big=True))
    story.append(Spacer(1, 4 * mm))
    story.append(
        Paragraph(
            markup(
                "People are counted once each, however many roles or sessions they had. "
                "The last pages say exactly how each number was counted."
            ),
            st.small,
        )
    )
    return story


def _header(document: FiguresDocument, first: str) -> list[str]:
    header = [first, document.this_heading]
    if document.previous_heading is not None:
        header.append(document.previous_heading)
    return header


def _charts(document: FiguresDocument, st: _Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("At a glance", st.h1)]
    for chart in document.charts:
        numeric = [v for _, v in chart.bars if isinstance(v, int)]
        if not any(numeric):
            continue
        hidden = [name for name, v in chart.bars if not isinstance(v, int)]
        parts: list[Flowable] = [Paragraph(markup(chart.title), st.h2), bar_chart(chart.bars)]
        if hidden:
            parts.append(
                Paragraph(
                    markup("Not drawn (small numbers protected): " + ", ".join(hidden) + "."),
                    st.small,
                )
            )
        story.append(KeepTogether(parts))
    return story


def _sections(document: FiguresDocument, st: _Styles) -> list[Flowable]:
    story: list[Flowable] = [PageBreak()]
    with_previous = document.previous_heading is not None
    header = _header(document, "Figure")
    for section, lines in document.sections:
        story.append(Paragraph(markup(section), st.h1))
        if not lines:
            story.append(Paragraph("Nothing to report for this period.", st.body))
            continue
        table: list[list[Any]] = [
            [Paragraph(markup(header[0]), st.cell)]
            + [Paragraph(markup(h), st.number) for h in header[1:]]
        ]
        table += [_table_row(line, with_previous, len(header), st) for line in lines]
        story.append(_table(table, with_previous))
    return story


def _table_row(line: Line, with_previous: bool, columns: int, st: _Styles) -> list[Any]:
    if line.kind is LineKind.GROUP:
        return [Paragraph(f"<b>{markup(line.label)}</b>", st.cell)] + [Paragraph("", st.cell)] * (
            columns - 1
        )
    if line.kind is LineKind.BUCKET:
        text = Paragraph("&nbsp;" * 5 + markup(line.label), st.cell)
    else:
        text = Paragraph(markup(line.label), st.cell)
    row = [text, Paragraph(line.value, st.number)]
    if with_previous:
        row.append(Paragraph(line.previous, st.number))
    return row


def _table(rows: list[list[Any]], with_previous: bool, *, big: bool = False) -> Table:
    widths = [100 * mm, 37 * mm, 37 * mm] if with_previous else [120 * mm, 54 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4 if big else 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4 if big else 2),
    ]
    commands += [("BACKGROUND", (0, i), (-1, i), SHADE) for i in range(2, len(rows), 2)]
    table.setStyle(TableStyle(commands))
    return table


def _definitions(document: FiguresDocument, st: _Styles) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), Paragraph("How was this counted?", st.h1)]
    for label, meaning in document.definitions:
        story.append(
            KeepTogether([Paragraph(markup(label), st.h2), Paragraph(markup(meaning), st.body)])
        )
    return story
