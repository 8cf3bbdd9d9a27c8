"""Tabbed windows (Add a person, New referral): bring forward the tab holding an input."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget


def show_tab_holding(tabs: QTabWidget, widget: QWidget) -> bool:
    """Show the tab `widget` is on (so a problem with it can be seen and the input can take
    the keyboard); False when it is on none of them."""
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is not None and page.isAncestorOf(widget):
            tabs.setCurrentIndex(index)
            return True
    return False
