"""Small form helpers for the pairing dialogs: labelled inputs, dates, pick-lists, and a
place at the top of a dialog to say in plain words what needs fixing."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
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


def date_edit(value: date, parent: QWidget | None = None) -> QDateEdit:
    editor = QDateEdit(parent)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("ddd d MMM yyyy")
    editor.setDate(QDate(value.year, value.month, value.day))
    return editor


def date_of(editor: QDateEdit) -> date:
    chosen = editor.date()
    return date(chosen.year(), chosen.month(), chosen.day())


def set_date(editor: QDateEdit, value: date) -> None:
    editor.setDate(QDate(value.year, value.month, value.day))


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
