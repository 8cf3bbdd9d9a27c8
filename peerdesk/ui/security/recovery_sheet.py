"""The recovery sheet on screen, ready to print: the PDF itself is made by
`services.printing.recovery_sheet` (see peerdesk/forms/reports/recovery_sheet.py)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from peerdesk.services import Services
from peerdesk.ui.printing.preview import PdfPreview
from peerdesk.ui.widgets.fit_screen import resize_within_screen


class RecoverySheetDialog(QDialog):
    def __init__(self, pdf: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recovery sheet")
        self.setAccessibleName("Recovery sheet")
        self.preview = PdfPreview(self)
        self.preview.add_shortcuts()
        QVBoxLayout(self).addWidget(self.preview)
        self.preview.show_pdf(pdf, "peerdesk recovery sheet.pdf")
        # A page's shape where there is room; on a small laptop, the free screen at most.
        resize_within_screen(self, QSize(720, 860))


def print_recovery_sheet(services: Services, parent: QWidget) -> None:
    pdf = services.printing.recovery_sheet(services.security.recovery_sheet())
    RecoverySheetDialog(pdf, parent).exec()
