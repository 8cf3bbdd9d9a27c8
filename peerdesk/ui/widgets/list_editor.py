"""The top of a window that edits a short list kept in Settings (conditions, projects, training
modules): a plain explanation, the list under an access-keyed caption, and a line for what
went wrong. Each window adds its own inputs and buttons below."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractItemModel, QItemSelection, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.ui import announcer
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.form_rows import FormRows
from peerdesk.ui.widgets.rows_model import RowsModel
from peerdesk.ui.widgets.tables import make_table

V = TypeVar("V")


def list_with_problem_line(
    owner: QWidget,
    layout: QVBoxLayout,
    intro: str,
    caption: str,
    name: str,
    model: QAbstractItemModel,
) -> tuple[QTableView, QLabel]:
    """Adds the intro, the captioned list showing `model` (its accessible name `name`) and
    the problem line to `layout`; returns the list and the problem line."""
    words = QLabel(intro)
    words.setWordWrap(True)
    layout.addWidget(words)
    label = QLabel(caption)
    layout.addWidget(label)
    table = make_table(name, owner)
    table.setModel(model)
    label.setBuddy(table)
    layout.addWidget(table, 1)
    problem = QLabel()
    problem.setObjectName("problem")
    problem.setWordWrap(True)
    # No fixed name: Qt reads the line's own words (a fixed "Result" hid them).
    layout.addWidget(problem)
    return table, problem


class ListEditing(Generic[V]):
    """What the windows that edit a short list share: a row of buttons, one for each change,
    and a Close that Enter never presses; the chosen entry; and making one change at a time,
    saying what happened (or why not, under the input it is about) and keeping the list in
    step. A window sets `model`, `table`, `rows`, `list_problem` and `row_type`, and has its
    own `reload` (which ends with `choose`) and `_show_selected`."""

    model: RowsModel[V]
    table: QTableView
    rows: FormRows
    list_problem: QLabel
    buttons: dict[str, QPushButton]
    #: The view a change returns when it makes or changes an entry (chosen after reloading).
    row_type: type

    def reload(self, select_id: int | None = None) -> None:
        raise NotImplementedError

    def _show_selected(self) -> None:
        raise NotImplementedError

    def add_buttons(
        self,
        owner: QWidget,
        layout: QVBoxLayout,
        specs: tuple[tuple[str, str, Callable[[], object]], ...],
    ) -> None:
        """A row of (key, words, slot) buttons that wraps at large text sizes, then Close."""
        holder = QWidget(owner)
        row = FlowLayout(holder)
        self.buttons = {}
        for key, words, slot in specs:
            button = QPushButton(words, holder)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        layout.addWidget(holder)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, owner)
        if isinstance(owner, QDialog):
            close.rejected.connect(owner.reject)
        # Enter after typing a name must not close the window (and lose what was typed):
        # no button is pressed by Enter here; each change has its own key.
        for pressed_by in close.buttons():
            if isinstance(pressed_by, QPushButton):
                pressed_by.setAutoDefault(False)
                pressed_by.setDefault(False)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def choose(self, select_id: int | None) -> None:
        """After the list is filled: choose the entry `select_id`, if it is there."""
        row = self.model.row_of(select_id) if select_id is not None else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_selected()

    def selected(self) -> V | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.table.currentIndex().isValid():
            return None
        return self.model.row_at(rows[0].row())

    def _on_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_selected()

    def _run(self, done: str, call: Callable[[], object]) -> None:
        """Make one change; show what happened, or why not, and keep the list in step."""
        self.rows.clear_problems()
        self.list_problem.clear()
        try:
            result = call()
        except ValidationError as error:
            # Under its input, said there (FormRows), or else on the line under the list.
            if not self.rows.show_problem(error.field, error.message):
                self._say_problem(error.message)
            return
        except PeerdeskError as error:
            self._say_problem(str(error))
            return
        self.reload(getattr(result, "id", None) if isinstance(result, self.row_type) else None)
        self.list_problem.setText(f"✓ {done}")
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        # The window stays open and the focus goes to the list: only this says it worked.
        announcer.announce(done, self.list_problem)

    def _say_problem(self, words: str) -> None:
        self.list_problem.setText(f"⚠ {words}")
        announcer.announce(f"Problem: {words}", self.list_problem, urgent=True)
