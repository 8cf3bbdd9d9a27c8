"""The consent wordings: edit one nobody has agreed to yet; otherwise make a new version."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.data_protection.views import WordingRow
from peerdesk.ui.messages import show_problem
from peerdesk.ui.widgets.record_table import RecordTable
from peerdesk.vocabulary import ConsentKind

HEADINGS = ("Consent", "Version", "Used", "Words")


class WordingsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._rows: list[WordingRow] = []
        self.setWindowTitle("Consent wordings")
        self.setAccessibleName("Consent wordings")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "These are the words people agree to. A wording someone has already agreed to "
            "cannot be changed, so that every consent keeps the words that were shown: make a "
            "new version instead. New consents use the latest version."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = RecordTable(HEADINGS, "Consent wordings")
        self.table.setVerticalScrollBarPolicy(
            self.table.verticalScrollBarPolicy().ScrollBarAsNeeded
        )
        self.table.setMaximumHeight(260)
        layout.addWidget(self.table)
        label = QLabel("&Words")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Words")
        label.setBuddy(self.editor)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setAccessibleName("Whether this wording can be changed")
        layout.addWidget(self.state)
        row = QHBoxLayout()
        self.save_button = QPushButton("&Save changes")
        self.new_version_button = QPushButton("Make a &new version")
        row.addWidget(self.save_button)
        row.addWidget(self.new_version_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.new_version_button.clicked.connect(self._on_new_version_clicked)
        self.services.consents.ensure_default_wordings()
        self.resize(720, 620)
        self.refresh()
        self.table.selectRow(0)

    def refresh(self, select_id: int | None = None) -> None:
        self._rows = self.services.consents.wording_rows()
        self.table.set_rows(
            [
                (
                    row.wording.id or 0,
                    (
                        ConsentKind(row.wording.kind).label,
                        f"{row.wording.version}{' (latest)' if row.is_latest else ''}",
                        f"{row.times_used} consent{'s' if row.times_used != 1 else ''}"
                        if row.times_used
                        else "Not yet",
                        row.wording.text,
                    ),
                )
                for row in self._rows
            ]
        )
        if select_id is not None:
            for i, row in enumerate(self._rows):
                if row.wording.id == select_id:
                    self.table.selectRow(i)

    def selected(self) -> WordingRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _on_selection_changed(self, *_args: object) -> None:
        row = self.selected()
        self.editor.setPlainText(row.wording.text if row else "")
        used = bool(row and row.times_used)
        self.editor.setReadOnly(used)
        self.save_button.setEnabled(bool(row) and not used)
        self.new_version_button.setEnabled(bool(row))
        if row is None:
            self.state.setText("Choose a wording.")
        elif used:
            self.state.setText(
                f"{row.times_used} consent{'s' if row.times_used != 1 else ''} used this "
                "wording, so it cannot be changed. Edit the words and make a new version."
            )
            self.editor.setReadOnly(False)
        else:
            self.state.setText("Nobody has agreed to this wording yet, so it can be corrected.")

    def _on_save_clicked(self) -> None:
        row = self.selected()
        if row is None or row.wording.id is None:
            return
        try:
            self.services.consents.edit_wording(row.wording.id, self.editor.toPlainText())
        except ValidationError as error:
            show_problem(self, "The wording was not changed", error)
            return
        self.refresh(row.wording.id)

    def _on_new_version_clicked(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            made = self.services.consents.supersede_wording(
                row.wording.kind, self.editor.toPlainText()
            )
        except ValidationError as error:
            show_problem(self, "No new version was made", error)
            return
        self.refresh(made.id)
