"""Menu callbacks: File → Backups…, Help → Check the database."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from peerdesk.services import Services
from peerdesk.ui.backups.backups_dialog import BackupsDialog
from peerdesk.ui.messages import show_problem
from peerdesk.ui.operation import run_operation


def open_backups(services: Services, settings: QSettings, parent: QWidget) -> None:
    dialog = BackupsDialog(services, settings, parent)
    dialog.restored.connect(lambda _result: _refresh_current_screen(parent))
    dialog.folder_changed.connect(lambda: _refresh_current_screen(parent))
    dialog.exec()


def check_database(services: Services, _settings: QSettings, parent: QWidget) -> None:
    def _on_checked(report: object) -> None:
        lines = report.lines()  # type: ignore[attr-defined]
        healthy = report.healthy  # type: ignore[attr-defined]
        if healthy:
            QMessageBox.information(parent, "The database is healthy", "\n".join(lines))
        else:
            QMessageBox.warning(
                parent,
                "The database needs attention",
                "\n".join(lines)
                + "\n\nOpen File → Backups… to restore your newest backup, or ask for help.",
            )

    def _on_failed(message: str) -> None:
        show_problem(parent, "The database could not be checked", message)

    run_operation(lambda: services.health.check(full=True), _on_checked, _on_failed)


def _refresh_current_screen(parent: QWidget) -> None:
    # After a restore the records on screen are out of date; after a new backup folder, the
    # Settings screen's Backups part is.
    current = getattr(parent, "current_screen", None)
    screen = current() if callable(current) else None
    if screen is not None:
        screen.refresh()
