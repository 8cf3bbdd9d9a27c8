"""The preview dialog opened from a record page's "Print…" menu."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from peerdesk.services import Services
from peerdesk.ui.operation import run_operation
from peerdesk.ui.printing.preview import PdfPreview
from peerdesk.ui.widgets.fit_screen import resize_within_screen


class FormPreviewDialog(QDialog):
    rendered = Signal()

    def __init__(
        self,
        services: Services,
        subject_kind: str,
        subject_id: int,
        form_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.subject_kind = subject_kind
        self.subject_id = subject_id
        self.form_name = form_name
        self._generation = 0
        self._closed = False
        title = next((c.title for c in services.printing.forms() if c.name == form_name), "Form")
        self.setWindowTitle(f"{title}: preview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # A page's shape where there is room; on a small laptop, the whole screen at most.
        resize_within_screen(self, QSize(820, 900))
        self.large_print = QCheckBox("&Large print", self)
        self.large_print.setAccessibleName("Large print")
        self.large_print.setChecked(services.printing.needs_large_print(subject_kind, subject_id))
        self.large_print.toggled.connect(self._on_large_print_toggled)
        self.preview = PdfPreview(self)
        self.preview.add_shortcuts()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.large_print)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)

    def render_form(self) -> None:
        """Render in the background; a newer request wins over an older one."""
        self._generation += 1
        generation = self._generation
        large = self.large_print.isChecked()
        self.preview.show_message("Preparing the form…")
        services, name = self.services, self.form_name
        kind, record_id = self.subject_kind, self.subject_id

        def work() -> bytes:
            return services.printing.render(name, kind, record_id, large_print=large)

        def done(pdf: bytes) -> None:
            if generation == self._generation and not self._closed:
                suffix = "-large-print" if large else ""
                self.preview.show_pdf(pdf, f"{name}-{kind}-{record_id}{suffix}.pdf")
                self.rendered.emit()

        def failed(message: str) -> None:
            if generation == self._generation and not self._closed:
                self.preview.show_message(message)

        run_operation(work, done, failed)

    def _on_large_print_toggled(self, _checked: bool) -> None:
        self.render_form()

    def done(self, result: int) -> None:
        self._closed = True
        self.preview.cleanup()
        super().done(result)
