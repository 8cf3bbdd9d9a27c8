"""The one date box: every date typed or filtered in peerdesk goes through it.

A plain text box, read when it is left or saved (`peerdesk.dates.read_date`): 25/06/2026,
5 Mar 2026, today, yesterday... What is typed is never changed into another date; a date
that cannot be read stays as typed and is named as a problem under the box, and `value()`
refuses it, so a dialog saves nothing until it is put right. F4 (or Alt+Down, or the
arrow beside the box) opens a calendar. An optional date has a Clear button, and Delete
empties it.

QDateEdit is not used: its day/month/year sections rewrite what is typed (a weekday typed
over moves the date, 31/02 is silently dropped).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
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

from peerdesk.dates import ENTRY_HINT, NotADate, entry_text, read_date
from peerdesk.errors import ValidationError

_TIP = (
    "Type the date as day/month/year, for example 25/06/2026, or 5 Mar 2026, today or "
    "yesterday. F4 opens a calendar."
)


class _DateLine(QLineEdit):
    """The typing box: F4 or Alt+Down asks for the calendar; Delete (with nothing selected)
    asks to empty the date.

    A subclass rather than an event filter: a filter on a child can be called while its
    owner is half torn down, which crashes PySide6."""

    calendar_requested = Signal()
    delete_pressed = Signal()
    #: Optional dates only: a required date's Delete key deletes a character as usual.
    clears_on_delete = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (
            key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier
        ):
            self.calendar_requested.emit()
            event.accept()
            return
        if (
            key == Qt.Key.Key_Delete
            and self.clears_on_delete
            and modifiers == Qt.KeyboardModifier.NoModifier
            and not self.hasSelectedText()
        ):
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class DateBox(QWidget):
    """`DateBox(value, today=services.today)` for a date that must be given;
    `DateBox(optional=True, today=services.today)` for one that may be left blank (`value()`
    is then None). `today` reads "today" and "yesterday" and opens an empty calendar (the
    services' clock, never the wall clock, so tests can fix the day).

    `date_changed` is emitted when the date it holds changes: on leaving the box, choosing on
    the calendar, clearing, or `set_value`; not on every key press."""

    date_changed = Signal()
    #: The words of the problem shown (empty when put right), for a form that shows them.
    problem_changed = Signal(str)

    def __init__(
        self,
        value: date | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date],
        optional: bool = False,
        blank_text: str = "Not set",
        opens_at: date | None = None,
    ) -> None:
        super().__init__(parent)
        #: The field named in problems (FormRows sets it).
        self.field: str | None = None
        self.optional = optional
        self._today = today
        self._opens_at = opens_at
        self._own_problem = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.editor = _DateLine(self)
        self.editor.setPlaceholderText(
            f"{blank_text} (type {ENTRY_HINT})" if optional else ENTRY_HINT
        )
        self.editor.setToolTip(_TIP + (" Delete clears it." if optional else ""))
        # As wide as the date or the words shown when blank, never cut short; no wider.
        metrics = self.editor.fontMetrics()
        words = max(
            metrics.horizontalAdvance(t)
            for t in ("Wed 28 Sep 20266", self.editor.placeholderText())
        )
        self.editor.setFixedWidth(words + 24)
        self.editor.editingFinished.connect(self._on_editor_editing_finished)
        self.editor.textEdited.connect(self._on_editor_text_edited)
        self.editor.calendar_requested.connect(self.open_calendar)
        # A small arrow, as on a drop-down list: a worded button made rows of two dates too
        # wide at the largest text size. Its name and tip say what it does.
        self.calendar_button = QToolButton(self)
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setToolTip("Choose on a calendar (F4)")
        self.calendar_button.clicked.connect(self.open_calendar)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        _name_calendar_parts(self.calendar)
        self.calendar_menu = QMenu(self)
        holder = QWidgetAction(self.calendar_menu)
        holder.setDefaultWidget(self.calendar)
        self.calendar_menu.addAction(holder)
        self.calendar_menu.aboutToShow.connect(self._on_calendar_about_to_show)
        self.calendar.clicked.connect(self._on_calendar_chosen)
        self.calendar.activated.connect(self._on_calendar_chosen)
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setVisible(optional)
        if optional:
            self.editor.clears_on_delete = True
            self.editor.delete_pressed.connect(self.clear)
            self.editor.textChanged.connect(self._update_clear)
        row.addWidget(self.editor)
        row.addWidget(self.calendar_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        outer.addWidget(self.problem)
        self.setFocusProxy(self.editor)
        self._last: date | None = value
        self.editor.setText(entry_text(value))
        self._update_clear()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.editor.setAccessibleName(name)
        self.calendar_button.setAccessibleName(f"Choose {name.lower()} on a calendar")
        self.calendar.setAccessibleName(f"Calendar for {name.lower()}")
        self.clear_button.setAccessibleName(f"Clear {name.lower()}")

    def setAccessibleDescription(self, description: str) -> None:
        # The typing box is what a screen reader is on: a problem shown by a form reaches it.
        super().setAccessibleDescription(description)
        self.editor.setAccessibleDescription(description)

    def report_problems_elsewhere(self) -> None:
        """A form shows this box's problems under it (from `problem_changed`): no second
        copy inside the box."""
        self._own_problem = False
        self.problem.hide()

    # -- the date ------------------------------------------------------------------------
    def value(self) -> date | None:
        """The date typed, None when blank and optional. Raises ValidationError (naming
        `field`) when the words are not a date, or a required date is blank."""
        try:
            found = read_date(self.editor.text(), self._today())
        except NotADate as error:
            raise ValidationError(str(error), self.field) from None
        if found is None and not self.optional:
            raise ValidationError(
                f"Please type the date ({ENTRY_HINT}) or choose it on the calendar.", self.field
            )
        return found

    def day(self) -> date:
        """The date of a required box (see `value`)."""
        found = self.value()
        if found is None:
            raise ValidationError("Please type the date.", self.field)
        return found

    def readable_value(self) -> date | None:
        """The date as typed so far, or None when blank or not (yet) a date; never raises."""
        try:
            return self.value()
        except ValidationError:
            return None

    def text(self) -> str:
        return self.editor.text()

    def set_value(self, value: date | None) -> None:
        self.editor.setText(entry_text(value))
        self._show_problem("")
        self._settle(value)

    def clear(self) -> None:
        self.set_value(None)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def check(self) -> bool:
        """Read what is typed now, as on leaving the box: say what is wrong under it (and
        return False), or show the date as dd/mm/yyyy."""
        try:
            found = self.value()
        except ValidationError as error:
            self._show_problem(error.message)
            return False
        self._show_problem("")
        if found is not None and self.editor.text() != entry_text(found):
            # The same date, written the usual way, so what was understood is visible.
            self.editor.setText(entry_text(found))
        self._settle(found)
        return True

    def has_problem(self) -> bool:
        return bool(self.problem.text())

    # -- the calendar --------------------------------------------------------------------
    def open_calendar(self) -> None:
        """Show the calendar under the box (it does not block: Escape or a click outside
        closes it, Enter or a click on a day chooses)."""
        self.calendar_menu.popup(self.editor.mapToGlobal(QPoint(0, self.editor.height())))

    def calendar_start(self) -> date:
        """Where the calendar opens: the date typed, else the field's own start, else today."""
        return self.readable_value() or self._opens_at or self._today()

    def _on_calendar_about_to_show(self) -> None:
        start = self.calendar_start()
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.calendar.setCurrentPage(start.year, start.month)
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _on_calendar_chosen(self, chosen: QDate) -> None:
        self.set_value(date(chosen.year(), chosen.month(), chosen.day()))
        self.calendar_menu.hide()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- reacting ------------------------------------------------------------------------
    def _on_editor_editing_finished(self) -> None:
        # Not while hidden: a dialog closing takes the focus away, and that is no answer.
        if self.isEnabled() and self.isVisible():
            self.check()

    def _on_editor_text_edited(self, _text: str) -> None:
        # A problem goes as soon as what is typed is a date; a new one waits for leaving.
        if self.has_problem() and self.readable_value() is not None:
            self._show_problem("")

    def _update_clear(self, *_args: object) -> None:
        self.clear_button.setEnabled(bool(self.editor.text()))

    def _settle(self, value: date | None) -> None:
        if value != self._last:
            self._last = value
            self.date_changed.emit()

    def _show_problem(self, words: str) -> None:
        if words == self.problem.text():
            return
        self.problem.setText(words)
        self.problem.setVisible(bool(words) and self._own_problem)
        self.editor.setAccessibleDescription(words)
        self.problem_changed.emit(words)


def _name_calendar_parts(calendar: QCalendarWidget) -> None:
    for part, name in (
        ("qt_calendar_calendarview", "Days of the month"),
        ("qt_calendar_prevmonth", "Previous month"),
        ("qt_calendar_nextmonth", "Next month"),
        ("qt_calendar_monthbutton", "Month"),
        ("qt_calendar_yearbutton", "Year"),
        ("qt_calendar_yearedit", "Year"),
    ):
        # Qt's own parts of the calendar have no names for screen readers.
        child = calendar.findChild(QWidget, part)
        if child is not None:
            child.setAccessibleName(name)
