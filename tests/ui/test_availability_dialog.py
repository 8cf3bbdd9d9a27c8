"""The Availability and ways to meet dialog: it shows what is recorded, saves what is ticked
with the keyboard alone, keeps everything on a refusal, fits the largest text size, and what
it records changes who Find a mentor… puts first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui import preferences, theme
from peerdesk.ui.people.availability_dialog import AvailabilityDialog
from peerdesk.vocabulary import MeetingMode, PartOfDay, Role, Weekday
from tests.ui.questions import DISCARD, answering
from tests.unit.test_pairings_builders import ready_mentor, waiting_mentee

MON, TUE, WED, SAT = Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.SATURDAY
MORNING, EVENING = PartOfDay.MORNING, PartOfDay.EVENING


def a_person(services: Services, role: Role = Role.MENTEE) -> int:
    person = services.people.add(
        PersonDetails(first_name="Morag", last_name="Mackenzie"), roles=[role]
    )
    assert person.id is not None
    return person.id


def open_dialog(qtbot: QtBot, services: Services, person_id: int) -> AvailabilityDialog:
    dialog = AvailabilityDialog(services, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def press(qtbot: QtBot, key: Qt.Key, times: int = 1) -> None:
    """Keys go where a coordinator's would: to whichever widget has the focus."""
    for _ in range(times):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key)


def test_it_shows_what_is_recorded_under_the_persons_name(qtbot: QtBot, services: Services) -> None:
    person_id = a_person(services)
    services.people.set_availability(person_id, [("wed", "evening")], ["video"])
    dialog = open_dialog(qtbot, services, person_id)
    assert dialog.windowTitle() == "Availability and ways to meet — Morag Mackenzie"
    assert dialog.grid.value() == ([(WED, EVENING)], [MeetingMode.VIDEO])


@pytest.mark.parametrize("role", [Role.MENTEE, Role.MENTOR])
def test_the_keyboard_alone_records_availability_for_a_mentee_or_a_mentor(
    qtbot: QtBot, services: Services, role: Role
) -> None:
    person_id = a_person(services, role)
    services.people.set_availability(person_id, [("sat", "evening")], [])
    dialog = open_dialog(qtbot, services, person_id)
    # The dialog opens on the grid, Monday morning: tick it and Tuesday evening.
    qtbot.waitUntil(lambda: dialog.grid.slot_boxes[(MON, MORNING)].hasFocus())
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Right, 2)
    press(qtbot, Qt.Key.Key_Space)
    # Untick Saturday evening, which was recorded before.
    press(qtbot, Qt.Key.Key_Down, 4)
    press(qtbot, Qt.Key.Key_Space)
    # Past the quick buttons to the ways to meet: phone.
    press(qtbot, Qt.Key.Key_Tab, 3)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.availability_saved) as saved:
        press(qtbot, Qt.Key.Key_Return)
    assert saved.args == [person_id]
    assert dialog.result() == AvailabilityDialog.DialogCode.Accepted
    assert services.people.availability(person_id) == [(MON, MORNING), (TUE, EVENING)]
    assert services.people.meeting_modes(person_id) == [MeetingMode.PHONE]


def test_escape_closes_without_saving(qtbot: QtBot, services: Services) -> None:
    person_id = a_person(services)
    services.people.set_availability(person_id, [("mon", "morning")], ["phone"])
    dialog = open_dialog(qtbot, services, person_id)
    qtbot.mouseClick(dialog.grid.clear_button, Qt.MouseButton.LeftButton)
    # The grid was changed: Escape asks "Discard changes?" first, and Discard closes.
    asked = answering(qtbot, lambda: press(qtbot, Qt.Key.Key_Escape), DISCARD)
    assert len(asked.texts) == 1
    assert dialog.result() == AvailabilityDialog.DialogCode.Rejected
    assert services.people.availability(person_id) == [(MON, MORNING)]


