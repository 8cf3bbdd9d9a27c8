"""Rows of buttons and filters that wrap onto the next line when the window is narrow.

At the largest text size a row of six buttons no longer fits a laptop screen; a FlowLayout
lays its items out left to right and starts a new line when the next one would not fit, so
the screen never needs to scroll sideways or squeeze a button's words.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class FlowLayout(QLayout):
    """Items left to right, wrapping as needed. Hidden widgets take no room."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout ---------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one line, when there is room."""
        width = height = 0
        for item in self._visible():
            hint = item.sizeHint()
            width += hint.width() + (self._gap() if width else 0)
            height = max(height, hint.height())
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """As narrow as the widest item: the rest wraps below it."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    # -- laying out -------------------------------------------------------------------------
    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        gap = self._gap()
        x, y, line_height = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, QSize]] = []

        def place_line() -> None:
            left = area.x()
            for item, size in line:
                # Items of one line share its height, centred like a QHBoxLayout would.
                top = y + (line_height - size.height()) // 2
                item.setGeometry(QRect(QPoint(left, top), size))
                left += size.width() + gap

        for item in self._visible():
            hint = item.sizeHint().expandedTo(item.minimumSize())
            size = QSize(min(hint.width(), max(area.width(), item.minimumSize().width())), 0)
            size.setHeight(
                item.heightForWidth(size.width()) if item.hasHeightForWidth() else hint.height()
            )
            if line and x + size.width() > area.right() + 1:
                if move:
                    place_line()
                y += line_height + gap
                x, line_height, line = area.x(), 0, []
            line.append((item, size))
            x += size.width() + gap
            line_height = max(line_height, size.height())
        if move and line:
            place_line()
        return y + line_height - rect.y() + margins.bottom()


def labelled(label: QWidget, field: QWidget, *, above: bool = False) -> QWidget:
    """A caption and its input kept together on one line of a flow (or caption above)."""
    pair = QWidget()
    layout: QHBoxLayout | QVBoxLayout = QVBoxLayout(pair) if above else QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2 if above else 6)
    layout.addWidget(label)
    layout.addWidget(field)
    pair.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return pair


def flow_of(*widgets: QWidget, parent: QWidget | None = None) -> FlowLayout:
    """A FlowLayout holding `widgets` in order (add it to a parent layout)."""
    flow = FlowLayout(parent)
    for widget in widgets:
        flow.addWidget(widget)
    return flow
