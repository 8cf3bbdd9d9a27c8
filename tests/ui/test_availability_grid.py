"""The availability grid: what is ticked comes back in week order, the keyboard crosses it
(Tab in and out once, arrow keys between boxes, Space ticks), every box is named, and the box
with the focus looks different."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui import preferences, theme
from peerdesk.ui.widgets.availability_grid import AvailabilityGrid
from peerdesk.vocabulary import MeetingMode, PartOfDay, Weekday

MON, TUE, SUN = Weekday.MONDAY, Weekday.TUESDAY, Weekday.SUNDAY
MORNING, AFTERNOON, EVENING = PartOfDay.MORNING, PartOfDay.AFTERNOON, PartOfDay.EVENING


class Host(QWidget):
    """The grid between two other inputs, as in a dialog."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.before = QLineEdit(self)
        self.before.setAccessibleName("Before")
        self.grid = AvailabilityGrid(self)
        self.after = QLineEdit(self)
        self.after.setAccessibleName("After")
        for widget in (self.before, self.grid, self.after):
            layout.addWidget(widget)


def shown_host(qtbot: QtBot) -> Host:
    host = Host()
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    host.before.setFocus()
    qtbot.waitUntil(host.before.hasFocus)
    return host


def focused_name() -> str:
    widget = QApplication.focusWidget()
    if widget is None:
        return ""
    # A button is read out by its words unless it is given a name.
    return widget.accessibleName() or str(widget.property("text") or "").replace("&", "")


def press(qtbot: QtBot, key: Qt.Key, times: int = 1) -> None:
    """Keys go where a person's would: to whichever widget has the focus."""
    for _ in range(times):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key)


def test_the_value_comes_back_in_week_order_whatever_order_it_was_given(qtbot: QtBot) -> None:
    grid = AvailabilityGrid()
    qtbot.addWidget(grid)
    grid.set_value(
        [(SUN, EVENING), ("mon", "afternoon"), (MON, MORNING)],
        [MeetingMode.WALK_AND_TALK, "phone"],  # type: ignore[list-item]
    )
    assert grid.value() == (
        [(MON, MORNING), (MON, AFTERNOON), (SUN, EVENING)],
        [MeetingMode.PHONE, MeetingMode.WALK_AND_TALK],
    )
    grid.set_value([], [])
    assert grid.value() == ([], [])


def test_changed_is_said_once_for_a_new_value_and_not_for_the_same_one(qtbot: QtBot) -> None:
    grid = AvailabilityGrid()
    qtbot.addWidget(grid)
    said: list[bool] = []
    grid.changed.connect(lambda: said.append(True))
    grid.set_value([(MON, MORNING), (TUE, EVENING)], [MeetingMode.VIDEO])
    assert said == [True]
    grid.set_value([(TUE, EVENING), (MON, MORNING)], [MeetingMode.VIDEO])
    assert said == [True]
    qtbot.mouseClick(grid.mode_boxes[MeetingMode.PHONE], Qt.MouseButton.LeftButton)
    assert said == [True, True]
    assert grid.value()[1] == [MeetingMode.PHONE, MeetingMode.VIDEO]


def test_every_box_is_named_for_a_screen_reader(qtbot: QtBot) -> None:
    grid = AvailabilityGrid()
    qtbot.addWidget(grid)
    names = [box.accessibleName() for box in grid.slot_boxes.values()]
    assert names[:4] == ["Monday morning", "Monday afternoon", "Monday evening", "Tuesday morning"]
    assert names[-1] == "Sunday evening"
    assert len(set(names)) == 21
    assert [box.accessibleName() for box in grid.mode_boxes.values()] == [
        "Can meet by face to face",
        "Can meet by phone",
        "Can meet by video",
        "Can meet by walk and talk",
    ]


