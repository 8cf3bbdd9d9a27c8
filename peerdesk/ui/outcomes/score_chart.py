"""A small chart of a person's wellbeing totals over time, drawn with QPainter.

Each score set is a point at its date, joined by a line, with its total written above it
and its timing written below as a word ("Before", "During", "After"), so the chart reads
without relying on colour; the same figures are its accessible description and tooltip.
Totals are drawn as a share of what the set could total, so sets of different lengths sit
on one scale.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from peerdesk.services.outcomes.views import ChartPoint, PersonScores


class ScoreChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[ChartPoint] = []
        self.setAccessibleName("Wellbeing scores over time")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.fontMetrics().height() * 8)

    def sizeHint(self) -> QSize:
        return QSize(480, self.fontMetrics().height() * 8)

    def set_scores(self, scores: PersonScores) -> None:
        self.points = list(scores.points)
        self.setAccessibleDescription(scores.description)
        self.setToolTip(scores.description.replace("; ", "\n"))
        self.setMinimumHeight(self.fontMetrics().height() * 8)
        self.update()

    def description(self) -> str:
        return self.accessibleDescription()

    def _share(self, point: ChartPoint) -> float:
        """How far up the chart a point sits: its total as a share of the most it could be
        (a set kept as a total only is drawn against the largest total shown)."""
        most = point.out_of or max((p.total for p in self.points), default=1) or 1
        return max(0.0, min(1.0, point.total / most))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        line_colour = palette.color(QPalette.ColorRole.Highlight)
        metrics = self.fontMetrics()
        line = metrics.height()
        painter.setPen(QPen(text_colour))
        if not self.points:
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                "No wellbeing scores recorded yet.",
            )
            painter.end()
            return
        # Room at each side for half of the widest label under a point ("Sep 2026").
        wide = max(metrics.horizontalAdvance(w) for w in ("During", "Sep 2026")) + 8
        margin = wide / 2 + 2
        area = QRectF(self.rect()).adjusted(margin, line * 1.5, -margin, -line * 2.5)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        first, last = self.points[0].scored_on, self.points[-1].scored_on
        span = max((last - first).days, 1)
        places: list[QPointF] = []
        for i, point in enumerate(self.points):
            if len(self.points) == 1:
                x = area.center().x()
            elif first == last:
                x = area.left() + area.width() * i / (len(self.points) - 1)
            else:
                x = area.left() + area.width() * (point.scored_on - first).days / span
            places.append(QPointF(x, area.bottom() - area.height() * self._share(point)))
        painter.setPen(QPen(line_colour, 2))
        for start, end in pairwise(places):
            painter.drawLine(start, end)
        for point, place in zip(self.points, places, strict=True):
            painter.setPen(QPen(text_colour))
            painter.setBrush(QBrush(line_colour))
            painter.drawEllipse(place, 4, 4)
            painter.drawText(
                QRectF(place.x() - wide / 2, place.y() - line - 4, wide, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                str(point.total),
            )
            painter.drawText(
                QRectF(place.x() - wide / 2, area.bottom() + 2, wide, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                point.timing.capitalize(),
            )
            painter.drawText(
                QRectF(place.x() - wide / 2, area.bottom() + 2 + line, wide, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                f"{point.scored_on:%b %Y}",
            )
        painter.end()
