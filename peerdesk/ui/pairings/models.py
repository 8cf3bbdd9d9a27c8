"""Table models of the Pairings feature. Each row is a plain record from a service; the
record's id is in ID_ROLE and a sortable key in SORT_ROLE (dates sort as dates)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from peerdesk.services.matching import IneligibleMentor, RankedMentor
from peerdesk.services.pairing_lists import PairingRow, TimelineEntry, WaitingRow
from peerdesk.services.sessions import SessionRow
from peerdesk.ui.pairings.words import clock, day, label, minutes, sort_day
from peerdesk.vocabulary import MeetingMode, PairingStatus, SessionStatus, SupportedAs

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column(Generic[T]):
    heading: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None


class RowsModel(QAbstractTableModel, Generic[T]):
    def __init__(
        self,
        columns: Sequence[Column[T]],
        id_of: Callable[[T], int],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.id_of = id_of
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].heading
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return column.text(row)
        if role == ID_ROLE:
            return self.id_of(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort is not None else column.text(row).casefold()
        return None


def sorting_proxy(
    model: QAbstractTableModel, parent: QObject | None = None
) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def _status(row: PairingRow) -> str:
    text = PairingStatus(row.status).label
    return f"{text} (carer)" if row.supported_as == SupportedAs.CARER else text


PAIRING_COLUMNS: list[Column[PairingRow]] = [
    Column("Ref", lambda r: r.reference, lambda r: r.id),
    Column("Mentor", lambda r: r.mentor_name),
    Column("Mentee or carer", lambda r: r.mentee_name),
    Column("Status", _status, lambda r: list(PairingStatus).index(PairingStatus(r.status))),
    Column("Started", lambda r: day(r.start_date, "Not started"), lambda r: sort_day(r.start_date)),
    Column(
        "Last session", lambda r: day(r.last_held, "None held yet"), lambda r: sort_day(r.last_held)
    ),
    Column("Next planned", lambda r: day(r.next_planned, ""), lambda r: sort_day(r.next_planned)),
    Column("Held", lambda r: str(r.sessions_held), lambda r: r.sessions_held),
]

WAITING_COLUMNS: list[Column[WaitingRow]] = [
    Column("Name", lambda r: r.name),
    Column("Supported as", lambda r: SupportedAs(r.supported_as).label),
    Column("Referred", lambda r: day(r.referral_date), lambda r: sort_day(r.referral_date)),
    Column("Waiting", lambda r: f"{r.days_waiting} days", lambda r: r.days_waiting),
    Column("Area", lambda r: r.area or "Not recorded"),
    Column("Conditions", lambda r: r.conditions or "Not recorded"),
]


def _session_status(row: SessionRow) -> str:
    text = SessionStatus(row.status).label
    return f"{text} ⚑ concern" if row.concern_flag else text


SESSION_COLUMNS: list[Column[SessionRow]] = [
    Column(
        "Date",
        lambda r: day(r.session_date),
        lambda r: (sort_day(r.session_date), clock(r.start_time)),
    ),
    Column("Time", lambda r: clock(r.start_time)),
    Column("Pairing", lambda r: f"{r.pairing_reference} {r.mentor_name} and {r.mentee_name}"),
    Column("Status", _session_status),
    Column("How", lambda r: label(MeetingMode, r.mode)),
    Column("Length", lambda r: minutes(r.duration_minutes), lambda r: r.duration_minutes),
    Column("Note", lambda r: r.note.replace("\n", " ")[:120]),
]

TIMELINE_COLUMNS: list[Column[TimelineEntry]] = [
    Column("Date", lambda e: day(e.on), lambda e: sort_day(e.on)),
    Column("What happened", lambda e: e.title),
    Column("Details", lambda e: e.detail.replace("\n", " ")),
]

MATCH_COLUMNS: list[Column[RankedMentor]] = [
    Column("Rank", lambda m: "", None),
    Column("Mentor", lambda m: m.name),
    Column("Score", lambda m: str(m.score), lambda m: m.score),
    Column("Places free", lambda m: f"{m.spare} of {m.capacity}", lambda m: m.spare),
    Column("Why", lambda m: m.summary),
]

INELIGIBLE_COLUMNS: list[Column[IneligibleMentor]] = [
    Column("Mentor", lambda m: m.name),
    Column("Why not now", lambda m: m.summary),
]


class RankedModel(RowsModel[RankedMentor]):
    """The ranked mentors; the first column shows the rank (1 is the best match)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and index.column() == 0
            and role
            in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.AccessibleTextRole,
                SORT_ROLE,
            )
        ):
            rank = index.row() + 1
            return rank if role == SORT_ROLE else str(rank)
        return super().data(index, role)
