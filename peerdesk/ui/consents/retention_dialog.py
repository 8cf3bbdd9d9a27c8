"""Retention: how long each kind of record is kept, and the people past their date."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.ui.consents.rights_dialogs import EraseDialog, KeepDialog
from peerdesk.ui.messages import show_problem
from peerdesk.ui.widgets.empty_state import EmptyState
from peerdesk.ui.widgets.record_table import RECORD_ID_ROLE, RecordTable
from peerdesk.ui.widgets.words import table_day
from peerdesk.vocabulary import RecordKind

HEADINGS = ("Person", "Kind of record", "Last contact", "Past the date since")


class RetentionDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Retention")
        self.setAccessibleName("Retention")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "How long records are kept after the last contact with a person. After that "
            "they appear on Today: anonymise them (their history still counts in figures, "
            "but no longer names them), or keep them with a reason."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.years: dict[RecordKind, QSpinBox] = {}
        for rule in services.retention.rules():
            spin = QSpinBox()
            spin.setRange(1, 100)
            spin.setSuffix(" years")
            spin.setValue(rule.keep_years)
            spin.setAccessibleName(rule.meaning)
            spin.setMaximumWidth(140)
            label = QLabel(rule.meaning)
            label.setBuddy(spin)
            form.addRow(label, spin)
            self.years[rule.kind] = spin
        layout.addLayout(form)
        save_row = QHBoxLayout()
        self.save_button = QPushButton("&Save the periods")
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        layout.addLayout(save_row)
        heading = QLabel("<b>Past the retention date</b>")
        layout.addWidget(heading)
        self.empty = EmptyState("No one's records are past the retention date.")
        self.table = RecordTable(HEADINGS, "People past the retention date")
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        actions = QHBoxLayout()
        self.anonymise_button = QPushButton("&Anonymise…")
        self.keep_button = QPushButton("&Keep, with a reason…")
        actions.addWidget(self.anonymise_button)
        actions.addWidget(self.keep_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.anonymise_button.clicked.connect(self._on_anonymise_clicked)
        self.keep_button.clicked.connect(self._on_keep_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.resize(720, 520)
        self.refresh()

    def refresh(self) -> None:
        due = self.services.retention.due_for_review()
        self.table.set_rows(
            [
                (
                    item.person_id,
                    (
                        item.name,
                        ", ".join(kind.label for kind in item.kinds) or "Other",
                        table_day(item.last_contact),
                        table_day(item.review_on),
                    ),
                )
                for item in due
            ]
        )
        self.empty.setVisible(not due)
        self.table.setVisible(bool(due))
        self._on_selection_changed()

    def save(self) -> None:
        for kind, spin in self.years.items():
            self.services.retention.set_rule(kind, spin.value())

    def selected_person(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(RECORD_ID_ROLE)
        return value if isinstance(value, int) else None

    def _on_selection_changed(self, *_args: object) -> None:
        chosen = self.selected_person() is not None
        self.anonymise_button.setEnabled(chosen)
        self.keep_button.setEnabled(chosen)

    def _on_save_clicked(self) -> None:
        try:
            self.save()
        except ValidationError as error:
            show_problem(self, "Not saved", error)
            return
        self.refresh()

    def _on_anonymise_clicked(self) -> None:
        person_id = self.selected_person()
        if person_id is not None and EraseDialog(self.services, person_id, self).exec():
            self.refresh()

    def _on_keep_clicked(self) -> None:
        person_id = self.selected_person()
        if person_id is not None and KeepDialog(self.services, person_id, self).exec():
            self.refresh()
