"""What "fits" means on a small screen, measured on real widgets: no line cut short, no widget
squeezed below its minimum, no two visible neighbours on top of each other, lists tall enough
to read, windows within the screen. Each check returns plain words for what is wrong."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHeaderView,
    QLayout,
    QListView,
    QScrollBar,
    QSizePolicy,
    QStyle,
    QTableView,
    QWidget,
)

#: A list shorter than this many rows is too short to read down.
LEAST_ROWS = 8


def elided_lines(view: QTableView, slack: int = 2) -> list[str]:
    """Cells whose text does not fit its cell: wider than the cell, or (wrapped) taller."""
    model = view.model()
    found = []
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = str(index.data() or "")
            rect = view.visualRect(index)
            if not text or rect.isEmpty():
                continue
            font = index.data(Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(font if isinstance(font, QFont) else view.font())
            width = rect.width() - 2 * margin
            if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                width -= view.iconSize().width() + 2 * margin
            flags = Qt.TextFlag.TextWordWrap if view.wordWrap() else 0
            needed = metrics.boundingRect(QRect(0, 0, max(width, 1), 100_000), flags, text)
            if needed.width() > width + slack or needed.height() > rect.height() + slack:
                found.append(
                    f"line {row} column {column} cut short: {text[:40]!r} needs "
                    f"{needed.width()}×{needed.height()}px, has {width}×{rect.height()}px"
                )
    return found


def one_row_height(view: QAbstractItemView) -> int:
    """The height of one line's row in this view (a wrapped row is taller, and counts as one
    line's worth per line here)."""
    if isinstance(view, QTableView):
        return view.verticalHeader().defaultSectionSize()
    hint = view.sizeHintForRow(0) if view.model() and view.model().rowCount() else -1
    return hint if hint > 0 else view.fontMetrics().height() + 4


def rows_shown(view: QAbstractItemView) -> float:
    """How many one-line rows the view has room for."""
    return view.viewport().height() / max(one_row_height(view), 1)


def short_lists(root: QWidget, what: str) -> list[str]:
    """Visible lists and tables that hide rows (they scroll) yet have room for fewer than
    `LEAST_ROWS` rows."""
    found = []
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or not view.isVisible():
            continue
        if not isinstance(view, QListView | QTableView) or isinstance(view.parent(), QComboBox):
            continue
        if type(view.parent()).__name__ == "QComboBoxPrivateContainer":
            continue  # a combo box's drop-down list, shown only when open
        shown = rows_shown(view)
        # A list showing all of its few rows is whole; one that scrolls must show enough.
        if view.verticalScrollBar().maximum() > 0 and shown < LEAST_ROWS - 0.25:
            name = view.accessibleName() or type(view).__name__
            found.append(f"{what}: the list {name!r} shows {shown:.1f} rows, not {LEAST_ROWS}")
    return found


def squeezed(root: QWidget, what: str, slack: int = 1) -> list[str]:
    """Visible widgets laid out smaller than their own minimum size hint (clipped): a layout
    gives each widget at least that much unless the window has no room left."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        parent = widget.parentWidget()
        if not widget.isVisible() or parent is None:
            continue
        if isinstance(widget, QAbstractScrollArea | QScrollBar):
            continue  # what does not fit scrolls (lists are measured in rows instead)
        layout = parent.layout()
        if layout is None or not _holds(layout, widget):
            continue  # placed by hand (a scroll area's viewport and contents), not laid out
        hint, least, policy = widget.minimumSizeHint(), widget.minimumSize(), widget.sizePolicy()
        ignored = QSizePolicy.Policy.Ignored
        need_w = max(0 if policy.horizontalPolicy() == ignored else hint.width(), least.width())
        need_h = max(0 if policy.verticalPolicy() == ignored else hint.height(), least.height())
        if widget.width() + slack < need_w or widget.height() + slack < need_h:
            found.append(
                f"{what}: {_name(widget)} is {widget.width()}×{widget.height()}px, "
                f"needs {need_w}×{need_h}px"
            )
    return found


def overlapping(root: QWidget, what: str) -> list[str]:
    """Visible siblings laid out by one parent whose rectangles intersect."""
    found = []
    for parent in [root, *root.findChildren(QWidget)]:
        layout = parent.layout()
        if not parent.isVisible() or layout is None:
            continue
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        children = [
            child
            for child in parent.findChildren(QWidget, options=direct)
            if child.isVisible() and not child.isWindow() and _holds(layout, child)
        ]
        for number, first in enumerate(children):
            for second in children[number + 1 :]:
                overlap = first.geometry().intersected(second.geometry())
                if overlap.width() > 1 and overlap.height() > 1:
                    found.append(
                        f"{what}: {_name(first)} and {_name(second)} overlap "
                        f"({overlap.width()}×{overlap.height()}px)"
                    )
    return found


def _holds(layout: QLayout, child: QWidget) -> bool:
    """Whether the layout, or one nested in it, places the widget."""
    for number in range(layout.count()):
        item = layout.itemAt(number)
        if item is None:
            continue
        if item.widget() is child:
            return True
        inner = item.layout()
        if inner is not None and _holds(inner, child):
            return True
    return False


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    words = text() if callable(text) else ""
    return repr(widget.accessibleName() or words or type(widget).__name__)


def beyond_screen(window: QWidget, room: QRect, what: str) -> list[str]:
    """A window larger than the screen's free area."""
    frame = window.frameGeometry()
    if frame.width() > room.width() or frame.height() > room.height():
        return [
            f"{what}: the window is {frame.width()}×{frame.height()}px, the screen "
            f"{room.width()}×{room.height()}px"
        ]
    return []
