"""Printing a previewed form sends every page, at the page's proportions, to the printer.

A PDF printer stands in for a real one: the pages it receives are read back."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from peerdesk.forms.catalogue import render
from peerdesk.ui.printing.preview import PdfPreview


def test_print_sends_every_page_to_the_printer(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    preview = PdfPreview()
    qtbot.addWidget(preview)
    pdf = render("introduction-pack", None, None, large_print=False)
    preview.show_pdf(pdf, "pack.pdf")
    assert preview.page_count > 3
    with qtbot.waitSignal(preview.printed, timeout=60_000):
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        preview.print_to(printer)
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == preview.page_count
    first = printed.pages[0].mediabox
    assert float(first.height) > float(first.width)  # A4 portrait, not squashed
    preview.cleanup()