def test_tab_enters_the_grid_once_arrows_move_and_space_ticks(qtbot: QtBot) -> None:
    host = shown_host(qtbot)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused_name() == "Monday morning"
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Down, 2)
    assert focused_name() == "Wednesday afternoon"
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Left)
    press(qtbot, Qt.Key.Key_Space)
    assert host.grid.value() == ([(TUE, MORNING), (Weekday.WEDNESDAY, AFTERNOON)], [])
    # One Tab leaves the 21 boxes for the quick buttons, not the next box.
    press(qtbot, Qt.Key.Key_Tab)
    assert focused_name() == "Any weekday daytime"
    # Back in, the focus returns to the box last used.
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused_name() == "Tuesday morning"


def test_the_arrows_stop_at_the_edges_and_go_down_into_the_ways_to_meet(qtbot: QtBot) -> None:
    host = shown_host(qtbot)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Left)
    press(qtbot, Qt.Key.Key_Up)
    assert focused_name() == "Monday morning"
    press(qtbot, Qt.Key.Key_Right, 5)
    assert focused_name() == "Monday evening"
    press(qtbot, Qt.Key.Key_Down, 7)
    assert focused_name() == "Can meet by video"
    press(qtbot, Qt.Key.Key_Right, 3)
    assert focused_name() == "Can meet by walk and talk"
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Up)  # from the fourth way to the last column of Sunday
    assert focused_name() == "Sunday evening"
    press(qtbot, Qt.Key.Key_Space)
    assert host.grid.value() == ([(SUN, EVENING)], [MeetingMode.WALK_AND_TALK])


def test_the_ways_to_meet_are_one_more_tab_stop_after_the_quick_buttons(qtbot: QtBot) -> None:
    host = shown_host(qtbot)
    press(qtbot, Qt.Key.Key_Tab, 4)
    assert focused_name() == "Can meet by face to face"
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    assert host.after.hasFocus()
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused_name() == "Can meet by phone"
    assert host.grid.value() == ([], [MeetingMode.PHONE])


def test_the_quick_buttons_set_the_times_and_keep_the_ways_to_meet(qtbot: QtBot) -> None:
    grid = AvailabilityGrid()
    qtbot.addWidget(grid)
    grid.set_value([(SUN, EVENING)], [MeetingMode.PHONE])
    qtbot.mouseClick(grid.weekday_daytime_button, Qt.MouseButton.LeftButton)
    slots, modes = grid.value()
    assert len(slots) == 10
    assert (SUN, EVENING) not in slots and (Weekday.FRIDAY, AFTERNOON) in slots
    assert all(part != EVENING for _day, part in slots)
    assert modes == [MeetingMode.PHONE]
    qtbot.mouseClick(grid.clear_button, Qt.MouseButton.LeftButton)
    assert grid.value() == ([], [MeetingMode.PHONE])


def test_the_box_with_the_focus_looks_different(qtbot: QtBot) -> None:
    host = shown_host(qtbot)
    box = host.grid.slot_boxes[(MON, MORNING)]
    before = box.grab().toImage()
    press(qtbot, Qt.Key.Key_Tab)
    assert box.hasFocus()
    assert box.grab().toImage() != before


@pytest.fixture
def high_contrast_dark(tmp_path: Path, qapp: QApplication) -> Iterator[QSettings]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    preferences.HIGH_CONTRAST.write(settings, True)
    preferences.THEME.write(settings, "dark")
    theme.apply_appearance(qapp, settings)
    yield settings
    settings.clear()
    theme.apply_appearance(qapp, settings)


@pytest.mark.parametrize("checked", [False, True])
def test_a_box_stands_out_on_the_high_contrast_dark_theme(
    qtbot: QtBot, high_contrast_dark: QSettings, checked: bool
) -> None:
    # Qt's own outline on black was black: an empty grid showed nothing at all.
    assert theme.current_palette(high_contrast_dark) is theme.HIGH_CONTRAST_DARK
    host = shown_host(qtbot)
    box = host.grid.slot_boxes[(TUE, AFTERNOON)]
    box.setChecked(checked)
    image = box.grab().toImage()
    background = theme.HIGH_CONTRAST_DARK.window
    strongest = max(
        theme.contrast_ratio(image.pixelColor(x, y).name(), background)
        for x in range(image.width())
        for y in range(image.height())
    )
    assert strongest >= 3  # WCAG's least contrast for the parts of a control
