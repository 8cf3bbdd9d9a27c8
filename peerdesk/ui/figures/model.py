"""Table model of figure rows: figure, breakdown, this period, previous period."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from peerdesk.services.figures.views import ORGANISATION_WIDE, bucket_label, figure_label, money

FIGURE, BREAKDOWN, THIS, PREVIOUS = range(4)
HEADERS = ("Figure", "Breakdown", "This period", "Previous period")
#: The figure key (e.g. "sessions_by_mode") behind a row.
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def shown(value: Any, figure: str = "") -> str:
    """A value as the coordinator reads it (money in pounds); never "None"."""
    if figure == "expenses_paid_pence" and isinstance(value, int):
        return money(value)
    if value is None or value == "":
        return "not given (too few people)"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


@dataclass(frozen=True)
class Line:
    section: str
    figure: str
    breakdown: str
    value: Any
    previous: Any = ""


class FigureRowsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []
        self._has_previous = False

    def set_lines(self, lines: list[Line], *, has_previous: bool) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._has_previous = has_previous
        self.endResetModel()

    def line(self, row: int) -> Line:
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == FIGURE:
                return figure_label(line.figure)
            if column == BREAKDOWN:
                return bucket_label(line.figure, line.breakdown) if line.breakdown else ""
            if column == THIS:
                return shown(line.value, line.figure)
            if column == PREVIOUS:
                return shown(line.previous, line.figure) if self._has_previous else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (THIS, PREVIOUS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KEY_ROLE:
            return line.figure
        if role == SECTION_ROLE:
            return line.section
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(line.value, str):
            if line.value == ORGANISATION_WIDE:
                return "Counted for the whole organisation only: choose All projects."
            return "Hidden to protect small numbers (publishable figures)."
        return None
