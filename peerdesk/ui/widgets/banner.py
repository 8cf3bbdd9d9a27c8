"""A warning across the top of the main window: what is wrong, why it matters, what to do,
an optional button that does it, and "Hide for now" (it comes back next time peerdesk
opens, while the problem lasts)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class Banner(QFrame):
    dismissed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warningBanner")
        self.setAccessibleName(name)
        layout = QHBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)
        buttons = QVBoxLayout()
        self.action_button = QPushButton(self)
        self.action_button.setAccessibleName(f"{name}: what to do")
        self.action_button.hide()
        self.hide_button = QPushButton("Hide for now", self)
        self.hide_button.setAccessibleName(f"Hide the warning: {name.lower()}")
        self.hide_button.clicked.connect(self._on_hide_clicked)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.hide_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._action: Callable[[], object] | None = None
        self.action_button.clicked.connect(self._on_action_clicked)
        self.is_dismissed = False
        self.hide()

    def show_message(
        self, html: str, *, action: tuple[str, Callable[[], object]] | None = None
    ) -> None:
        """Show `html` (already escaped) unless hidden for this session."""
        self.text.setText(html)
        if action is not None:
            self.action_button.setText(action[0])
            self._action = action[1]
        self.action_button.setVisible(action is not None)
        self.setVisible(not self.is_dismissed)

    def clear(self) -> None:
        self.hide()

    def _on_action_clicked(self) -> None:
        if self._action is not None:
            self._action()

    def _on_hide_clicked(self) -> None:
        self.is_dismissed = True
        self.hide()
        self.dismissed.emit()


class OneLineBanner(QLabel):
    """A notice that takes one line (its first sentence) with a "More…" link that shows the
    rest, and "Less" to fold it again: on a small laptop at the largest text the whole notice
    took a fifth of the window's height, every day, to say what the title bar says too."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Its accessible name is the words shown, kept so as they change (a fixed name,
        # "Demo data", hid them); named, a focused label is heard by every checker and reader.
        self.setWordWrap(True)  # still one line wherever it fits; never cut on a narrow window
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.linkActivated.connect(self._on_link_activated)
        self.full_text = text
        first, _stop, rest = text.partition(". ")
        self.short_text = f"{first}." if rest else text
        self.expanded = False
        self._show()

    def set_expanded(self, expanded: bool) -> None:
        self.expanded = expanded
        self._show()

    def plain_text(self) -> str:
        """The words shown now, without the link's markup."""
        return (
            self.full_text
            if self.expanded or self.short_text == self.full_text
            else (f"{self.short_text} More…")
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._show()  # the link takes the banner's own text colour in every theme

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter (or Space) on the banner follows its one link, whether or not Qt has marked
        # the link itself as focused (it does so only after a second Tab inside the label).
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and self.short_text != self.full_text:
            self.set_expanded(not self.expanded)
            event.accept()
            return
        super().keyPressEvent(event)

    def _show(self) -> None:
        # Folded, the whole notice is its description: heard without following "More…".
        folded = not self.expanded and self.short_text != self.full_text
        self.setAccessibleDescription(self.full_text if folded else "")
        if self.short_text == self.full_text:
            self.setAccessibleName(self.full_text)
            self.setText(escape(self.full_text))
            return
        colour = self.palette().color(QPalette.ColorRole.WindowText).name()
        words, target, link = (
            (self.full_text, "less", "Less")
            if self.expanded
            else (self.short_text, "more", "More…")
        )
        self.setAccessibleName(f"{words} {link}")
        html = (
            f'{escape(words)} <a href="{target}" style="color: {colour}; '
            f'text-decoration: underline; font-weight: bold">{link}</a>'
        )
        if html != self.text():
            self.setText(html)

    def _on_link_activated(self, target: str) -> None:
        self.set_expanded(target == "more")
