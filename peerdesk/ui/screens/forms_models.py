"""Table models of the Forms screen: the forms, and the records a form can be filled in for."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from peerdesk.services.printing.views import FormChoice, SubjectChoice

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class FormListModel(QAbstractTableModel):
    TITLE, NAME = range(2)
    HEADERS = ("Form", "Name")

    def __init__(self, forms: list[FormChoice]) -> None:
        super().__init__()
        self._forms = forms

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._forms)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._forms):
            return None
        form = self._forms[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return form.title if index.column() == self.TITLE else form.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return form.summary
        if role == ID_ROLE:
            return form.name
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def form_at(self, row: int) -> FormChoice | None:
        return self._forms[row] if 0 <= row < len(self._forms) else None


class SubjectListModel(QAbstractTableModel):
    HEADERS = ("Who it is for",)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[SubjectChoice] = []

    def set_rows(self, rows: list[SubjectChoice]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.label
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[0] if section == 0 else None
        return None

    def choice_at(self, row: int) -> SubjectChoice | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
