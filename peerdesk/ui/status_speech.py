"""What the main window says to a screen reader that a sighted user sees change: a message
in the status bar (saved, undone, backed up, refused) and the screen just switched to.

Kept out of the window itself so that each place that shows a message need not remember to
announce it: every message shown in the status bar is said, through the one `announce()` seam.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar, QWidget

from peerdesk.ui import announcer


def speak_status_messages(bar: QStatusBar) -> None:
    """Announce each message the status bar shows (a message clearing is not news)."""

    def _said(text: str) -> None:
        if text.strip():
            announcer.announce(text, bar.window())

    bar.messageChanged.connect(_said)


def screen_shown(window: QWidget, title: str) -> None:
    """Say the screen's name on switching (Ctrl+1…9, the navigation list, a menu): where the
    user now is. Nothing is said while the window is being built and not yet shown."""
    if window.isVisible():
        announcer.announce(title, window)
