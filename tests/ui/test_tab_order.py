"""Tab and Shift+Tab through every screen and record page: the keyboard reaches every input in
reading order and leaves each one (no traps: a table is one Tab stop, its arrows move inside
it), and everything that takes the focus is visible and has a name a screen reader can say
(a scroll area or stack taking a silent Tab stop is a fault)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.screens import SCREENS

#: More Tab stops than any page has: a chain this long never came back to the start.
MOST_STOPS = 120


@pytest.fixture
def window(qtbot: QtBot, demo_services: Services, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shown = MainWindow(demo_services, settings)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    settings.clear()


RECORD_PAGES = ("a mentee's page", "a mentor's page", "a pairing's page", "a group's page")
VIEWS = [*(key for key, _title, _factory in SCREENS), *RECORD_PAGES]


def show(window: MainWindow, services: Services, view: str) -> None:
    """Show a screen by its key, or one record page of each kind from the demo."""
    if view not in RECORD_PAGES:
        window.show_screen(view)
        return
    rows = services.people.list_rows()
    if view == "a mentee's page":
        window.open_record("person", next(r for r in rows if r.status == "Paired").id)
    elif view == "a mentor's page":
        window.open_record("person", next(r for r in rows if "mentor" in r.roles).id)
    elif view == "a pairing's page":
        window.open_record("pairing", services.pairings.rows()[0].id)
    else:
        window.open_record("group", services.groups.rows()[0].id)


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    words = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
    return f"{type(widget).__name__} {widget.accessibleName() or words!r}"


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for the widget with the focus: its own name or words, the
    label pointing at it, the tab chosen, or (for a list's or spin box's typing part) the
    name of the input it belongs to."""
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    if isinstance(widget, QTabBar) and widget.count():
        return widget.tabText(widget.currentIndex())
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text()
    owner = widget.parentWidget()
    if isinstance(owner, QComboBox | QAbstractSpinBox):
        return spoken_name(owner)
    return ""


def walk(qtbot: QtBot, start: QWidget, key: Qt.Key) -> list[QWidget]:
    """Press `key` (Tab or Shift+Tab), always on the widget with the focus, until the focus
    is back on `start`; the widgets reached on the way. Fails on a trap (a key that leaves
    the focus where it was) or a loop that never comes back."""
    start.window().activateWindow()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=2000)
    reached: list[QWidget] = []
    where = start
    for _ in range(MOST_STOPS):
        part = _part_chosen(where)
        qtbot.keyClick(where, key)
        now = QApplication.focusWidget()
        assert now is not None, f"{key.name} after {describe(where)} left the window"
        if now is where and _part_chosen(now) != part:
            continue  # Tab moved to a link in a label, or the minutes of a time: its own stop
        assert now is not where, f"{key.name} does not leave {describe(where)}"
        if now is start:
            return reached
        assert now not in reached, (
            f"{key.name} goes round without coming back: {describe(now)} again after "
            f"{describe(where)}"
        )
        reached.append(now)
        where = now
    raise AssertionError(f"{key.name} never came back to {describe(start)}")


def _part_chosen(widget: QWidget) -> object:
    """Where Tab is inside a widget that has stops of its own: the link chosen in a label,
    the hour or minute of a time box (Tab steps through them, then leaves)."""
    if isinstance(widget, QLabel):
        return widget.selectedText()
    if isinstance(widget, QDateTimeEdit):
        return widget.currentSectionIndex()
    return None


def _on_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def out_of_reading_order(chain: list[QWidget]) -> list[str]:
    """Pairs where Tab goes to a widget wholly above the last one, or beside it on the left
    (reading order is left to right, then down the page)."""
    backwards = []
    for before, after in pairwise(chain):
        first, second = _on_window(before), _on_window(after)
        above = second.bottom() < first.top()
        same_line = second.top() <= first.bottom() and first.top() <= second.bottom()
        if above or (same_line and second.right() < first.left()):
            backwards.append(f"{describe(before)} then {describe(after)}")
    return backwards


@pytest.mark.parametrize("what", VIEWS)
def test_tab_reaches_every_widget_in_reading_order_and_leaves_it(
    qtbot: QtBot, window: MainWindow, demo_services: Services, what: str
) -> None:
    show(window, demo_services, what)
    screen = window.current_screen()
    assert screen is not None
    start = window.navigation

    forwards = walk(qtbot, start, Qt.Key.Key_Tab)

    on_screen = [widget for widget in forwards if screen.isAncestorOf(widget)]
    assert on_screen, f"Tab never reaches {what}"
    problems = [
        f"{describe(widget)} has the focus but is hidden"
        for widget in forwards
        if not widget.isVisible()
    ]
    problems += [
        f"{describe(widget)} has the focus but no name"
        for widget in forwards
        if not spoken_name(widget)
    ]
    problems += [f"out of order: {pair}" for pair in out_of_reading_order(on_screen)]
    assert problems == [], what
    backwards = walk(qtbot, start, Qt.Key.Key_Backtab)
    assert [describe(w) for w in backwards] == [describe(w) for w in reversed(forwards)], what
