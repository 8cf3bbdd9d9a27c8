"""The optional date input: typed straight in, a calendar opening at a sensible month, Clear
and the Delete key, a plain problem for a date that cannot be read, named parts."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QWidget

from peerdesk.errors import ValidationError
from peerdesk.ui.widgets import FormRows
from peerdesk.ui.widgets.date_edit import OptionalDateEdit, parse_day
from tests.conftest import TODAY, FixedClock


@pytest.fixture
def edit(qtbot) -> OptionalDateEdit:  # type: ignore[no-untyped-def]
    widget = OptionalDateEdit()
    widget.setAccessibleName("Review date")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_blank_is_none_and_a_typed_date_is_read(edit: OptionalDateEdit, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert edit.value() is None
    assert "Not set" in edit.editor.placeholderText()
    with qtbot.waitSignal(edit.date_changed):
        qtbot.keyClicks(edit.editor, "25/06/1987")
    assert edit.value() == date(1987, 6, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/7/2026", date(2026, 7, 3)),
        ("03-07-2026", date(2026, 7, 3)),
        (" 3.7.2026 ", date(2026, 7, 3)),
        ("", None),
    ],
)
def test_usual_ways_of_writing_a_date(text: str, expected: date | None) -> None:
    assert parse_day(text) == expected


def test_a_date_that_cannot_be_read_is_a_problem_not_a_blank(edit: OptionalDateEdit, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(edit.editor, "31/02/2026")
    edit.editor.editingFinished.emit()
    assert not edit.problem.isHidden()
    assert "not a date" in edit.problem.text()
    with pytest.raises(ValidationError, match="day/month/year"):
        edit.value()
    edit.editor.setText("28/02/2026")
    assert edit.problem.isHidden()
    assert edit.value() == date(2026, 2, 28)


def test_form_rows_show_the_problem_under_the_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    rows = FormRows(QFormLayout(holder))
    edit = rows.add("&Review date", OptionalDateEdit(), field="review_on")
    edit.editor.setText("next week")
    with pytest.raises(ValidationError) as raised:
        edit.value()
    assert raised.value.field == "review_on"
    assert rows.show_problem(raised.value.field, str(raised.value))


def test_the_calendar_opens_at_today_when_blank_not_1800(
    edit: OptionalDateEdit, clock: FixedClock
) -> None:
    clock.freeze("peerdesk.ui.widgets.date_edit")
    edit.calendar_menu.aboutToShow.emit()
    assert (edit.calendar.yearShown(), edit.calendar.monthShown()) == (2026, 6)
    chosen = edit.calendar.selectedDate()
    edit.calendar.clicked.emit(chosen)
    assert edit.value() == TODAY


def test_the_calendar_opens_at_the_fields_own_start_or_the_date_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    birth = OptionalDateEdit(opens_at=date(1986, 1, 1))
    qtbot.addWidget(birth)
    birth.calendar_menu.aboutToShow.emit()
    assert birth.calendar.yearShown() == 1986
    birth.set_value(date(1990, 5, 17))
    birth.calendar_menu.aboutToShow.emit()
    assert (birth.calendar.yearShown(), birth.calendar.monthShown()) == (1990, 5)


def test_clear_button_and_delete_key_leave_it_blank(edit: OptionalDateEdit, qtbot) -> None:  # type: ignore[no-untyped-def]
    edit.set_value(date(2026, 6, 15))
    assert edit.clear_button.isEnabled()
    edit.clear_button.click()
    assert edit.value() is None
    assert not edit.clear_button.isEnabled()
    edit.set_value(date(2026, 6, 15))
    edit.editor.setFocus()
    qtbot.keyClick(edit.editor, Qt.Key.Key_Delete)
    assert edit.value() is None
    assert edit.editor.text() == ""


def test_every_part_is_named(edit: OptionalDateEdit) -> None:
    assert edit.editor.accessibleName() == "Review date"
    assert edit.calendar_button.accessibleName() == "Choose review date on a calendar"
    assert edit.clear_button.accessibleName() == "Clear review date"
    assert edit.calendar.accessibleName() == "Calendar for review date"
