"""A small read-only table of records (training, supervision, pairings...) on a record page.

Rows are plain strings with the record's id kept in a custom role; activating a row (double
click or Enter) emits `record_activated(id)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from peerdesk.ui.widgets.full_text_tips import show_full_text_tips

Index = QModelIndex | QPersistentModelIndex
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RecordTableModel(QAbstractTableModel):
    def __init__(self, headings: tuple[str, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headings = headings
        self._rows: list[tuple[int, Sequence[str]]] = []

    def set_rows(self, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headings)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headings)
        ):
            return self.headings[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record_id, cells = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cells[index.column()] if index.column() < len(cells) else ""
        if role == RECORD_ID_ROLE:
            return record_id
        return None


class RecordTable(QTableView):
    """A table that shows all its rows (the page scrolls, not the table)."""

    record_activated = Signal(int)

    def __init__(
        self, headings: tuple[str, ...], accessible_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.table_model = RecordTableModel(headings, self)
        self.setModel(self.table_model)
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        show_full_text_tips(self)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.activated.connect(self._on_row_activated)

    def set_rows(self, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        self.table_model.set_rows(rows)
        self.resizeRowsToContents()
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        for row in range(self.table_model.rowCount()):
            height += self.rowHeight(row)
        return QSize(super().sizeHint().width(), height + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _on_row_activated(self, index: QModelIndex) -> None:
        record_id = index.data(RECORD_ID_ROLE)
        if isinstance(record_id, int):
            self.record_activated.emit(record_id)
