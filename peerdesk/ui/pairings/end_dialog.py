"""Ending a pairing well: the date, the reason, planned or early, and whether the person
would like a new pairing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.services.mentoring.views import Ending, PairingView
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import vocabulary_combo
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.vocabulary import ClosureReason


class EndDialog(RecordDialog):
    pairing_ended = Signal(int)

    def __init__(self, services: Services, pairing_id: int, parent: QWidget | None = None) -> None:
        pairing = services.pairings.get(pairing_id)
        super().__init__(
            services,
            parent,
            title=f"End pairing {pairing.reference}",
            intro="Endings are a normal part of mentoring. Everything logged so far stays on "
            "record.",
            accept_text="End pairing",
        )
        self.pairing_id = pairing_id
        self.end_button = self.save_button
        rows = self.rows
        self.end_date = rows.add(
            "&End date", DateBox(services.today(), today=services.today), field="changed_on"
        )
        self.end_date.date_changed.connect(self._on_end_date_changed)
        self.reason = rows.add("&Reason", vocabulary_combo(ClosureReason), field="closure_reason")
        self.reason.insertItem(0, "Choose a reason…", "")
        self.reason.setCurrentIndex(0)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.as_planned = QRadioButton("As &planned", row)
        self.early = QRadioButton("Ear&ly", row)
        self.planned_group = QButtonGroup(row)
        self.planned_group.addButton(self.as_planned)
        self.planned_group.addButton(self.early)
        self.as_planned.setChecked(True)
        line.addWidget(self.as_planned)
        line.addWidget(self.early)
        line.addStretch(1)
        rows.add("Ended", row, field="ended_as_planned")
        self.as_planned.setAccessibleName("Ended as planned")
        self.early.setAccessibleName("Ended early")
        self.wants_new = rows.add(
            "&New pairing", QCheckBox("They would like a new pairing"), field="wants_new_pairing"
        )
        self.note = rows.add("N&ote", QPlainTextEdit(), field="closure_note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.planned_warning = QLabel(self)
        self.planned_warning.setWordWrap(True)
        self.body.addWidget(self.planned_warning)
        # Sessions planned after the end will not happen: the dialog lists them and offers to
        # cancel them as part of the ending (ticked, so ending stays one step).
        self.cancel_planned = QCheckBox("Cancel &these planned sessions", self)
        self.cancel_planned.setChecked(True)
        self.body.addWidget(self.cancel_planned)
        self._on_end_date_changed()

    def _on_end_date_changed(self) -> None:
        on = self.end_date.readable_value()
        planned = self.services.pairings.planned_after(self.pairing_id, on) if on else []
        listed = ", ".join(f"{d:%A} {d.day} {d:%B %Y}" for d in planned)
        self.planned_warning.setText(
            f"Planned after this date, so they will not happen: {listed}." if planned else ""
        )
        self.planned_warning.setVisible(bool(planned))
        self.cancel_planned.setVisible(bool(planned))

    def ending(self) -> Ending:
        return Ending(
            reason=str(self.reason.currentData() or ""),
            ended_as_planned=self.as_planned.isChecked(),
            wants_new_pairing=self.wants_new.isChecked(),
            note=self.note.toPlainText(),
        )

    def _cancel_planned(self) -> bool:
        return not self.cancel_planned.isHidden() and self.cancel_planned.isChecked()

    def load(self, view: PairingView) -> None:
        """How the pairing ended, to put right (editing): Save then corrects the ending."""
        if view.end_date is not None:
            self.end_date.set_value(view.end_date)
        self.reason.setCurrentIndex(max(self.reason.findData(view.closure_reason or ""), 0))
        (self.as_planned if view.ended_as_planned is not False else self.early).setChecked(True)
        self.wants_new.setChecked(bool(view.wants_new_pairing))
        self.note.setPlainText(view.closure_note)
        self.intro.setText("Put right how the pairing ended. Everything logged stays on record.")
        self.save_button.setText("Save")
        self._on_end_date_changed()

    def add_record(self) -> None:
        self.services.pairings.end(
            self.pairing_id,
            self.ending(),
            on=self.end_date.day(),
            cancel_planned=self._cancel_planned(),
        )
        self.pairing_ended.emit(self.pairing_id)

    def update_record(self, record_id: int) -> None:
        self.services.pairings.update_ending(
            record_id, self.ending(), self.end_date.day(), cancel_planned=self._cancel_planned()
        )
