"""Tabbed windows (Add a person, New referral): bring forward the tab holding an input."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget

#: The most lines of text a tab asks room for: more scroll inside the tab. Asking for the
#: whole of the longest tab made the window around the tabs scroll too at the largest text
#: (a scroll inside a scroll), with the tab's own scroll bar out of sight.
TAB_LINES = 10


class TabPage(QScrollArea):
    """One tab's inputs, scrolling on their own when the window is short."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # No Tab stop of its own: it has no name and shows no focus (the inputs inside do).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), self.fontMetrics().lineSpacing() * TAB_LINES))


def show_tab_holding(tabs: QTabWidget, widget: QWidget) -> bool:
    """Show the tab `widget` is on (so a problem with it can be seen and the input can take
    the keyboard); False when it is on none of them."""
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is not None and page.isAncestorOf(widget):
            tabs.setCurrentIndex(index)
            return True
    return False
