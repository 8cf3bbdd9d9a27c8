"""Cells cut short with "…" show their whole text when pointed at (or asked with Shift+F1).

At the largest text size tables keep their columns within the window and long names or
notes are elided; nobody should have to widen a column to read them.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)


class FullTextTipDelegate(QStyledItemDelegate):
    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QHelpEvent.Type.ToolTip and index.isValid():
            own_tip = index.data(Qt.ItemDataRole.ToolTipRole)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if not own_tip and isinstance(text, str) and text and is_cut_short(view, index):
                QToolTip.showText(event.globalPos(), text, view, view.visualRect(index))
                return True
        return super().helpEvent(event, view, option, index)


def is_cut_short(view: QAbstractItemView, index: QModelIndex | QPersistentModelIndex) -> bool:
    """Whether the cell is narrower than its text on one line."""
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    if not text:
        return False
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = view.font()
    needed = view.itemDelegateForIndex(index).sizeHint(option, index).width()
    return needed > view.visualRect(index).width() or "\n" in text


def show_full_text_tips(view: QAbstractItemView) -> None:
    """Give `view` the delegate above (it draws cells exactly as the default one)."""
    view.setItemDelegate(FullTextTipDelegate(view))
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
