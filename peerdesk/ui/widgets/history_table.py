"""A record's history on its page: every change set that touched it, newest first, in plain
words ("Training date changed from 2 April 2026 to 3 March 2026"), when, by whom and why.

The page hands it the change sets the history service found (`show(views)`); it keeps no
state of its own, so showing again after a change is all a page does.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.services.history.views import ChangeSetView
from peerdesk.ui.widgets.record_table import RecordTable

HEADINGS = ("When", "What", "By", "Why")


def change_words(change: ChangeSetView) -> str:
    """The change set's description, then what it changed field by field."""
    lines = [words for line in change.lines for words in line.words]
    if change.description:
        lines = [change.description, *(w for w in lines if w != change.description)]
    return "\n".join(dict.fromkeys(lines)) or change.summary


class HistoryTable(QWidget):
    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel("No changes recorded yet.")
        self.table = RecordTable(HEADINGS, accessible_name)
        self.table.setWordWrap(True)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)

    def show_changes(self, changes: Sequence[ChangeSetView]) -> None:
        newest_first = sorted(changes, key=lambda c: (c.made_at, c.id), reverse=True)
        self.table.set_rows(
            [
                (
                    change.id,
                    (change.when_text, change_words(change), change.changed_by, change.reason),
                )
                for change in newest_first
            ]
        )
        self.table.setVisible(bool(newest_first))
        self.empty.setVisible(not newest_first)

    def lines(self) -> list[str]:
        """The "What" of each row, newest first (what a screen reader reads out)."""
        model = self.table.table_model
        return [model.index(row, 1).data() for row in range(model.rowCount())]
