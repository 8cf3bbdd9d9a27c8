"""A warning across the top of the main window: what is wrong, why it matters, what to do,
an optional button that does it, and "Hide for now" (it comes back next time peerdesk
opens, while the problem lasts)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
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
        self.text.setAccessibleName(name)
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
