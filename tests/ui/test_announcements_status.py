"""What a screen reader is told that a sighted user sees change in the main window (issue 24,
points 3 and 4): status-bar messages, the screen switched to, Check again's result, a backup
made (Back up now, and the automatic one), long work finished, and which group each of
Today's lines is in. Each is heard through the one `announce()` seam, spied on here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.ui import announcer
from peerdesk.ui.backups.auto_backup import AutoBackup
from peerdesk.ui.backups.backups_dialog import BackupsDialog
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.operation import run_operation
from peerdesk.ui.screens.settings import SettingsScreen
from peerdesk.ui.screens.today import TodayScreen
from peerdesk.ui.security.passphrase_dialog import PassphraseDialog
from tests.ui import a11y_tree
from tests.ui.keys import Keyboard
from tests.ui.test_security_dialogs import NEW_PASSPHRASE, PASSPHRASE, fill_new_passphrase

Key = Qt.Key


class Heard:
    """Every announcement made, in order: (words, urgent)."""

    def __init__(self) -> None:
        self.said: list[tuple[str, bool]] = []

    def __call__(self, text: str, where: object = None, *, urgent: bool = False) -> None:
        self.said.append((text, urgent))

    def words(self) -> list[str]:
        return [text for text, _urgent in self.said]


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    spy = Heard()
    monkeypatch.setattr(announcer, "announce", spy)
    return spy


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


def _window(qtbot: QtBot, services: Services, settings: QSettings) -> Iterator[MainWindow]:
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    today = window.screens["today"]
    assert isinstance(today, TodayScreen)
    qtbot.waitUntil(lambda: not today.is_looking, timeout=10_000)
    yield window


@pytest.fixture
def demo_window(qtbot: QtBot, demo_services: Services, settings: QSettings) -> Iterator[MainWindow]:
    yield from _window(qtbot, demo_services, settings)


@pytest.fixture
def window(qtbot: QtBot, services: Services, settings: QSettings) -> Iterator[MainWindow]:
    yield from _window(qtbot, services, settings)


def _today(window: MainWindow) -> TodayScreen:
    today = window.screens["today"]
    assert isinstance(today, TodayScreen)
    return today


def test_check_again_says_what_it_found_and_switching_says_where_you_are(
    qtbot: QtBot, demo_window: MainWindow, demo_services: Services, heard: Heard
) -> None:
    keys = Keyboard(qtbot)
    keys.ctrl(Key.Key_2)  # View ▸ People
    keys.ctrl(Key.Key_1)  # back to Today, which looks again as it is shown
    today = _today(demo_window)
    qtbot.waitUntil(lambda: not today.is_looking, timeout=10_000)
    assert heard.words() == ["People", "Today"]  # a look on showing Today is not announced
    keys.alt("c")  # Check again
    qtbot.waitUntil(lambda: len(heard.said) == 3, timeout=10_000)
    items = demo_services.attention.items()
    urgent = sum(1 for item in items if item.urgent)
    assert urgent and len(items) > 1
    assert heard.said[-1] == (
        f"Checked again: {len(items)} things need you, {urgent} urgent.",
        False,
    )
    keys.press(Key.Key_F5)  # the same, by its key
    qtbot.waitUntil(lambda: len(heard.said) == 4, timeout=10_000)
    assert heard.words()[-1].startswith("Checked again: ")


def test_check_again_on_an_empty_list_says_nothing_needs_you(
    qtbot: QtBot, window: MainWindow, heard: Heard
) -> None:
    Keyboard(qtbot).alt("c")
    qtbot.waitUntil(lambda: bool(heard.said), timeout=10_000)
    assert heard.said == [("Checked again: nothing needs you today.", False)]


def test_the_navigation_list_says_the_screen_chosen(
    qtbot: QtBot, window: MainWindow, heard: Heard
) -> None:
    window.navigation.setFocus()
    keys = Keyboard(qtbot)
    keys.press(Key.Key_Down)
    keys.press(Key.Key_Down)
    assert heard.words() == ["People", "Pairings"]


def test_a_status_bar_message_is_said(qtbot: QtBot, window: MainWindow, heard: Heard) -> None:
    Keyboard(qtbot).ctrl(Key.Key_P)  # Print with no record open: the status bar says why not
    message = window.statusBar().currentMessage()
    assert message.startswith("Open a person, pairing or group first")
    assert heard.words() == [message]


def test_back_up_now_is_announced_when_the_backup_is_made(
    qtbot: QtBot, services: Services, settings: QSettings, heard: Heard
) -> None:
    dialog = BackupsDialog(services, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    keys = Keyboard(qtbot)
    keys.wait_focus_in(dialog)
    keys.alt("u")  # Back up now
    qtbot.waitUntil(lambda: bool(heard.said), timeout=20_000)
    (made,) = services.backups.all()
    assert heard.said == [(f"Backup made and checked: {made.path.name} ({made.size_text}).", False)]
    assert dialog.status_label.text() == heard.words()[0]
    # The line under the buttons is read as those words too (it was "What happened").
    assert a11y_tree.problems(dialog) == []


def test_an_automatic_backup_is_announced(
    qtbot: QtBot, window: MainWindow, services: Services, settings: QSettings, heard: Heard
) -> None:
    auto = AutoBackup(services, settings, window, interval_ms=20)
    auto.last_backup = None  # as if the records had changed since the last backup
    window.watch_auto_backup(auto)
    auto.start()
    qtbot.waitUntil(lambda: bool(heard.said), timeout=20_000)
    auto.timer.stop()
    assert heard.words() == ["Backed up automatically."]
    assert len(services.backups.all()) == 1


def test_long_work_finishing_is_announced_after_its_result_is_shown(
    qtbot: QtBot, heard: Heard
) -> None:
    # Said to the active window: one must be there for Qt to post to (the seam is spied on).
    shown: list[str] = []
    run_operation(lambda: 3, lambda n: shown.append(f"{n} pages"), shown.append, done=str)
    qtbot.waitUntil(lambda: bool(heard.said), timeout=5000)
    assert shown == ["3 pages"] and heard.said == [("3", False)]

    def refuse() -> None:
        raise PeerdeskError("That file is open in another program.")

    run_operation(refuse, shown.append, shown.append, done="Saved.")
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    QApplication.processEvents()
    # A failure is shown (and so read) by the caller; "Saved." would be a lie.
    assert heard.words() == ["3"]


def test_each_line_of_today_says_its_group(
    demo_window: MainWindow, demo_services: Services
) -> None:
    today = _today(demo_window)
    table = QAccessible.queryAccessibleInterface(today.table)
    assert table is not None
    # The cells as a screen reader gets them, row by row (the column headers are not cells).
    cells = [table.child(i) for i in range(table.childCount())]
    read_rows = [c.text(QAccessible.Text.Name) for c in cells if c.role() == QAccessible.Role.Cell]
    firsts = read_rows[:: today.model.columnCount()]
    assert len(firsts) == today.model.rowCount()
    group = ""
    lines = 0
    for row in range(today.model.rowCount()):
        read = firsts[row]
        item = today.model.item_at(row)
        if item is None:
            assert read.startswith("Group: "), read
            group = read.removeprefix("Group: ").rsplit(" (", 1)[0]
            continue
        assert item.group == group
        urgent = "Urgent: " if item.urgent else ""
        assert read == f"{group}: {urgent}{item.title}"
        lines += 1
    assert lines == len(demo_services.attention.items()) > 1


def test_saving_the_organisation_in_settings_is_announced(
    qtbot: QtBot, demo_window: MainWindow, heard: Heard
) -> None:
    demo_window.show_screen("settings")
    settings_screen = demo_window.screens["settings"]
    assert isinstance(settings_screen, SettingsScreen)
    heard.said.clear()
    keys = Keyboard(qtbot)
    keys.until_focus(lambda w: w is not None and settings_screen.isAncestorOf(w), most=30)
    keys.alt("s")  # Save organisation details (the button is pressed as its key is let go)
    qtbot.waitUntil(lambda: settings_screen.saved_note.text() == "✓ Saved.", timeout=3000)
    assert heard.said == [("Saved.", False)]


def test_a_passphrase_refused_is_said_and_every_line_is_read_as_shown(
    qtbot: QtBot, services: Services, heard: Heard
) -> None:
    """Settings ▸ Change passphrase…: the strength words, the warning, the progress line and
    the problem are read as their words (they had fixed names), and the problem is said."""
    services.security.encrypt(PASSPHRASE)
    dialog = PassphraseDialog(services, changing=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fill_new_passphrase(qtbot, dialog, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.current, "not the passphrase at all")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.fields.problem.isVisibleTo(dialog), timeout=60_000)
    shown = dialog.fields.problem.text()
    assert shown and heard.said[-1] == (f"Problem: {shown}", True)
    assert a11y_tree.problems(dialog) == []
