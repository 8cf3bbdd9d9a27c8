"""The shape of every small "record something" dialog on the person page.

A subclass adds its inputs to `self.rows` and implements `save()` with one service call;
a refused call shows its message under the input it concerns and nothing is saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.ui.messages import show_problem
from peerdesk.ui.widgets import DateBox, FormRows


class RecordDialog(QDialog):
    title = ""
    intro = ""

    def __init__(self, services: Services, person_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.person_id = person_id
        self.setWindowTitle(self.title)
        self.setAccessibleName(self.title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        if self.intro:
            intro = QLabel(self.intro)
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.rows = FormRows(form)
        self.build()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def date_box(self, value: date | None = None, *, optional: bool = False) -> DateBox:
        """A date box that knows the services' today ("today" typed, the calendar's start);
        a required date starts at today."""
        if value is None and not optional:
            value = self.services.today()
        return DateBox(value, optional=optional, today=self.services.today)

    def build(self) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def _on_save_clicked(self) -> None:
        self.rows.clear_problems()
        try:
            self.save()
        except ValidationError as error:
            if not self.rows.show_problem(error.field, error.message):
                show_problem(self, f"{self.title}: not saved", error)
            return
        except PeerdeskError as error:
            show_problem(self, f"{self.title}: not saved", error)
            return
        self.accept()
