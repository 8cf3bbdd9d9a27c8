"""Noticing that a form has been changed, and asking before what was typed is thrown away.

`ChangeWatcher.watch(dialog)` listens to every input inside the dialog (text boxes, lists,
tick boxes, number and date boxes, tables' models) through their change signals, so a new
dialog needs nothing of its own. It is started once the dialog is filled in and on screen;
whatever the dialog did to its inputs before that is what "unchanged" means.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from peerdesk.ui.widgets.date_box import DateBox

DISCARD_QUESTION = "Discard changes?"


class ChangeWatcher:
    """Whether anything in a form has changed since it was filled in."""

    def __init__(self) -> None:
        self.changed = False

    def mark_changed(self, *_args: object) -> None:
        # Only a flag: this can run while Qt tears widgets down, so it touches no widget.
        self.changed = True

    def reset(self) -> None:
        self.changed = False

    def watch(self, root: QWidget) -> None:
        """Listen to every input inside `root` (once: each call connects again)."""
        for widget in root.findChildren(QWidget):
            if not _is_button_row(widget, root):
                self._connect(widget)

    def _connect(self, widget: QWidget) -> None:
        mark = self.mark_changed
        if isinstance(widget, QLineEdit):
            # Typed, not set: a box tidying its own text (a date on leaving it) is no change.
            widget.textEdited.connect(mark)
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            widget.textChanged.connect(mark)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(mark)
        elif isinstance(widget, QCheckBox | QRadioButton) or (
            isinstance(widget, QGroupBox) and widget.isCheckable()
        ):
            widget.toggled.connect(mark)
        elif isinstance(widget, QSpinBox | QDoubleSpinBox):
            widget.valueChanged.connect(mark)
        elif isinstance(widget, QDateTimeEdit):
            widget.dateTimeChanged.connect(mark)
        elif isinstance(widget, DateBox):
            # A date chosen on the calendar or cleared (typing is the editor's textEdited).
            widget.date_changed.connect(mark)
        elif type(getattr(type(widget), "changed", None)) is Signal:
            # An input of our own (the availability grid) says so with a `changed` signal.
            # (`type() is`, not isinstance: PySide 6.12's isinstance(x, Signal) loses a
            # reference to False each time it says no, and Python then crashes on exit.)
            widget.changed.connect(mark)  # type: ignore[attr-defined]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            model.dataChanged.connect(mark)
            model.rowsInserted.connect(mark)
            model.rowsRemoved.connect(mark)


def _is_button_row(widget: QWidget, root: QWidget) -> bool:
    """Inside the dialog's Save/Cancel row (nothing there is part of the form)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QDialogButtonBox):
            return True
        parent = parent.parentWidget()
    return False


def ask_discard(parent: QWidget, what: str) -> bool:
    """Ask before throwing away changes to `what` (the window's title); True to discard.
    Keep editing is the default, so Enter (or Escape again) never loses anything."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(DISCARD_QUESTION)
    box.setAccessibleName(DISCARD_QUESTION)
    box.setText(DISCARD_QUESTION)
    box.setInformativeText(f"What you changed in “{what}” has not been saved.")
    discard = box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("&Keep editing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard
