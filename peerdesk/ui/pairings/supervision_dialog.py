"""Supervision quick entry: one meeting with a mentor, with their current pairings listed to
tick off as discussed. The person page calls `open_supervision_dialog`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from peerdesk.services import Services
from peerdesk.services.mentoring.views import PairingRow
from peerdesk.services.volunteers.views import SupervisionView
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import minutes_box, text_area, vocabulary_combo
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.rows_model import Column, Index, RowsModel
from peerdesk.ui.widgets.tables import make_table
from peerdesk.ui.widgets.words import table_day
from peerdesk.vocabulary import MeetingMode, PairingStatus


class DiscussedModel(RowsModel[PairingRow]):
    """The mentor's current pairings, each with a tick box: discussed or not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column("Discussed", lambda r: r.reference),
                Column("Mentee or carer", lambda r: r.mentee_name),
                Column("Status", lambda r: PairingStatus(r.status).label),
                Column("Last session", lambda r: table_day(r.last_held, "None held yet")),
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


class SupervisionDialog(RecordDialog):
    supervision_saved = Signal(int)

    def __init__(self, services: Services, mentor_id: int, parent: QWidget | None = None) -> None:
        plan = services.pairings.supervision_plan(mentor_id)
        super().__init__(services, parent, title=f"Supervision with {plan.mentor_name}")
        self.mentor_id = mentor_id
        self.saved: SupervisionView | None = None
        rows, today = self.rows, services.today
        self.on = rows.add("&Date", DateBox(today(), today=today), field="supervision_date")
        self.mode = rows.add("&How", vocabulary_combo(MeetingMode), field="mode")
        self.duration = rows.add("&Length", minutes_box(60), field="duration_minutes")
        self.pairings_model = DiscussedModel(self)
        self.pairings_model.set_rows(list(plan.pairings))
        self.pairings_view = make_table("Pairings discussed", self)
        self.pairings_view.setModel(self.pairings_model)
        caption = QLabel("&Pairings discussed (space ticks or unticks):", self)
        caption.setBuddy(self.pairings_view)
        self.body.addWidget(caption)
        if self.pairings_model.rowCount():
            self.body.addWidget(self.pairings_view)
        else:
            self.pairings_view.hide()
            empty = QLabel(f"{plan.mentor_name} has no current pairings to discuss.", self)
            empty.setWordWrap(True)
            self.body.addWidget(empty)
        more = self.add_form()
        self.concerns = more.add("&Concerns", _box(), field="concerns")
        self.wellbeing = more.add("Mentor &wellbeing and self care", _box(), field="wellbeing")
        self.training_needs = more.add("&Training needs", _box(), field="training_needs")
        self.actions_box = more.add("&Actions", _box(), field="actions")
        self.next_date = more.add(
            "&Next supervision", DateBox(plan.suggested_next, today=today), field="next_date"
        )

    def write(self) -> None:
        model = self.pairings_model
        chosen = [row.id for row in model.rows() if row.id in model.discussed]
        record = self.services.volunteers.record_supervision(
            self.mentor_id,
            on=self.on.day(),
            mode=str(self.mode.currentData()),
            duration_minutes=self.duration.value(),
            pairing_ids=chosen,
            concerns=self.concerns.toPlainText(),
            wellbeing=self.wellbeing.toPlainText(),
            training_needs=self.training_needs.toPlainText(),
            actions=self.actions_box.toPlainText(),
            next_date=self.next_date.day(),
        )
        self.saved = record
        self.supervision_saved.emit(record.id)


def open_supervision_dialog(
    services: Services, mentor_id: int, parent: QWidget | None = None
) -> SupervisionDialog:
    """Open the supervision quick entry for a mentor (window-modal; returns at once)."""
    dialog = SupervisionDialog(services, mentor_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _box() -> QPlainTextEdit:
    """Three lines, at least forty letters wide, at the text size in use: sized in pixels
    (52 high, in a window fixed at 640 by 620), the four boxes showed one line each, squeezed
    beside their captions, at the largest text."""
    box = text_area(3)
    box.setMinimumWidth(40 * box.fontMetrics().averageCharWidth())
    box.setFixedHeight(box.minimumHeight())  # three lines, not all the room there is
    return box
