"""An empty Groups screen keeps its heading, search row and words together at the top (they
were spread down the whole window); with groups, the table takes the room."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.groups.service import GroupDetails
from peerdesk.ui.groups.groups_list import GroupsList
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.screens.groups import GroupsScreen


def opened(qtbot: QtBot, services: Services, tmp_path: Path) -> GroupsList:
    """The Groups screen in the main window on a 1366×768 laptop (in a page of its own, the
    list was laid out well: the window's page around it spread it out)."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen("groups")
    screen = window.current_screen()
    assert isinstance(screen, GroupsScreen)
    qtbot.waitUntil(lambda: screen.list.isVisible(), timeout=2000)
    # The layouts settle through posted events: let them, then measure.
    QApplication.processEvents()
    window.grab()
    return screen.list


def bottom(widget: QWidget, within: QWidget) -> int:
    return widget.mapTo(within, widget.rect().bottomLeft()).y()


def test_an_empty_list_keeps_its_words_under_the_search_row(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    groups = opened(qtbot, services, tmp_path)
    assert groups.empty.isVisible() and not groups.table.isVisible()
    gap = groups.empty.mapTo(groups, groups.empty.rect().topLeft()).y() - bottom(
        groups.new_button, groups
    )
    line = groups.fontMetrics().lineSpacing()
    assert 0 <= gap < 2 * line, gap
    assert bottom(groups.empty, groups) < groups.height() // 3


def test_with_groups_the_table_takes_the_room(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    services.groups.create(GroupDetails(name="Carers' Circle"))
    groups = opened(qtbot, services, tmp_path)
    assert groups.table.isVisible() and not groups.empty.isVisible()
    assert groups.table.height() > groups.height() // 2
