"""A one-page recovery sheet to print and keep in a safe: where the records are, how to open
them, and a box to write the passphrase in by hand.

The passphrase itself is never printed: a print job passes through spool files and printer
memory, and a sheet that the printer keeps a copy of would defeat the encryption.
"""

from __future__ import annotations

import io

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from peerdesk.forms.fonts import register_fonts
from peerdesk.services import Services
from peerdesk.services.security import LOST_PASSPHRASE_WARNING, RecoverySheet
from peerdesk.ui.printing.preview import PdfPreview

MARGIN = 20 * mm


def _pieces(canvas: Canvas, word: str, font: str, size: int, width: float) -> list[str]:
    """A word wider than the line (a long folder path) in pieces that fit, broken after a
    slash where there is one, so the whole path is on the paper rather than off its edge."""
    pieces: list[str] = []
    while len(word) > 1 and canvas.stringWidth(word, font, size) > width:
        cut = len(word) - 1
        while cut > 1 and canvas.stringWidth(word[:cut], font, size) > width:
            cut -= 1
        slash = max(word.rfind("/", 0, cut), word.rfind("\\", 0, cut))
        if slash > 0:
            cut = slash + 1
        pieces.append(word[:cut])
        word = word[cut:]
    return [*pieces, word]


def _wrapped(canvas: Canvas, text: str, x: float, y: float, width: float, size: int) -> float:
    """Draw `text` wrapped to `width`; returns the y below it."""
    font = register_fonts().regular
    words = [piece for word in text.split() for piece in _pieces(canvas, word, font, size, width)]
    line = ""
    for word in words:
        trial = f"{line} {word}".strip()
        if canvas.stringWidth(trial, font, size) > width and line:
            canvas.setFont(font, size)
            canvas.drawString(x, y, line)
            y -= size * 1.4
            line = word
        else:
            line = trial
    if line:
        canvas.setFont(font, size)
        canvas.drawString(x, y, line)
        y -= size * 1.4
    return y


def recovery_sheet_pdf(sheet: RecoverySheet) -> bytes:
    fonts = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle("peerdesk recovery sheet")
    width, height = A4
    text_width = width - 2 * MARGIN
    y = height - MARGIN
    canvas.setFont(fonts.bold, 18)
    canvas.drawString(MARGIN, y, "peerdesk recovery sheet")
    y -= 10 * mm
    y = _wrapped(
        canvas,
        "Keep this sheet in a safe or a locked drawer, away from the computer.",
        MARGIN,
        y,
        text_width,
        11,
    )
    y -= 4 * mm
    rows = [
        ("Organisation", sheet.organisation or "(not set yet)"),
        ("Records file", str(sheet.database)),
        ("Backups folder", str(sheet.backup_folder)),
        ("Encryption", sheet.kdf if sheet.encrypted else "Not encrypted"),
        ("Printed on", f"{sheet.printed_on.day} {sheet.printed_on:%B %Y}"),
    ]
    for label, value in rows:
        canvas.setFont(fonts.bold, 10)
        canvas.drawString(MARGIN, y, label)
        y = _wrapped(canvas, value, MARGIN + 38 * mm, y, text_width - 38 * mm, 10)
        y -= 1 * mm
    y -= 6 * mm
    canvas.setFont(fonts.bold, 12)
    canvas.drawString(MARGIN, y, "Passphrase (write it by hand, clearly):")
    y -= 4 * mm
    canvas.rect(MARGIN, y - 24 * mm, text_width, 24 * mm)
    y -= 32 * mm
    canvas.setFont(fonts.bold, 12)
    canvas.drawString(MARGIN, y, "If the computer is lost or broken")
    y -= 6 * mm
    steps = [
        "1. Install peerdesk on another computer.",
        "2. Copy your newest backup (from the backups folder above, or your USB stick) onto it.",
        "3. Open peerdesk, choose File → Backups… and restore that backup, or start peerdesk "
        "with --db pointing at the copied file. Type the passphrase when asked.",
        "4. Any SQLCipher 4 tool (such as DB Browser for SQLite) can also open the file with "
        "the passphrase.",
    ]
    for step in steps:
        y = _wrapped(canvas, step, MARGIN, y, text_width, 10)
        y -= 1 * mm
    y -= 6 * mm
    canvas.setFont(fonts.bold, 12)
    canvas.drawString(MARGIN, y, "Important")
    y -= 6 * mm
    _wrapped(canvas, LOST_PASSPHRASE_WARNING, MARGIN, y, text_width, 10)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


class RecoverySheetDialog(QDialog):
    def __init__(self, pdf: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recovery sheet")
        self.setAccessibleName("Recovery sheet")
        self.preview = PdfPreview(self)
        QVBoxLayout(self).addWidget(self.preview)
        self.preview.show_pdf(pdf, "peerdesk recovery sheet.pdf")
        self.resize(720, 860)


def print_recovery_sheet(services: Services, parent: QWidget) -> None:
    pdf = recovery_sheet_pdf(services.security.recovery_sheet())
    RecoverySheetDialog(pdf, parent).exec()
