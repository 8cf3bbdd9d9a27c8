"""Navigation (issue 22, point 4): the screens in order on the left, Concerns and Training
after Expenses and Settings last; the View menu lists every screen with its shortcut, Ctrl+1
to Ctrl+9 for the first nine (Concerns is Ctrl+9; Training and Settings have none, Settings
keeps File ▸ Settings); each Ctrl+number and each View entry opens its screen, and the list
on the left works by keyboard alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.screens import SCREENS
from tests.ui.keys import focus

ORDER = [
    "Today",
    "People",
    "Pairings",
    "Sessions",
    "Groups",
    "Forms",
    "Figures",
    "Expenses",
    "Concerns",
    "Training",
    "Settings",
]


@pytest.fixture
def window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    shown = MainWindow(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _view_menu(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == "View":
            menu = action.menu()
            assert isinstance(menu, QMenu)
            return menu
    pytest.fail("there is no View menu")


def _shown_title(window: MainWindow) -> str:
    screen = window.current_screen()
    assert screen is not None
    return screen.accessibleName()


def test_the_screens_are_in_order_on_the_left() -> None:
    assert [title for _key, title, _factory in SCREENS] == ORDER


def test_the_view_menu_lists_every_screen_with_its_shortcut(window: MainWindow) -> None:
    entries = [
        (a.text().replace("&", ""), a.shortcut().toString())
        for a in _view_menu(window).actions()
        if not a.isSeparator()
    ][: len(SCREENS)]
    expected = [
        (title, f"Ctrl+{number}" if number <= 9 else "")
        for number, title in enumerate(ORDER, start=1)
    ]
    assert entries == expected
    # Settings keeps File ▸ Settings with the system's own shortcut (Ctrl+, where it has one).
    assert window.preferences_action.shortcut() == QKeySequence(
        QKeySequence.StandardKey.Preferences
    )
    window.preferences_action.trigger()
    assert _shown_title(window) == "Settings"


def test_each_view_entry_opens_its_screen(window: MainWindow) -> None:
    entries: list[QAction] = [a for a in _view_menu(window).actions() if not a.isSeparator()]
    for action in reversed(entries[: len(SCREENS)]):
        action.trigger()
        assert _shown_title(window) == action.text().replace("&", "")
        assert window.navigation.currentItem().text() == action.text().replace("&", "")


def test_ctrl_and_a_number_opens_the_first_nine(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    for number in (9, 1, 8, 2, 7, 3, 6, 4, 5):
        target = QApplication.focusWidget() or window
        qtbot.keyClick(
            target, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert _shown_title(window) == ORDER[number - 1]


def test_the_list_on_the_left_works_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    listed = focus(qtbot, window.navigation)
    qtbot.keyClick(listed, Qt.Key.Key_End)
    assert _shown_title(window) == "Settings"
    qtbot.keyClick(listed, Qt.Key.Key_Up)
    assert _shown_title(window) == "Training"
    qtbot.keyClick(listed, Qt.Key.Key_Up)
    assert _shown_title(window) == "Concerns"
    qtbot.keyClick(listed, Qt.Key.Key_Home)
    assert _shown_title(window) == "Today"
