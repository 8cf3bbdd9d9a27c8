"""Reaching a part of a person's page as a coordinator does: press the access key of the tab
that holds it (sent to whatever has the focus), then the part is on screen."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.people.person_page import PersonPage


def access_key(text: str) -> Qt.Key:
    match = re.search(r"&([^&])", text)
    assert match is not None, f"{text!r} has no access key"
    return Qt.Key(ord(match.group(1).upper()))


def open_tab(qtbot: QtBot, page: PersonPage, key: str) -> None:
    """Alt+the tab's letter, as typed: the tab `key` is shown."""
    button = page.tabs.buttons[key]
    assert button.isVisible(), f"the {button.spec.title} tab is not offered"
    page.window().activateWindow()
    qtbot.waitUntil(lambda: page.window().isActiveWindow(), timeout=2000)
    target = QApplication.focusWidget() or page
    qtbot.keyClick(target, access_key(button.text()), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.tabs.current_key() == key, timeout=2000)


def open_tab_of(qtbot: QtBot, page: PersonPage, widget: QWidget) -> None:
    """Show the tab that holds `widget` (a section, or a button or table inside one)."""
    key = page.tabs.key_of(widget)
    assert key is not None, f"{widget} is in no tab"
    open_tab(qtbot, page, key)
    assert widget.isVisible() or widget.isHidden(), "hidden by something besides its tab"
