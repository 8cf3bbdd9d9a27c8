"""A page's title: shown large, read by a screen reader as its words (never as markup) and
said aloud when the page comes into view.

Qt gives every label the "static text" role; a heading role would need an accessible
interface written in Python and a factory Qt calls for every object it is asked about, also
while widgets are being destroyed (where Python running crashes PySide6). So titles are plain
text to a screen reader, and a title announces itself when its page is shown or shows another
record: the user hears where they are.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from peerdesk.ui import announcer


class Heading(QLabel):
    """A title label. Its text is set through `show_title` only, so that what a screen reader
    reads (Qt reads a rich-text label as its plain words) is always what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Rich text for the size of a second-level heading; the words are escaped so a name
        # with "<" or "&" in it shows (and is read) as typed.
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.title = ""

    def show_title(self, title: str) -> None:
        """Show `title` in plain words. A refresh with the same title says nothing; another
        record's title on a page already in view is said."""
        changed = title != self.title
        self.title = title
        self.setText(f"<h2>{escape(title, quote=False)}</h2>")
        if changed and self.isVisible():
            self.announce()

    def announce(self) -> None:
        """Say the title to a screen reader."""
        announcer.announce(self.title, self.window())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Not when the window comes back from being minimised (spontaneous): only when the
        # page is put in view by the app.
        if self.title and not event.spontaneous():
            self.announce()
