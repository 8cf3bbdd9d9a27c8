"""The least height of a page whose rows of buttons wrap (FlowLayout) at its present width.

A page's minimumSizeHint counts a wrapping row as one line. Inside a screen's own stack of
pages (list, record page) nothing asks the page's height for its width, so at the largest
text size the wrapped rows were drawn over what follows them. A page that answers with the
height its rows need at its width, and asks again when its width changes, makes the main
window's scroll area scroll instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget


def least_size(page: QWidget, hint: QSize) -> QSize:
    """`hint` (the page's own minimum) made as tall as its layout needs at its width."""
    layout = page.layout()
    if layout is not None and layout.hasHeightForWidth() and page.width() > 0:
        hint.setHeight(max(hint.height(), layout.minimumHeightForWidth(page.width())))
    return hint


def width_changed(page: QWidget, event: QResizeEvent) -> None:
    """Call from the page's resizeEvent: a new width means a new least height."""
    if event.size().width() != event.oldSize().width():
        page.updateGeometry()
