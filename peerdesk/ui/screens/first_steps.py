"""The three first steps on an empty database's Today: add your first volunteer, take a
referral, print an introduction pack. Each button does the step, where the coordinator would
otherwise have to know which screen and which menu hold it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

#: (step, button text, what it is for). The access keys avoid the menu bar's letters (File,
#: Edit, View, Records, Tools, Help) and Today's own buttons (Check again, Raise a concern).
STEPS: tuple[tuple[str, str, str], ...] = (
    (
        "volunteer",
        "&Add your first volunteer…",
        "Their name is enough to start; their checks and training follow.",
    ),
    (
        "referral",
        "Ta&ke a referral…",
        "Someone who would like a mentor: who they are and who referred them.",
    ),
    (
        "pack",
        "Print an introduction &pack…",
        "The forms for a new pairing's first meeting, from the Forms screen.",
    ),
)
INTRODUCTION_PACK = "introduction-pack"


class FirstSteps(QWidget):
    """Says what to do first in an empty database, with a button for each step."""

    step_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("First steps")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            "Welcome to peerdesk. Nothing is on record yet, so nothing needs you. "
            "Three first steps:"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for row, (step, text, about) in enumerate(STEPS):
            button = QPushButton(text, self)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.setAccessibleDescription(about)
            button.clicked.connect(lambda _checked=False, s=step: self.step_chosen.emit(s))
            words = QLabel(about, self)
            words.setWordWrap(True)
            grid.addWidget(QLabel(f"{row + 1}.", self), row, 0)
            grid.addWidget(button, row, 1)
            grid.addWidget(words, row, 2)
            self.buttons[step] = button
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        layout.addStretch(1)


def take_first_step(window: QWidget, step: str) -> None:
    """Do the step in the main window `window`: the People screen's Add a person, the Pairings
    screen's New referral (for someone new), or the Forms screen with the introduction pack
    chosen. The main window is reached by what it offers (its screens and show_screen), as a
    screen module cannot import it: the main window imports the screens."""
    show_screen: Callable[[str], None] | None = getattr(window, "show_screen", None)
    screens = getattr(window, "screens", None)
    if show_screen is None or screens is None:
        return
    key = {"volunteer": "people", "referral": "pairings", "pack": "forms"}[step]
    show_screen(key)
    screen = screens[key]
    if step == "volunteer":
        screen.new_record()
    elif step == "referral":
        screen.new_referral()
    else:
        screen.select_form(INTRODUCTION_PACK)
        screen.form_list.setFocus()
