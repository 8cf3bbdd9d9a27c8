"""Problems found while reading or checking a file, each tied to a row and a column."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from peerdesk.errors import PeerdeskError


class Severity(StrEnum):
    #: The import cannot go ahead until this is fixed (in the file or the mapping).
    BLOCKING = "blocking"
    #: Worth a look, but the import can go ahead (an ambiguous date, a skipped totals row).
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, in words a coordinator can act on.

    `row` is the row number the spreadsheet program shows (1-based), 0 for the file itself;
    `column` is the column heading as written in the file (or its letter when it has none).
    """

    message: str
    row: int = 0
    column: str = ""
    sheet: str = ""
    severity: Severity = Severity.BLOCKING

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.BLOCKING

    def where(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.row:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts) if parts else "the file"

    def line(self) -> str:
        kind = "Problem" if self.blocking else "Note"
        return f"{kind} ({self.where()}): {self.message}"


class FileUnreadable(PeerdeskError):
    """The file cannot be read at all (not a spreadsheet, damaged, password-protected)."""
