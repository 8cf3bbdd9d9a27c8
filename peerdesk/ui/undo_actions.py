"""Edit ▸ Undo and Redo: of typing, in the text box that has the focus; of the last saved
change otherwise ("Undo: end of pairing P0042"), for the change sets made since the app
opened (services.undo). Ctrl+Z in a text box stays the box's own: the box takes the keys
before the window's shortcut, and the actions themselves act on the box when it has focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.ui.messages import show_problem


def focused_text_box() -> QWidget | None:
    """The text input with the keyboard focus (typing is what Undo means there), or None."""
    focus = QApplication.focusWidget()
    if isinstance(focus, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
        return focus
    if isinstance(focus, QComboBox) and focus.isEditable():
        return focus.lineEdit()
    return None


def in_words(text: str) -> str:
    """ "End of pairing P0042" → "end of pairing P0042" (to follow "Undo: ")."""
    if len(text) > 1 and text[:2].isupper():
        return text  # PVG…, an acronym keeps its capitals
    return text[:1].lower() + text[1:]


class UndoActions(QObject):
    def __init__(
        self,
        window: QMainWindow,
        services: Services,
        menu: QMenu,
        after: Callable[[str], None],
    ) -> None:
        """Add Undo and Redo to `menu`; `after(message)` runs once one was done (the window
        shows the screens afresh and says what was done)."""
        super().__init__(window)
        self.window = window
        self.services = services
        self.after = after
        self.undo_action = QAction("&Undo", window)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = QAction("&Redo", window)
        # The system's Redo keys, and both common ones, each once: where the system's Redo is
        # already Ctrl+Y, a second Ctrl+Y would make Qt see two shortcuts and do neither.
        redo_keys: list[QKeySequence] = []
        for keys in (
            *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
            QKeySequence("Ctrl+Shift+Z"),
            QKeySequence("Ctrl+Y"),
        ):
            if keys not in redo_keys:
                redo_keys.append(keys)
        self.redo_action.setShortcuts(redo_keys)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.aboutToShow.connect(self.update_texts)
        # Out of the menu the shortcuts must work whatever the menu last showed: what there is
        # to undo is looked up when a key is pressed.
        menu.aboutToHide.connect(self.enable_shortcuts)

    def enable_shortcuts(self) -> None:
        self.undo_action.setEnabled(True)
        self.redo_action.setEnabled(True)

    def update_texts(self) -> None:
        """Say what each would do now: typing in the focused box, or the saved change."""
        if focused_text_box() is not None:
            # A text box has the focus: these are its own Undo and Redo; saved changes wait.
            self.undo_action.setText("&Undo typing")
            self.redo_action.setText("&Redo typing")
            self.undo_action.setEnabled(True)
            self.redo_action.setEnabled(True)
            return
        state = self.services.undo.state()
        self.undo_action.setText(
            f"&Undo: {in_words(state.undo_text)}" if state.undo_id else "&Undo"
        )
        self.redo_action.setText(
            f"&Redo: {in_words(state.redo_text)}" if state.redo_id else "&Redo"
        )
        self.undo_action.setEnabled(state.undo_id is not None)
        self.redo_action.setEnabled(state.redo_id is not None)

    def undo(self) -> None:
        self._act("undo", "Nothing was undone", "Undone")

    def redo(self) -> None:
        self._act("redo", "Nothing was redone", "Redone")

    def _act(self, method: str, refused: str, done: str) -> None:
        box = focused_text_box()
        if box is not None:
            getattr(box, method)()
            return
        state = self.services.undo.state()
        if (state.undo_id if method == "undo" else state.redo_id) is None:
            # Ctrl+Z with nothing to undo: said quietly, not as a problem.
            self.window.statusBar().showMessage(f"Nothing to {method}.", 4000)
            return
        try:
            words = getattr(self.services.undo, method)()
        except PeerdeskError as error:
            show_problem(self.window, refused, error)
            return
        self.after(f"{done}: {in_words(words)}")
