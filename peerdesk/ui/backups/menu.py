"""Menu callbacks: File → Backups…, Help → Check the database; and the main window's
weekly health check (`watch_health`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from peerdesk.services import Services
from peerdesk.ui.backups.backups_dialog import BackupsDialog
from peerdesk.ui.backups.health_watch import HealthWatch
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


def watch_health(window: QWidget, services: Services, settings: QSettings) -> HealthWatch:
    """The main window's weekly health check (`HealthWatch`), shown on Today.

    Its verdicts sit beside settings.ini, in peerdesk's config folder, never in the database.
    It starts on the first turn of the event loop, which comes after the window is shown (so
    the first paint is not slowed; the check itself waits its minute more); the window's
    closeEvent stops it, before anything is torn down.
    """
    watch = HealthWatch(services, Path(settings.fileName()).parent, window)
    screens = getattr(window, "screens", None)
    today = screens.built("today") if screens is not None else None
    show_on_today = getattr(today, "watch_health", None)
    if callable(show_on_today):
        show_on_today(watch)
    watch.restored.connect(lambda _result: _refresh_current_screen(window))
    QTimer.singleShot(0, watch, watch.start)
    return watch
