"""A date input that may be left blank, for dates that are optional.

Type the date straight in (25/06/1987, or 25-6-1987), or choose it on a calendar that opens
at today (or a sensible date for the field) when nothing is set yet. "Clear" or the Delete
key leaves it blank again.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from peerdesk.errors import ValidationError

_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})\s*$")
FORMAT_HINT = "day/month/year"


def parse_day(text: str) -> date | None:
    """The date in `text` (day/month/year, any of / - . or space between), None if blank.
    Raises ValueError when the words are not a real date."""
    if not text.strip():
        return None
    match = _DATE.match(text)
    if match is None:
        raise ValueError(text)
    day, month, year = (int(part) for part in match.groups())
    return date(year, month, day)


class _DateLine(QLineEdit):
    """The typing box. Delete (with nothing selected to delete) empties the date.

    A subclass rather than an event filter: a filter on a child can be called while its
    owner is half torn down, which crashes PySide6."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class OptionalDateEdit(QWidget):
    """A dd/mm/yyyy box, a calendar button and a Clear button. `value()` is None when blank.

    A date that cannot be read is shown as a problem under the box as soon as the box is
    left, and `value()` then raises ValidationError (with `field`, when FormRows set it) so
    nothing is saved with a date the coordinator did not mean."""

    date_changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        blank_text: str = "Not set",
        opens_at: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.field: str | None = None
        self._opens_at = opens_at
        self._blank_text = blank_text
        self._last: date | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.editor = _DateLine(self)
        self.editor.setPlaceholderText(f"{blank_text} (type dd/mm/yyyy)")
        self.editor.setToolTip(
            "Type the date as day/month/year, for example 25/06/1987, or choose it on the "
            "calendar. Delete clears it."
        )
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.editor.editingFinished.connect(self._on_editor_editing_finished)
        self.editor.delete_pressed.connect(self.clear)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("Calendar…")
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        for part, name in (
            ("qt_calendar_calendarview", "Days of the month"),
            ("qt_calendar_prevmonth", "Previous month"),
            ("qt_calendar_nextmonth", "Next month"),
            ("qt_calendar_monthbutton", "Month"),
            ("qt_calendar_yearbutton", "Year"),
            ("qt_calendar_yearedit", "Year"),
        ):
            # Qt's own parts of the calendar have no names for screen readers.
            child = self.calendar.findChild(QWidget, part)
            if child is not None:
                child.setAccessibleName(name)
        menu = QMenu(self.calendar_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._on_calendar_about_to_show)
        self.calendar_menu = menu
        self.calendar_button.setMenu(menu)
        self.calendar.clicked.connect(self._on_calendar_chosen)
        self.calendar.activated.connect(self._on_calendar_chosen)
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.clicked.connect(self.clear)
        row.addWidget(self.editor, 1)
        row.addWidget(self.calendar_button)
        row.addWidget(self.clear_button)
        outer.addLayout(row)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        outer.addWidget(self.problem)
        self.setFocusProxy(self.editor)
        self._update_clear()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.editor.setAccessibleName(name)
        self.calendar_button.setAccessibleName(f"Choose {name.lower()} on a calendar")
        self.calendar.setAccessibleName(f"Calendar for {name.lower()}")
        self.clear_button.setAccessibleName(f"Clear {name.lower()}")

    # -- value -----------------------------------------------------------------------------
    def value(self) -> date | None:
        try:
            return parse_day(self.editor.text())
        except ValueError:
            raise ValidationError(self._problem_words(), self.field) from None

    def is_valid(self) -> bool:
        try:
            parse_day(self.editor.text())
        except ValueError:
            return False
        return True

    def set_value(self, value: date | None) -> None:
        self.editor.setText("" if value is None else f"{value:%d/%m/%Y}")
        self._show_problem(False)

    def clear(self) -> None:
        self.set_value(None)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def calendar_start(self) -> date:
        """Where the calendar opens: the date typed, else the field's own start, else today."""
        try:
            typed = parse_day(self.editor.text())
        except ValueError:
            typed = None
        return typed or self._opens_at or date.today()

    def _on_editor_text_changed(self, _text: str) -> None:
        self._update_clear()
        if not self.problem.isHidden() and self.is_valid():
            self._show_problem(False)
        try:
            now = parse_day(self.editor.text())
        except ValueError:
            return
        if now != self._last:
            self._last = now
            self.date_changed.emit()

    def _on_editor_editing_finished(self) -> None:
        self._show_problem(not self.is_valid())

    def _on_calendar_about_to_show(self) -> None:
        start = self.calendar_start()
        chosen = QDate(start.year, start.month, start.day)
        self.calendar.setSelectedDate(chosen)
        self.calendar.setCurrentPage(start.year, start.month)
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _on_calendar_chosen(self, chosen: QDate) -> None:
        self.set_value(date(chosen.year(), chosen.month(), chosen.day()))
        self.calendar_menu.hide()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(bool(self.editor.text()))

    def _problem_words(self) -> str:
        return (
            f"“{self.editor.text().strip()}” is not a date: type it as {FORMAT_HINT}, for "
            "example 25/06/1987, or press Clear to leave it blank."
        )

    def _show_problem(self, show: bool) -> None:
        self.problem.setText(f"⚠ {self._problem_words()}" if show else "")
        self.problem.setVisible(show)
        self.editor.setAccessibleDescription(self.problem.text())
