"""The import assistant: file → columns → preview (problems, duplicates) → import → summary.

Like GnuCash's CSV import assistant: settings first, then a column mapping with a live
preview, then a review of every row before anything is written. The import itself runs off
the UI thread and is all or nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from peerdesk.errors import PeerdeskError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing.views import (
    DuplicateChoice,
    ImportPreview,
    ImportSettings,
    MappingStore,
    SheetKind,
    Source,
    headers,
    suggest_columns,
)
from peerdesk.ui.importing.pages import FilePage, MappingPage, PreviewPage, SummaryPage
from peerdesk.ui.messages import show_problem
from peerdesk.ui.operation import run_operation


class ImportAssistant(QWizard):
    imported = Signal(object)  # the ImportPreview of a committed import
    preview_changed = Signal()

    def __init__(self, services: Services, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.backup_dir = paths.backup_dir
        self.store = MappingStore(paths.config_dir / "import-mappings")
        self.source: Source | None = None
        self.settings: ImportSettings | None = None
        self.choices: dict[tuple[str, int], DuplicateChoice] = {}
        self.preview: ImportPreview | None = None
        self.outcome: ImportPreview | None = None
        self.busy = False
        self.setWindowTitle("Import from a spreadsheet")
        self.setAccessibleName("Import from a spreadsheet")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.summary_page):
            self.addPage(page)
        self.resize(900, 640)

    # -- steps -------------------------------------------------------------------------
    def load(
        self,
        path: str,
        mapping_name: str | None,
        encoding: str | None,
        separator: str | None,
        day_first: bool,
    ) -> bool:
        try:
            saved = self.store.load(mapping_name) if mapping_name else ImportSettings()
            if encoding:
                saved.encoding = encoding
            if separator:
                saved.separator = separator
            if not mapping_name:
                saved.day_first = day_first
            self.source = self.services.importing.read(Path(path).expanduser(), saved)
            self.settings = self.services.importing.suggest(self.source, saved)
        except PeerdeskError as error:
            show_problem(self, "This file cannot be imported", error)
            return False
        self.choices = {}
        return True

    def change_kind(self, sheet_name: str, kind: SheetKind | None) -> None:
        assert self.settings is not None
        mapping = self.settings.sheets[sheet_name]
        mapping.kind, mapping.included = kind, kind is not None
        self._suggest_columns(sheet_name)

    def change_header_row(self, sheet_name: str, row: int) -> None:
        assert self.settings is not None
        self.settings.sheets[sheet_name].header_row = row
        self._suggest_columns(sheet_name)

    def _suggest_columns(self, sheet_name: str) -> None:
        assert self.source is not None and self.settings is not None
        sheet = self.source.sheet(sheet_name)
        mapping = self.settings.sheets[sheet_name]
        if sheet is None:
            return
        names = headers(sheet, mapping.header_row - 1)
        found = suggest_columns(sheet, mapping.header_row - 1, mapping.kind) if mapping.kind else {}
        mapping.columns = {name: found.get(i, "") for i, name in enumerate(names)}

    def make_preview(self) -> bool:
        assert self.source is not None and self.settings is not None
        try:
            self.preview = self.services.importing.preview(self.source, self.settings, self.choices)
        except PeerdeskError as error:
            show_problem(self, "The preview could not be made", error)
            return False
        self.preview_changed.emit()
        return True

    def choose(self, key: tuple[str, int], choice: DuplicateChoice) -> None:
        self.choices[key] = choice
        self.make_preview()

    def save_mapping(self, name: str) -> None:
        if self.settings is None:
            return
        try:
            self.store.save(name, self.settings)
        except (PeerdeskError, OSError) as error:
            show_problem(
                self,
                "The mapping was not saved",
                error
                if isinstance(error, PeerdeskError)
                else "The settings could not be written to disk.",
            )
            return
        QMessageBox.information(
            self,
            "Mapping saved",
            f"Saved as “{name.strip()}”. Choose it next time on the first page.",
        )

    def start_import(self) -> bool:
        """Called by the preview page's Import button: True once the import is done."""
        if self.outcome is not None:
            return True
        if self.busy or self.source is None or self.settings is None:
            return False
        self.busy = True
        self.preview_page.completeChanged.emit()
        source, settings, choices = self.source, self.settings, dict(self.choices)
        run_operation(
            lambda: self.services.importing.run(source, settings, choices, self.backup_dir),
            self._on_import_succeeded,
            self._on_import_failed,
        )
        return False

    def _on_import_succeeded(self, result: ImportPreview) -> None:
        self.busy = False
        if not result.committed:
            # Something changed since the preview: show the new problems, write nothing.
            self.preview = result
            self.preview_page.show_preview()
            return
        self.outcome = result
        self.imported.emit(result)
        self.next()

    def _on_import_failed(self, message: str) -> None:
        self.busy = False
        self.preview_page.completeChanged.emit()
        show_problem(self, "Nothing was imported", message)
