"""The People list as a Qt table model, and the proxy that searches and filters it in memory.

Every row comes from one `services.people.list_rows()` call; typing in the search box filters
those rows in memory (no database query per keystroke), so 10,000 people stay instant.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from peerdesk.services.people import PersonRow
from peerdesk.vocabulary import Role

Index = QModelIndex | QPersistentModelIndex

#: Column numbers and headings.
NAME, ROLES, STATUS, AREA, PHONE = range(5)
HEADINGS = ("Name", "Roles", "Status", "Area", "Phone")

#: The person's id, for opening their page.
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The whole PersonRow, for filters.
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


_PHONE_CHARACTERS = frozenset("0123456789+()-.")


def roles_text(roles: tuple[str, ...]) -> str:
    return ", ".join(Role(role).label for role in roles) if roles else "No current role"


class PeopleTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonRow] = []

    def set_rows(self, rows: list[PersonRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_for(self, person_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == person_id:
                return number
        return None

    def row_at(self, number: int) -> PersonRow:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADINGS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADINGS)
        ):
            return HEADINGS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return f"{row.name}: {row.status}"
        if role == PERSON_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        return None

    @staticmethod
    def _text(row: PersonRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == ROLES:
            return roles_text(row.roles)
        if column == STATUS:
            return row.status
        if column == AREA:
            return row.area or "Not recorded"
        if column == PHONE:
            return row.phone or "No phone"
        return ""


class PeopleFilterProxy(QSortFilterProxyModel):
    """Search over names, phone, email and postcode; filter by role, status, condition, area."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.role: str | None = None
        self.status: str | None = None
        self.condition: str | None = None
        self.area: str | None = None
        self.include_archived = False
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)

    def set_search(self, text: str) -> None:
        words = []
        for word in text.casefold().split():
            # Phone numbers and postcodes are matched without their spaces and punctuation.
            if all(ch in _PHONE_CHARACTERS for ch in word):
                word = "".join(ch for ch in word if ch.isdigit()) or word
            words.append(word)
        self._set(lambda: setattr(self, "_words", words))

    def set_filters(
        self,
        *,
        role: str | None = None,
        status: str | None = None,
        condition: str | None = None,
        area: str | None = None,
        include_archived: bool = False,
    ) -> None:
        def apply() -> None:
            self.role, self.status = role, status
            self.condition, self.area = condition, area
            self.include_archived = include_archived

        self._set(apply)

    def _set(self, change: Any) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PeopleTableModel) or source_parent.isValid():
            return False
        row = model.row_at(source_row)
        if row.archived and not self.include_archived and self.status != "Archived":
            return False
        if self.role is not None and self.role not in row.roles:
            return False
        if self.status is not None and row.status != self.status:
            return False
        if self.condition is not None and self.condition not in row.conditions:
            return False
        if self.area is not None and row.area != self.area:
            return False
        if self._words:
            haystack = row.search_text
            return all(word in haystack for word in self._words)
        return True
