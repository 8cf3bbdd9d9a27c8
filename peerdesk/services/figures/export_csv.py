"""CSV export: UTF-8 with a byte-order mark (so Excel reads £ and accents), one figure per
row: section, figure, breakdown, value, and the previous period's value beside it. Text that a
spreadsheet would run is neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from peerdesk.services.figures.report import FigureRow, FiguresReport, rows_of
from peerdesk.services.figures.suppression import Value
from peerdesk.services.figures.writing import atomic_path
from peerdesk.services.importing.spreadsheet_safety import neutralise

HEADER = ("section", "figure", "breakdown", "value", "previous")
ABOUT = "about"


def about_rows(report: FiguresReport) -> list[tuple[FigureRow, Value]]:
    """The rows that say whose figures these are, for when (the previous period's dates
    beside), and in which mode."""
    data = report.data()
    before = data.get("previous", {}).get("period", {})
    return [
        (FigureRow(ABOUT, "organisation", "", data["organisation"]), ""),
        # "none": records with no project; empty: every record (all projects).
        (FigureRow(ABOUT, "project", "", data["project"] or ""), ""),
        (FigureRow(ABOUT, "project_note", "", data["project_note"]), ""),
        (FigureRow(ABOUT, "period", "from", data["period"]["from"]), before.get("from", "")),
        (FigureRow(ABOUT, "period", "to", data["period"]["to"]), before.get("to", "")),
        (FigureRow(ABOUT, "mode", "", data["mode"]), ""),
        (FigureRow(ABOUT, "notice", "", data["notice"]), ""),
    ]


def to_csv(report: FiguresReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    previous = report.previous_data()
    earlier = {(r.figure, r.breakdown): r.value for r in rows_of(previous)} if previous else {}
    lines = [*about_rows(report)]
    lines += [(row, earlier.get((row.figure, row.breakdown), "")) for row in report.rows()]
    for row, before in lines:
        writer.writerow(
            [
                neutralise(row.section),
                neutralise(row.figure),
                neutralise(row.breakdown),
                neutralise(_cell(row.value)),
                neutralise(_cell(before)),
            ]
        )
    return buffer.getvalue()


def _cell(value: Value) -> Value:
    """An empty cell for a value not given (a mean of too few people) or not there."""
    return "" if value is None else value


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
