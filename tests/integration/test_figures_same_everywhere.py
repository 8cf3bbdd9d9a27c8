"""One figures use case: the command line and the Figures screen save the same report, the
previous period included, in every format (XLSX compared cell by cell)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from peerdesk.cli.main import main
from peerdesk.services import Services
from peerdesk.services.figures.export_xlsx import HEADER_ROW
from peerdesk.ui.screens.figures import FiguresScreen
from tests.unit.figures.dataset import build

PREVIOUS_COLUMN = 4


@pytest.fixture
def built(services: Services) -> Services:
    build(services)
    return services


def save_from_the_screen(
    qtbot: Any, services: Services, folder: Path, mode: str, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Year 2025 worked out and exported as XLSX with the real screen, as a coordinator would."""
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    screen = FiguresScreen(services, settings)
    qtbot.addWidget(screen)
    screen.year_box.setCurrentIndex(screen.year_box.findData(2025))
    screen.mode_box.setCurrentIndex(screen.mode_box.findData(mode))
    qtbot.mouseClick(screen.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.report is not None and not screen.busy, timeout=20000)
    target = folder / "from-the-screen.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel workbook (*.xlsx)")
    )
    screen.export_box.setCurrentIndex(screen.export_box.findData("xlsx"))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.last_export is not None, timeout=20000)
    assert screen.last_export == target
    return target


def save_from_the_command_line(services: Services, out: Path, mode: str) -> Path:
    mode_flag = ["--publishable"] if mode == "publishable" else []
    args = ["--db", str(services.database_path), "figures", "--year", "2025", *mode_flag]
    fmt = out.suffix.lstrip(".")
    assert main([*args, "--format", fmt, "--out", str(out)]) == 0
    return out


def cells(book: Workbook) -> dict[str, list[tuple[Any, ...]]]:
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


@pytest.mark.parametrize("mode", ["internal", "publishable"])
def test_the_cli_workbook_equals_the_screens_previous_period_included(
    qtbot: Any, built: Services, tmp_path: Path, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous_sessions = built.figures.count(built.figures.year(2024)).sessions_held
    from_screen = load_workbook(save_from_the_screen(qtbot, built, tmp_path, mode, monkeypatch))
    built.db.close()
    from_cli = load_workbook(save_from_the_command_line(built, tmp_path / "cli.xlsx", mode))

    assert from_cli.sheetnames == from_screen.sheetnames
    assert cells(from_cli) == cells(from_screen)

    # The previous period is there (in the CLI's workbook too): its dates on the Notes sheet
    # and its values in their column, exactly as counted for the year before.
    notes = dict(row[:2] for row in from_cli["Notes"].iter_rows(values_only=True) if row[0])
    assert notes["Previous period"] == "Year 2024: 1 April 2024 to 31 March 2025"
    # The workbook shows words only (Figure, Breakdown, Value, Previous period): a total is
    # the row with no breakdown.
    before = {
        row[0]: row[PREVIOUS_COLUMN - 1]
        for row in from_cli["Mentoring"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)
        if not row[1]
    }
    assert previous_sessions == 1
    assert before["Sessions held"] == (1 if mode == "internal" else "<5")


def test_cli_json_and_csv_include_the_previous_period(built: Services, tmp_path: Path) -> None:
    this_year = built.figures.count(built.figures.year(2025))
    last_year = built.figures.count(built.figures.year(2024))
    assert this_year.sessions_held != last_year.sessions_held  # so the two cannot be confused
    built.db.close()

    data = json.loads(
        save_from_the_command_line(built, tmp_path / "f.json", "internal").read_text("utf-8")
    )
    assert data["sessions_held"] == this_year.sessions_held
    previous = data["previous"]
    assert previous["period"] == {
        "from": "2024-04-01",
        "to": "2025-03-31",
        "label": "Year 2024: 1 April 2024 to 31 March 2025",
    }
    assert previous["sessions_held"] == last_year.sessions_held
    assert previous["group_attendances"] == last_year.group_attendances
    assert "organisation" not in previous  # said once, at the top

    out = save_from_the_command_line(built, tmp_path / "f.csv", "internal")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = {(r["figure"], r["breakdown"]): r for r in csv.DictReader(handle)}
    assert (rows[("period", "from")]["value"], rows[("period", "from")]["previous"]) == (
        "2025-04-01",
        "2024-04-01",
    )
    assert rows[("period", "to")]["previous"] == "2025-03-31"
    assert rows[("sessions_held", "")]["value"] == str(this_year.sessions_held)
    assert rows[("sessions_held", "")]["previous"] == str(last_year.sessions_held)
