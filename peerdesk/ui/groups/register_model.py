"""The register of one meeting: who came, ticked; and whether each is new or returning."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from peerdesk.services.groups.views import RegisterCandidate
from peerdesk.ui.widgets.rows_model import ID_ROLE, Index


@dataclass
class RegisterLine:
    """A person on the register. `person_id` is None for someone new to peerdesk."""

    person_id: int | None
    name: str
    present: bool
    returning: bool = False
    is_member: bool = False

    @property
    def status(self) -> str:
        if self.person_id is None:
            return "New to peerdesk"
        if self.returning:
            return "Returning"
        return "New to the group"


class RegisterModel(QAbstractTableModel):
    NAME, STATUS = range(2)
    HEADINGS = ("Came (Space ticks)", "New or returning")
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[RegisterLine] = []

    # -- filling -------------------------------------------------------------------------
    def set_candidates(self, candidates: list[RegisterCandidate]) -> None:
        self.beginResetModel()
        self.lines = [
            RegisterLine(c.person_id, c.name, c.present, c.returning, c.is_member)
            for c in candidates
        ]
        self.endResetModel()
        self.changed.emit()

    def tick(self, person_id: int, name: str, returning: bool) -> int:
        """Mark a recorded person present (adding them if not listed); returns their row."""
        for row, line in enumerate(self.lines):
            if line.person_id == person_id:
                line.present = True
                self._row_changed(row)
                return row
        return self._append(RegisterLine(person_id, name, True, returning))

    def add_new_person(self, name: str) -> int:
        for row, line in enumerate(self.lines):
            if line.person_id is None and line.name.casefold() == name.casefold():
                return row
        return self._append(RegisterLine(None, name, True))

    def set_returning(self, returning_ids: set[int]) -> None:
        for line in self.lines:
            if line.person_id is not None:
                line.returning = line.person_id in returning_ids
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, 1))
        self.changed.emit()

    def remove_row(self, row: int) -> None:
        """New people typed by mistake are removed; recorded people are unticked."""
        if not 0 <= row < len(self.lines):
            return
        line = self.lines[row]
        if line.person_id is None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()
            self.changed.emit()
        else:
            line.present = False
            self._row_changed(row)

    # -- reading -------------------------------------------------------------------------
    def present_ids(self) -> list[int]:
        return [ln.person_id for ln in self.lines if ln.present and ln.person_id is not None]

    def new_people(self) -> list[str]:
        return [ln.name for ln in self.lines if ln.present and ln.person_id is None]

    def counts(self) -> tuple[int, int]:
        """(named people present, of whom new to the group)."""
        present = [ln for ln in self.lines if ln.present]
        return len(present), sum(1 for ln in present if not ln.returning)

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADINGS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        if role == ID_ROLE:
            return line.person_id
        if index.column() == self.NAME:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if line.present else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return line.name
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{line.name}, {'came' if line.present else 'not ticked'}"
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return line.status if line.present else ""
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != self.NAME
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self.lines[index.row()].present = checked
        self._row_changed(index.row())
        return True

    def _append(self, line: RegisterLine) -> int:
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(line)
        self.endInsertRows()
        self.changed.emit()
        return row

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, 1))
        self.changed.emit()