def test_a_refused_save_says_why_under_the_grid_and_keeps_the_ticks(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The grid offers only known days and ways, so the service's own refusal of an unknown
    # way to meet is stood in for: the dialog must show it under the grid, not close.
    person_id = a_person(services)
    dialog = open_dialog(qtbot, services, person_id)
    dialog.grid.set_value([(SAT, MORNING)], [MeetingMode.PHONE])

    def refuse(*_args: object) -> None:
        raise ValidationError("Please choose a way to meet from the list.", "meeting_modes")

    monkeypatch.setattr(services.people, "set_availability", refuse)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "way to meet from the list" in dialog.problem_text("availability")
    assert dialog.grid.value() == ([(SAT, MORNING)], [MeetingMode.PHONE])
    assert dialog.grid.focused_box() is not None  # the focus went back to the grid
    assert services.people.availability(person_id) == []


@pytest.fixture
def largest_high_contrast(tmp_path: Path, qapp: QApplication) -> Iterator[QSettings]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    preferences.TEXT_SIZE.write(settings, len(theme.TEXT_SIZES) - 1)
    preferences.HIGH_CONTRAST.write(settings, True)
    theme.apply_appearance(qapp, settings)
    yield settings
    settings.clear()
    theme.apply_appearance(qapp, settings)


def test_at_the_largest_text_size_nothing_overlaps_and_it_fits_a_laptop(
    qtbot: QtBot, services: Services, largest_high_contrast: QSettings
) -> None:
    dialog = open_dialog(qtbot, services, a_person(services))
    assert dialog.font().pointSize() == theme.TEXT_SIZES[-1][1]
    assert dialog.width() <= 1366 and dialog.height() <= 740
    day_labels = [
        label
        for label in dialog.grid.findChildren(QLabel)
        if label.text() in {day.label for day in Weekday}
    ]
    assert len(day_labels) == 7
    for label in day_labels:
        assert label.height() >= label.sizeHint().height(), label.text()
    boxes = list(dialog.grid.slot_boxes.values()) + list(dialog.grid.mode_boxes.values())
    places = [QRect(box.mapTo(dialog, box.rect().topLeft()), box.size()) for box in boxes]
    for index, place in enumerate(places):
        assert dialog.rect().contains(place)
        assert not any(place.intersects(other) for other in places[index + 1 :])


def test_what_it_records_changes_who_find_a_mentor_puts_first(
    qtbot: QtBot, services: Services
) -> None:
    # Both mentors start alike (Tuesday morning, by phone), so the names decide.
    ailsa = ready_mentor(services, "Ailsa")
    iain = ready_mentor(services, "Iain")
    mentee = waiting_mentee(services)
    before = services.matching.match(mentee).ranked
    assert [m.person_id for m in before] == [ailsa, iain]
    assert "Both free Tuesday morning" in before[0].summary

    record(qtbot, services, mentee, [(MON, MORNING), (WED, MORNING)], [MeetingMode.VIDEO])
    record(
        qtbot,
        services,
        iain,
        [(MON, MORNING), (WED, MORNING), (SAT, EVENING)],
        [MeetingMode.VIDEO, MeetingMode.WALK_AND_TALK],
    )
    record(qtbot, services, ailsa, [(SAT, EVENING)], [MeetingMode.PHONE])

    after = {m.person_id: m for m in services.matching.match(mentee).ranked}
    assert list(after) == [iain, ailsa]
    assert "Both free Monday morning, Wednesday morning" in after[iain].summary
    assert "Both happy to meet by video" in after[iain].summary
    assert "No time when both are free" in after[ailsa].summary
    assert "No way of meeting that suits both" in after[ailsa].summary


def record(
    qtbot: QtBot,
    services: Services,
    person_id: int,
    slots: list[tuple[Weekday, PartOfDay]],
    modes: list[MeetingMode],
) -> None:
    """Tick and untick as a coordinator would (by mouse here), then Enter to save."""
    dialog = open_dialog(qtbot, services, person_id)
    for slot, box in dialog.grid.slot_boxes.items():
        if box.isChecked() != (slot in slots):
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    for mode, box in dialog.grid.mode_boxes.items():
        if box.isChecked() != (mode in modes):
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.availability_saved):
        press(qtbot, Qt.Key.Key_Return)


def test_every_input_says_what_it_is(qtbot: QtBot, services: Services) -> None:
    dialog = open_dialog(qtbot, services, a_person(services))
    unnamed = [
        button
        for button in dialog.findChildren(QAbstractButton)
        if not (button.accessibleName() or button.text().replace("&", "").strip())
    ]
    assert unnamed == []
    assert dialog.grid.accessibleName() == "Availability"
