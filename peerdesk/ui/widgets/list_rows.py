"""Lists tall enough to read down: at the largest text size on a small laptop a list squeezed
between other parts showed one or two rows. A list given `keep_rows` never shrinks below that
many rows (the screen scrolls as a whole instead, as the main window's screens do)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

#: Rows every list keeps in view at any text size.
LEAST_ROWS = 8


def row_height(view: QAbstractItemView) -> int:
    """One line's row at the view's text size (a wrapped row is taller)."""
    if isinstance(view, QTableView):
        return view.verticalHeader().defaultSectionSize()
    model = view.model()
    hint = view.sizeHintForRow(0) if model is not None and model.rowCount() else -1
    return hint if hint > 0 else view.fontMetrics().height() + 4


def keep_rows(view: QAbstractItemView, rows: int = LEAST_ROWS) -> None:
    """Give the view room for `rows` rows, its column headings and frame. Call again when the
    text size changes (a screen's changeEvent on QEvent.FontChange)."""
    height = rows * row_height(view) + 2 * view.frameWidth()
    if isinstance(view, QTableView) and not view.horizontalHeader().isHidden():
        height += view.horizontalHeader().sizeHint().height()
    if view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        # Room for the bar that scrolls sideways too (a wide matrix has one), not taken out
        # of the rows.
        height += view.horizontalScrollBar().sizeHint().height()
    view.setMinimumHeight(height)


def keep_width(view: QAbstractItemView) -> None:
    """As wide as its widest row (and the bar that scrolls it up and down), so no row's end is
    hidden behind a sideways scroll; a window narrower than that scrolls as a whole instead.
    Call once the rows are in."""
    widest = view.sizeHintForColumn(0)
    if widest <= 0:
        return
    bar = view.verticalScrollBar().sizeHint().width()
    # A line's height more: the theme draws a row's tick box as big as the text, wider than
    # Qt's own measure of the row counts (the longest name was cut by an ellipsis without it).
    slack = view.fontMetrics().height()
    view.setMinimumWidth(widest + bar + slack + 2 * view.frameWidth())
