"""Menu actions for consents and data protection (listed in peerdesk.ui.menu_extras)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from peerdesk.services import Services
from peerdesk.ui.consents.gaps_dialog import ConsentGapsDialog
from peerdesk.ui.consents.retention_dialog import RetentionDialog
from peerdesk.ui.consents.wordings_dialog import WordingsDialog


def open_consent_gaps(services: Services, _settings: QSettings, parent: QWidget) -> None:
    ConsentGapsDialog(services, parent).exec()


def open_wordings(services: Services, _settings: QSettings, parent: QWidget) -> None:
    WordingsDialog(services, parent).exec()


def open_retention(services: Services, _settings: QSettings, parent: QWidget) -> None:
    RetentionDialog(services, parent).exec()
