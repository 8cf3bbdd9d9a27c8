"""A small read-only table of records (training, supervision, pairings...) on a record page.

Rows are plain strings with the record's id kept in a custom role; activating a row (double
click or Enter) emits `record_activated(id)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableView, QWidget

from peerdesk.ui.widgets.rows_model import ID_ROLE, Column, Index, RowsModel
from peerdesk.ui.widgets.tables import set_up_table

#: A row of a record table: the record's id and the words of each cell.
RecordRow = tuple[int, Sequence[str]]
RECORD_ID_ROLE = ID_ROLE


def _cell(number: int) -> Callable[[RecordRow], str]:
    return lambda row: row[1][number] if number < len(row[1]) else ""


class RecordTableModel(RowsModel[RecordRow]):
    """The rows model with one column per heading, each row's words already written."""

    def __init__(self, headings: tuple[str, ...], parent: QObject | None = None) -> None:
        columns = [Column(heading, _cell(number)) for number, heading in enumerate(headings)]
        super().__init__(columns, lambda row: row[0], parent)
        self.headings = headings
        #: Records shown struck through (a consent entered in error: kept, no longer counted).
        self.struck: frozenset[int] = frozenset()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.FontRole
            and index.isValid()
            and self.id_of(self.row_at(index.row())) in self.struck
        ):
            font = QFont()
            font.setStrikeOut(True)
            return font
        return super().data(index, role)


class RecordTable(QTableView):
    """A table that shows all its rows (the page scrolls, not the table)."""

    record_activated = Signal(int)

    def __init__(
        self, headings: tuple[str, ...], accessible_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.table_model = RecordTableModel(headings, self)
        self.setModel(self.table_model)
        set_up_table(self, accessible_name)
        # Long words wrap; `set_rows` fits the rows to them (record tables are short).
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.activated.connect(self._on_row_activated)
        # Columns wider than a narrow window scroll sideways: the bar then needs its own room
        # (it covered the only row, and the headings, of an empty table in a dialog).
        self.horizontalScrollBar().rangeChanged.connect(self._on_sideways_range_changed)

    def set_rows(self, rows: Sequence[RecordRow], *, struck: Iterable[int] = ()) -> None:
        """Show `rows`; those whose id is in `struck` are struck through (their words must
        say why too: a screen reader does not read the line)."""
        self.table_model.struck = frozenset(struck)
        self.table_model.set_rows(rows)
        self.resizeRowsToContents()
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        for row in range(self.table_model.rowCount()):
            height += self.rowHeight(row)
        sideways = self.horizontalScrollBar()
        if sideways.maximum() > 0:
            height += sideways.sizeHint().height()
        return QSize(super().sizeHint().width(), height + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _on_sideways_range_changed(self, _least: int, _most: int) -> None:
        self.updateGeometry()

    def _on_row_activated(self, index: QModelIndex) -> None:
        record_id = index.data(RECORD_ID_ROLE)
        if isinstance(record_id, int):
            self.record_activated.emit(record_id)
