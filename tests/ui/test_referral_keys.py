"""New referral and Availability by their access keys (issue 23): each tab of New referral,
with every row it can show, has a key of its own for each input, button and tab; the times
grid's buttons and the four ways to meet have the same keys in both dialogs, and a real key
press does what the key says."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.people.views import PersonDetails
from peerdesk.ui.people.availability_dialog import AvailabilityDialog
from peerdesk.ui.referrals.referral_dialog import ReferralDialog
from peerdesk.ui.widgets.availability_grid import WEEKDAY_DAYTIME, AvailabilityGrid
from peerdesk.vocabulary import MeetingMode, PartOfDay, Weekday
from tests.ui.access_keys import window_problems
from tests.ui.keys import Keyboard, choose

MONDAY_MORNING = (Weekday.MONDAY, PartOfDay.MORNING)


def person(services: Services) -> int:
    return services.people.add(PersonDetails(first_name="Ruth")).id


def shown(qtbot: QtBot, dialog: QWidget) -> Keyboard:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    keyboard = Keyboard(qtbot)
    keyboard.wait_focus_in(dialog)
    return keyboard


@pytest.mark.parametrize("someone_new", [True, False])
def test_every_tab_of_new_referral_with_every_row_shown_has_a_key_for_each_input(
    qtbot: QtBot, services: Services, someone_new: bool
) -> None:
    dialog = (
        ReferralDialog(services, choose_person=True)
        if someone_new
        else ReferralDialog(services, person(services))
    )
    shown(qtbot, dialog)
    # From someone else (the referrer's rows and the agreement) and for a carer (the
    # cared-for person's rows): the most rows each tab can show.
    choose(qtbot, dialog.source, "GP")
    choose(qtbot, dialog.support_as, "A")  # "A carer…" (a space would open the list)
    assert not dialog.person_agreed.isHidden() and not dialog.cared_for_condition.isHidden()
    found: list[str] = []
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        tab = dialog.tabs.tabText(index).replace("&", "")
        found += [f"{tab}: {problem}" for problem in window_problems(dialog)]
    assert not found, "\n".join(found)


def test_the_availability_dialog_has_a_key_for_each_button_and_way_to_meet(
    qtbot: QtBot, services: Services
) -> None:
    dialog = AvailabilityDialog(services, person(services))
    shown(qtbot, dialog)
    assert window_problems(dialog) == []


def test_the_grid_s_keys_tick_in_the_availability_dialog(qtbot: QtBot, services: Services) -> None:
    dialog = AvailabilityDialog(services, person(services))
    keyboard = shown(qtbot, dialog)
    grid = dialog.grid
    keyboard.alt("k")  # Any weekday daytime (a button pressed by its key, as if clicked)
    qtbot.waitUntil(lambda: grid.value() == (list(WEEKDAY_DAYTIME), []))
    keyboard.alt("n")  # Phone: ticked, and the keyboard is on it
    qtbot.waitUntil(grid.mode_boxes[MeetingMode.PHONE].isChecked)
    assert QApplication.focusWidget() is grid.mode_boxes[MeetingMode.PHONE]
    keyboard.alt("d")  # Walk and talk
    qtbot.waitUntil(grid.mode_boxes[MeetingMode.WALK_AND_TALK].isChecked)
    keyboard.alt("l")  # Clear times: the times go, the ways to meet stay
    qtbot.waitUntil(lambda: grid.value()[0] == [])
    assert grid.value()[1] == [MeetingMode.PHONE, MeetingMode.WALK_AND_TALK]
    keyboard.alt("a")  # the grid's caption: into the times
    assert QApplication.focusWidget() is grid.slot_boxes[MONDAY_MORNING]


def test_new_referral_s_last_tab_and_the_grid_are_reached_by_their_keys(
    qtbot: QtBot, services: Services
) -> None:
    dialog = ReferralDialog(services, person(services))
    keyboard = shown(qtbot, dialog)
    grid: AvailabilityGrid = dialog.availability
    keyboard.alt("w")  # When and how to meet
    assert dialog.tabs.currentIndex() == dialog.tabs.count() - 1
    keyboard.alt("k")
    qtbot.waitUntil(lambda: grid.value()[0] == list(WEEKDAY_DAYTIME))
    keyboard.alt("c")  # Face to face: ticked, and the keyboard is on it
    qtbot.waitUntil(grid.mode_boxes[MeetingMode.FACE_TO_FACE].isChecked)
    keyboard.alt("v")  # the grid's caption: back into the times
    assert QApplication.focusWidget() is grid.slot_boxes[MONDAY_MORNING]
    keyboard.alt("i")  # Video
    qtbot.waitUntil(grid.mode_boxes[MeetingMode.VIDEO].isChecked)
    assert grid.value() == (list(WEEKDAY_DAYTIME), [MeetingMode.FACE_TO_FACE, MeetingMode.VIDEO])
    keyboard.alt("l")
    qtbot.waitUntil(lambda: grid.value()[0] == [])
    # The same letter on another tab is that tab's own: C on Support and hopes is the
    # cared-for person's condition (shown for a carer).
    keyboard.alt("u")
    choose(qtbot, dialog.support_as, "A")  # "A carer…" (a space would open the list)
    keyboard.alt("c")
    assert QApplication.focusWidget() is dialog.cared_for_condition
    assert grid.value()[1] == [MeetingMode.FACE_TO_FACE, MeetingMode.VIDEO]
