"""Small form helpers for the pairing dialogs: labelled inputs, dates, pick-lists, and a
place at the top of a dialog to say in plain words what needs fixing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.vocabulary import Labelled

W = TypeVar("W", bound=QWidget)


def add_row(form: QFormLayout, text: str, widget: W, description: str = "") -> W:
    """Add `widget` under a label whose buddy it is; the label's words name it for screen
    readers too."""
    caption = QLabel(text)
    caption.setBuddy(widget)
    caption.setWordWrap(True)
    widget.setAccessibleName(text.replace("&", "").rstrip(":"))
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    form.addRow(caption, widget)
    return widget


def date_edit(
    value: date, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
) -> DateBox:
    return DateBox(value, parent, today=today)


def date_of(editor: DateBox) -> date:
    """The date typed; ValidationError (naming the field) when it is not one."""
    return editor.day()


def set_date(editor: DateBox, value: date) -> None:
    editor.set_value(value)


def vocabulary_combo(
    vocabulary: type[Labelled],
    current: str | None = None,
    parent: QWidget | None = None,
    *,
    only: list[str] | None = None,
) -> QComboBox:
    combo = QComboBox(parent)
    for member in vocabulary:
        if only is None or member.value in only:
            combo.addItem(member.label, member.value)
    if current is not None:
        select_data(combo, current)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class ProblemLabel(QLabel):
    """Where a dialog says what went wrong, in words (not colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName("Problem")
        self.hide()

    def show_error(self, error: PeerdeskError, fields: dict[str, QWidget] | None = None) -> None:
        self.setText(f"⚠ {error}")
        self.setAccessibleDescription(str(error))
        self.show()
        if isinstance(error, ValidationError) and fields and error.field in fields:
            fields[error.field].setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_error(self) -> None:
        self.clear()
        self.hide()
