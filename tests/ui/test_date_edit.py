"""The one date box, driven by key presses: what is typed is kept exactly (or named as a
problem under the field, never changed), F4 opens a calendar at a sensible month, optional
dates clear with Clear or Delete, required ones cannot be left blank, every part is named."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from peerdesk.errors import ValidationError
from peerdesk.ui.widgets import FormRows
from peerdesk.ui.widgets.date_box import DateBox
from tests.conftest import TODAY


class _Form(QWidget):
    """A date box in a form row, with a second input to move the focus to."""

    def __init__(self, box: DateBox) -> None:
        super().__init__()
        self.rows = FormRows(QFormLayout(self))
        self.box = self.rows.add("&Session date", box, field="session_date")
        self.other = self.rows.add("&Place", QLineEdit(), field="place")


@pytest.fixture
def form(qtbot) -> _Form:  # type: ignore[no-untyped-def]
    widget = _Form(DateBox(TODAY, today=lambda: TODAY))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def optional(qtbot) -> DateBox:  # type: ignore[no-untyped-def]
    widget = DateBox(optional=True, today=lambda: TODAY)
    widget.setAccessibleName("Review date")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _type(qtbot, box: DateBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select what is there and type over it, as a coordinator does, then press Tab."""
    box.editor.setFocus()
    qtbot.keyClick(box.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box.editor, text)
    qtbot.keyClick(box.editor, Qt.Key.Key_Tab)


def test_a_required_box_starts_at_its_date_in_dd_mm_yyyy(form: _Form) -> None:
    assert form.box.text() == "15/06/2026"
    assert form.box.day() == TODAY
    assert not form.box.clear_button.isVisible()


@pytest.mark.parametrize(
    ("typed", "shown", "expected"),
    [
        ("28/11/2025", "28/11/2025", date(2025, 11, 28)),
        ("Fri 28 Nov 2025", "28/11/2025", date(2025, 11, 28)),
        ("5 March 2026", "05/03/2026", date(2026, 3, 5)),
        ("5/3/26", "05/03/2026", date(2026, 3, 5)),
        ("yesterday", "14/06/2026", date(2026, 6, 14)),
    ],
)
def test_typing_a_date_and_leaving_keeps_exactly_that_date(
    form: _Form,
    qtbot,
    typed: str,
    shown: str,
    expected: date,  # type: ignore[no-untyped-def]
) -> None:
    with qtbot.waitSignal(form.box.date_changed):
        _type(qtbot, form.box, typed)
    assert form.box.value() == expected
    assert form.box.text() == shown  # the same date, written the usual way
    assert form.rows.problem_text("session_date") == ""


def test_typing_does_not_change_the_date_until_the_box_is_left(form: _Form, qtbot) -> None:  # type: ignore[no-untyped-def]
    changes: list[date | None] = []
    form.box.date_changed.connect(lambda: changes.append(form.box.readable_value()))
    form.box.editor.setFocus()
    qtbot.keyClick(form.box.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.box.editor, "1/7/2026")
    assert changes == [] and form.box.text() == "1/7/2026"
    qtbot.keyClick(form.box.editor, Qt.Key.Key_Tab)
    assert changes == [date(2026, 7, 1)]


@pytest.mark.parametrize("typed", ["31/02/2025", "29/02/2025", "00/01/2025", "1/13/2025"])
def test_an_impossible_date_stays_as_typed_and_is_named_under_the_field(
    form: _Form,
    qtbot,
    typed: str,  # type: ignore[no-untyped-def]
) -> None:
    _type(qtbot, form.box, typed)
    assert form.box.text() == typed  # not dropped, not moved to another date
    problem = form.rows.problem_text("session_date")
    assert f"{typed} is not a date" in problem
    assert not form.box.problem.isVisible()  # shown once, in the form's place for it
    assert f"{typed} is not a date" in form.box.editor.accessibleDescription()
    with pytest.raises(ValidationError) as refused:
        form.box.value()
    assert refused.value.field == "session_date"
    assert form.box.readable_value() is None


