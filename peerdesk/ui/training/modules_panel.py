"""Settings ▸ Training modules: the course's modules, edited by keyboard.

The Settings screen shows a short summary and a button (Settings ▸ Lists, Alt+T); the list
is edited in its own window (`ModulesDialog`, also opened from the Training screen), whose
access keys are its own. Each button is one service call
(`services.training`), one change set in History; a refusal is shown under the input it is
about, or under the list. A retired module stays on the records that name it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.services.training.views import ModuleView
from peerdesk.ui.widgets import FormRows
from peerdesk.ui.widgets.fit_screen import fit_to_screen
from peerdesk.ui.widgets.list_editor import ListEditing, list_with_problem_line
from peerdesk.ui.widgets.rows_model import Column, RowsModel


def _refresher(module: ModuleView) -> str:
    return f"Every {module.refresher_months} months" if module.refresher_months else "None"


def _retired(module: ModuleView) -> str:
    if module.retired_on is None:
        return "Offered"
    return f"Retired {module.retired_on.day} {module.retired_on:%B %Y}"


COLUMNS: list[Column[ModuleView]] = [
    Column("Module", lambda m: m.name, lambda m: m.position),
    Column("Core or optional", lambda m: "Core" if m.is_core else "Optional", lambda m: m.is_core),
    Column("Refresher", _refresher, lambda m: m.refresher_months or 0),
    Column("Records", lambda m: str(m.records), lambda m: m.records, numeric=True),
    Column("Status", _retired, lambda m: m.retired_on is not None),
]


class ModulesPanel(QGroupBox):
    """The Settings screen's part: the modules in brief, and the way to edit them."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("Training modules", parent)
        self.services = services
        self.setAccessibleName("Training modules")
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.edit_button = QPushButton("Edit the &training modules…")
        self.edit_button.setAccessibleName("Edit the training modules")
        self.edit_button.clicked.connect(self._on_edit_clicked)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        modules = self.services.training.modules(include_retired=False)
        core = sum(m.is_core for m in modules)
        self.summary.setText(
            f"{len(modules)} modules offered, {core} of them core. A mentor is trained for "
            "pairing when every core module is done and in date (done again within its "
            "refresher period, when it has one)."
        )

    def _on_edit_clicked(self) -> None:
        ModulesDialog(self.services, self).exec()
        self.refresh()


class ModulesDialog(QDialog, ListEditing[ModuleView]):
    row_type = ModuleView

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Training modules")
        layout = QVBoxLayout(self)
        self.model: RowsModel[ModuleView] = RowsModel(COLUMNS, lambda m: m.id, self)
        self.table, self.list_problem = list_with_problem_line(
            self,
            layout,
            "Type a name and add it; or choose a module, change it and save the change, move "
            "it up or down, or retire it. A retired module stays on the training records that "
            "name it but is offered for no new training and no longer needed to be trained.",
            "&Modules",
            "Training modules",
            self.model,
        )
        form = QFormLayout()
        layout.addLayout(form)
        self.rows = FormRows(form)
        self.name = self.rows.add("&Name", QLineEdit(), field="name")
        self.core = self.rows.add_wide(QCheckBox("&Core: needed to be trained for pairing"))
        self.core.setChecked(True)
        self.refresher = self.rows.add(
            "Re&fresher (months; 0: none)", QSpinBox(), field="refresher_months"
        )
        self.refresher.setRange(0, 120)
        self.add_buttons(
            self,
            layout,
            (
                ("add", "&Add", self._on_add_clicked),
                ("save", "&Save the change", self._on_save_clicked),
                ("up", "Move &up", lambda: self._move(-1)),
                ("down", "Move do&wn", lambda: self._move(1)),
                ("retire", "Re&tire", self._on_retire_clicked),
                ("restore", "&Bring back", self._on_restore_clicked),
            ),
        )
        self.reload()
        # As big as the list, its words and its buttons need at the text size in use (wrapped
        # lines included), never beyond the screen.
        fit_to_screen(self)
        self.name.setFocus()

    def reload(self, select_id: int | None = None) -> None:
        self.model.set_rows(self.services.training.modules())
        self.choose(select_id)

    def _show_selected(self) -> None:
        module = self.selected()
        if module is not None:
            self.name.setText(module.name)
            self.core.setChecked(module.is_core)
            self.refresher.setValue(module.refresher_months or 0)
        for key in ("save", "up", "down"):
            self.buttons[key].setEnabled(module is not None)
        self.buttons["retire"].setEnabled(module is not None and not module.is_retired)
        self.buttons["restore"].setEnabled(module is not None and module.is_retired)

    def _on_add_clicked(self) -> None:
        name, core, months = self.name.text(), self.core.isChecked(), self.refresher.value()
        self._run(
            f"Added “{name.strip()}”.",
            lambda: self.services.training.add_module(
                name, is_core=core, refresher_months=months or None
            ),
        )

    def _on_save_clicked(self) -> None:
        module = self.selected()
        if module is None:
            return
        name, core, months = self.name.text(), self.core.isChecked(), self.refresher.value()
        self._run(
            f"Saved “{name.strip()}”.",
            lambda: self.services.training.update_module(
                module.id, name=name, is_core=core, refresher_months=months or None
            ),
        )

    def _move(self, step: int) -> None:
        module = self.selected()
        if module is not None:
            where = "down" if step > 0 else "up"
            self._run(
                f"Moved “{module.name}” {where}.",
                lambda: self.services.training.move_module(module.id, step),
            )

    def _on_retire_clicked(self) -> None:
        module = self.selected()
        if module is not None:
            self._run(
                f"“{module.name}” is retired: it stays on its records.",
                lambda: self.services.training.retire_module(module.id),
            )

    def _on_restore_clicked(self) -> None:
        module = self.selected()
        if module is not None:
            self._run(
                f"“{module.name}” is offered again.",
                lambda: self.services.training.restore_module(module.id),
            )
