"""Settings ▸ Conditions: the shared conditions list and its families, edited with the keyboard.

The Settings screen shows a short summary and a button; the list itself is edited in its own
window (`ConditionsDialog`), whose access keys are its own (Settings ▸ Lists opens it with
Alt+C). Each button is one service call (`services.conditions`), one transaction; a
refusal is shown under the input it is about, or under the list.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.services.people.views import ConditionItem, ConditionsList
from peerdesk.ui.widgets import FormRows
from peerdesk.ui.widgets.fit_screen import fit_to_screen
from peerdesk.ui.widgets.list_editor import ListEditing, list_with_problem_line
from peerdesk.ui.widgets.rows_model import Column, RowsModel

COLUMNS: list[Column[ConditionItem]] = [
    Column("Condition", lambda e: e.name, lambda e: e.name.casefold()),
    Column("Family", lambda e: e.family or "None", lambda e: e.family.casefold()),
    Column("People", lambda e: str(e.people), lambda e: e.people, numeric=True),
]


class ConditionsPanel(QGroupBox):
    """The Settings screen's part: what the list holds, and the way to edit it."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("Conditions", parent)
        self.services = services
        self.setAccessibleName("Conditions")
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.edit_button = QPushButton("Edit the &conditions list…")
        self.edit_button.clicked.connect(self._on_edit_clicked)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        layout.addLayout(row)

    def refresh(self) -> None:
        listing = self.services.conditions.listing()
        families = ", ".join(listing.families) or "none yet"
        self.summary.setText(
            f"One list of conditions for everyone: {len(listing.entries)} entries. Families "
            f"(matching sees conditions in one family as close): {families}."
        )

    def _on_edit_clicked(self) -> None:
        dialog = ConditionsDialog(self.services, self)
        dialog.exec()
        self.refresh()


class ConditionsDialog(QDialog, ListEditing[ConditionItem]):
    row_type = ConditionItem

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Conditions")
        layout = QVBoxLayout(self)
        self.model: RowsModel[ConditionItem] = RowsModel(COLUMNS, lambda e: e.id, self)
        self.table, self.list_problem = list_with_problem_line(
            self,
            layout,
            "Choose an entry, then change it below; or type a new name and add it. Entries in "
            "one family (e.g. Type 1 and Type 2 diabetes in Diabetes) count as close when "
            "finding a mentor. An entry that someone has cannot be removed: merge it instead.",
            "&Entries",
            "Entries",
            self.model,
        )
        form = QFormLayout()
        layout.addLayout(form)
        self.rows = FormRows(form)
        self.name = self.rows.add("&Name", QLineEdit(), field="name")
        self.family = self.rows.add(
            "&Family",
            QComboBox(),
            field="family",
            help_text="Choose a family, type a new one, or leave it empty for none.",
        )
        self.family.setEditable(True)
        self.into = self.rows.add("Merge &into", QComboBox(), field="into")
        self.add_buttons(
            self,
            layout,
            (
                ("add", "&Add", self._on_add_clicked),
                ("rename", "&Rename", self._on_rename_clicked),
                ("family", "Set famil&y", self._on_family_clicked),
                ("remove", "Re&move", self._on_remove_clicked),
                ("merge", "Mer&ge", self._on_merge_clicked),
            ),
        )
        self.listing = ConditionsList(entries=(), families=())
        self.reload()
        # As big as the list, its words and its buttons need at the text size in use (wrapped
        # lines included), never beyond the screen.
        fit_to_screen(self)

    # -- showing ---------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        self.listing = self.services.conditions.listing()
        self.model.set_rows(self.listing.entries)
        self.family.clear()
        self.family.addItem("")
        self.family.addItems(list(self.listing.families))
        self.choose(select_id)

    def _show_selected(self) -> None:
        entry = self.selected()
        self.name.setText(entry.name if entry else "")
        self.family.setCurrentText(entry.family if entry else "")
        self.into.clear()
        for other in self.listing.entries:
            if entry is not None and other.id != entry.id:
                self.into.addItem(other.name, other.id)
        for key in ("rename", "family", "remove", "merge"):
            self.buttons[key].setEnabled(entry is not None)
        self.buttons["merge"].setEnabled(entry is not None and self.into.count() > 0)

    # -- changing --------------------------------------------------------------------------
    def _on_add_clicked(self) -> None:
        name, family = self.name.text(), self.family.currentText()
        self._run(f"Added “{name.strip()}”.", lambda: self.services.conditions.add(name, family))

    def _on_rename_clicked(self) -> None:
        entry, name = self.selected(), self.name.text()
        if entry is not None:
            self._run(
                f"Renamed “{entry.name}” to “{name.strip()}”.",
                lambda: self.services.conditions.change_name(entry.id, name),
            )

    def _on_family_clicked(self) -> None:
        entry, family = self.selected(), self.family.currentText().strip()
        if entry is not None:
            done = (
                f"“{entry.name}” is in {family}." if family else f"“{entry.name}” is in no family."
            )
            self._run(done, lambda: self.services.conditions.set_family(entry.id, family))

    def _on_remove_clicked(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._run(f"Removed “{entry.name}”.", lambda: self.services.conditions.remove(entry.id))

    def _on_merge_clicked(self) -> None:
        entry, into = self.selected(), self.into.currentData()
        if entry is None or into is None:
            return
        target = self.into.currentText()
        who = (
            "Nobody has it yet"
            if not entry.people
            else ("1 person has it" if entry.people == 1 else f"{entry.people} people have it")
        )
        # Merging cannot be undone from here: say what it does first.
        answer = QMessageBox.question(
            self,
            "Merge entries",
            f"Merge “{entry.name}” into “{target}”? {who}; they will have “{target}” instead, "
            f"and “{entry.name}” leaves the list.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(
                f"Merged “{entry.name}” into “{target}”.",
                lambda: self.services.conditions.merge(entry.id, int(into)),
            )
