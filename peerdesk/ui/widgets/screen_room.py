"""Windows that fit the screen they open on: a small laptop at the largest text size has
less room than a window's comfortable size, and a Close button off the screen cannot be
reached by anyone."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def available_room(widget: QWidget) -> QRect | None:
    """The free area (without task bars) of the screen the widget is, or will be, on."""
    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else None) or widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def resize_within_screen(widget: QWidget, wanted: QSize) -> None:
    """Resize to `wanted`, but never beyond the free area of the screen, leaving room for the
    window's title bar and frame (which the window manager adds outside the widget)."""
    room = available_room(widget)
    if room is None:
        widget.resize(wanted)
        return
    frame = 40  # a title bar and borders; the frame is unknown before the window is shown
    widget.resize(wanted.boundedTo(QSize(room.width() - frame // 2, room.height() - frame)))
