"""A form filled in for one record that is not a person, pairing, group or meeting (an expense
claim, a concern), previewed to print or save as any form is. The service renders it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from peerdesk.services import Services
from peerdesk.ui.operation import run_operation
from peerdesk.ui.printing.dialog import FormPreviewDialog


class RecordFormDialog(FormPreviewDialog):
    """`make(large_print)` renders the PDF; `stem` names the file saved. The subject (a person,
    pairing or group) decides whether large print is ticked at first."""

    def __init__(
        self,
        services: Services,
        subject: tuple[str, int],
        form_name: str,
        make: Callable[[bool], bytes],
        stem: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, subject[0], subject[1], form_name, parent)
        self.make = make
        self.stem = stem

    def render_form(self) -> None:
        self._generation += 1
        generation = self._generation
        large = self.large_print.isChecked()
        self.preview.show_message("Preparing the form…")
        make, stem = self.make, self.stem

        def work() -> bytes:
            return make(large)

        def done(pdf: bytes) -> None:
            if generation == self._generation and not self._closed:
                suffix = "-large-print" if large else ""
                self.preview.show_pdf(pdf, f"{stem}{suffix}.pdf")
                self.rendered.emit()

        def failed(message: str) -> None:
            if generation == self._generation and not self._closed:
                self.preview.show_message(message)

        run_operation(work, done, failed)
