"""The import assistant: file → columns → preview (problems, duplicates) → import → summary.

Like GnuCash's CSV import assistant: settings first, then a column mapping with a live
preview, then a review of every row before anything is written. Reading the file, the preview and the
import run off the UI thread (`run_operation`) with a progress strip on the page; reading and
the preview can be cancelled (Cancel or Escape), leaving the assistant where it was. The import
is all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget, QWizard

from peerdesk.errors import PeerdeskError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing.views import (
    DuplicateChoice,
    ImportCancelled,
    ImportPreview,
    ImportSettings,
    MappingStore,
    Progress,
    SheetKind,
    Source,
    headers,
    suggest_columns,
)
from peerdesk.ui import announcer, theme
from peerdesk.ui.importing.pages import FilePage, MappingPage, PreviewPage, SummaryPage
from peerdesk.ui.messages import show_problem
from peerdesk.ui.operation import run_operation
from peerdesk.ui.widgets.fit_screen import natural_size, room_on_screen

WorkPage = FilePage | MappingPage | PreviewPage
READING = "Reading the file…"
CHECKING = "Checking the rows…"
COUNTING = "Checking row {done} of {total}…"
STOPPED = "Stopped. Nothing was changed."
#: How often the progress strip reads the worker's last report (a poll: no per-row signals).
POLL_MS = 100
#: The assistant's own Cancel (close it, importing nothing).
CLOSE = "Canc&el"
#: Its size at the normal text size: larger text makes it larger alike, within the screen
#: (at the largest text its pages still scroll, with their lists eight rows tall).
SIZE = QSize(900, 700)
NORMAL_POINTS = theme.TEXT_SIZES[0][1]
_CANCELLED = object()  # what cancelled work hands back (never shown)


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
        # The work running in the background (None when nothing runs), where its strip is,
        # and a count that makes the results of cancelled or superseded work be ignored.
        self._progress: Progress | None = None
        self._page: WorkPage | None = None
        self._generation = 0
        self._cancellable = False
        self._on_cancel: Callable[[], None] | None = None
        self._focus: QWidget | None = None
        self._advance = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._show_progress)
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
        for page in (self.file_page, self.mapping_page, self.preview_page):
            page.strip.cancel.clicked.connect(self.cancel_work)
        # Alt+E: the one letter of "Cancel" no page uses (C, A, N and L are taken).
        self.setButtonText(QWizard.WizardButton.CancelButton, CLOSE)
        self._fitted = False

    def setVisible(self, visible: bool) -> None:
        if visible and not self._fitted:
            # Once, when first shown: as big as its pages ask (at least SIZE), never larger
            # than the screen; the pages scroll inside, the strip and buttons stay in view.
            self._fitted = True
            room = room_on_screen(self)
            self.setMaximumSize(room)
            grown = SIZE * (self.font().pointSizeF() / NORMAL_POINTS)
            self.resize(natural_size(self).expandedTo(grown).boundedTo(room))
        super().setVisible(visible)

    # -- steps -------------------------------------------------------------------------
    def load(
        self,
        path: str,
        mapping_name: str | None,
        encoding: str | None,
        separator: str | None,
        day_first: bool,
    ) -> bool:
        """The file page's validatePage: True once the file has been read in the background
        (the assistant then moves on by itself); False while it is read, or if it cannot be."""
        if self._take_advance():
            return True
        try:
            saved = self.store.load(mapping_name) if mapping_name else ImportSettings()
        except PeerdeskError as error:
            show_problem(self, "This file cannot be imported", error)
            return False
        if encoding:
            saved.encoding = encoding
        if separator:
            saved.separator = separator
        if not mapping_name:
            saved.day_first = day_first
        target, importing = Path(path).expanduser(), self.services.importing

        def work(progress: Progress) -> tuple[Source, ImportSettings]:
            source = importing.read(target, saved)
            progress.check()  # reading cannot stop part-way: stop before the mapping
            return source, importing.suggest(source, saved)

        def loaded(result: tuple[Source, ImportSettings]) -> None:
            self.source, self.settings = result
            self.choices = {}
            self._go_on()

        self._start(self.file_page, READING, "", work, loaded, "This file cannot be imported")
        return False

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
        """The mapping page's validatePage: True once the preview is made (the assistant then
        moves on by itself); False while it is made in the background, or if it fails."""
        if self._take_advance():
            return True
        self._run_preview(self.mapping_page, dict(self.choices), self._go_on)
        return False

    def choose(
        self, key: tuple[str, int], choice: DuplicateChoice, then: Callable[[], None] | None = None
    ) -> None:
        """A duplicate choice: the preview is made again with it (in the background); a newer
        choice supersedes it. The choice is kept only once its preview is shown."""
        page = self.preview_page

        def shown() -> None:
            page.show_preview()
            if then is not None:
                then()

        self._run_preview(page, {**self.choices, key: choice}, shown, page.choice_shown)

    def _run_preview(
        self,
        page: WorkPage,
        choices: dict[tuple[str, int], DuplicateChoice],
        then: Callable[[], None],
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        assert self.source is not None and self.settings is not None
        source, settings, importing = self.source, self.settings, self.services.importing

        def made(preview: ImportPreview) -> None:
            self.preview, self.choices = preview, choices
            self.preview_changed.emit()
            then()

        self._start(
            page,
            CHECKING,
            COUNTING,
            lambda progress: importing.preview(source, settings, choices, progress),
            made,
            "The preview could not be made",
            on_cancel=on_cancel,
        )

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
        if self.working or self.source is None or self.settings is None:
            return False
        source, settings, choices = self.source, self.settings, dict(self.choices)
        # Not cancellable: once its transaction commits there is nothing to stop, and a
        # Cancel that sometimes did nothing would mislead. The backup before it undoes it.
        self._start(
            self.preview_page,
            "Importing…",
            "Importing: checking row {done} of {total}…",
            lambda progress: self.services.importing.run(
                source, settings, choices, self.backup_dir, progress
            ),
            self._on_import_succeeded,
            "Nothing was imported",
            cancellable=False,
        )
        return False

    def _on_import_succeeded(self, result: ImportPreview) -> None:
        if not result.committed:
            # Something changed since the preview: show the new problems, write nothing.
            self.preview = result
            self.preview_page.show_preview()
            return
        self.outcome = result
        self.imported.emit(result)
        self.next()

    # -- work in the background ------------------------------------------------------------
    def _start(
        self,
        page: WorkPage,
        words: str,
        counting: str,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        failure_title: str,
        *,
        cancellable: bool = True,
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        """Run `work` off the UI thread with `page`'s progress strip shown; `on_done` gets
        its result unless it was cancelled or superseded by newer work meanwhile."""
        if self._progress is not None:
            self._progress.cancel()  # superseded: its result is ignored below
        else:
            # Where the keyboard was, to put it back after; only ever a widget of ours, which
            # lives as long as the assistant does.
            focus = QApplication.focusWidget()
            self._focus = focus if focus is not None and focus.window() is self else None
        self._generation += 1
        generation, progress = self._generation, Progress()
        self._progress, self._page = progress, page
        self._cancellable, self._on_cancel = cancellable, on_cancel
        page.strip.start(words, counting, cancellable=cancellable)
        self._set_working(True)
        self._poll.start()

        def run() -> Any:
            try:
                return work(progress)
            except ImportCancelled:
                return _CANCELLED

        def succeeded(result: Any) -> None:
            if generation == self._generation and result is not _CANCELLED:
                self._stop_working()
                on_done(result)

        def failed(message: str) -> None:
            if generation == self._generation:
                self._stop_working()
                show_problem(self, failure_title, message)

        run_operation(run, succeeded, failed)

    def cancel_work(self) -> None:
        """Cancel (the strip's button, or Escape): stop the work, stay where we were."""
        if self._progress is None or not self._cancellable:
            return
        self._progress.cancel()
        self._generation += 1  # whatever it still sends back is ignored
        on_cancel = self._on_cancel
        self._stop_working()
        if on_cancel is not None:
            on_cancel()
        announcer.announce(STOPPED, self)

    def reject(self) -> None:
        # Escape (or closing) while work runs stops the work; the assistant stays open.
        if self._progress is not None:
            self.cancel_work()
            return
        super().reject()

    @property
    def working(self) -> bool:
        return self._progress is not None

    def _take_advance(self) -> bool:
        advance, self._advance = self._advance, False
        return advance

    def _go_on(self) -> None:
        """Finished work lets the page's validatePage say yes this time."""
        self._advance = True
        self.next()
        self._advance = False

    def _set_working(self, working: bool) -> None:
        page = self._page
        if page is None:
            return
        page.body.setEnabled(not working)
        if page is self.preview_page:
            page.choices_row.setVisible(not working)
        page.completeChanged.emit()  # Next and Import follow the page's isComplete
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not working)
        if working:
            # After completeChanged, which sets Back again from the wizard's history.
            self.button(QWizard.WizardButton.BackButton).setEnabled(False)
            if page.strip.cancel.isVisible():
                page.strip.cancel.setFocus()

    def _stop_working(self) -> None:
        self._poll.stop()
        self._progress = None
        if self._page is not None:
            self._page.strip.stop()
        self._set_working(False)
        focus, self._focus = self._focus, None
        if focus is not None and focus.isEnabled():
            focus.setFocus()

    def _show_progress(self) -> None:
        if self._progress is not None and self._page is not None:
            self._page.strip.show_counts(*self._progress.snapshot())
