"""The PDF report for funders, prepared: the headline numbers, the charts' bars, every table's
lines (this period beside the previous one) and the definitions, as printed words and
numbers. The page itself is drawn by `peerdesk.forms.reports.figures_report`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peerdesk.forms.reports.figures_report import (
    Chart,
    FiguresDocument,
    Line,
    LineKind,
    write_figures_pdf,
)
from peerdesk.services.figures.definitions import (
    DEFINITIONS,
    HEADLINES,
    SECTIONS,
    bucket_label,
    figure_label,
    label,
    money,
)
from peerdesk.services.figures.report import FiguresReport, rows_of
from peerdesk.services.figures.writing import atomic_path

#: The breakdowns drawn as bar charts.
CHARTS = (
    ("referrals_by_source", "Referrals by source"),
    ("sessions_by_mode", "Sessions held, by how people met"),
    ("demographics.age_band", "People supported, by age"),
    ("demographics.gender", "People supported, by gender"),
    ("demographics.area", "People supported, by area"),
)


def shown(value: Any) -> str:
    """A value as printed: never "None"."""
    if value is None:
        return "not given"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def write_pdf(report: FiguresReport, path: Path) -> None:
    document = document_of(report)
    with atomic_path(path) as temporary:
        write_figures_pdf(document, temporary)


def document_of(report: FiguresReport) -> FiguresDocument:
    data = report.data()
    previous = report.previous_data()
    return FiguresDocument(
        organisation=data["organisation"],
        period_label=data["period"]["label"],
        # Whose figures (all projects, one, or none) is said on the report's face.
        notice=f"{report.notice} {data['project_note']}",
        this_heading=f"This period ({report.figures.period.short_label})",
        previous_heading=(
            f"Previous ({report.previous.period.short_label})"
            if report.previous is not None
            else None
        ),
        headlines=tuple(_headline(key, data, previous) for key in HEADLINES),
        charts=tuple(_chart(figure, title, data) for figure, title in CHARTS),
        sections=_sections(report, previous),
        definitions=tuple((d.label, d.meaning) for d in DEFINITIONS.values()),
    )


def _value(figure: str, value: Any) -> str:
    """Money as pounds and pence; every other value as `shown` prints it."""
    if figure == "expenses_paid_pence" and isinstance(value, int):
        return money(value)
    return shown(value)


def _headline(key: str, data: dict[str, Any], previous: dict[str, Any] | None) -> Line:
    value = data[key]
    before = previous[key] if previous is not None else None
    if key == "volunteer_hours":
        value, before = value["total"], (before["total"] if before else None)
    return Line(label(key), shown(value), shown(before) if previous is not None else "")


def _chart(figure: str, title: str, data: dict[str, Any]) -> Chart:
    if figure.startswith("demographics."):
        values = data["demographics"][figure.split(".", 1)[1]]
    else:
        values = data[figure]
    return Chart(title, tuple((bucket_label(figure, k), v) for k, v in values.items()))


def _sections(
    report: FiguresReport, previous: dict[str, Any] | None
) -> tuple[tuple[str, tuple[Line, ...]], ...]:
    earlier = {(r.figure, r.breakdown): r.value for r in rows_of(previous)} if previous else {}
    rows = report.rows()
    sections = []
    for section, _ in SECTIONS:
        lines: list[Line] = []
        last_figure = ""
        for row in (r for r in rows if r.section == section):
            if row.breakdown and row.figure != last_figure:
                lines.append(Line(figure_label(row.figure), kind=LineKind.GROUP))
            last_figure = row.figure
            before = earlier.get((row.figure, row.breakdown), "")
            lines.append(
                Line(
                    bucket_label(row.figure, row.breakdown)
                    if row.breakdown
                    else figure_label(row.figure),
                    _value(row.figure, row.value),
                    _value(row.figure, before) if before != "" else "–",
                    LineKind.BUCKET if row.breakdown else LineKind.FIGURE,
                )
            )
        sections.append((section, tuple(lines)))
    return tuple(sections)
