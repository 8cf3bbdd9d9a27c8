"""Settings ▸ Mileage rates: the rate a mile for the first miles of a tax year, the reduced
rate after, and the threshold, with HMRC's approved mileage rates explained in plain words.
Saved by its own button (one transaction); a refusal is shown under the input it concerns."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.expenses.views import MILEAGE_EXPLANATION, MileageSettings
from peerdesk.ui import announcer
from peerdesk.ui.widgets import FormRows
from peerdesk.ui.widgets.form_rows import ProblemLabel


def _box(suffix: str, most: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, most)
    box.setSuffix(suffix)
    box.setGroupSeparatorShown(True)
    return box


class MileagePanel(QGroupBox):
    def __init__(self, services: Services) -> None:
        super().__init__("Mileage rates")
        self.services = services
        self.setAccessibleName("Mileage rates")
        layout = QVBoxLayout(self)
        about = QLabel(MILEAGE_EXPLANATION)
        about.setWordWrap(True)
        layout.addWidget(about)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        form = QFormLayout()
        layout.addLayout(form)
        self.rows = FormRows(form)
        self.rate = self.rows.add("Ra&te a mile", _box("p", 500), field="rate_pence")
        self.reduced = self.rows.add(
            "Re&duced rate a mile", _box("p", 500), field="reduced_rate_pence"
        )
        self.threshold = self.rows.add(
            "Redu&ced after", _box(" miles a tax year", 1_000_000), field="threshold_miles"
        )
        row = QHBoxLayout()
        self.saved_note = QLabel()
        self.saved_note.setWordWrap(True)
        self.save_button = QPushButton("S&ave mileage rates")
        self.save_button.setAccessibleName("Save mileage rates")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.saved_note, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        settings = self.services.expenses.mileage_settings()
        self.rate.setValue(settings.rate_pence)
        self.reduced.setValue(settings.reduced_rate_pence)
        self.threshold.setValue(settings.threshold_miles)

    def save(self) -> bool:
        self.problem.clear_error()
        self.rows.clear_problems()
        self.saved_note.clear()
        try:
            saved = self.services.expenses.save_mileage_settings(
                MileageSettings(self.rate.value(), self.reduced.value(), self.threshold.value())
            )
        except PeerdeskError as error:
            field = getattr(error, "field", None)
            if not (field and self.rows.show_problem(field, error.message)):
                self.problem.show_error(error)
            return False
        self.saved_note.setText(
            f"Saved: {saved.rate_pence}p a mile for the first {saved.threshold_miles:,} miles "
            f"of a tax year, then {saved.reduced_rate_pence}p. Claims not yet paid are worked "
            "out again when next saved or approved."
        )
        announcer.announce(self.saved_note.text(), self.saved_note)
        return True
