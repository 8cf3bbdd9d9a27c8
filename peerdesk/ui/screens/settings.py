"""Settings: the organisation's details and logo, reminder thresholds, the conditions list,
backups, and how the app looks (text size, light or dark, high contrast) — applied to the whole app at once."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.services.organisation.views import OrganisationDetails
from peerdesk.ui import preferences, theme
from peerdesk.ui.backups.settings_panel import BackupSettingsPanel
from peerdesk.ui.expenses.mileage_panel import MileagePanel
from peerdesk.ui.messages import show_problem
from peerdesk.ui.outcomes.scale_panel import OutcomeScalePanel
from peerdesk.ui.people.conditions_panel import ConditionsPanel
from peerdesk.ui.people.readiness_panel import ReadinessPanel
from peerdesk.ui.projects.projects_panel import ProjectsPanel
from peerdesk.ui.screens.base import Screen
from peerdesk.ui.security.settings_panel import SecurityPanel
from peerdesk.ui.training.modules_panel import ModulesPanel
from peerdesk.ui.widgets import FormRows
from peerdesk.ui.widgets.flow_layout import FlowLayout

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

#: (field, label, low, high, suffix, help)
THRESHOLDS = (
    ("no_session_weeks", "Pairing &without a session for", 1, 52, " weeks", ""),
    ("supervision_weeks", "Mentor without s&upervision for", 1, 52, " weeks", ""),
    (
        "referral_wait_days",
        "Referral &waiting longer than",
        1,
        365,
        " days",
        "New referrals older than this are marked urgent on Today; after the first "
        "conversation, a referral still undecided this long after it arrived is listed there.",
    ),
    (
        "waiting_remind_weeks",
        "Waitin&g for a mentor: remind after",
        1,
        52,
        " weeks",
        "People accepted and still without a mentor after this long show on Today.",
    ),
    (
        "expiry_warning_days",
        "Warn before checks and consents &expire",
        1,
        365,
        " days",
        "Disclosure checks and consents due within this many days show on Today.",
    ),
    (
        "suppression_threshold",
        "Hide figures &smaller than",
        3,
        10,
        "",
        "Small numbers in shared figures are hidden so nobody can be recognised.",
    ),
)


def month_box() -> QComboBox:
    box = QComboBox()
    for number, name in enumerate(MONTHS, start=1):
        box.addItem(name, number)
    return box


class SettingsScreen(Screen):
    appearance_changed = Signal()
    organisation_saved = Signal()

    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__(services, settings)
        outer = QVBoxLayout(self)
        heading = QLabel("<h2>Settings</h2>")
        outer.addWidget(heading)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName("Settings")
        # Not a Tab stop: it shows no focus; Tab to a setting below the fold scrolls to it.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        content = QWidget()
        self.column = QVBoxLayout(content)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        self.column.addWidget(SecurityPanel(services, settings))
        self.backups_panel = BackupSettingsPanel(services)
        self._build_appearance()
        self._build_organisation()
        self._build_thresholds()
        save_row = QHBoxLayout()
        self.saved_note = QLabel()
        self.saved_note.setAccessibleName("Save result")
        self.save_button = QPushButton("&Save organisation details and reminders")
        self.save_button.clicked.connect(self._on_save_clicked)
        save_row.addWidget(self.saved_note, 1)
        save_row.addWidget(self.save_button)
        self.column.addLayout(save_row)
        # Each change to the conditions list is saved at once, by its own window.
        self.conditions_panel = ConditionsPanel(services)
        self.column.addWidget(self.conditions_panel)
        self.column.addWidget(ProjectsPanel(services))
        # Saved by its own button: it is not part of the organisation's details.
        self.column.addWidget(self.backups_panel)
        # The scale's name is one of the details saved above: they are re-read once it saves.
        self.column.addWidget(
            OutcomeScalePanel(
                services, saved=lambda: setattr(self, "_details", services.organisation.details())
            )
        )
        self.column.addWidget(MileagePanel(services))
        self.column.addWidget(ReadinessPanel(services))
        self.column.addWidget(ModulesPanel(services))
        self.column.addStretch(1)

    # -- building --------------------------------------------------------------------------
    def _group(self, title: str, note: str = "") -> QFormLayout:
        box = QGroupBox(title)
        box.setAccessibleName(title)
        column = QVBoxLayout(box)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            column.addWidget(label)
        form = QFormLayout()
        column.addLayout(form)
        self.column.addWidget(box)
        return form

    def _build_appearance(self) -> None:
        form = self._group(
            "How peerdesk looks on this computer",
            "These change straight away, and only on this computer.",
        )
        self.appearance_rows = FormRows(form)
        self.text_size = QComboBox()
        for words, points in theme.TEXT_SIZES:
            self.text_size.addItem(f"{words} ({points} point)")
        self.theme_choice = QComboBox()
        for value, words in theme.THEMES:
            self.theme_choice.addItem(words, value)
        self.high_contrast = QCheckBox("&High contrast (strongest black and white)")
        self.appearance_rows.add("&Text size", self.text_size, field="text_size")
        self.appearance_rows.add("&Colours", self.theme_choice, field="theme")
        form.addRow(self.high_contrast)
        self._load_appearance()
        self.text_size.currentIndexChanged.connect(self._on_appearance_edited)
        self.theme_choice.currentIndexChanged.connect(self._on_appearance_edited)
        self.high_contrast.toggled.connect(self._on_appearance_edited)

    def _build_organisation(self) -> None:
        form = self._group("Your organisation", "Shown on forms and figures.")
        self.organisation_rows = FormRows(form)
        self.name = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setMaximumHeight(self.address.fontMetrics().lineSpacing() * 4 + 12)
        self.postcode = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.charity_number = QLineEdit()
        self.coordinator_name = QLineEdit()
        self.coordinator_role = QLineEdit()
        self.year_start = month_box()
        rows = self.organisation_rows
        rows.add("&Name", self.name, field="name")
        rows.add("A&ddress", self.address, field="address")
        rows.add("&Postcode", self.postcode, field="postcode")
        rows.add("Pho&ne", self.phone, field="phone")
        rows.add("E&mail", self.email, field="email")
        rows.add("Cha&rity number", self.charity_number, field="charity_number")
        rows.add(
            "C&oordinator's name",
            self.coordinator_name,
            field="coordinator_name",
            help_text="Printed where the coordinator signs a form, and recorded as who made "
            "each change.",
        )
        rows.add(
            "Coordinator's role (&job title)",
            self.coordinator_role,
            field="coordinator_role",
            help_text="Printed under the coordinator's name, e.g. Peer support coordinator.",
        )
        rows.add(
            "Reporting &year starts in",
            self.year_start,
            field="reporting_year_start_month",
            help_text="Many funders use a year starting in April.",
        )
        logo_row = QWidget()
        logo_layout = FlowLayout(logo_row)  # wraps at large text sizes
        logo_layout.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel()
        self.logo_preview.setAccessibleName("Logo")
        self.logo_preview.setMinimumHeight(48)
        self.choose_logo = QPushButton("Choose a &logo…")
        self.choose_logo.clicked.connect(self._on_choose_logo_clicked)
        self.remove_logo = QPushButton("Remove the logo")
        self.remove_logo.clicked.connect(self._on_remove_logo_clicked)
        logo_layout.addWidget(self.logo_preview)
        logo_layout.addWidget(self.choose_logo)
        logo_layout.addWidget(self.remove_logo)
        rows.add("Logo (PNG)", logo_row, field="logo")

    def _build_thresholds(self) -> None:
        form = self._group("Reminders on Today")
        self.threshold_rows = FormRows(form)
        self.thresholds: dict[str, QSpinBox] = {}
        for field, label, low, high, suffix, help_text in THRESHOLDS:
            box = QSpinBox()
            box.setRange(low, high)
            box.setSuffix(suffix)
            self.thresholds[field] = box
            self.threshold_rows.add(label, box, field=field, help_text=help_text)
        self.review_weeks = QLineEdit()
        self.threshold_rows.add(
            "Re&views due after (weeks)",
            self.review_weeks,
            field="review_schedule_weeks",
            help_text="Weeks after a pairing starts, separated by commas, e.g. 6, 13, 26.",
        )

    # -- Screen ----------------------------------------------------------------------------
    def refresh(self) -> None:
        organisation = self.services.organisation.get()
        details = self.services.organisation.details()
        self.name.setText(details.name)
        self.address.setPlainText(details.address)
        self.postcode.setText(details.postcode)
        self.phone.setText(details.phone)
        self.email.setText(details.email)
        self.charity_number.setText(details.charity_number)
        self.coordinator_name.setText(details.coordinator_name)
        self.coordinator_role.setText(details.coordinator_role)
        self.year_start.setCurrentIndex(details.reporting_year_start_month - 1)
        for field, box in self.thresholds.items():
            box.setValue(int(getattr(details, field)))
        self.review_weeks.setText(details.review_schedule_weeks)
        self._show_logo(organisation.logo_png if organisation else None)
        self.saved_note.clear()
        self._details = details
        self.backups_panel.refresh()
        self.conditions_panel.refresh()

    def _show_logo(self, png: bytes | None) -> None:
        self.remove_logo.setEnabled(png is not None)
        if png is None:
            self.logo_preview.setText("No logo yet")
            return
        pixmap = QPixmap()
        pixmap.loadFromData(QByteArray(png))
        height = self.fontMetrics().height() * 3
        self.logo_preview.setPixmap(
            pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
        )

    # -- saving ----------------------------------------------------------------------------
    def details(self) -> OrganisationDetails:
        base = getattr(self, "_details", OrganisationDetails(name=""))
        values = {f.name: getattr(base, f.name) for f in fields(OrganisationDetails)}
        values.update(
            name=self.name.text(),
            address=self.address.toPlainText(),
            postcode=self.postcode.text().upper(),
            phone=self.phone.text(),
            email=self.email.text(),
            charity_number=self.charity_number.text(),
            coordinator_name=self.coordinator_name.text(),
            coordinator_role=self.coordinator_role.text(),
            reporting_year_start_month=self.year_start.currentData(),
            review_schedule_weeks=self.review_weeks.text(),
        )
        for field, box in self.thresholds.items():
            values[field] = box.value()
        return OrganisationDetails(**values)

    def _on_save_clicked(self) -> None:
        for rows in (self.organisation_rows, self.threshold_rows):
            rows.clear_problems()
        try:
            self.services.organisation.save(self.details())
        except ValidationError as error:
            shown = self.organisation_rows.show_problem(
                error.field, error.message
            ) or self.threshold_rows.show_problem(error.field, error.message)
            if not shown:
                show_problem(self, "The settings were not saved", error)
            self.saved_note.setText("Not saved yet: please see the note above.")
            return
        except PeerdeskError as error:
            show_problem(self, "The settings were not saved", error)
            return
        self.refresh()
        self.saved_note.setText("✓ Saved.")
        self.organisation_saved.emit()

    def _on_choose_logo_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose your logo", "", "PNG pictures (*.png)")
        if path:
            self.set_logo_file(path)

    def set_logo_file(self, path: str) -> bool:
        try:
            with open(path, "rb") as handle:
                png = handle.read()
            self.services.organisation.set_logo(png)
        except OSError:
            show_problem(self, "The logo was not added", "That file could not be read.")
            return False
        except PeerdeskError as error:
            show_problem(self, "The logo was not added", error)
            return False
        self._show_logo(png)
        return True

    def _on_remove_logo_clicked(self) -> None:
        try:
            self.services.organisation.set_logo(None)
        except PeerdeskError as error:
            show_problem(self, "The logo was not removed", error)
            return
        self._show_logo(None)

    # -- appearance ------------------------------------------------------------------------
    def _load_appearance(self) -> None:
        for widget in (self.text_size, self.theme_choice, self.high_contrast):
            widget.blockSignals(True)
        self.text_size.setCurrentIndex(theme.text_size_index(self.settings))
        choice = theme.theme_choice(self.settings)
        self.theme_choice.setCurrentIndex(max(self.theme_choice.findData(choice), 0))
        self.high_contrast.setChecked(theme.high_contrast(self.settings))
        for widget in (self.text_size, self.theme_choice, self.high_contrast):
            widget.blockSignals(False)

    def _on_appearance_edited(self, *_args: object) -> None:
        preferences.TEXT_SIZE.write(self.settings, self.text_size.currentIndex())
        preferences.THEME.write(self.settings, str(self.theme_choice.currentData()))
        preferences.HIGH_CONTRAST.write(self.settings, self.high_contrast.isChecked())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_appearance(app, self.settings)
        self.appearance_changed.emit()

    def sync_appearance(self) -> None:
        """Show settings changed elsewhere (the View menu) without re-applying them."""
        self._load_appearance()
