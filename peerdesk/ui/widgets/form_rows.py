"""Fields and problems, the one way: a form whose every input has a label (with a buddy), an
accessible name, and a place right under it to say, in plain English, what needs fixing; a
line for problems that belong to no one input; pick-lists of a vocabulary."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.ui import announcer
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.vocabulary import Labelled

W = TypeVar("W", bound=QWidget)


def mark_problem(widget: QWidget, message: str, *, hint: str = "", name: str = "") -> None:
    """Put a problem on its input for a screen reader, and say it now.

    Qt 6 has no "invalid entry" state to set on a widget (QAccessible.State has none, and the
    AT-SPI and UI Automation bridges never send one), so the input's description carries it,
    starting "Problem:", for as long as it is shown: read whenever the input is reached. The
    announcement is said every time the problem is shown, also when Save is pressed again
    with the keyboard already in the input (no focus change, so nothing else would be said).
    `hint` is the input's usual description, kept after the problem; `name` the input's
    name, said first so that the announcement makes sense on its own."""
    widget.setAccessibleDescription(" ".join(p for p in (f"Problem: {message}", hint) if p))
    announcer.announce(f"{name}: {message}" if name else message, widget, urgent=True)


def clear_problem_mark(widget: QWidget, hint: str = "") -> None:
    """The problem is put right (or hidden): the input is described as before it."""
    widget.setAccessibleDescription(hint)


class FormRows:
    """Builds rows into a QFormLayout and shows validation problems next to the field.

    `add("&First name", edit, field="first_name")` labels the input, sets its accessible
    name, and remembers it so `show_problem("first_name", "Please enter a first name.")`
    puts the message under that input and moves the keyboard focus to it.
    """

    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setHorizontalSpacing(16)
        self._inputs: dict[str, QWidget] = {}
        self._problems: dict[str, QLabel] = {}
        self._holders: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

    def add(
        self,
        label: str,
        widget: W,
        *,
        field: str | None = None,
        help_text: str = "",
        tip: str = "",
    ) -> W:
        """`help_text` is shown under the input (and read out); `tip` is only read out and
        shown on hovering, for inputs whose label says enough."""
        plain = label.replace("&", "")
        caption = QLabel(label)
        caption.setBuddy(widget)
        # Captions never wrap: a wrapped caption in a form row gets its second line clipped.
        # Long ones move above their input instead (WrapLongRows).
        widget.setAccessibleName(plain)
        described = help_text or tip
        if described:
            widget.setAccessibleDescription(described)
            widget.setToolTip(described)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if help_text:
            hint = QLabel(help_text)
            hint.setWordWrap(True)
            hint.setObjectName("hint")
            column.addWidget(hint)
        problem = QLabel()
        problem.setObjectName("problem")
        problem.setWordWrap(True)
        problem.setTextFormat(Qt.TextFormat.PlainText)
        problem.hide()
        column.addWidget(problem)
        self.layout.addRow(caption, holder)
        key = field or plain
        if isinstance(widget, DateBox):
            # A date box checks itself on leaving: its problem goes in this row's place.
            widget.field = key
            widget.report_problems_elsewhere()
            widget.problem_changed.connect(
                lambda words, key=key: self._on_input_problem_changed(key, words)
            )
        self._inputs[key] = widget
        self._problems[key] = problem
        self._holders[key] = holder
        self.labels[key] = caption
        return widget

    def add_wide(self, widget: W) -> W:
        """A row the width of the form, without a caption (a tick box that names itself)."""
        self.layout.addRow(widget)
        return widget

    def __contains__(self, field: object) -> bool:
        return field in self._inputs

    def input(self, field: str) -> QWidget:
        return self._inputs[field]

    def set_visible(self, field: str, visible: bool) -> None:
        """Show or hide a whole row: caption, input and any problem under it."""
        self.labels[field].setVisible(visible)
        self._holders[field].setVisible(visible)

    def problem_text(self, field: str) -> str:
        label = self._problems.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def show_problem(self, field: str | None, message: str) -> bool:
        """Show `message` under the field's input; False when no input has that name."""
        self.clear_problems()
        if field is None or field not in self._inputs:
            return False
        label = self._problems[field]
        # Words, not colour alone: the message starts with what to do.
        label.setText(f"⚠ {message}")
        label.show()
        widget = self._inputs[field]
        # Focus first: a screen reader then reads the input (with its problem) and the
        # announcement, and the announcement alone when the focus was there already.
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        mark_problem(widget, message, hint=widget.toolTip(), name=widget.accessibleName())
        return True

    def _on_input_problem_changed(self, field: str, words: str) -> None:
        label = self._problems[field]
        label.setText(f"⚠ {words}" if words else "")
        label.setVisible(bool(words))
        widget = self._inputs[field]
        if words and widget.hasFocus():
            # Found while saving with the keyboard still in the input: the dialog shows (and
            # says) it in a moment; said here too, it would be heard twice.
            widget.setAccessibleDescription(f"Problem: {words}")
        elif words:
            mark_problem(widget, words, hint=widget.toolTip(), name=widget.accessibleName())
        else:
            clear_problem_mark(widget, widget.toolTip())

    def clear_problems(self) -> None:
        for field, label in self._problems.items():
            if not label.isHidden():
                label.hide()
                clear_problem_mark(self._inputs[field], self._inputs[field].toolTip())


class ProblemLabel(QLabel):
    """Where a dialog says what went wrong when it concerns no one input, in words (not
    colour alone), said to a screen reader each time it is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # No fixed accessible name: Qt reads a label's own text, which is the problem.
        self.hide()

    def show_error(self, error: PeerdeskError | str) -> None:
        self.setText(f"⚠ {error}")
        self.show()
        announcer.announce(f"Problem: {error}", self, urgent=True)

    def show_done(self, words: str) -> None:
        """Say on this line that something went well ("Saved… Log the next one."): shown,
        and said in its turn (not interrupting)."""
        self.setText(words)
        self.show()
        announcer.announce(words, self)

    def clear_error(self) -> None:
        self.clear()
        self.hide()


def vocabulary_combo(
    vocabulary: type[Labelled],
    current: str | None = None,
    parent: QWidget | None = None,
    *,
    only: list[str] | None = None,
) -> QComboBox:
    """A pick-list of a vocabulary's plain words, each holding its stored value."""
    combo = QComboBox(parent)
    for member in vocabulary:
        if only is None or member.value in only:
            combo.addItem(member.label, member.value)
    if current is not None:
        select_data(combo, current)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    """Choose the item holding `value` (nothing changes when none does)."""
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def minutes_box(value: int, maximum: int = 600) -> QSpinBox:
    """A length of time in minutes, up and down in quarters of an hour."""
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSingleStep(15)
    box.setSuffix(" minutes")
    box.setValue(value)
    return box


def text_area(lines: int = 2) -> QPlainTextEdit:
    """A few lines of notes; Tab moves on, as in every other input."""
    area = QPlainTextEdit()
    area.setTabChangesFocus(True)
    area.setMinimumHeight(area.fontMetrics().lineSpacing() * lines + 12)
    return area


#: The lowest value of an age box, shown as "No preference".
NO_AGE = 15


def age_box() -> QSpinBox:
    """A preferred mentor's age, from 16 to 110, or "No preference"."""
    box = QSpinBox()
    box.setRange(NO_AGE, 110)
    box.setSpecialValueText("No preference")
    box.setValue(NO_AGE)
    return box


def age_or_none(box: QSpinBox) -> int | None:
    return box.value() if box.value() > NO_AGE else None
