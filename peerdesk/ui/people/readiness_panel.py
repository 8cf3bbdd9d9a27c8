"""Settings ▸ Volunteers and safeguarding: how many references a volunteer needs before
they can be paired (0: not asked), and how many years a concern is kept after it is closed.
Saved by its own button (one change set); a refusal is shown under the input it concerns.
Each input and the button have an access key of their own on Settings ▸ Volunteers."""

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
from peerdesk.services.volunteers.views import SafeguardingSettings
from peerdesk.ui.widgets import FormRows
from peerdesk.ui.widgets.form_rows import ProblemLabel

TITLE = "Volunteers and safeguarding"


def _box(low: int, high: int, suffix: str, zero: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    if zero:
        box.setSpecialValueText(zero)
    return box


class ReadinessPanel(QGroupBox):
    def __init__(self, services: Services) -> None:
        super().__init__(TITLE)
        self.services = services
        self.setAccessibleName(TITLE)
        layout = QVBoxLayout(self)
        about = QLabel(
            "A volunteer is ready to be paired only once this many references have arrived "
            "and been read as satisfactory (0: references are not asked for). A closed "
            "concern is kept for the years below, even if the person asks to be erased."
        )
        about.setWordWrap(True)
        layout.addWidget(about)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        form = QFormLayout()
        layout.addLayout(form)
        self.rows = FormRows(form)
        self.references = self.rows.add(
            "References &needed before pairing",
            _box(0, 5, "", "Not asked"),
            field="references_required",
        )
        self.keep_years = self.rows.add(
            "&Keep concerns after they are closed for",
            _box(1, 100, " years"),
            field="concern_keep_years",
        )
        row = QHBoxLayout()
        self.saved_note = QLabel()
        self.saved_note.setWordWrap(True)
        self.save_button = QPushButton("&Save volunteers and safeguarding settings")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.saved_note, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        settings = self.services.references.settings()
        self.references.setValue(settings.references_required)
        self.keep_years.setValue(settings.concern_keep_years)

    def save(self) -> bool:
        self.problem.clear_error()
        self.rows.clear_problems()
        self.saved_note.clear()
        try:
            saved = self.services.references.save_settings(
                SafeguardingSettings(self.references.value(), self.keep_years.value())
            )
        except PeerdeskError as error:
            field = getattr(error, "field", None)
            if not (field and self.rows.show_problem(field, error.message)):
                self.problem.show_error(error)
            return False
        needed = (
            "references are not asked for"
            if not saved.references_required
            else f"{saved.references_required} satisfactory "
            f"reference{'s' if saved.references_required != 1 else ''} before pairing"
        )
        self.saved_note.setText(
            f"Saved: {needed}; concerns kept {saved.concern_keep_years} years after closing."
        )
        return True