def test_the_problem_goes_as_soon_as_the_date_is_put_right(form: _Form, qtbot) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, form.box, "31/02/2025")
    assert form.rows.problem_text("session_date")
    form.box.editor.setFocus()
    qtbot.keyClick(form.box.editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(form.box.editor, Qt.Key.Key_Backspace)
    assert form.rows.problem_text("session_date")  # "31/02/20" is still not a date
    qtbot.keyClick(form.box.editor, Qt.Key.Key_Home)
    qtbot.keyClick(form.box.editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(form.box.editor, "2")
    # "21/02/20": a date again, so the problem goes while typing.
    assert form.rows.problem_text("session_date") == ""


def test_words_that_are_not_a_date_are_never_turned_into_one(form: _Form, qtbot) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, form.box, "next Tuesday")
    assert form.box.text() == "next Tuesday"
    assert "next Tuesday is not a date: type it as dd/mm/yyyy" in form.rows.problem_text(
        "session_date"
    )


def test_a_required_date_cannot_be_left_blank(form: _Form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form.box.editor.setFocus()
    qtbot.keyClick(form.box.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.box.editor, Qt.Key.Key_Delete)
    qtbot.keyClick(form.box.editor, Qt.Key.Key_Tab)
    assert "Please type the date" in form.rows.problem_text("session_date")
    with pytest.raises(ValidationError):
        form.box.value()


def test_f4_opens_the_calendar_at_the_date_typed_and_enter_chooses(form: _Form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form.box.editor.setFocus()
    qtbot.keyClick(form.box.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.box.editor, "3/2/2026")
    qtbot.keyClick(form.box.editor, Qt.Key.Key_F4)
    qtbot.waitUntil(form.box.calendar_menu.isVisible)
    calendar = form.box.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 2)
    assert calendar.selectedDate().toPython() == date(2026, 2, 3)
    with qtbot.waitSignal(form.box.date_changed):
        calendar.activated.emit(calendar.selectedDate().addDays(1))
    assert not form.box.calendar_menu.isVisible()
    assert form.box.value() == date(2026, 2, 4)
    assert form.box.text() == "04/02/2026"


def test_the_calendar_button_opens_it_too_and_escape_closes_it_unchanged(
    form: _Form, qtbot
) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(form.box.calendar_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(form.box.calendar_menu.isVisible)
    qtbot.keyClick(form.box.calendar_menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.box.calendar_menu.isVisible())
    assert form.box.value() == TODAY


def test_an_optional_blank_box_is_none_and_its_calendar_opens_at_today(
    optional: DateBox,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    assert optional.value() is None
    assert "Not set" in optional.editor.placeholderText()
    optional.open_calendar()
    qtbot.waitUntil(optional.calendar_menu.isVisible)
    assert (optional.calendar.yearShown(), optional.calendar.monthShown()) == (2026, 6)
    optional.calendar.clicked.emit(optional.calendar.selectedDate())
    assert optional.value() == TODAY


def test_the_calendar_opens_at_the_fields_own_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    birth = DateBox(optional=True, opens_at=date(1986, 1, 1), today=lambda: TODAY)
    qtbot.addWidget(birth)
    assert birth.calendar_start() == date(1986, 1, 1)
    birth.set_value(date(1990, 5, 17))
    assert birth.calendar_start() == date(1990, 5, 17)


def test_clear_button_and_delete_key_empty_an_optional_date(optional: DateBox, qtbot) -> None:  # type: ignore[no-untyped-def]
    optional.set_value(date(2026, 6, 15))
    assert optional.clear_button.isEnabled()
    with qtbot.waitSignal(optional.date_changed):
        optional.clear_button.click()
    assert optional.value() is None
    assert not optional.clear_button.isEnabled()
    optional.set_value(date(2026, 6, 15))
    optional.editor.setFocus()
    optional.editor.deselect()
    qtbot.keyClick(optional.editor, Qt.Key.Key_Delete)
    assert optional.value() is None
    assert optional.text() == ""


def test_a_box_outside_a_form_shows_its_own_problem(optional: DateBox, qtbot) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, optional, "31/02/2026")
    assert optional.problem.isVisible()
    assert "31/02/2026 is not a date" in optional.problem.text()
    assert optional.editor.accessibleDescription() == optional.problem.text()


def test_every_part_is_named(optional: DateBox) -> None:
    assert optional.editor.accessibleName() == "Review date"
    assert optional.calendar_button.accessibleName() == "Choose review date on a calendar"
    assert optional.clear_button.accessibleName() == "Clear review date"
    assert optional.calendar.accessibleName() == "Calendar for review date"
