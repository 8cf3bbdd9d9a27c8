"""A PDF preview with Print, Open in PDF viewer and Save as, shared by the Forms screen and
the "Print…" dialog of record pages.

A screen reader cannot read the pages (they are pictures), so the preview says in words
which form it shows and how many pages it has, above the pages and in the page view's name
and description, and the next Tab stop after the pages is "Open in PDF viewer", where the
form's text can be read.

Preview files live in a private temporary folder made for this widget and deleted when it
closes (and when the app quits), so filled-in forms are not left lying around.
"""

from __future__ import annotations

import functools
import logging
import shutil
import tempfile
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.forms.document import write_pdf
from peerdesk.ui import announcer
from peerdesk.ui.messages import show_problem
from peerdesk.ui.widgets.flow_layout import FlowLayout

log = logging.getLogger(__name__)

#: Enough for crisp text on any office printer without huge page images.
MAX_PRINT_DPI = 300


class PdfPreview(QWidget):
    """Shows one PDF and offers to print or save it."""

    printed = Signal()
    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = Path(tempfile.mkdtemp(prefix="peerdesk-preview-"))
        self._file: Path | None = None
        self._suggested = "form.pdf"
        self._serial = 0
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName("Preview of the form")
        # The text alternative: the form's title and pages, in words (empty with no form).
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.hide()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)

        # Alt+O, Alt+P and Alt+S here; Ctrl+P and Ctrl+Shift+S only where the preview is a window of
        # its own (add_shortcuts): a button's shortcut would take its access key away, and in
        # the main window Ctrl+P is File ▸ Print (the Forms screen's print_record).
        self.open_button = QPushButton("&Open in PDF viewer", self)
        self.open_button.setAccessibleName("Open the form in your PDF viewer")
        self.print_button = QPushButton("&Print…", self)
        self.print_button.setAccessibleName("Print the form")
        self.save_button = QPushButton("&Save as…", self)
        self.save_button.setAccessibleName("Save the form as a PDF file")
        self.print_button.clicked.connect(self._on_print_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)

        # The buttons wrap onto a second line in a narrow preview (the largest text on a
        # laptop, beside the Forms screen's choices) rather than widen the window. They come
        # after the pages, Open first: from the pages, Tab goes to where the text is read.
        row = QWidget(self)
        buttons = FlowLayout(row)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.about)
        layout.addWidget(self.stack, 1)
        layout.addWidget(row)
        # Tab follows what is read: the pages, then Open, Print, Save as.
        for before, after in pairwise(
            (self.view, self.open_button, self.print_button, self.save_button)
        ):
            QWidget.setTabOrder(before, after)
        self.show_message("Choose a form to see it here.")
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cleanup)
        # Also when the widget goes without being closed (partial: no reference to self).
        self.destroyed.connect(functools.partial(shutil.rmtree, str(self._folder), True))

    # -- showing -------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self._file else 0

    @property
    def pdf_path(self) -> Path | None:
        return self._file

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.about.hide()
        self.stack.setCurrentWidget(self.message)
        self._set_actions_enabled(False)

    def show_pdf(self, pdf: bytes, suggested_name: str) -> None:
        """Show new PDF bytes; `suggested_name` is offered by Save as."""
        if not self._folder.is_dir():
            return  # closed (its folder deleted) while the form was being made: nothing to show
        self._serial += 1
        path = self._folder / f"preview-{self._serial}.pdf"
        path.write_bytes(pdf)
        self.document.close()
        previous, self._file = self._file, path
        self._suggested = suggested_name
        if self.document.load(str(path)) != QPdfDocument.Error.None_:
            self._file = None
            self.show_message("This form could not be shown. Please try again.")
            return
        if previous is not None:
            previous.unlink(missing_ok=True)
        self.stack.setCurrentWidget(self.view)
        self._set_actions_enabled(True)
        self._describe(suggested_name)

    def _describe(self, suggested_name: str) -> None:
        """Say in words which form is shown and how many pages it has (the pages are
        pictures to a screen reader): above the pages, on the page view, and aloud."""
        title = self.document.metaData(QPdfDocument.MetaDataField.Title)
        title = str(title).strip() if title else ""
        if not title:
            title = Path(suggested_name).stem.replace("-", " ").capitalize()
        count = self.page_count
        pages = f"{count} page{'' if count == 1 else 's'}"
        self.about.setText(f"{title}: {pages}.")
        self.about.show()
        self.view.setAccessibleName(f"Preview of {title}")
        self.view.setAccessibleDescription(
            f"{pages}, shown as pictures. To have the form read, use Open in PDF viewer, "
            "the next button (Alt+O)."
        )
        announcer.announce(f"{title} ready to print: {pages}.", self)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for button in (self.print_button, self.open_button, self.save_button):
            button.setEnabled(enabled)

    # -- actions -------------------------------------------------------------------------
    def add_shortcuts(self) -> None:
        """Ctrl+P prints and Ctrl+Shift+S saves, for a preview that is a window of its own."""
        for keys, button in (
            (QKeySequence.StandardKey.Print, self.print_button),
            (QKeySequence.StandardKey.SaveAs, self.save_button),
        ):
            QShortcut(QKeySequence(keys), self.window(), button.animateClick)

    def _on_print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._suggested)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            self.print_to(printer)
        except RuntimeError as error:
            show_problem(self, "Printing did not work", str(error))

    def print_to(self, printer: QPrinter) -> None:
        """Draw each page as an image at the printer's resolution (capped), fitted to the
        printable area with its proportions kept."""
        first, last = printer.fromPage(), printer.toPage()
        pages = range(max(first, 1) - 1 if first else 0, last if last else self.page_count)
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("The printer could not be started. Check it is on and try again.")
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            for count, page in enumerate(pages):
                if count:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(page, size)
                scale = min(area.width() / size.width(), area.height() / size.height())
                target = QRectF(QPointF(0, 0), size.toSizeF() * scale)
                painter.drawImage(target, image)
        finally:
            painter.end()
        self.printed.emit()

    def _on_open_clicked(self) -> None:
        if self._file is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._file))):
            show_problem(
                self,
                "No PDF viewer",
                "No program to open PDF files was found. Use Save as… and open the file "
                "from your folders instead.",
            )

    def _on_save_clicked(self) -> None:
        if self._file is None:
            return
        start = str(Path.home() / self._suggested)
        target, _ = QFileDialog.getSaveFileName(self, "Save the form", start, "PDF files (*.pdf)")
        if target:
            self.save_to(Path(target))

    def save_to(self, target: Path) -> None:
        if self._file is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            write_pdf(self._file.read_bytes(), target)
        except OSError as error:
            log.warning("saving a form failed: %s", type(error).__name__)
            show_problem(
                self,
                "The form was not saved",
                "The file could not be written there. Check the folder exists, is not "
                "read-only, and the disk has space.",
            )
            return
        self.saved.emit(str(target))

    # -- tidying up ----------------------------------------------------------------------
    def cleanup(self) -> None:
        """Close the document and delete the private folder with every preview in it."""
        self.document.close()
        self._file = None
        shutil.rmtree(self._folder, ignore_errors=True)

    def closeEvent(self, event) -> None:
        self.cleanup()
        super().closeEvent(event)
