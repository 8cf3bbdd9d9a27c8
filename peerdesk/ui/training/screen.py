"""The Training screen: the training matrix (current mentors and facilitators × the modules,
each cell in words: done with its day, due, expired, not done) and the training sessions,
with Record a training session…, edit and remove (with a reason), and the chosen session's
history."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.training.views import TrainingMatrix, TrainingSessionView
from peerdesk.ui.messages import show_problem
from peerdesk.ui.screens.base import Screen
from peerdesk.ui.training.modules_panel import ModulesDialog
from peerdesk.ui.training.session_dialog import TrainingSessionDialog
from peerdesk.ui.widgets import RecordTable
from peerdesk.ui.widgets.corrections import CorrectionsBar, RemoveDialog, chosen_record, run
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.history_table import HistoryTable
from peerdesk.ui.widgets.list_rows import keep_rows
from peerdesk.ui.widgets.tables import set_up_table
from peerdesk.ui.widgets.words import table_day

SESSION_HEADINGS = ("Date", "Modules", "Trainer", "Attended", "Completed")


class MatrixTable(QTableWidget):
    """The matrix: one row per volunteer; the cells say their state in words (never colour
    alone, so it reads the same in high contrast and to a screen reader)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_up_table(self, "Training matrix")

    def show_matrix(self, matrix: TrainingMatrix) -> None:
        headings = ["Volunteer", "Trained for pairing"] + [
            m.name if m.is_core else f"{m.name} (optional)" for m in matrix.modules
        ]
        self.clear()
        self.setColumnCount(len(headings))
        self.setHorizontalHeaderLabels(headings)
        self.setRowCount(len(matrix.rows))
        for row, line in enumerate(matrix.rows):
            trained = "Yes" if line.trained else "No: " + "; ".join(line.gaps)
            words = [line.name, trained, *(c.words for c in line.cells)]
            for column, text in enumerate(words):
                self.setItem(row, column, QTableWidgetItem(text))
        self.resizeRowsToContents()
        keep_rows(self)  # the column headings (their height) are known now

    def cell_words(self, name: str, heading: str) -> str:
        """What the matrix says for one volunteer and one column (tests and screen readers)."""
        columns = [self._text(self.horizontalHeaderItem(c)) for c in range(self.columnCount())]
        for row in range(self.rowCount()):
            if self._text(self.item(row, 0)) == name:
                return self._text(self.item(row, columns.index(heading)))
        raise KeyError(name)

    @staticmethod
    def _text(item: QTableWidgetItem | None) -> str:
        return item.text() if item is not None else ""


class TrainingScreen(Screen):
    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__(services, settings)
        self.sessions_shown: list[TrainingSessionView] = []
        self.dialog: TrainingSessionDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Training</h2>"))
        holder = QWidget()
        buttons = FlowLayout(holder)
        self.new_button = QPushButton("Record a train&ing session…")
        self.modules_button = QPushButton("Training mo&dules…")
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.modules_button)
        layout.addWidget(holder)
        layout.addWidget(QLabel("<h3>Training matrix</h3>"))
        explain = QLabel(
            "Current mentors and facilitators. A module with a refresher is due in the "
            "days before it must be done again, and expired from that day."
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.matrix = MatrixTable(self)
        # Eight rows at least (the screen scrolls as a whole below that): squeezed by the
        # sessions under it, at the largest text the matrix showed under two.
        keep_rows(self.matrix)
        layout.addWidget(self.matrix, 2)
        layout.addWidget(QLabel("<h3>Training sessions</h3>"))
        self.empty = QLabel("No training sessions yet. Choose Record a training session.")
        layout.addWidget(self.empty)
        self.table = RecordTable(SESSION_HEADINGS, "Training sessions")
        layout.addWidget(self.table)
        self.corrections = CorrectionsBar(
            self.table, self.edit_session, self.remove_session, what="training session"
        )
        self.corrections.edit_button.setText("Edi&t session…")
        self.corrections.remove_button.setText("Re&move session…")
        layout.addWidget(self.corrections)
        layout.addWidget(QLabel("<h3>History of the chosen session</h3>"))
        self.history = HistoryTable("History of the chosen training session")
        layout.addWidget(self.history)
        layout.addStretch(1)
        self.new_button.clicked.connect(lambda: self.new_session())
        self.modules_button.clicked.connect(self.open_modules)
        self.table.selectionModel().selectionChanged.connect(self._on_chosen)
        self.table.table_model.modelReset.connect(self._on_chosen)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            keep_rows(self.matrix)

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        chosen = chosen_record(self.table)
        self.matrix.show_matrix(self.services.training.matrix())
        self.sessions_shown = list(self.services.training.sessions())
        self.table.set_rows(
            [
                (
                    s.id,
                    (
                        table_day(s.session_date),
                        ", ".join(s.module_names),
                        s.trainer_words,
                        ", ".join(a.name for a in s.attendees),
                        str(sum(a.completed for a in s.attendees)),
                    ),
                )
                for s in self.sessions_shown
            ]
        )
        self.table.setVisible(bool(self.sessions_shown))
        self.empty.setVisible(not self.sessions_shown)
        if chosen is not None:
            self.choose(chosen)
        self._on_chosen()

    def choose(self, session_id: int) -> None:
        model = self.table.table_model
        for row in range(model.rowCount()):
            if model.id_of(model.row_at(row)) == session_id:
                self.table.selectRow(row)
                return

    def _on_chosen(self, *_args: object) -> None:
        session_id = chosen_record(self.table)
        changes = (
            self.services.training.session_history(session_id) if session_id is not None else []
        )
        self.history.show_changes(changes)

    # -- acting ----------------------------------------------------------------------------
    def new_record(self) -> bool:
        self.new_session()
        return True

    def new_session(self) -> TrainingSessionDialog:
        return self._open(TrainingSessionDialog(self.services, self))

    def edit_session(self, session_id: int) -> TrainingSessionDialog | None:
        try:
            view = self.services.training.session(session_id)
        except PeerdeskError as error:
            show_problem(self, "Edit training session", error)
            return None
        dialog = TrainingSessionDialog(self.services, self)
        dialog.edit(
            session_id, view, title=f"Edit the training session on {table_day(view.session_date)}"
        )
        return self._open(dialog)

    def remove_session(self, session_id: int) -> None:
        view = next((s for s in self.sessions_shown if s.id == session_id), None)
        if view is None:
            return
        records = len(view.attendees) * len(view.module_ids)
        also = [f"its {records} training records ({len(view.attendees)} people)"]
        what = f"the training session on {table_day(view.session_date)}"
        remove = lambda reason: self.services.training.remove_session(session_id, reason)  # noqa: E731
        if run(RemoveDialog(self.services, what, remove, self, also=also)):
            self.refresh()

    def open_modules(self) -> None:
        ModulesDialog(self.services, self).exec()
        self.refresh()

    def _open(self, dialog: TrainingSessionDialog) -> TrainingSessionDialog:
        dialog.session_saved.connect(self._on_saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_saved(self, session_id: int) -> None:
        self.refresh()
        self.choose(session_id)
