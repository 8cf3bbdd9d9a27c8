"""A small bar chart of a group's attendance by month, drawn with QPainter.

Named attendees are the solid part of each bar, unnamed drop-in attendees the hatched part
on top, so the two read apart without relying on colour. The same figures are given as text
(accessible description and tooltip) for screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from peerdesk.services.groups.views import AttendancePoint


class AttendanceChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[AttendancePoint] = []
        self.setAccessibleName("Attendance over the last 12 months")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.fontMetrics().height() * 9)

    def sizeHint(self) -> QSize:
        return QSize(520, self.fontMetrics().height() * 9)

    def set_points(self, points: list[AttendancePoint]) -> None:
        self.points = list(points)
        words = "; ".join(
            f"{p.month:%B %Y}: {p.total} ({p.named} named, {p.unnamed} unnamed, "
            f"{p.meetings} meetings)"
            for p in self.points
        )
        self.setAccessibleDescription(words or "No meetings in the last 12 months.")
        self.setToolTip(words.replace("; ", "\n"))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        bar_colour = palette.color(QPalette.ColorRole.Highlight)
        metrics = self.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(
            metrics.horizontalAdvance("0000") + 6, line, -4, -line - 4
        )
        peak = max((p.total for p in self.points), default=0)
        painter.setPen(QPen(text_colour))
        if peak == 0:
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter,
                "No meetings recorded in the last 12 months yet.",
            )
            return
        # Axis: zero and the peak, enough to read the scale without clutter.
        painter.drawText(
            QRectF(0, area.top() - line / 2, area.left() - 6, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(peak),
        )
        painter.drawText(
            QRectF(0, area.bottom() - line / 2, area.left() - 6, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "0",
        )
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        slot = area.width() / len(self.points)
        bar_width = max(4.0, slot * 0.6)
        for i, point in enumerate(self.points):
            x = area.left() + i * slot + (slot - bar_width) / 2
            named_h = area.height() * point.named / peak
            unnamed_h = area.height() * point.unnamed / peak
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(bar_colour))
            painter.drawRect(QRectF(x, area.bottom() - named_h, bar_width, named_h))
            painter.setBrush(QBrush(bar_colour, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(bar_colour))
            if unnamed_h:
                painter.drawRect(
                    QRectF(x, area.bottom() - named_h - unnamed_h, bar_width, unnamed_h)
                )
            painter.setPen(QPen(text_colour))
            if point.total:
                painter.drawText(
                    QRectF(x - 8, area.bottom() - named_h - unnamed_h - line, bar_width + 16, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    str(point.total),
                )
            painter.drawText(
                QRectF(area.left() + i * slot, area.bottom() + 2, slot, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                f"{point.month:%b}",
            )
        painter.end()
