"""JSON export: machine-readable, for checking and for other tools."""

from __future__ import annotations

import json
from pathlib import Path

from peerdesk.services.figures.report import FiguresReport
from peerdesk.services.figures.writing import atomic_path


def to_json(report: FiguresReport) -> str:
    return json.dumps(report.data(), indent=2, ensure_ascii=False) + "\n"


def write_json(report: FiguresReport, path: Path) -> None:
    with atomic_path(path) as temporary:
        temporary.write_text(to_json(report), encoding="utf-8")
