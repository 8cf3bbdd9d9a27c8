"""Starting the desktop app: QApplication, the database, the main window."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from peerdesk.errors import PeerdeskError
from peerdesk.paths import Paths, resource_path
from peerdesk.services import Services

log = logging.getLogger(__name__)

APP_ID = "org.peerdesk.Peerdesk"


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("peerdesk")
    app.setApplicationDisplayName("peerdesk")
    app.setOrganizationName("peerdesk")
    app.setOrganizationDomain("peerdesk.org")
    app.setDesktopFileName(APP_ID)
    icon = resource_path("icons", "peerdesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_app(paths: Paths, args: argparse.Namespace) -> int:
    from peerdesk.ui.main_window import MainWindow

    app = make_application()
    settings = QSettings()
    try:
        services = Services.open(paths)
    except PeerdeskError as error:
        log.info("database not opened: %s", type(error).__name__)
        QMessageBox.critical(None, "peerdesk cannot open the database", str(error))
        return 2
    try:
        window = MainWindow(services, settings)
        window.show()
        return app.exec()
    finally:
        services.close()
