"""Type sizes, spacing and colours for normal and large-print forms."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from functools import cached_property

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from peerdesk.forms.fonts import register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 24 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#5a5a5a")
WRITING_LINE = colors.HexColor("#c8c8c8")
SHADE = colors.HexColor("#e8eef5")
MUTED = colors.HexColor("#4a4a4a")


@dataclass(frozen=True)
class PrintStyle:
    """Sizes in points. Large print keeps every body text at 16 pt or more."""

    large: bool
    body: float
    label: float
    heading: float
    title: float
    small: float
    footer: float
    #: Height of one handwritten line.
    line: float
    #: Space between sections.
    gap: float

    @classmethod
    def normal(cls) -> PrintStyle:
        return cls(
            large=False,
            body=10.5,
            label=10,
            heading=13.5,
            title=20,
            small=9,
            footer=8.5,
            line=8.5 * mm,
            gap=5 * mm,
        )

    @classmethod
    def large_print(cls) -> PrintStyle:
        return cls(
            large=True,
            body=16,
            label=16,
            heading=20,
            title=28,
            small=16,
            footer=13,
            line=13 * mm,
            gap=8 * mm,
        )

    @classmethod
    def choose(cls, large_print: bool) -> PrintStyle:
        """One shared instance of each: its paragraph styles are made once, not per form."""
        return _chosen(large_print)

    def _style(self, name: str, size: float, **extra: object) -> ParagraphStyle:
        fonts = register_fonts()
        options: dict[str, object] = {
            "fontName": fonts.regular,
            "fontSize": size,
            "leading": size * 1.32,
            "textColor": INK,
            "alignment": TA_LEFT,
        }
        options.update(extra)
        return ParagraphStyle(name, **options)  # type: ignore[arg-type]

    @cached_property
    def p_body(self) -> ParagraphStyle:
        return self._style("body", self.body, spaceAfter=self.body * 0.5)

    @cached_property
    def p_cell(self) -> ParagraphStyle:
        return self._style("cell", self.body)

    @cached_property
    def p_label(self) -> ParagraphStyle:
        return self._style("label", self.label, fontName=register_fonts().bold)

    @cached_property
    def p_hint(self) -> ParagraphStyle:
        return self._style("hint", self.small, textColor=MUTED)

    @cached_property
    def p_heading(self) -> ParagraphStyle:
        return self._style(
            "heading",
            self.heading,
            fontName=register_fonts().bold,
            textColor=ACCENT,
            spaceBefore=self.gap,
            spaceAfter=self.body * 0.6,
        )

    @cached_property
    def p_title(self) -> ParagraphStyle:
        return self._style(
            "title",
            self.title,
            fontName=register_fonts().bold,
            textColor=ACCENT,
            leading=self.title * 1.2,
            spaceAfter=self.body * 0.4,
        )

    @cached_property
    def p_org_name(self) -> ParagraphStyle:
        size = self.heading if self.large else 13
        return self._style("org", size, fontName=register_fonts().bold)

    @cached_property
    def p_org_detail(self) -> ParagraphStyle:
        return self._style("org-detail", self.small, textColor=MUTED)

    @cached_property
    def p_bullet(self) -> ParagraphStyle:
        indent = self.body * 1.4
        return self._style(
            "bullet",
            self.body,
            bulletFontName=register_fonts().regular,
            # reportlab's default bullet is 10 pt whatever the text: large print needs 16.
            bulletFontSize=self.body,
            leftIndent=indent,
            bulletIndent=indent * 0.25,
            spaceAfter=self.body * 0.3,
        )

    @cached_property
    def p_tick(self) -> ParagraphStyle:
        indent = self.body * 1.7
        return self._style("tick", self.body, leftIndent=indent, firstLineIndent=-indent)


@functools.cache
def _chosen(large_print: bool) -> PrintStyle:
    return PrintStyle.large_print() if large_print else PrintStyle.normal()
