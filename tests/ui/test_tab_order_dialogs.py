"""Tab and Shift+Tab round the windows of the daily tasks: no trap (a text area gives Tab
back, a table is one stop), everything reached is visible and named, and Shift+Tab goes
back the same way."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.concerns.concern_dialog import ConcernDialog
from peerdesk.ui.groups.group_dialog import GroupDialog
from peerdesk.ui.groups.meeting_dialog import MeetingDialog
from peerdesk.ui.pairings.session_dialog import SessionDialog
from peerdesk.ui.people.person_dialog import PersonDialog
from peerdesk.ui.referrals.referral_dialog import ReferralDialog
from tests.ui.test_tab_order import describe, spoken_name, walk

DIALOGS: dict[str, Callable[[Services], QDialog]] = {
    "add a person": lambda s: PersonDialog(s),
    "log a session": lambda s: SessionDialog(s, s.pairings.rows()[0].id),
    "take the register": lambda s: MeetingDialog(s, s.groups.rows()[0].id),
    "new group": lambda s: GroupDialog(s),
    "new referral": lambda s: ReferralDialog(s, choose_person=True),
    "raise a concern": lambda s: ConcernDialog(s),
}


@pytest.mark.parametrize("what", list(DIALOGS))
def test_tab_goes_round_every_daily_window_and_leaves_each_widget(
    qtbot: QtBot, demo_services: Services, what: str
) -> None:
    dialog = DIALOGS[what](demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    start = QApplication.focusWidget()
    assert start is not None and start.window() is dialog

    forwards = walk(qtbot, start, Qt.Key.Key_Tab)

    problems = [f"{describe(w)} is hidden" for w in forwards if not w.isVisible()]
    problems += [f"{describe(w)} has no name" for w in forwards if not spoken_name(w)]
    assert problems == [], what
    backwards = walk(qtbot, start, Qt.Key.Key_Backtab)
    assert [describe(w) for w in backwards] == [describe(w) for w in reversed(forwards)]


def test_a_text_area_gives_tab_back_even_when_its_window_forgot_to_say_so(
    qtbot: QtBot,
) -> None:
    """The app's style sheet makes Tab leave every text area (a Tab typed into notes is a
    trap for the keyboard and never what anyone means)."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    notes = QPlainTextEdit()
    notes.setAccessibleName("Notes")
    after = QPlainTextEdit()
    after.setAccessibleName("More notes")
    layout.addWidget(notes)
    layout.addWidget(after)
    window.show()
    qtbot.waitExposed(window)

    assert walk(qtbot, notes, Qt.Key.Key_Tab) == [after]
    assert notes.toPlainText() == ""
