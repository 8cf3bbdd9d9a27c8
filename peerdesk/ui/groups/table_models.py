"""Qt table models for the Groups screen: the groups list, a group's meetings, and people."""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from peerdesk.services.groups import GroupRow, MeetingRow
from peerdesk.ui.groups.words import KIND_WORDS, STATUS_WORDS, minutes, short_day

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
R = TypeVar("R")


class _RowsModel(QAbstractTableModel, Generic[R]):
    """Rows held in a list, one column per heading: what the three tables share."""

    HEADINGS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[R] = []

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADINGS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADINGS[section]
        return None


def _sort_date(value: date | None) -> str:
    return value.isoformat() if value else ""


class GroupsTableModel(_RowsModel[GroupRow]):
    NAME, KIND, WHEN, WHERE, FACILITATORS, LAST, NEXT, REGULARS, STATUS = range(9)
    HEADINGS = (
        "Group",
        "Kind",
        "Usually meets",
        "Where",
        "Facilitators",
        "Last meeting",
        "Next meeting",
        "Regulars",
        "Status",
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            if column == self.LAST:
                return _sort_date(row.last_meeting)
            if column == self.NEXT:
                return _sort_date(row.next_meeting) or "9999"
            if column == self.REGULARS:
                return row.regulars
            return str(self.data(index) or "").casefold()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        return None

    def _text(self, row: GroupRow, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.KIND:
            return KIND_WORDS[row.kind]
        if column == self.WHEN:
            return row.when_text or "No usual day"
        if column == self.WHERE:
            return row.where_text or "Not recorded"
        if column == self.FACILITATORS:
            return ", ".join(row.facilitators) or "None yet"
        if column == self.LAST:
            return short_day(row.last_meeting, "No meetings yet")
        if column == self.NEXT:
            return short_day(row.next_meeting, "—" if row.status != "running" else "No usual day")
        if column == self.REGULARS:
            return str(row.regulars)
        return STATUS_WORDS[row.status]


class GroupsFilterProxy(QSortFilterProxyModel):
    """Search by name, place or facilitator; closed groups hidden unless asked for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.show_closed = False
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.search = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_closed(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_closed = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, GroupsTableModel) or source_row >= len(model.rows):
            return True
        row = model.rows[source_row]
        if row.status == "closed" and not self.show_closed:
            return False
        return not self.search or self.search in row.search_text


class MeetingsTableModel(_RowsModel[MeetingRow]):
    DATE, ATTENDED, NAMED, UNNAMED, NEW, LENGTH, FACILITATORS, NOTE = range(8)
    HEADINGS = (
        "Date",
        "Attended",
        "Named",
        "Unnamed",
        "New",
        "Length",
        "Facilitators",
        "Note",
    )

    def row_of(self, meeting_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == meeting_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            values: tuple[Any, ...] = (
                row.meeting_date.isoformat(),
                row.total,
                row.named,
                row.unnamed,
                row.new_count,
                row.duration_minutes,
                ", ".join(row.facilitators).casefold(),
                row.note.casefold(),
            )
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.ATTENDED,
            self.NAMED,
            self.UNNAMED,
            self.NEW,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        return None

    def _text(self, row: MeetingRow, column: int) -> str:
        if column == self.DATE:
            return short_day(row.meeting_date)
        if column == self.ATTENDED:
            return str(row.total)
        if column == self.NAMED:
            return str(row.named)
        if column == self.UNNAMED:
            return str(row.unnamed)
        if column == self.NEW:
            return str(row.new_count)
        if column == self.LENGTH:
            return minutes(row.duration_minutes)
        if column == self.FACILITATORS:
            return ", ".join(row.facilitators) or "None recorded"
        note = " ".join(row.note.split())
        if row.concern_flag:
            note = "Concern raised. " + note
        return note if len(note) <= 80 else note[:79] + "…"


class PeopleTableModel(_RowsModel[tuple[int, str, str]]):
    """A short list of people (members, facilitators): name and one more fact."""

    def __init__(self, headings: tuple[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.HEADINGS = headings

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        person_id, name, extra = self.rows[index.row()]
        if role == ID_ROLE:
            return person_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return name if index.column() == 0 else extra
        return None
