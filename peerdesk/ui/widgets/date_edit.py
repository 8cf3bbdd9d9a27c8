"""A date input that may be left blank ("Not set"), for dates that are optional."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QPushButton, QWidget

#: The earliest date; shown as "Not set" and read back as None.
_BLANK = QDate(1800, 1, 1)


class OptionalDateEdit(QWidget):
    """A day/month/year input with a calendar, and a "Clear" button that leaves it blank."""

    date_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, blank_text: str = "Not set") -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editor = QDateEdit(self)
        self.editor.setCalendarPopup(True)
        self.editor.setDisplayFormat("dd/MM/yyyy")
        self.editor.setMinimumDate(_BLANK)
        self.editor.setSpecialValueText(blank_text)
        self.editor.setDate(_BLANK)
        self.editor.dateChanged.connect(self._on_editor_date_changed)
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.editor)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.editor.setAccessibleName(name)
        self.clear_button.setAccessibleName(f"Clear {name.lower()}")

    def value(self) -> date | None:
        chosen = self.editor.date()
        if chosen == _BLANK:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        self.editor.setDate(_BLANK if value is None else QDate(value.year, value.month, value.day))

    def clear(self) -> None:
        self.editor.setDate(_BLANK)

    def _on_editor_date_changed(self, _date: QDate) -> None:
        self.date_changed.emit()
