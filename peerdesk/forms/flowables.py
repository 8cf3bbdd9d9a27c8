"""Flowables reportlab lacks: a labelled write-in box that carries on across pages."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from peerdesk.forms.styles import RULE, WRITING_LINE


class WriteInBox(Flowable):
    """A label, then a box of at least `min_height` to write in, with faint writing lines.

    Pre-filled text is printed inside; text too long for the page continues in a second box
    on the next page (labelled "continued"), so nothing is ever cut off.
    """

    PAD = 2.2 * mm

    def __init__(
        self,
        label: Paragraph | None,
        text: Paragraph | None,
        min_height: float,
        line_gap: float,
        continued_label: Paragraph | None = None,
    ) -> None:
        super().__init__()
        self.label = label
        self.text = text
        self.min_height = min_height
        self.line_gap = line_gap
        self.continued_label = continued_label
        self._label_h = 0.0
        self._text_h = 0.0
        self._box_h = 0.0

    def _label_gap(self) -> float:
        return 1.2 * mm if self.label is not None else 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._label_h = self.label.wrap(avail_width, avail_height)[1] if self.label else 0.0
        inner = avail_width - 2 * self.PAD
        self._text_h = self.text.wrap(inner, 10_000_000)[1] if self.text else 0.0
        needed = self._text_h + 2 * self.PAD if self.text else 0.0
        self._box_h = max(self.min_height, needed)
        self.height = self._label_h + self._label_gap() + self._box_h
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self.height <= avail_height:
            return [self]
        if self.text is None:
            return []  # an empty box moves whole to the next page
        room = avail_height - self._label_h - self._label_gap() - 2 * self.PAD
        style = self.text.style
        if room < 3 * style.leading:
            return []
        parts = self.text.split(avail_width - 2 * self.PAD, room)
        if len(parts) < 2:
            return []
        first = WriteInBox(self.label, parts[0], 0, self.line_gap)
        rest_label = self.continued_label or self.label
        rest = WriteInBox(rest_label, parts[1], self.min_height / 2, self.line_gap, rest_label)
        return [first, rest]

    def draw(self) -> None:
        canvas: Any = self.canv
        if self.label is not None:
            self.label.drawOn(canvas, 0, self.height - self._label_h)
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, self.width, self._box_h, stroke=1, fill=0)
        top = self._box_h - self.PAD
        if self.text is not None:
            self.text.drawOn(canvas, self.PAD, top - self._text_h)
            top -= self._text_h + self.line_gap * 0.4
        canvas.setStrokeColor(WRITING_LINE)
        canvas.setLineWidth(0.5)
        y = top - self.line_gap
        # Writing lines only where a whole line of handwriting fits.
        if self.min_height >= 1.6 * self.line_gap:
            while y >= self.PAD * 0.9:
                canvas.line(self.PAD, y, self.width - self.PAD, y)
                y -= self.line_gap
        canvas.restoreState()
