"""Tab in reading order.

Qt's Tab order is the order widgets were made in. A caption and its box put together in one
row (`labelled`) join the page when that row does, after anything made earlier, so Tab
could jump past them; a page names its order with `tab_in_order` instead."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import QWidget


def tab_in_order(*widgets: QWidget) -> None:
    """Tab goes from each widget to the next (a compound one, such as a date box, whole)."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)
