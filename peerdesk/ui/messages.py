"""Showing problems to the coordinator: plain words, never a traceback."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from peerdesk.errors import PeerdeskError
from peerdesk.ui.operation import UNEXPECTED

log = logging.getLogger(__name__)


def show_problem(parent: QWidget | None, title: str, error: BaseException | str) -> None:
    """Tell the user what went wrong. Unexpected errors are logged, not shown."""
    if isinstance(error, PeerdeskError):
        message = str(error)
    elif isinstance(error, str):
        message = error
    else:
        log.error("unexpected error shown as a generic message", exc_info=error)
        message = UNEXPECTED
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setAccessibleName(title)
    box.exec()
