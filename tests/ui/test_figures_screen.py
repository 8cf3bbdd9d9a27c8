"""The Figures screen computes a year from the demo data off the UI thread and exports XLSX."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from peerdesk.services import Services
from peerdesk.ui.figures.definitions_dialog import DefinitionsDialog
from peerdesk.ui.figures.model import THIS
from peerdesk.ui.screens.figures import FiguresScreen


@pytest.fixture
def screen(qtbot: Any, demo_services: Services, tmp_path: Path) -> FiguresScreen:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    widget = FiguresScreen(demo_services, settings)
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    return widget


def _compute(qtbot: Any, screen: FiguresScreen) -> None:
    qtbot.mouseClick(screen.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.report is not None and not screen.busy, timeout=20000)


def test_computes_year_2025_and_exports_xlsx(
    qtbot: Any,
    qtmodeltester: Any,
    screen: FiguresScreen,
    demo_services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert screen.year_box.currentData() == 2025  # the latest complete reporting year
    assert not screen.export_button.isEnabled()
    _compute(qtbot, screen)
    assert screen.report is not None
    period = screen.report.figures.period
    assert (period.start.isoformat(), period.end.isoformat()) == ("2025-04-01", "2026-03-31")
    expected = demo_services.figures.count(demo_services.figures.year(2025))
    first = screen.headline_model.index(0, THIS).data()
    assert first == f"{expected.people_supported:,}"
    assert screen.rows_model.rowCount() > 50
    assert "Internal: contains exact small numbers" in screen.status.text()
    qtmodeltester.check(screen.rows_model)
    qtmodeltester.check(screen.proxy)
    screen.section_box.setCurrentText("Referrals")
    assert 0 < screen.proxy.rowCount() < screen.rows_model.rowCount()

    target = tmp_path / "figures-2025"
    offered: list[str] = []

    def save_as(*args: object, **_kwargs: object) -> tuple[str, str]:
        offered.append(str(args[2]))  # the file name the save window suggests
        return str(target), "Excel workbook (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    screen.export_box.setCurrentIndex(screen.export_box.findData("xlsx"))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.last_export is not None, timeout=20000)
    # A plain hyphen in the suggested name, not the en dash of "2025–26".
    assert Path(offered[0]).name == "figures-2025-26-internal.xlsx"
    saved = tmp_path / "figures-2025.xlsx"
    assert screen.last_export == saved
    book = load_workbook(saved)
    values = {
        (row[0], row[1]): row[2]
        for sheet in book.worksheets
        if sheet.title != "Notes"
        for row in sheet.iter_rows(min_row=5, values_only=True)
    }
    assert values[("People supported", None)] == expected.people_supported
    screen.grab().save(str(tmp_path / "figures-screen.png"))


def test_publishable_custom_dates_and_definitions(qtbot: Any, screen: FiguresScreen) -> None:
    screen.dates_choice.setChecked(True)
    assert screen.from_date.isEnabled() and not screen.year_box.isEnabled()
    screen.mode_box.setCurrentIndex(screen.mode_box.findData("publishable"))
    _compute(qtbot, screen)
    assert screen.report is not None and screen.report.mode.value == "publishable"
    texts = [screen.rows_model.index(r, THIS).data() for r in range(screen.rows_model.rowCount())]
    assert "None" not in texts
    assert not any(t in {"1", "2", "3", "4"} for t in texts)
    assert "Publishable: small numbers suppressed" in screen.status.text()
    dialog = DefinitionsDialog(screen.report.notice, screen)
    qtbot.addWidget(dialog)
    assert "held session" in dialog.text.toPlainText()
    assert "threshold 5" in dialog.text.toPlainText()


def test_opening_the_screen_works_out_the_latest_year_at_once(
    qtbot: Any, screen: FiguresScreen, demo_services: Services
) -> None:
    screen.refresh()  # what the main window does when the screen is chosen
    qtbot.waitUntil(lambda: screen.report is not None and not screen.busy, timeout=20000)
    expected = demo_services.figures.count(demo_services.figures.year(2025))
    assert screen.headline_model.index(0, THIS).data() == f"{expected.people_supported:,}"
    report = screen.report
    screen.refresh()  # coming back later keeps what is shown
    assert screen.report is report


def test_figures_worked_out_for_an_earlier_choice_are_never_shown(
    qtbot: Any, screen: FiguresScreen
) -> None:
    """Choosing Publishable while the internal figures are still being worked out: the
    internal figures must not then appear (nor be exported) under the Publishable choice."""
    screen.refresh()  # starts working out the internal figures of the latest year
    assert screen.busy
    screen.mode_box.setCurrentIndex(
        screen.mode_box.findText("Publishable", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.waitUntil(lambda: not screen.busy, timeout=20000)
    assert screen.report is None
    assert not screen.export_button.isEnabled()
    _compute(qtbot, screen)
    assert screen.report is not None and screen.report.mode.value == "publishable"
