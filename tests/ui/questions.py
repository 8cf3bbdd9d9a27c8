"""Answering a question box (QMessageBox) from the keyboard, as a coordinator does: the keys
go to whatever has the focus in it, and the test learns what was asked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

#: The answers, as keys: Enter takes the default button; a letter with Alt, its access key.
ENTER = (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
DISCARD = (Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
YES = (Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)


@dataclass
class Asked:
    """What the question boxes said (their main text, then the smaller text under it)."""

    texts: list[str] = field(default_factory=list)
    buttons: list[list[str]] = field(default_factory=list)
    defaults: list[str] = field(default_factory=list)


def answering(
    qtbot: QtBot,
    action: Callable[[], object],
    key: tuple[Qt.Key, Qt.KeyboardModifier],
) -> Asked:
    """Do `action` (a key press that may ask a question); answer any question box it opens
    by pressing `key` in it. Returns what was asked (nothing when no question came)."""
    asked = Asked()
    finished: list[bool] = []
    failures: list[BaseException] = []

    def answer() -> None:
        if finished:
            return  # the action is over and asked nothing: stop looking
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(0, answer)  # not on screen yet: look again on the next turn
            return
        try:
            asked.texts.append(f"{box.text()} {box.informativeText()}".strip())
            asked.buttons.append([b.text() for b in box.buttons()])
            default = box.defaultButton()
            asked.defaults.append(default.text() if default is not None else "")
            # The keys go where the focus is once the box has it (its default button).
            qtbot.waitUntil(lambda: _focus_in(box), timeout=3000)
            target = QApplication.focusWidget()
            assert target is not None
            qtbot.keyClick(target, key[0], key[1])
            qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
        except BaseException as failure:  # reported once the box is closed
            failures.append(failure)
            box.done(0)  # close it, so that the test fails rather than hangs

    QTimer.singleShot(0, answer)
    try:
        action()
    finally:
        finished.append(True)
    if failures:
        raise failures[0]
    return asked


def _focus_in(box: QMessageBox) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and focused.window() is box
