"""A stack of pages sized by the page shown, not by the largest of them all.

A QStackedWidget asks for room for its largest page, so a short list would scroll because a
hidden record page is tall. Screens and the main window use PageStack instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLayout, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = self.layout()
        if layout is not None:
            # Else the layout sets a minimum size from every page, hidden ones too.
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.currentChanged.connect(self._on_current_changed)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        # Layouts holding the stack would ask its QStackedLayout, which answers with the
        # tallest page's preferred height: they use the minimum size hint instead. A scroll
        # area holding the stack calls heightForWidth below directly.
        return False

    def heightForWidth(self, width: int) -> int:
        """The least height the page needs at this width (its wrapped rows included).

        A scroll area holding the stack takes this as the height below which it scrolls,
        so it is the page's minimum, not its preferred, height."""
        page = self.currentWidget()
        if page is None:
            return -1
        layout = page.layout()
        if layout is None or not page.hasHeightForWidth():
            return page.minimumSizeHint().height()
        return max(layout.minimumHeightForWidth(width), page.minimumHeight())

    def _on_current_changed(self, _index: int) -> None:
        self.updateGeometry()
