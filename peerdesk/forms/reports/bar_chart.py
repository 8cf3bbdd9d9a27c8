"""Simple horizontal bar charts of a breakdown (the figures report's), with reportlab.graphics."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm

from peerdesk.forms.fonts import REGULAR, register_fonts

BAR = colors.HexColor("#2f6f8f")
WIDTH = 170 * mm
LABEL_WIDTH = 52 * mm
ROW = 5.5 * mm


def bar_chart(bars: Sequence[tuple[str, int | str]]) -> Drawing:
    """One bar per bucket; a suppressed bucket ("<5", "hidden") gets no bar, only its text."""
    register_fonts()
    height = ROW * len(bars) + 12 * mm
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x = LABEL_WIDTH
    chart.y = 6 * mm
    chart.width = WIDTH - LABEL_WIDTH - 14 * mm
    chart.height = ROW * len(bars)
    # reportlab draws the first category at the bottom: reverse so the chart reads downwards.
    ordered = list(reversed(bars))
    values = [v if isinstance(v, int) else 0 for _, v in ordered]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [_short(name) for name, _ in ordered]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(max(values), 1) * 1.15
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dde3e8")
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    labels = [str(v) for _, v in ordered]
    chart.barLabelFormat = "values"
    chart.barLabelArray = [labels]
    drawing.add(chart)
    return drawing


def _short(name: str, limit: int = 30) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
