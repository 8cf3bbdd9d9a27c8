"""The first-run welcome: a few details about the organisation, or a demo to explore first."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.demo.views import DemoOptions
from peerdesk.services.opening import open_services
from peerdesk.services.organisation.views import OrganisationDetails
from peerdesk.ui.messages import show_problem
from peerdesk.ui.operation import run_operation
from peerdesk.ui.screens.settings import month_box
from peerdesk.ui.security.first_run_encryption import FirstRunEncryption
from peerdesk.ui.widgets import FormRows

DEMO_FILE_NAME = "demo.db"


def demo_paths(paths: Paths) -> Paths:
    """The demo lives in its own file beside the real one, never mixed with real records."""
    return dataclasses.replace(paths, database=paths.data_dir / DEMO_FILE_NAME)


def open_demo(paths: Paths, today: Callable[[], date] = date.today) -> Services:
    """Open the demo database, filling it with fictional records the first time."""
    services = open_services(demo_paths(paths), today=today)
    try:
        if not services.organisation.is_set_up():
            services.demo.generate(DemoOptions(seed=1, force=services.demo.has_records()))
    except BaseException:
        services.close()
        raise
    return services


class WelcomeDialog(QDialog):
    """Accepted with the organisation saved, or with `demo_services` open on the demo."""

    def __init__(
        self,
        services: Services,
        paths: Paths,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.paths = paths
        self.today = today
        self.demo_services: Services | None = None
        self.setWindowTitle("Welcome to peerdesk")
        self.setAccessibleName("Welcome to peerdesk")
        layout = QVBoxLayout(self)
        heading = QLabel("<h1>Welcome to peerdesk</h1>")
        intro = QLabel(
            "peerdesk keeps your peer-support records on this computer: the people you "
            "support, your volunteers, pairings, sessions and groups, and the forms and "
            "figures you need. To begin, tell it a little about your organisation. You can "
            "change any of this later in Settings."
        )
        intro.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.rows = FormRows(form)
        self.name = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setMaximumHeight(self.address.fontMetrics().lineSpacing() * 4 + 12)
        self.charity_number = QLineEdit()
        self.year_start = month_box()
        self.year_start.setCurrentIndex(3)  # April: the usual UK financial year
        self.rows.add("Organisation's &name (needed)", self.name, field="name")
        self.rows.add("&Address", self.address, field="address")
        self.rows.add(
            "&Charity number (if you have one)", self.charity_number, field="charity_number"
        )
        self.rows.add(
            "Reporting &year starts in",
            self.year_start,
            field="reporting_year_start_month",
            help_text="The month your funders' year begins. Many use April.",
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Progress")
        self.encryption = FirstRunEncryption()
        layout.addWidget(self.encryption)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.demo_button = QPushButton("&Explore with demo data first")
        self.demo_button.setToolTip(
            "Opens a separate demo file of fictional people, so you can try everything "
            "safely. Your own records are never mixed with it."
        )
        self.start_button = QPushButton("&Start with my organisation")
        self.start_button.setDefault(True)
        self.demo_button.clicked.connect(self._on_demo_clicked)
        self.start_button.clicked.connect(self._on_start_clicked)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def details(self) -> OrganisationDetails:
        return OrganisationDetails(
            name=self.name.text(),
            address=self.address.toPlainText(),
            charity_number=self.charity_number.text(),
            reporting_year_start_month=int(self.year_start.currentData()),
        )

    def _on_start_clicked(self) -> None:
        self.rows.clear_problems()
        try:
            self.services.organisation.save(self.details(), is_demo=False)
        except ValidationError as error:
            if not self.rows.show_problem(error.field, error.message):
                show_problem(self, "Your details were not saved", error)
            return
        except PeerdeskError as error:
            show_problem(self, "Your details were not saved", error)
            return
        if not self.encryption.apply(self.services):
            return
        self.accept()

    def _on_demo_clicked(self) -> None:
        self.demo_button.setEnabled(False)
        self.start_button.setEnabled(False)
        self.status.setText("Making fictional records to explore… this takes a few seconds.")
        paths, today = self.paths, self.today
        run_operation(lambda: open_demo(paths, today), self._on_demo_ready, self._on_demo_failed)

    def _on_demo_ready(self, services: object) -> None:
        assert isinstance(services, Services)
        self.demo_services = services
        self.accept()

    def _on_demo_failed(self, message: str) -> None:
        self.demo_button.setEnabled(True)
        self.start_button.setEnabled(True)
        self.status.setText("")
        show_problem(self, "The demo could not be opened", message)
