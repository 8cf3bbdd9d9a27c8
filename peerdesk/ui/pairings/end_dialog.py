"""Ending a pairing well: the date, the reason, planned or early, and whether the person
would like a new pairing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.pairings import Ending
from peerdesk.ui.pairings.fields import (
    ProblemLabel,
    add_row,
    date_edit,
    date_of,
    vocabulary_combo,
)
from peerdesk.vocabulary import ClosureReason


class EndDialog(QDialog):
    pairing_ended = Signal(int)

    def __init__(self, services: Services, pairing_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.pairing_id = pairing_id
        pairing = services.pairings.get(pairing_id)
        self.setWindowTitle(f"End pairing {pairing.reference}")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Endings are a normal part of mentoring. Everything logged so far stays on record."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        form = QFormLayout()
        layout.addLayout(form)
        self.end_date = add_row(
            form, "&End date:", date_edit(services.today(), self, today=services.today)
        )
        self.end_date.date_changed.connect(self._on_end_date_changed)
        self.reason = add_row(form, "&Reason:", vocabulary_combo(ClosureReason, parent=self))
        self.reason.insertItem(0, "Choose a reason…", "")
        self.reason.setCurrentIndex(0)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.as_planned = QRadioButton("As &planned", row)
        self.early = QRadioButton("Ear&ly", row)
        self.as_planned.setAccessibleName("Ended as planned")
        self.early.setAccessibleName("Ended early")
        self.planned_group = QButtonGroup(row)
        self.planned_group.addButton(self.as_planned)
        self.planned_group.addButton(self.early)
        self.as_planned.setChecked(True)
        line.addWidget(self.as_planned)
        line.addWidget(self.early)
        line.addStretch(1)
        add_row(form, "Ended:", row)
        self.wants_new = add_row(
            form, "&New pairing:", QCheckBox("They would like a new pairing", self)
        )
        self.note = add_row(form, "N&ote:", QPlainTextEdit(self))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.planned_warning = QLabel(self)
        self.planned_warning.setWordWrap(True)
        layout.addWidget(self.planned_warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.end_button = buttons.addButton("End pairing", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._on_end_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fields: dict[str, QWidget] = {
            "closure_reason": self.reason,
            "changed_on": self.end_date,
            "closure_note": self.note,
        }
        self._on_end_date_changed()

    def _on_end_date_changed(self, *_args: object) -> None:
        on = self.end_date.readable_value()
        count = self.services.pairings.planned_after(self.pairing_id, on) if on else 0
        self.planned_warning.setText(
            f"{count} planned session{'s' if count != 1 else ''} after this date will be "
            "removed, as they will not happen."
            if count
            else ""
        )
        self.planned_warning.setVisible(bool(count))

    def save(self) -> bool:
        self.problem.clear_error()
        try:
            self.services.pairings.end(
                self.pairing_id,
                Ending(
                    reason=str(self.reason.currentData() or ""),
                    ended_as_planned=self.as_planned.isChecked(),
                    wants_new_pairing=self.wants_new.isChecked(),
                    note=self.note.toPlainText(),
                ),
                on=date_of(self.end_date),
            )
        except PeerdeskError as error:
            self.problem.show_error(error, self.fields)
            return False
        self.pairing_ended.emit(self.pairing_id)
        return True

    def _on_end_clicked(self) -> None:
        if self.save():
            self.accept()
