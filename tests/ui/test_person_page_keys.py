"""The person page's keys that are not a letter (issue 23): Alt+Left back to everyone, Ctrl+Shift+A
to archive or bring back, Enter and Delete on a list for its Edit… and Remove…, and on the
Referral tab Ctrl+Shift+E and Ctrl+Shift+W; each pressed where the keyboard is, as a
coordinator would. The checker's rules for such keys (tests/ui/access_keys.py) are tested at
the end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.people.row_keys import DELETE, ENTER, press_by_key
from peerdesk.vocabulary import ReferralStatus
from tests.ui.access_keys import Keys
from tests.ui.keys import focus, press
from tests.ui.person_tabs import open_tab
from tests.unit.test_referral_transitions import referral_in

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot: QtBot, demo_services: Services, tmp_path: Path) -> MainWindow:
    return _window(qtbot, demo_services, tmp_path)


def _window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    shown = MainWindow(services, settings)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _open(qtbot: QtBot, window: MainWindow, person_id: int) -> PersonPage:
    window.open_record("person", person_id)
    page = window.current_person_page()
    assert page is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    return page


def _key(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """A key press where the keyboard is."""
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focused, key, modifiers)


def _mentor(services: Services) -> int:
    return next(r.id for r in services.people.list_rows() if "mentor" in r.roles)


def _first_row(qtbot: QtBot, table: QWidget) -> None:
    """The list takes the keyboard and its first row is chosen (Home, then Space when Home
    was already there), as typed."""
    focus(qtbot, table)
    _key(qtbot, Qt.Key.Key_Home)
    _key(qtbot, Qt.Key.Key_Space)


def _in_window_opened_by(
    qtbot: QtBot,
    page: QWidget,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = NONE,
    act: Callable[[QDialog], object] | None = None,
) -> tuple[str, str]:
    """Press `key` where the keyboard is and `act` in the window it opens (by default, close
    it unsaved). An access key or a button's own key presses the button a moment later (Qt
    shows it pressed first), and the window waits with exec(): a timer looks for it among
    the active window (asking Qt for the modal window over and over while there was none
    crashed PySide here; the main window's children listed windows already deleted)."""
    # After a window closes, its parent window is active again (offscreen, it must be
    # asked) and the keyboard where it was.
    page.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    focused = QApplication.focusWidget()
    assert focused is not None
    main = focused.window()
    seen: list[tuple[str, str]] = []  # its title and kind (the window may be gone after)
    looking = QTimer()
    looking.setInterval(20)

    def look() -> None:
        if seen:
            return
        active = QApplication.activeWindow()
        shown = [active] if isinstance(active, QDialog) and active is not main else []
        if shown:
            looking.stop()
            seen.append((shown[0].windowTitle(), type(shown[0]).__name__))
            if act is None:
                shown[0].reject()
            else:
                act(shown[0])

    looking.timeout.connect(look)
    looking.start()
    qtbot.keyClick(focused, key, modifiers)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    looking.stop()
    return seen[0]


def _title_of_the_window_opened(qtbot: QtBot, page: QWidget, key: Qt.Key) -> str:
    """Press `key` where the keyboard is; the window it opens is closed unsaved."""
    return _in_window_opened_by(qtbot, page, key)[0]


def test_alt_left_goes_back_to_everyone(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    page = _open(qtbot, window, _mentor(demo_services))
    screen = window.screens["people"]
    _key(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not page.isVisible(), timeout=2000)
    assert screen.stack.currentWidget() is screen.list_page  # type: ignore[attr-defined]


def test_ctrl_shift_a_archives_after_asking_and_brings_back(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    person = _mentor(demo_services)
    page = _open(qtbot, window, person)

    def yes(box: QDialog) -> None:
        assert isinstance(box, QMessageBox) and box.windowTitle() == "Archive this person?"
        yes_button = box.button(QMessageBox.StandardButton.Yes)
        assert yes_button is not None
        press(qtbot, yes_button)

    _in_window_opened_by(qtbot, page, Qt.Key.Key_A, CTRL_SHIFT, yes)
    assert demo_services.people.get(person).archived_on is not None
    assert page.archive_button.text() == "Bring back"
    focus(qtbot, page.edit_button)
    _key(qtbot, Qt.Key.Key_A, CTRL_SHIFT)  # bringing back asks nothing
    qtbot.waitUntil(lambda: demo_services.people.get(person).archived_on is None, timeout=2000)
    assert page.archive_button.text() == "Archive…"


def test_delete_and_enter_on_a_list_remove_and_edit_the_chosen_row(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    page = _open(qtbot, window, _mentor(demo_services))
    open_tab(qtbot, page, "roles")
    table = page.roles.table
    focus(qtbot, table)
    table.clearSelection()
    _key(qtbot, Qt.Key.Key_Delete)  # no row chosen: Remove… is not there to press
    assert QApplication.activeModalWidget() is None
    _first_row(qtbot, table)
    assert page.roles.corrections.remove_button.isEnabled()
    assert "Remove" in _title_of_the_window_opened(qtbot, page, Qt.Key.Key_Delete)
    assert "Edit role" in _title_of_the_window_opened(qtbot, page, Qt.Key.Key_Return)
    assert "Delete" in page.roles.corrections.remove_button.toolTip()
    # The same keys on another tab's list: training.
    open_tab(qtbot, page, "training")
    _first_row(qtbot, page.training.table)
    assert "Remove" in _title_of_the_window_opened(qtbot, page, Qt.Key.Key_Delete)


def test_the_consents_keys(qtbot: QtBot, window: MainWindow, demo_services: Services) -> None:
    person = next(
        r.id
        for r in demo_services.people.list_rows()
        if any(not c.in_error for c in demo_services.consents.for_person(r.id))
    )
    page = _open(qtbot, window, person)
    open_tab(qtbot, page, "consents")
    _first_row(qtbot, page.consents.table)
    assert "error" in _title_of_the_window_opened(qtbot, page, Qt.Key.Key_Delete).lower()
    edit = _title_of_the_window_opened(qtbot, page, Qt.Key.Key_Return)
    assert edit, "Enter opened no window"
    alt = Qt.KeyboardModifier.AltModifier
    seen = [
        _in_window_opened_by(qtbot, page, letter, alt) for letter in (Qt.Key.Key_B, Qt.Key.Key_A)
    ]
    assert [kind for _title, kind in seen] == ["SubjectAccessDialog", "EraseDialog"]


def test_the_referral_tabs_ctrl_shift_keys(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    referral = referral_in(services, ReferralStatus.ACCEPTED)
    window = _window(qtbot, services, tmp_path)
    page = _open(qtbot, window, referral.person_id)
    open_tab(qtbot, page, "referral")
    _key(qtbot, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: page.referral.active_dialog is not None, timeout=3000)
    edit = page.referral.active_dialog
    assert edit is not None and edit.isVisible()
    assert edit.windowTitle().startswith("Edit referral")
    edit.reject()
    qtbot.waitUntil(lambda: not edit.isVisible(), timeout=2000)
    focus(qtbot, page.tabs.buttons["referral"])
    _key(qtbot, Qt.Key.Key_W, CTRL_SHIFT)
    qtbot.waitUntil(lambda: page.referral.active_dialog is not edit, timeout=3000)
    close = page.referral.active_dialog
    assert close is not None and close is not edit and close.isVisible()
    close.reject()


def test_the_checker_counts_a_lists_key_only_while_the_list_is_there(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    table = QTableWidget(2, 1, page)
    remove = QPushButton("Remove…", page)
    edit = QPushButton("Edit…", page)
    named = QPushButton("Close (Ctrl+Shift+W)…", page)
    for widget in (table, remove, edit, named):
        layout.addWidget(widget)
    press_by_key(remove, table, DELETE, "Delete")
    page.show()
    qtbot.waitExposed(page)
    problems = Keys(page).problems()
    assert not any("Remove" in p for p in problems), problems
    assert any("Edit…" in p for p in problems), problems  # no key of any kind
    assert any("Close" in p and "Ctrl+Shift+W" in p for p in problems), problems  # unanswered
    table.hide()
    assert any("Remove" in p for p in Keys(page).problems())
    press_by_key(edit, table, ENTER, "Enter")
    table.show()
    assert not any("Edit…" in p for p in Keys(page).problems())
