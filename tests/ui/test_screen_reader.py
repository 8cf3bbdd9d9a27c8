"""What a screen reader hears (issue 24), read through Qt's accessibility interfaces."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.screens import SCREENS
from peerdesk.ui.screens.today import TodayScreen
from tests.ui import a11y_tree


def test_the_checker_finds_each_fault_it_is_there_to_find(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    hidden_content = QLabel("45 things need you. 7 of them urgent.")
    hidden_content.setAccessibleName("Summary")
    markup = QLabel("A pairing")
    markup.setAccessibleDescription("<h2>P0044: Emily and Chloé</h2>")
    unnamed = QPushButton("")
    fine = QLabel("Saved at 10:30")
    named_field = QLineEdit()
    named_field.setAccessibleName("Phone")
    for widget in (hidden_content, markup, unnamed, fine, named_field):
        layout.addWidget(widget)
    page.show()
    qtbot.waitExposed(page)
    found = a11y_tree.problems(page)
    assert any("45 things need you" in p and "'Summary'" in p for p in found), found
    assert any(p.startswith("markup in the description") for p in found), found
    assert any(p.startswith("no name: QPushButton") for p in found), found
    assert len(found) == 3, found


def _open(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _each_screen_heard(qtbot: QtBot, window: MainWindow) -> list[str]:
    """What is wrong on every screen, each tab of a screen's tabs chosen in turn, once each
    screen has finished showing its records (Today and Figures work them out in the
    background)."""
    found: list[str] = []
    for key, title, _factory in SCREENS:
        window.show_screen(key)
        screen = window.screens[key]
        qtbot.waitUntil(lambda s=screen: not _working(s), timeout=20_000)  # type: ignore[misc]
        found += [f"{title}: {p}" for p in a11y_tree.problems(window)]
        for tabs in screen.findChildren(QTabWidget):
            if not tabs.isVisible():
                continue
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                where = f"{title} ▸ {tabs.tabText(index).replace('&', '')}"
                found += [f"{where}: {p}" for p in a11y_tree.problems(window)]
            tabs.setCurrentIndex(0)
    return found


def _working(screen: QWidget) -> bool:
    if isinstance(screen, TodayScreen):
        return screen.is_looking
    return bool(getattr(screen, "busy", False))


def test_every_screen_reads_what_it_shows(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    """Issue 24, point 1: the banner, the status bar's records file, Today's summary, People's
    count, Settings' logo, backup folder, encryption and scale, Figures' status and the chosen
    concern are read as the words shown; every control has a name; no markup is read out."""
    window = _open(qtbot, demo_services, tmp_path)
    found = _each_screen_heard(qtbot, window)
    assert found == [], "\n".join(found)
    # The walk really reads those labels (an empty walk would pass too).
    heard = _names(window)
    assert window.database_label.text() in heard
    assert window.demo_banner.plain_text() in heard


def test_the_first_run_today_reads_what_it_shows(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    """An empty database: Today shows the first steps instead of a list."""
    window = _open(qtbot, services, tmp_path)
    today = window.screens["today"]
    assert isinstance(today, TodayScreen)
    qtbot.waitUntil(lambda: not today.is_looking and today.first_steps.isVisible(), timeout=10_000)
    found = a11y_tree.problems(window)
    assert found == [], "\n".join(found)
    assert all(not label.accessibleName() for label in (today.summary, window.database_label))
    found = _each_screen_heard(qtbot, window)
    assert found == [], "\n".join(found)


def test_an_unnamed_tab_stop_around_the_screens_would_be_found(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    """The silent Tab stop issue 24 found (the area the screens scroll in, focusable and with
    no name) stays gone: the walk of the real window finds it when it is put back."""
    window = _open(qtbot, services, tmp_path)
    assert not [p for p in a11y_tree.problems(window) if "QScrollArea" in p]
    window.screen_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    found = a11y_tree.problems(window)
    assert any(p.startswith("no name: QScrollArea") for p in found), found


def _names(window: QWidget) -> set[str]:
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    names: set[str] = set()
    pending = [root]
    while pending:
        iface = pending.pop()
        names.add(" ".join(iface.text(QAccessible.Text.Name).split()))
        if iface.role() not in a11y_tree.CONTAINERS_OF_DATA:
            pending += [c for c in (iface.child(i) for i in range(iface.childCount())) if c]
    return names


def test_the_demo_banner_is_read_as_shown_folded_and_unfolded(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    window = _open(qtbot, demo_services, tmp_path)
    banner = window.demo_banner
    assert banner.accessibleName() == banner.plain_text()  # "DEMO: … safely. More…"
    assert banner.accessibleDescription() == banner.full_text  # the rest, without a key
    banner.setFocus()
    qtbot.keyClick(banner, Qt.Key.Key_Return)  # More…
    qtbot.waitUntil(lambda: banner.expanded)
    assert banner.accessibleName().endswith("Less")
    assert a11y_tree.problems(window) == []
