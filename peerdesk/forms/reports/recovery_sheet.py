"""A one-page recovery sheet to print and keep in a safe: where the records are, how to open
them, and a box to write the passphrase in by hand.

The passphrase itself is never printed: a print job passes through spool files and printer
memory, and a sheet that the printer keeps a copy of would defeat the encryption.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from peerdesk.forms.fonts import markup, register_fonts
from peerdesk.forms.layout import paragraph, table_style

MARGIN = 20 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN
LABEL_WIDTH = 38 * mm
#: The title's first line sits above the margin, as its baseline is on the margin line.
TOP_ROOM = 18


@dataclass(frozen=True)
class RecoverySheetData:
    """What the sheet says (never the passphrase itself)."""

    organisation: str
    database: Path
    backup_folder: Path
    encrypted: bool
    kdf: str
    printed_on: date
    lost_passphrase_warning: str


STEPS = (
    "1. Install peerdesk on another computer.",
    "2. Copy your newest backup (from the backups folder above, or your USB stick) onto it.",
    "3. Open peerdesk, choose File → Backups… and restore that backup, or start peerdesk "
    "with --db pointing at the copied file. Type the passphrase when asked.",
    "4. Any SQLCipher 4 tool (such as DB Browser for SQLite) can also open the file with "
    "the passphrase.",
)


def breakable(text: str, font: str, size: float, width: float) -> str:
    """`text` with each word wider than the line (a long folder path) cut into pieces that
    fit, broken after a slash where there is one: the whole path is on the paper, and where
    it breaks still reads as a path (a Paragraph alone would cut it at any letter)."""
    words = []
    for word in text.split(" "):
        pieces: list[str] = []
        while len(word) > 1 and stringWidth(word, font, size) > width:
            cut = len(word) - 1
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            slash = max(word.rfind("/", 0, cut), word.rfind("\\", 0, cut))
            if slash > 0:
                cut = slash + 1
            pieces.append(word[:cut])
            word = word[cut:]
        words.append("\n".join([*pieces, word]))
    return " ".join(words)


class _Styles:
    """Lines 1.4 times their type size apart. A paragraph's first baseline is its type size
    below its top, so a leading of 6 mm + 2 puts a 12 pt heading's line 6 mm above the
    10 pt text below it, and 10 mm + 7 the 18 pt title's 10 mm above the 11 pt line."""

    def __init__(self) -> None:
        fonts = register_fonts()
        # No squeezing of spaces to fit a word on a line: it wraps instead.
        self.body = ParagraphStyle(
            "sheet-body", fontName=fonts.regular, fontSize=10, leading=14, spaceShrinkage=0
        )
        self.intro = ParagraphStyle("sheet-intro", parent=self.body, fontSize=11, leading=15.4)
        self.label = ParagraphStyle("sheet-label", parent=self.body, fontName=fonts.bold)
        self.heading = ParagraphStyle(
            "sheet-heading", parent=self.body, fontName=fonts.bold, fontSize=12, leading=6 * mm + 2
        )
        self.title = ParagraphStyle(
            "sheet-title", parent=self.body, fontName=fonts.bold, fontSize=18, leading=10 * mm + 7
        )


@functools.cache
def _styles() -> _Styles:
    """Made once, so `paragraph` parses each fixed line of wording only once."""
    return _Styles()


def recovery_sheet_pdf(sheet: RecoverySheetData) -> bytes:
    styles = _styles()
    buffer = io.BytesIO()
    document = BaseDocTemplate(buffer, pagesize=A4, title="peerdesk recovery sheet")
    frame = Frame(
        MARGIN,
        MARGIN,
        TEXT_WIDTH,
        A4[1] - 2 * MARGIN + TOP_ROOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="sheet",
    )
    document.addPageTemplates([PageTemplate(id="sheet", frames=[frame])])
    document.build(_story(sheet, styles))
    return buffer.getvalue()


def _story(sheet: RecoverySheetData, st: _Styles) -> list[Flowable]:
    heading = st.heading
    story: list[Flowable] = [
        paragraph(markup("peerdesk recovery sheet"), st.title),
        _text("Keep this sheet in a safe or a locked drawer, away from the computer.", st.intro),
        Spacer(1, 4 * mm + 1),  # 4 mm, and the 1 point the details' smaller type takes back
        _details(sheet, st),
        Spacer(1, 6 * mm - 2),  # 6 mm, less the 2 points the heading's bigger type adds
        paragraph(markup("Passphrase (write it by hand, clearly):"), heading),
        # The box starts 4 mm below the heading's line; the next heading is 8 mm below it.
        _WriteHere(
            TEXT_WIDTH,
            24 * mm,
            before=4 * mm - (heading.leading - heading.fontSize),
            after=8 * mm - heading.fontSize,
        ),
        paragraph(markup("If the computer is lost or broken"), heading),
    ]
    for step in STEPS:
        story += [_text(step, st.body), Spacer(1, 1 * mm)]
    story += [
        Spacer(1, 6 * mm - 2),
        paragraph(markup("Important"), heading),
        _text(sheet.lost_passphrase_warning, st.body),
    ]
    return story


def _details(sheet: RecoverySheetData, st: _Styles) -> Table:
    rows = [
        ("Organisation", sheet.organisation or "(not set yet)"),
        ("Records file", str(sheet.database)),
        ("Backups folder", str(sheet.backup_folder)),
        ("Encryption", sheet.kdf if sheet.encrypted else "Not encrypted"),
        ("Printed on", f"{sheet.printed_on.day} {sheet.printed_on:%B %Y}"),
    ]
    width = TEXT_WIDTH - LABEL_WIDTH
    cells = [
        [paragraph(markup(label), st.label), _text(value, st.body, width)] for label, value in rows
    ]
    return Table(
        cells,
        colWidths=[LABEL_WIDTH, width],
        hAlign="LEFT",
        style=table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm),
            ]
        ),
    )


def _text(text: str, style: ParagraphStyle, width: float = TEXT_WIDTH) -> Paragraph:
    return Paragraph(markup(breakable(text, style.fontName, style.fontSize, width)), style)


class _WriteHere(Flowable):
    """The empty box the passphrase is written in by hand, with room above and below."""

    def __init__(self, width: float, box_height: float, *, before: float, after: float) -> None:
        super().__init__()
        self.width, self.box_height, self.after = width, box_height, after
        self.height = before + box_height + after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.rect(0, self.after, self.width, self.box_height)
