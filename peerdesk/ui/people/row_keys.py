"""Keys on a list for the buttons under it: Enter edits and Delete removes the chosen row.

The person page has more buttons than free letters (its tabs, the menus and its own
buttons take nearly every one), so a row's Edit… and Remove… answer the keys a desktop
list uses instead: with the list in the keyboard's hands, Enter presses Edit… and Delete
presses Remove…. The key is an action of the list (it answers only while the list has the
keyboard, never in a text box) that presses the button, so a disabled button (no row
chosen) does nothing; the button holds the action too, which is how the access-key check
(tests/ui/access_keys.py) knows the button is reached.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QWidget

from peerdesk.ui.widgets.corrections import CorrectionsBar

#: The keys, not key sequences: a QKeySequence made before the application exists crashes.
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
DELETE = (Qt.Key.Key_Delete,)


def press_by_key(
    button: QAbstractButton, target: QWidget, keys: tuple[Qt.Key, ...], name: str
) -> QAction:
    """`keys` on `target` (a list) press `button`; its tooltip says so (`name`: "Enter")."""
    action = QAction(button.text().replace("&", ""), target)
    action.setShortcuts([QKeySequence(key) for key in keys])
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(button.click)
    target.addAction(action)
    button.addAction(action)
    tip = button.toolTip()
    button.setToolTip(f"{tip} ({name} on the list)" if tip else f"{name} on the list")
    return action


def corrections_by_key(bar: CorrectionsBar) -> None:
    """Enter on the list presses Edit…, Delete presses Remove…."""
    press_by_key(bar.edit_button, bar.table, ENTER, "Enter")
    press_by_key(bar.remove_button, bar.table, DELETE, "Delete")
