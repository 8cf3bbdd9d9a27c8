"""One way for the app to tell a screen reader something it would not otherwise hear: a record
saved, a list checked again, a backup finished, a screen or status message shown.

Every announcement goes through `announce()` so that tests can listen at one place and so that
what is said stays short and plain. Qt turns the event into the platform's own announcement
(AT-SPI on Linux, UI Automation on Windows); with no screen reader running, Qt drops it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication


def announce(text: str, where: QObject | None = None, *, urgent: bool = False) -> None:
    """Say `text` once. `where` is the window or control it is about (the active window if
    None); `urgent` interrupts what the screen reader is saying (problems), otherwise it waits
    its turn (confirmations)."""
    text = " ".join(text.split())
    if not text:
        return
    target = where or QApplication.activeWindow() or QApplication.focusWidget()
    if target is None:
        return
    event = QAccessibleAnnouncementEvent(target, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if urgent
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
