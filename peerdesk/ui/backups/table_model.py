"""The list of backups: when (in plain words), why, size, what it holds."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from peerdesk.services.safety.views import BackupInfo

WHEN, WHY, SIZE, HOLDS = range(4)
#: Said of a backup an older peerdesk made under an older name (see docs/data-safety.md).
ADOPTED = (
    "Made by an earlier version of peerdesk, under an older kind of name; it was renamed and "
    "added to this database's backups when peerdesk was updated."
)
HEADERS = ("Made", "Why", "Size", "Holds")
PATH_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class BackupTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupInfo] = []
        self._now = datetime.now()

    def set_backups(self, backups: list[BackupInfo], now: datetime | None = None) -> None:
        self.beginResetModel()
        self._rows = list(backups)
        self._now = now or datetime.now()
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        if role == PATH_ROLE:
            return str(info.path)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path) + (f"\n{ADOPTED}" if info.adopted else "")
        if role == Qt.ItemDataRole.UserRole and index.column() == WHEN:
            return info.made_at.isoformat()
        if role == Qt.ItemDataRole.UserRole and index.column() == SIZE:
            return info.size_bytes
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == WHEN:
            text = info.when_text(self._now)
            return text[:1].upper() + text[1:]
        if column == WHY:
            return info.reason_text
        if column == SIZE:
            return info.size_text
        if column == HOLDS:
            return info.counts_text
        return None
