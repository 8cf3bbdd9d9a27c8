"""Unicode fonts for every PDF peerdesk makes, and text preparation for any script.

reportlab's built-in Helvetica cannot print Ł, Arabic or Chinese. We embed DejaVu Sans (Latin,
Greek, Cyrillic, Arabic letters) and Droid Sans Fallback (Chinese, Japanese, Korean), shipped in
peerdesk/resources/fonts with their licences. Arabic must also be shaped (letters joined) and
put in visual order before reportlab draws it, which `arabic-reshaper` and `python-bidi` do.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass

from arabic_reshaper import ArabicReshaper
from bidi import get_display
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from peerdesk.paths import resource_path

REGULAR = "PeerdeskSans"
BOLD = "PeerdeskSans-Bold"
ITALIC = "PeerdeskSans-Oblique"
CJK = "PeerdeskCJK"


@dataclass(frozen=True)
class FontNames:
    regular: str = REGULAR
    bold: str = BOLD
    italic: str = ITALIC
    cjk: str = CJK


@functools.cache
def register_fonts() -> FontNames:
    """Register the embedded fonts with reportlab once per process."""
    folder = resource_path("fonts")
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(ITALIC, str(folder / "DejaVuSans-Oblique.ttf")))
    pdfmetrics.registerFont(TTFont(CJK, str(folder / "DroidSansFallbackFull.ttf")))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    addMapping(CJK, 0, 0, CJK)
    addMapping(CJK, 1, 0, CJK)
    addMapping(CJK, 0, 1, CJK)
    addMapping(CJK, 1, 1, CJK)
    return FontNames()


_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_CJK_RUN = re.compile(
    r"([\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF"
    r"\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]+)"
)
_RESHAPER = ArabicReshaper(configuration={"delete_harakat": False})


def visual(text: str) -> str:
    """Text in the order reportlab should draw it: Arabic shaped and right-to-left."""
    text = unicodedata.normalize("NFC", text)
    if not _ARABIC.search(text):
        return text
    lines = [get_display(_RESHAPER.reshape(line)) for line in text.split("\n")]
    return "\n".join(lines)


def markup(text: str) -> str:
    """Plain text → safe Paragraph markup in any script (escaped, shaped, CJK in its font)."""
    register_fonts()
    lines = []
    for line in visual(text).split("\n"):
        escaped = html.escape(line, quote=False)
        lines.append(_CJK_RUN.sub(lambda m: f'<font name="{CJK}">{m.group(1)}</font>', escaped))
    return "<br/>".join(lines)


def font_for(text: str) -> str:
    """The font to draw a short single-font string with (canvas.drawString)."""
    register_fonts()
    return CJK if _CJK_RUN.search(text) else REGULAR
