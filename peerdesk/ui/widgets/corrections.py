"""Correcting a saved record from its page: Edit… and Remove… beside a record table, and the
small dialog that asks why a record is removed.

Every record page plugs its tables in the same way (a `CorrectionsBar` under the table): Enter or a double
click on a row opens the record in its own dialog, editing; Edit… does the same for the
chosen row; Remove… asks for the reason (required) and says exactly what else would go.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.record_table import RECORD_ID_ROLE, RecordTable


class ReasonDialog(RecordDialog):
    """Asks why, then does it with one service call `act(reason)` (which refuses a blank
    reason in plain words, shown under the input)."""

    def __init__(
        self,
        services: Services,
        act: Callable[[str], object],
        parent: QWidget | None = None,
        *,
        title: str,
        intro: str,
        accept_text: str,
        placeholder: str = "Entered in error: wrong person",
    ) -> None:
        super().__init__(services, parent, title=title, intro=intro, accept_text=accept_text)
        self._act = act
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(placeholder)
        self.rows.add("&Why", self.reason, field="reason")

    def write(self) -> None:
        self._act(self.reason.text())


class RemoveDialog(ReasonDialog):
    """Remove `what` (entered in error), saying what else goes with it (`also`), asked once."""

    def __init__(
        self,
        services: Services,
        what: str,
        remove: Callable[[str], object],
        parent: QWidget | None = None,
        *,
        also: Sequence[str] = (),
    ) -> None:
        intro = (
            f"This removes {what}, for a record entered in error. The history keeps a note "
            "of it with the reason you give."
        )
        if also:
            intro += "\n\nThese go with it:\n" + "\n".join(f"• {line}" for line in also)
        super().__init__(
            services, remove, parent, title=f"Remove {what}", intro=intro, accept_text="&Remove"
        )


def offer_removal(
    dialog: RecordDialog,
    what: str,
    remove: Callable[[str], object],
    *,
    also: Sequence[str] = (),
) -> QPushButton:
    """A "Remove…" button in an editing dialog (for records listed where a row has no
    buttons of its own, like a pairing's timeline): it asks why, and once removed the
    editing dialog closes as saved, so the page shows the record gone."""
    button = dialog.buttons.addButton("Re&move…", QDialogButtonBox.ButtonRole.DestructiveRole)
    button.setAutoDefault(False)

    def ask() -> None:
        if run(RemoveDialog(dialog.services, what, remove, dialog, also=also)):
            dialog.mark_saved()
            dialog.done(QDialog.DialogCode.Accepted)

    button.clicked.connect(ask)
    return button


def chosen_record(table: RecordTable) -> int | None:
    """The id of the row chosen in `table`, or None."""
    index = table.currentIndex()
    if not index.isValid() or not table.selectionModel().isSelected(index):
        return None
    record_id = index.siblingAtColumn(0).data(RECORD_ID_ROLE)
    return record_id if isinstance(record_id, int) else None


class CorrectionsBar(QWidget):
    """Edit… and Remove… for a record table's chosen row (enabled while a row is chosen);
    Enter or a double click on a row edits it too. `what` names the record for screen
    readers ("training record")."""

    def __init__(
        self,
        table: RecordTable,
        edit: Callable[[int], object],
        remove: Callable[[int], object],
        *,
        what: str,
    ) -> None:
        super().__init__()
        self.table = table
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit_button = QPushButton("Edit…", self)
        self.edit_button.setAccessibleName(f"Edit the chosen {what}")
        self.remove_button = QPushButton("Remove…", self)
        self.remove_button.setAccessibleName(f"Remove the chosen {what}")
        layout.addWidget(self.edit_button)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.edit_button.clicked.connect(lambda: self._on_chosen(edit))
        self.remove_button.clicked.connect(lambda: self._on_chosen(remove))
        table.record_activated.connect(edit)
        table.selectionModel().selectionChanged.connect(self._refresh)
        table.table_model.modelReset.connect(self._refresh)
        self._refresh()

    def _on_chosen(self, act: Callable[[int], object]) -> None:
        record_id = chosen_record(self.table)
        if record_id is not None:
            act(record_id)

    def _refresh(self, *_args: object) -> None:
        chosen = chosen_record(self.table) is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)


def run(dialog: QDialog) -> bool:
    """Show `dialog` and say whether it saved."""
    return dialog.exec() == QDialog.DialogCode.Accepted
