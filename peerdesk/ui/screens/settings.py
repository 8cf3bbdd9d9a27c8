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
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.services.organisation.views import OrganisationDetails
from peerdesk.ui import announcer, preferences, theme
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
    ("no_session_weeks", "&Pairing without a session for", 1, 52, " weeks", ""),
    ("supervision_weeks", "Me&ntor without supervision for", 1, 52, " weeks", ""),
    (
        "referral_wait_days",
        "Referral waiting &longer than",
        1,
        365,
        " days",
        "New referrals older than this are marked urgent on Today; after the first "
        "conversation, a referral still undecided this long after it arrived is listed there.",
    ),
    (
        "waiting_remind_weeks",
        "W&aiting for a mentor: remind after",
        1,
        52,
        " weeks",
        "People accepted and still without a mentor after this long show on Today.",
    ),
    (
        "expiry_warning_days",
        "Warn before &checks and consents expire",
        1,
        365,
        " days",
        "Disclosure checks and consents due within this many days show on Today.",
    ),
    (
        "suppression_threshold",
        "Hide figures smaller &than",
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
        # Tabs, not one long page: each fits a laptop at the largest text, and each input
        # has an access key of its own among those on screen (Settings has more inputs than
        # there are letters). The tabs' letters keep clear of the menus' (File, Edit, View,
        # Records, Help) and of every tab's inputs.
        self.sections = QTabWidget(self)
        self.sections.setAccessibleName("Parts of the settings")
        outer.addWidget(self.sections, 1)
        self._build_organisation(self._tab("Or&ganisation"))
        self._build_thresholds(self._tab("Re&minders"))
        self._build_appearance(self._tab("Te&xt"))
        safety = self._tab("&Backups")
        safety.addWidget(SecurityPanel(services, settings))
        # Saved by its own button: it is not part of the organisation's details.
        self.backups_panel = BackupSettingsPanel(services)
        safety.addWidget(self.backups_panel)
        volunteers = self._tab("Vol&unteers")
        volunteers.addWidget(ReadinessPanel(services))
        volunteers.addWidget(MileagePanel(services))
        lists = self._tab("L&ists")
        # Each change to these lists is saved at once, by its own window.
        self.conditions_panel = ConditionsPanel(services)
        lists.addWidget(self.conditions_panel)
        lists.addWidget(ProjectsPanel(services))
        lists.addWidget(ModulesPanel(services))
        # The scale's name is one of the details saved above: they are re-read once it saves.
        lists.addWidget(
            OutcomeScalePanel(
                services, saved=lambda: setattr(self, "_details", services.organisation.details())
            )
        )
        for index in range(self.sections.count()):
            area = self.sections.widget(index)
            page = area.widget() if isinstance(area, QScrollArea) else None
            layout = page.layout() if page is not None else None
            if isinstance(layout, QVBoxLayout):
                layout.addStretch(1)

    # -- building --------------------------------------------------------------------------
    def _tab(self, title: str) -> QVBoxLayout:
        # Each tab scrolls on its own should it be taller or wider than the room (a long
        # backup folder's name cannot wrap); it is no Tab stop itself (its inputs are).
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setAccessibleName(title.replace("&", ""))
        page = QWidget()
        column = QVBoxLayout(page)
        area.setWidget(page)
        self.sections.addTab(area, title)
        return column

    def show_section(self, widget: QWidget) -> None:
        """Show the tab holding `widget` (a panel, an input)."""
        for index in range(self.sections.count()):
            page = self.sections.widget(index)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                self.sections.setCurrentIndex(index)
                return

    def _group(self, column: QVBoxLayout, title: str, note: str = "") -> QFormLayout:
        box = QGroupBox(title)
        box.setAccessibleName(title)
        inner = QVBoxLayout(box)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            inner.addWidget(label)
        form = QFormLayout()
        inner.addLayout(form)
        column.addWidget(box)
        return form

    @staticmethod
    def _save_row(column: QVBoxLayout, text: str) -> tuple[QLabel, QPushButton]:
        # The note has no fixed name: a screen reader reads what it says (the save's result).
        row = QHBoxLayout()
        note = QLabel()
        note.setWordWrap(True)
        button = QPushButton(text)
        row.addWidget(note, 1)
        row.addWidget(button)
        column.addLayout(row)
        return note, button

    def _build_appearance(self, column: QVBoxLayout) -> None:
        form = self._group(
            column,
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
        self.high_contrast = QCheckBox("High contr&ast (strongest black and white)")
        self.appearance_rows.add("&Text size", self.text_size, field="text_size")
        self.appearance_rows.add("&Colours", self.theme_choice, field="theme")
        form.addRow(self.high_contrast)
        self._load_appearance()
        self.text_size.currentIndexChanged.connect(self._on_appearance_edited)
        self.theme_choice.currentIndexChanged.connect(self._on_appearance_edited)
        self.high_contrast.toggled.connect(self._on_appearance_edited)

    def _build_organisation(self, column: QVBoxLayout) -> None:
        form = self._group(column, "Your organisation", "Shown on forms and figures.")
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
        rows.add("Ph&one", self.phone, field="phone")
        rows.add("Em&ail", self.email, field="email")
        rows.add("Charit&y number", self.charity_number, field="charity_number")
        rows.add(
            "&Coordinator's name",
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
        logo_row = QWidget()
        logo_layout = FlowLayout(logo_row)  # wraps at large text sizes
        logo_layout.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel()
        self.logo_preview.setMinimumHeight(48)
        self.choose_logo = QPushButton("Choose a &logo…")
        self.choose_logo.clicked.connect(self._on_choose_logo_clicked)
        self.remove_logo = QPushButton("Remove &the logo")
        self.remove_logo.clicked.connect(self._on_remove_logo_clicked)
        logo_layout.addWidget(self.logo_preview)
        logo_layout.addWidget(self.choose_logo)
        logo_layout.addWidget(self.remove_logo)
        rows.add("Logo (PNG)", logo_row, field="logo")
        self.saved_note, self.save_button = self._save_row(column, "&Save organisation details")
        self.save_button.clicked.connect(self._on_save_clicked)

    def _build_thresholds(self, column: QVBoxLayout) -> None:
        form = self._group(column, "Reminders on Today, and figures")
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
            "Reviews &due after (weeks)",
            self.review_weeks,
            field="review_schedule_weeks",
            help_text="Weeks after a pairing starts, separated by commas, e.g. 6, 13, 26.",
        )
        # The reporting year is the organisation's, and is saved with these: the figures'
        # settings are together on this tab.
        self.threshold_rows.add(
            "Reporting &year starts in",
            self.year_start,
            field="reporting_year_start_month",
            help_text="Many funders use a year starting in April.",
        )
        self.reminders_saved_note, self.reminders_save_button = self._save_row(
            column, "&Save reminders and figures"
        )
        self.reminders_save_button.clicked.connect(self._on_reminders_save_clicked)

    # -- Screen ----------------------------------------------------------------------------
    def refresh(self) -> None:
        organisation = self.services.organisation.get()
        details = self.services.organisation.details()
        self._show_organisation(details)
        self._show_reminders(details)
        self._show_logo(organisation.logo_png if organisation else None)
        self.saved_note.clear()
        self.reminders_saved_note.clear()
        self._details = details
        self.backups_panel.refresh()
        self.conditions_panel.refresh()

    def _show_organisation(self, details: OrganisationDetails) -> None:
        self.name.setText(details.name)
        self.address.setPlainText(details.address)
        self.postcode.setText(details.postcode)
        self.phone.setText(details.phone)
        self.email.setText(details.email)
        self.charity_number.setText(details.charity_number)
        self.coordinator_name.setText(details.coordinator_name)
        self.coordinator_role.setText(details.coordinator_role)

    def _show_reminders(self, details: OrganisationDetails) -> None:
        self.year_start.setCurrentIndex(details.reporting_year_start_month - 1)
        for field, box in self.thresholds.items():
            box.setValue(int(getattr(details, field)))
        self.review_weeks.setText(details.review_schedule_weeks)

    def _show_logo(self, png: bytes | None) -> None:
        self.remove_logo.setEnabled(png is not None)
        if png is None:
            # Read as what it says; only the picture, which has no words, is given a name.
            self.logo_preview.setAccessibleName("")
            self.logo_preview.setText("No logo yet")
            return
        self.logo_preview.setAccessibleName("The logo in use")
        pixmap = QPixmap()
        pixmap.loadFromData(QByteArray(png))
        height = self.fontMetrics().height() * 3
        self.logo_preview.setPixmap(
            pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
        )

    # -- saving ----------------------------------------------------------------------------
    def _organisation_values(self) -> dict[str, object]:
        return {
            "name": self.name.text(),
            "address": self.address.toPlainText(),
            "postcode": self.postcode.text().upper(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "charity_number": self.charity_number.text(),
            "coordinator_name": self.coordinator_name.text(),
            "coordinator_role": self.coordinator_role.text(),
        }

    def _reminder_values(self) -> dict[str, object]:
        values: dict[str, object] = {
            "reporting_year_start_month": self.year_start.currentData(),
            "review_schedule_weeks": self.review_weeks.text(),
        }
        values.update({field: box.value() for field, box in self.thresholds.items()})
        return values

    def details(self, *, organisation: bool = True, reminders: bool = True) -> OrganisationDetails:
        """The details as saved, with what the Organisation tab (and or) the Reminders tab
        hold now: each tab's Save keeps its own inputs and leaves the other tab's as saved."""
        base = self.services.organisation.details()
        values = {f.name: getattr(base, f.name) for f in fields(OrganisationDetails)}
        if organisation:
            values.update(self._organisation_values())
        if reminders:
            values.update(self._reminder_values())
        return OrganisationDetails(**values)  # type: ignore[arg-type]

    def _on_save_clicked(self) -> None:
        if self._save(self.details(reminders=False), self.organisation_rows, self.saved_note):
            self._show_organisation(self._details)

    def _on_reminders_save_clicked(self) -> None:
        saved = self._save(
            self.details(organisation=False), self.threshold_rows, self.reminders_saved_note
        )
        if saved:
            self._show_reminders(self._details)

    def _save(self, details: OrganisationDetails, rows: FormRows, note: QLabel) -> bool:
        """Save one tab's part of the details; its problem is shown under its input."""
        rows.clear_problems()
        note.clear()
        try:
            self.services.organisation.save(details)
        except ValidationError as error:
            if not rows.show_problem(error.field, error.message):
                show_problem(self, "The settings were not saved", error)
            note.setText("Not saved yet: please see the note above.")
            return False
        except PeerdeskError as error:
            show_problem(self, "The settings were not saved", error)
            return False
        self._details = self.services.organisation.details()
        note.setText("✓ Saved.")
        announcer.announce("Saved.", note)  # heard as a sighted user sees the tick
        self.organisation_saved.emit()
        return True

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
