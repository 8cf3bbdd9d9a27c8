"""The Figures screen counts one project when one is chosen, by keyboard, and says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.figures.model import FIGURE, THIS
from peerdesk.ui.screens.figures import FiguresScreen
from tests.ui.keys import choose, focus, press


def _screen(qtbot: QtBot, services: Services, tmp_path: Path) -> FiguresScreen:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    screen = FiguresScreen(services, settings)
    qtbot.addWidget(screen)
    screen.resize(1000, 760)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def _shown(screen: FiguresScreen) -> dict[str, str]:
    model = screen.headline_model
    return {
        str(model.index(row, FIGURE).data()): str(model.index(row, THIS).data())
        for row in range(model.rowCount())
    }


def test_no_chooser_without_projects(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    screen = _screen(qtbot, services, tmp_path)
    assert screen.project_box.isHidden() and screen.project_label.isHidden()
    assert screen.project() is None


def test_choosing_a_project_by_keyboard_counts_only_its_groups(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    services = demo_services
    # The demo's projects: one group is the HUG group's, and no pairing.
    found = services.projects.find("HUG group")
    assert found is not None
    hug = found.id
    screen = _screen(qtbot, services, tmp_path)
    assert not screen.project_box.isHidden()
    assert [screen.project_box.itemText(i) for i in range(screen.project_box.count())] == [
        "All projects",
        "HUG group",
        "Mentoring (Lottery)",
        "No project",
    ]
    choose(qtbot, screen.project_box, "HUG")
    press(qtbot, screen.compute_button)
    qtbot.waitUntil(lambda: screen.report is not None and not screen.busy, timeout=20000)
    assert screen.report is not None and screen.report.figures.project == "HUG group"
    shown = _shown(screen)
    # Only the group's meetings: no mentoring in this project.
    assert shown["Sessions held"] == "0"
    assert shown["Contact hours"] == "0.0"
    assert shown["Volunteer hours"] == "organisation-wide"
    every = services.figures.count(screen.period())
    mine = services.figures.count(screen.period(), hug)
    assert 0 < mine.group_unique_attendees < every.group_unique_attendees
    assert shown["People who came to groups"] == f"{mine.group_unique_attendees:,}"
    assert "Project “HUG group” only" in screen.status.text()

    # Home takes the list back to its first choice (typing again so soon would run on
    # from "HUG" as one search).
    qtbot.keyClick(focus(qtbot, screen.project_box), Qt.Key.Key_Home)
    assert screen.project_box.currentText() == "All projects"
    press(qtbot, screen.compute_button)
    qtbot.waitUntil(lambda: screen.report is not None and not screen.busy, timeout=20000)
    assert _shown(screen)["People who came to groups"] == f"{every.group_unique_attendees:,}"
    assert "All projects" in screen.status.text()


def test_expenses_paid_are_shown_in_pounds(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    screen = _screen(qtbot, demo_services, tmp_path)
    screen.section_box.setCurrentText("Expenses")
    press(qtbot, screen.compute_button)
    qtbot.waitUntil(lambda: screen.report is not None and not screen.busy, timeout=20000)
    assert screen.proxy.rowCount() == 1
    pence = demo_services.figures.count(screen.period()).expenses_paid_pence
    expected = f"£{pence // 100:,}.{pence % 100:02d}"
    assert screen.proxy.index(0, THIS).data() == expected
    assert screen.proxy.index(0, FIGURE).data() == "Expenses paid"
