"""The PDF report for funders: organisation, period, headline numbers, tables, bar charts of
the main breakdowns, this period beside the previous one, and how everything was counted.

Text goes through `peerdesk.forms.fonts` so any organisation or area name prints.
"""

from __future__ import annotations

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
from peerdesk.services.figures.charts import bar_chart
from peerdesk.services.figures.definitions import (
    DEFINITIONS,
    HEADLINES,
    SECTIONS,
    bucket_label,
    figure_label,
    label,
)
from peerdesk.services.figures.report import FigureRow, FiguresReport, rows_of
from peerdesk.services.figures.writing import atomic_path

#: The breakdowns drawn as bar charts.
CHARTS = (
    ("referrals_by_source", "Referrals by source"),
    ("sessions_by_mode", "Sessions held, by how people met"),
    ("demographics.age_band", "People supported, by age"),
    ("demographics.gender", "People supported, by gender"),
    ("demographics.area", "People supported, by area"),
)
INK = colors.HexColor("#1f2933")
RULE = colors.HexColor("#c5ccd3")
SHADE = colors.HexColor("#eef2f5")
WARN = colors.HexColor("#8a1c1c")


def shown(value: Any) -> str:
    """A value as printed: never "None"."""
    if value is None:
        return "not given"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


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


def write_pdf(report: FiguresReport, path: Path) -> None:
    styles = _Styles()
    data = report.data()
    previous = report.previous_data()
    story = _front_page(report, data, previous, styles)
    story += _charts(data, styles)
    story += _sections(report, data, previous, styles)
    story += _definitions(styles)
    notice = report.notice.split(".")[0]

    def _footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        text = f"{notice}  ·  page {document.page}"
        canvas.setFont(font_for(text), 8)
        canvas.setFillColor(WARN)
        canvas.drawString(18 * mm, 10 * mm, text)
        canvas.restoreState()

    with atomic_path(path) as temporary:
        document = SimpleDocTemplate(
            str(temporary),
            pagesize=A4,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=16 * mm,
            bottomMargin=18 * mm,
            title=f"Figures for funders: {data['period']['label']}",
            author=data["organisation"],
        )
        document.build(story, onFirstPage=_footer, onLaterPages=_footer)


def _front_page(
    report: FiguresReport, data: dict[str, Any], previous: dict[str, Any] | None, st: _Styles
) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(markup(data["organisation"] or "Figures for funders"), st.title),
        Paragraph(markup(f"Figures for funders: {data['period']['label']}"), st.h2),
        Paragraph(markup(report.notice), st.notice),
        Paragraph("Headline numbers", st.h1),
    ]
    header = ["", _period_heading(report, this=True)]
    if previous is not None:
        header.append(_period_heading(report, this=False))
    rows: list[list[Any]] = [[Paragraph(markup(h), st.number) for h in header]]
    for key in HEADLINES:
        value = data[key]
        before = previous[key] if previous is not None else None
        if key == "volunteer_hours":
            value, before = value["total"], (before["total"] if before else None)
        line = [Paragraph(markup(label(key)), st.cell), Paragraph(shown(value), st.number)]
        if previous is not None:
            line.append(Paragraph(shown(before), st.number))
        rows.append(line)
    story.append(_table(rows, previous is not None, big=True))
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


def _period_heading(report: FiguresReport, *, this: bool) -> str:
    if this:
        return f"This period ({report.figures.period.short_label})"
    assert report.previous is not None
    return f"Previous ({report.previous.period.short_label})"


def _charts(data: dict[str, Any], st: _Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("At a glance", st.h1)]
    for figure, title in CHARTS:
        if figure.startswith("demographics."):
            values = data["demographics"][figure.split(".", 1)[1]]
        else:
            values = data[figure]
        bars = [(bucket_label(figure, k), v) for k, v in values.items()]
        numeric = [(name, v) for name, v in bars if isinstance(v, int)]
        if not any(v for _, v in numeric):
            continue
        hidden = [name for name, v in bars if not isinstance(v, int)]
        parts: list[Flowable] = [Paragraph(markup(title), st.h2), bar_chart(bars)]
        if hidden:
            parts.append(
                Paragraph(
                    markup("Not drawn (small numbers protected): " + ", ".join(hidden) + "."),
                    st.small,
                )
            )
        story.append(KeepTogether(parts))
    return story


def _sections(
    report: FiguresReport, data: dict[str, Any], previous: dict[str, Any] | None, st: _Styles
) -> list[Flowable]:
    earlier = {(r.figure, r.breakdown): r.value for r in rows_of(previous)} if previous else {}
    story: list[Flowable] = [PageBreak()]
    rows = report.rows()
    for section, _ in SECTIONS:
        mine = [r for r in rows if r.section == section]
        story.append(Paragraph(markup(section), st.h1))
        if not mine:
            story.append(Paragraph("Nothing to report for this period.", st.body))
            continue
        header = ["Figure", _period_heading(report, this=True)]
        if previous is not None:
            header.append(_period_heading(report, this=False))
        table: list[list[Any]] = [
            [Paragraph(markup(header[0]), st.cell)]
            + [Paragraph(markup(h), st.number) for h in header[1:]]
        ]
        last_figure = ""
        for row in mine:
            if row.breakdown and row.figure != last_figure:
                table.append(
                    [Paragraph(f"<b>{markup(figure_label(row.figure))}</b>", st.cell)]
                    + [Paragraph("", st.cell)] * (len(header) - 1)
                )
            last_figure = row.figure
            table.append(_table_row(row, earlier, previous is not None, st))
        story.append(_table(table, previous is not None))
    return story


def _table_row(
    row: FigureRow, earlier: dict[tuple[str, str], Any], with_previous: bool, st: _Styles
) -> list[Any]:
    if row.breakdown:
        name = "    " + bucket_label(row.figure, row.breakdown)
        text = Paragraph(markup(name).replace("    ", "&nbsp;" * 5), st.cell)
    else:
        text = Paragraph(markup(figure_label(row.figure)), st.cell)
    line = [text, Paragraph(shown(row.value), st.number)]
    if with_previous:
        before = earlier.get((row.figure, row.breakdown), "")
        line.append(Paragraph(shown(before) if before != "" else "–", st.number))
    return line


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


def _definitions(st: _Styles) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), Paragraph("How was this counted?", st.h1)]
    for definition in DEFINITIONS.values():
        story.append(
            KeepTogether(
                [
                    Paragraph(markup(definition.label), st.h2),
                    Paragraph(markup(definition.meaning), st.body),
                ]
            )
        )
    return story
