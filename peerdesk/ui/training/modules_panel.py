"""Settings ▸ Training modules: the course's modules, edited by keyboard.

The Settings screen shows a short summary and a button (it has no access keys to spare, so
Tab reaches it); the list is edited in its own window (`ModulesDialog`, also opened from the
Training screen), whose access keys are its own. Each button is one service call
(`services.training`), one change set in History; a refusal is shown under the input it is
about, or under the list. A retired module stays on the records that name it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
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

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.services.training.views import ModuleView
from peerdesk.ui.widgets import FormRows
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.list_editor import list_with_problem_line
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
        self.edit_button = QPushButton("Edit the training modules…")
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


class ModulesDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Training modules")
        self.resize(720, 560)
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
        holder = QWidget()
        row = FlowLayout(holder)
        self.buttons: dict[str, QPushButton] = {}
        for key, words, slot in (
            ("add", "&Add", self._on_add_clicked),
            ("save", "&Save the change", self._on_save_clicked),
            ("up", "Move &up", lambda: self._move(-1)),
            ("down", "Move do&wn", lambda: self._move(1)),
            ("retire", "Re&tire", self._on_retire_clicked),
            ("restore", "&Bring back", self._on_restore_clicked),
        ):
            button = QPushButton(words)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        layout.addWidget(holder)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        # Enter after typing a name must not close the window: each change has its own key.
        for pressed_by in close.buttons():
            if isinstance(pressed_by, QPushButton):
                pressed_by.setAutoDefault(False)
                pressed_by.setDefault(False)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.reload()
        self.name.setFocus()

    def reload(self, select_id: int | None = None) -> None:
        self.model.set_rows(self.services.training.modules())
        row = self.model.row_of(select_id) if select_id is not None else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_selected()

    def selected(self) -> ModuleView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.table.currentIndex().isValid():
            return None
        return self.model.row_at(rows[0].row())

    def _on_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_selected()

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

    def _run(self, done: str, call: Callable[[], object]) -> None:
        """Make one change; show what happened, or why not, and keep the list in step."""
        self.rows.clear_problems()
        self.list_problem.clear()
        try:
            result = call()
        except ValidationError as error:
            if not self.rows.show_problem(error.field, error.message):
                self.list_problem.setText(f"⚠ {error.message}")
            return
        except PeerdeskError as error:
            self.list_problem.setText(f"⚠ {error}")
            return
        self.reload(result.id if isinstance(result, ModuleView) else None)
        self.list_problem.setText(f"✓ {done}")
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

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
