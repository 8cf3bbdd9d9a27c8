"""A search box that leads into its results, as search boxes do elsewhere.

Down moves the keyboard into the list of results (on its first row when none is chosen);
Enter opens the only match, or moves into the list when there are several. Without this,
the one match found could be reached only by Tab past every filter, or by the mouse.

A QLineEdit subclass rather than an event filter: a filter can be called while its owner is
half torn down, which crashes PySide6."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget

#: Which list the box leads into now (a screen may show one of two), or None.
Results = Callable[[], QAbstractItemView | None]


class SearchBox(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: Results = lambda: None
        self._open: Callable[[QModelIndex], None] = lambda _index: None

    def lead_into(self, results: Results, open_row: Callable[[QModelIndex], None]) -> None:
        """`results` gives the list shown under the box; `open_row` opens one of its rows,
        as Enter in the list does."""
        self._results = results
        self._open = open_row

    def keyPressEvent(self, event: QKeyEvent) -> None:
        view = self._shown_results()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if view is not None and plain:
            model = view.model()
            if event.key() == Qt.Key.Key_Down:
                self._enter(view)
                event.accept()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if model.rowCount() == 1:
                    self._open(model.index(0, 0))
                else:
                    self._enter(view)
                event.accept()
                return
        super().keyPressEvent(event)

    def _shown_results(self) -> QAbstractItemView | None:
        view = self._results()
        if view is None or not view.isVisible() or view.model() is None:
            return None
        return view if view.model().rowCount() else None

    @staticmethod
    def _enter(view: QAbstractItemView) -> None:
        if not view.currentIndex().isValid():
            view.setCurrentIndex(view.model().index(0, 0))
        view.setFocus(Qt.FocusReason.OtherFocusReason)
