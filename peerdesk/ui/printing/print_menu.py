"""The "Print…" menu a record page shows: the forms that can be filled in for that record.

Record pages call `make_print_menu(services, settings, subject_kind, subject_id, parent)` with
subject_kind one of "person", "pairing", "group", "meeting".
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu, QWidget

from peerdesk.services import Services


def make_print_menu(
    services: Services,
    settings: QSettings,
    subject_kind: str,
    subject_id: int,
    parent: QWidget | None = None,
) -> QMenu:
    menu = QMenu("Print…", parent)
    placeholder = menu.addAction("Forms will be available here soon")
    placeholder.setEnabled(False)
    return menu
