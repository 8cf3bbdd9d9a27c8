"""From a search box into what it found, by keyboard: Down moves into the results (on the
first row), Enter opens the only match, or moves into the results when there are several."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.pairings.pairing_page import PairingPage
from peerdesk.ui.people.table_model import PERSON_ID_ROLE
from peerdesk.ui.screens.groups import GroupsScreen
from peerdesk.ui.screens.pairings import PairingsScreen
from peerdesk.ui.screens.people import PeopleScreen
from tests.ui.keys import type_into


@pytest.fixture
def window(qtbot: QtBot, demo_services: Services, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shown = MainWindow(demo_services, settings)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def press(qtbot: QtBot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def people(window: MainWindow) -> PeopleScreen:
    window.show_screen("people")
    screen = window.current_screen()
    assert isinstance(screen, PeopleScreen)
    return screen


def unique_name(screen: PeopleScreen) -> tuple[str, int]:
    """A demo person whose name finds them alone."""
    for row in screen.model.rows_in_order():
        screen.proxy.set_search(row.name)
        if screen.proxy.rowCount() == 1:
            screen.proxy.set_search("")
            return row.name, row.id
    raise AssertionError("every name finds several people")


def test_enter_in_the_people_search_opens_the_only_match(qtbot: QtBot, window: MainWindow) -> None:
    screen = people(window)
    name, person_id = unique_name(screen)
    type_into(qtbot, screen.search, name)
    assert screen.proxy.rowCount() == 1

    press(qtbot, Qt.Key.Key_Return)

    assert screen.stack.currentWidget() is screen.person_page
    assert screen.person_page.person_id == person_id


def test_down_from_the_people_search_moves_into_the_people_found_and_enter_opens(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = people(window)
    type_into(qtbot, screen.search, "a")
    found = screen.proxy.rowCount()
    assert found > 1

    press(qtbot, Qt.Key.Key_Down)

    assert QApplication.focusWidget() is screen.table
    assert screen.table.currentIndex().row() == 0
    assert screen.table.selectionModel().isRowSelected(0)
    press(qtbot, Qt.Key.Key_Down)  # now the table's own arrows
    assert screen.table.currentIndex().row() == 1
    second = screen.table.currentIndex().data(PERSON_ID_ROLE)
    press(qtbot, Qt.Key.Key_Return)
    assert screen.stack.currentWidget() is screen.person_page
    assert screen.person_page.person_id == second


def test_enter_with_several_found_moves_into_them_and_opens_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = people(window)
    type_into(qtbot, screen.search, "a")

    press(qtbot, Qt.Key.Key_Return)

    assert QApplication.focusWidget() is screen.table
    assert screen.stack.currentWidget() is screen.list_page


def test_down_with_nothing_found_stays_in_the_search(qtbot: QtBot, window: MainWindow) -> None:
    screen = people(window)
    type_into(qtbot, screen.search, "zzzz nobody")
    assert screen.proxy.rowCount() == 0

    press(qtbot, Qt.Key.Key_Down)

    assert QApplication.focusWidget() is screen.search


def test_enter_in_the_pairings_find_box_opens_the_only_pairing(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    window.show_screen("pairings")
    screen = window.current_screen()
    assert isinstance(screen, PairingsScreen)
    reference = screen.list.pairings_model.rows()[0].reference
    type_into(qtbot, screen.list.find_edit, reference)
    assert screen.list.pairings_proxy.rowCount() == 1

    press(qtbot, Qt.Key.Key_Return)

    page = screen.findChild(PairingPage)
    assert page is not None and page.isVisible()
    assert page.pairing.reference == reference


def test_down_from_the_pairings_find_box_moves_into_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_screen("pairings")
    screen = window.current_screen()
    assert isinstance(screen, PairingsScreen)
    focusable = screen.list.find_edit
    type_into(qtbot, focusable, "P0")
    assert screen.list.pairings_proxy.rowCount() > 1

    press(qtbot, Qt.Key.Key_Down)

    assert QApplication.focusWidget() is screen.list.pairings_view
    assert screen.list.pairings_view.currentIndex().row() == 0


def test_enter_in_the_groups_find_box_opens_the_only_group(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    window.show_screen("groups")
    screen = window.current_screen()
    assert isinstance(screen, GroupsScreen)
    name = demo_services.groups.rows()[0].name
    type_into(qtbot, screen.list.search, name)
    assert screen.list.proxy.rowCount() == 1

    press(qtbot, Qt.Key.Key_Return)

    assert screen.stack.currentWidget() is screen.page
    assert screen.page.group_id == demo_services.groups.rows()[0].id
