"""Supervision quick entry: one meeting with a mentor, with their current pairings listed to
tick off as discussed. The person page calls `open_supervision_dialog`."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.pairing_lists import PairingRow
from peerdesk.services.records import Supervision
from peerdesk.ui.pairings.fields import (
    ProblemLabel,
    add_row,
    date_edit,
    date_of,
    set_date,
    vocabulary_combo,
)
from peerdesk.ui.pairings.models import Column, Index, RowsModel
from peerdesk.ui.pairings.tables import make_table
from peerdesk.ui.pairings.words import day
from peerdesk.vocabulary import MeetingMode, PairingStatus


class DiscussedModel(RowsModel[PairingRow]):
    """The mentor's current pairings, each with a tick box: discussed or not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column("Discussed", lambda r: r.reference),
                Column("Mentee or carer", lambda r: r.mentee_name),
                Column("Status", lambda r: PairingStatus(r.status).label),
                Column("Last session", lambda r: day(r.last_held, "None held yet")),
            ],
            lambda r: r.id,
            parent,
        )
        self.discussed: set[int] = set()

    def set_rows(self, rows: Any) -> None:
        super().set_rows(rows)
        self.discussed = {row.id for row in self.rows()}

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            row = self.row_at(index.row())
            return Qt.CheckState.Checked if row.id in self.discussed else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole):
            return False
        row = self.row_at(index.row())
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self.discussed.add(row.id)
        else:
            self.discussed.discard(row.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class SupervisionDialog(QDialog):
    supervision_saved = Signal(int)

    def __init__(self, services: Services, mentor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.mentor_id = mentor_id
        self.saved: Supervision | None = None
        mentor = services.people.get(mentor_id)
        self.setWindowTitle(f"Supervision with {mentor.display_name}")
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        form = QFormLayout()
        layout.addLayout(form)
        today = services.today()
        self.on = add_row(form, "&Date:", date_edit(today, self, today=self.services.today))
        self.mode = add_row(form, "&How:", vocabulary_combo(MeetingMode, parent=self))
        self.duration = QSpinBox(self)
        self.duration.setRange(0, 600)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" minutes")
        self.duration.setValue(60)
        add_row(form, "&Length:", self.duration)
        self.pairings_model = DiscussedModel(self)
        self.pairings_model.set_rows(services.pairings.open_for_mentor(mentor_id))
        self.pairings_view = make_table("Pairings discussed", self)
        self.pairings_view.setModel(self.pairings_model)
        caption = QLabel("&Pairings discussed (space ticks or unticks):", self)
        caption.setBuddy(self.pairings_view)
        layout.addWidget(caption)
        if self.pairings_model.rowCount():
            layout.addWidget(self.pairings_view)
        else:
            self.pairings_view.hide()
            empty = QLabel(f"{mentor.display_name} has no current pairings to discuss.", self)
            empty.setWordWrap(True)
            layout.addWidget(empty)
        more = QFormLayout()
        layout.addLayout(more)
        self.concerns = add_row(more, "&Concerns:", _box(self))
        self.wellbeing = add_row(more, "Mentor &wellbeing and self care:", _box(self))
        self.training_needs = add_row(more, "&Training needs:", _box(self))
        self.actions_box = add_row(more, "&Actions:", _box(self))
        self.next_date = add_row(
            more, "&Next supervision:", date_edit(today, self, today=self.services.today)
        )
        settings_weeks = 8
        organisation = services.organisation.get()
        if organisation is not None:
            settings_weeks = organisation.supervision_weeks
        set_date(self.next_date, today + timedelta(weeks=min(settings_weeks, 6)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fields: dict[str, QWidget] = {
            "supervision_date": self.on,
            "mode": self.mode,
            "duration_minutes": self.duration,
            "next_date": self.next_date,
            "concerns": self.concerns,
            "wellbeing": self.wellbeing,
            "training_needs": self.training_needs,
            "actions": self.actions_box,
        }

    def save(self) -> bool:
        self.problem.clear_error()
        model = self.pairings_model
        chosen = [row.id for row in model.rows() if row.id in model.discussed]
        try:
            record = self.services.volunteers.record_supervision(
                self.mentor_id,
                on=date_of(self.on),
                mode=str(self.mode.currentData()),
                duration_minutes=self.duration.value(),
                pairing_ids=chosen,
                concerns=self.concerns.toPlainText(),
                wellbeing=self.wellbeing.toPlainText(),
                training_needs=self.training_needs.toPlainText(),
                actions=self.actions_box.toPlainText(),
                next_date=date_of(self.next_date),
            )
        except PeerdeskError as error:
            self.problem.show_error(error, self.fields)
            return False
        self.saved = record
        self.supervision_saved.emit(record.id or 0)
        return True

    def _on_save_clicked(self) -> None:
        if self.save():
            self.accept()


def open_supervision_dialog(
    services: Services, mentor_id: int, parent: QWidget | None = None
) -> SupervisionDialog:
    """Open the supervision quick entry for a mentor (window-modal; returns at once)."""
    dialog = SupervisionDialog(services, mentor_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _box(parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(52)
    return box
