"""CSV export: UTF-8 with a byte-order mark (so Excel reads £ and accents), one figure per
row: section, figure, breakdown, value. Text that a spreadsheet would run is neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from peerdesk.services.figures.report import FigureRow, FiguresReport
from peerdesk.services.figures.writing import atomic_path
from peerdesk.services.spreadsheet_safety import neutralise

HEADER = ("section", "figure", "breakdown", "value")
ABOUT = "about"


def about_rows(report: FiguresReport) -> list[FigureRow]:
    """The rows that say whose figures these are, for when, and in which mode."""
    data = report.data()
    return [
        FigureRow(ABOUT, "organisation", "", data["organisation"]),
        FigureRow(ABOUT, "period", "from", data["period"]["from"]),
        FigureRow(ABOUT, "period", "to", data["period"]["to"]),
        FigureRow(ABOUT, "mode", "", data["mode"]),
        FigureRow(ABOUT, "notice", "", data["notice"]),
    ]


def to_csv(report: FiguresReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in [*about_rows(report), *report.rows()]:
        value = "" if row.value is None else row.value
        writer.writerow(
            [
                neutralise(row.section),
                neutralise(row.figure),
                neutralise(row.breakdown),
                neutralise(value),
            ]
        )
    return buffer.getvalue()


def write_csv(report: FiguresReport, path: Path) -> None:
    with atomic_path(path) as temporary:
        temporary.write_text(to_csv(report), encoding="utf-8-sig", newline="")


def parse_value(text: str) -> int | float | str | None:
    """A CSV value read back: numbers as numbers, an empty cell as None, the rest as text."""
    if text == "":
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text
