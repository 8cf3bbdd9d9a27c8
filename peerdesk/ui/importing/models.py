"""Table models of the import assistant: the file's columns, its first rows, the plan, problems."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from peerdesk.services.importing.views import (
    FIELDS,
    Action,
    ImportPreview,
    PlannedRow,
    Problem,
    Sheet,
    SheetKind,
    SheetMapping,
    headers,
    text_of,
)

Index = QModelIndex | QPersistentModelIndex
NOT_IMPORTED = "Not imported"
PREVIEW_ROWS = 30


def field_labels(kind: SheetKind | None) -> dict[str, str]:
    return {spec.key: spec.label for spec in FIELDS[kind]} if kind else {}


class _Table(QAbstractTableModel):
    HEADINGS: tuple[str, ...] = ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADINGS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADINGS[section] if section < len(self.HEADINGS) else None
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def _rows(self) -> list[Any]:
        raise NotImplementedError


class ColumnsModel(_Table):
    """One row per column of the sheet: its heading, examples, and what it is imported as."""

    HEADINGS = ("Column in your file", "Examples", "Imported as")

    def __init__(self) -> None:
        super().__init__()
        self.sheet: Sheet | None = None
        self.mapping: SheetMapping | None = None
        self.names: list[str] = []

    def set_sheet(self, sheet: Sheet | None, mapping: SheetMapping | None) -> None:
        self.beginResetModel()
        self.sheet, self.mapping = sheet, mapping
        self.names = headers(sheet, mapping.header_row - 1) if sheet and mapping else []
        self.endResetModel()

    def _rows(self) -> list[str]:
        return self.names

    def field_of(self, row: int) -> str:
        if self.mapping is None or not 0 <= row < len(self.names):
            return ""
        return self.mapping.columns.get(self.names[row], "")

    def set_field(self, row: int, key: str) -> None:
        if self.mapping is None or not 0 <= row < len(self.names):
            return
        self.mapping.columns[self.names[row]] = key
        index = self.index(row, 2)
        self.dataChanged.emit(index, index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        heading = self.names[index.row()]
        if index.column() == 0:
            return heading
        if index.column() == 1:
            return ", ".join(self._examples(index.row())) or "(empty)"
        key = self.field_of(index.row())
        return field_labels(self.mapping.kind if self.mapping else None).get(key, NOT_IMPORTED)

    def _examples(self, column: int) -> list[str]:
        if self.sheet is None or self.mapping is None:
            return []
        found: list[str] = []
        for r in range(self.mapping.header_row, len(self.sheet.rows)):
            text = text_of(self.sheet.cell(r, column))
            if text and text not in found:
                found.append(text[:30])
            if len(found) == 3:
                break
        return found


class SheetPreviewModel(_Table):
    """The first rows under the headings, with each heading showing what it becomes (live)."""

    def __init__(self) -> None:
        super().__init__()
        self.sheet: Sheet | None = None
        self.mapping: SheetMapping | None = None
        self.names: list[str] = []

    def set_sheet(self, sheet: Sheet | None, mapping: SheetMapping | None) -> None:
        self.beginResetModel()
        self.sheet, self.mapping = sheet, mapping
        self.names = headers(sheet, mapping.header_row - 1) if sheet and mapping else []
        self.endResetModel()

    def refresh(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.names) - 1))

    def _rows(self) -> list[int]:
        if self.sheet is None or self.mapping is None:
            return []
        start = self.mapping.header_row
        return list(range(start, min(len(self.sheet.rows), start + PREVIEW_ROWS)))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.names)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            rows = self._rows()
            return rows[section] + 1 if section < len(rows) else None
        if section >= len(self.names) or self.mapping is None:
            return None
        key = self.mapping.columns.get(self.names[section], "")
        label = field_labels(self.mapping.kind).get(key, NOT_IMPORTED)
        return f"{self.names[section]}\n→ {label}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole or self.sheet is None:
            return None
        return text_of(self.sheet.cell(self._rows()[index.row()], index.column()))[:100]


class PlanModel(_Table):
    """What will happen to each row."""

    HEADINGS = ("Sheet", "Row", "What", "Details", "Will happen", "Likely duplicate of")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PlannedRow] = []

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        self.rows = list(preview.rows) if preview else []
        self.endResetModel()

    def _rows(self) -> list[PlannedRow]:
        return self.rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        action = row.choice.label if row.choice is not None else row.action.label
        duplicate = f"{row.duplicate.name} ({row.duplicate.reason})" if row.duplicate else ""
        if row.action is Action.UNCHANGED and row.duplicate:
            duplicate = f"{row.duplicate.name} (already there)"
        return (row.sheet, row.row, row.what, row.description, action, duplicate)[index.column()]


class ProblemsModel(_Table):
    HEADINGS = ("Sheet", "Row", "Column", "Problem")

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[Problem] = []

    def set_problems(self, problems: list[Problem]) -> None:
        self.beginResetModel()
        self.problems = list(problems)
        self.endResetModel()

    def _rows(self) -> list[Problem]:
        return self.problems

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self.problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = "" if problem.blocking else "Note: "
            values = (problem.sheet, problem.row or "", problem.column, kind + problem.message)
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem.message
        return None
