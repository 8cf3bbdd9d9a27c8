"""Menu actions: the import assistant, and exporting the people and sessions lists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.ui.importing.assistant import ImportAssistant
from peerdesk.ui.messages import show_problem
from peerdesk.ui.operation import run_operation
from peerdesk.ui.security.private_files import confirm_personal_export

FILTERS = "Excel workbook (*.xlsx);;CSV file (*.csv)"
SINGULAR = {"people": "person", "sessions": "session"}


def paths_for(services: Services) -> Paths:
    return Paths.for_user(services.database_path)


def open_import_assistant(services: Services, settings: QSettings, parent: QWidget) -> None:
    assistant = ImportAssistant(services, paths_for(services), parent)
    # The screen on show (People, say) should list what was just imported.
    current_screen = getattr(parent, "current_screen", None)
    if callable(current_screen):
        assistant.imported.connect(lambda _result: _refresh(current_screen()))
    assistant.open()


def _refresh(screen: object) -> None:
    refresh = getattr(screen, "refresh", None)
    if callable(refresh):
        refresh()


def export_people(services: Services, settings: QSettings, parent: QWidget) -> None:
    _export(services, parent, "people", "Export people")


def export_sessions(services: Services, settings: QSettings, parent: QWidget) -> None:
    _export(services, parent, "sessions", "Export sessions")


def _export(services: Services, parent: QWidget, what: str, title: str) -> None:
    if not confirm_personal_export(parent, f"the {what} list"):
        return
    folder = paths_for(services).export_dir
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(folder / f"{what}.xlsx"), FILTERS)
    if not path:
        return
    target = Path(path)
    if not target.suffix:
        target = target.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
    work = services.exporting.people if what == "people" else services.exporting.sessions

    def _on_export_succeeded(count: int) -> None:
        noun = what if count != 1 else SINGULAR[what]
        QMessageBox.information(parent, title, f"{count} {noun} written to {target}.")

    run_operation(
        lambda: work(target),
        _on_export_succeeded,
        lambda message: show_problem(parent, f"{title}: nothing was written", message),
    )
