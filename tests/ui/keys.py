"""Driving real widgets as a coordinator does, with the keyboard: type into the focused
input, choose from a list by typing, tick with Space, press a button by its access key.

Every helper puts the focus where a coordinator would (as Tab or a click would) and sends
the keys to whatever then has the focus, so a widget that cannot take the focus, or a
keyboard path that goes somewhere else, fails the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.ui.widgets.date_box import DateBox

SELECT_ALL = Qt.KeyboardModifier.ControlModifier


def show_its_tab(widget: QWidget) -> None:
    """Choose the tab that holds `widget`, as a coordinator clicks a tab to reach an input
    on it (an input on a tab not shown cannot take the focus)."""
    child: QWidget | None = widget
    while child is not None:
        parent = child.parentWidget()
        tabs = parent.parentWidget() if parent is not None else None
        if isinstance(tabs, QTabWidget) and tabs.indexOf(child) >= 0:
            tabs.setCurrentWidget(child)
        child = parent


def focus(qtbot: QtBot, widget: QWidget) -> QWidget:
    """Put the focus on `widget` (or its editor) and return what has it."""
    target: QWidget = widget.editor if isinstance(widget, DateBox) else widget
    show_its_tab(target)
    target.window().activateWindow()
    target.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target, timeout=2000)
    focused = QApplication.focusWidget()
    assert focused is not None
    return focused


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace what the input holds with `text`, typed key by key. A date box takes its new
    date on leaving it (Tab), as it does for a coordinator."""
    focused = focus(qtbot, widget)
    if isinstance(focused, QLineEdit | QPlainTextEdit):
        qtbot.keyClick(focused, Qt.Key.Key_A, SELECT_ALL)
        qtbot.keyClick(focused, Qt.Key.Key_Delete)
    qtbot.keyClicks(focused, text)
    if isinstance(widget, DateBox):
        qtbot.keyClick(focused, Qt.Key.Key_Tab)


def choose(qtbot: QtBot, combo: QComboBox, label: str) -> None:
    """Choose the item whose words start with `label` by typing them, as in any list."""
    focused = focus(qtbot, combo)
    qtbot.keyClicks(focused, label)
    assert combo.currentText().startswith(label), (combo.currentText(), label)


def tick(qtbot: QtBot, box: QAbstractButton, wanted: bool = True) -> None:
    focused = focus(qtbot, box)
    if box.isChecked() != wanted:
        qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert box.isChecked() == wanted


def press(qtbot: QtBot, button: QAbstractButton) -> None:
    """Press a button from the keyboard: Tab to it and press Space."""
    focused = focus(qtbot, button)
    qtbot.keyClick(focused, Qt.Key.Key_Space)


def save(qtbot: QtBot, dialog: QDialog) -> None:
    """Enter where the coordinator is: the dialog's default button (Save) takes it. In a
    text area Enter starts a new line, so from there the Save button is pressed instead."""
    focused = QApplication.focusWidget()
    if focused is None or focused.window() is not dialog or isinstance(focused, QPlainTextEdit):
        press(qtbot, dialog.save_button)  # type: ignore[attr-defined]
    else:
        qtbot.keyClick(focused, Qt.Key.Key_Return)
    if dialog.isVisible():
        problem = [
            label.text()
            for label in dialog.findChildren(QLabel)
            if label.objectName() == "problem" and label.isVisible() and label.text()
        ]
        modal = QApplication.activeModalWidget()
        raise AssertionError(
            f"{dialog.windowTitle()} was not saved: {problem!r} (focus {focused}, on top {modal})"
        )


def in_modal(qtbot: QtBot, opens: Callable[[], Any], fill: Callable[[QDialog], None]) -> None:
    """Work in a window that `opens` shows with exec() (it waits there until closed): `fill`
    runs once it is on screen. A failure inside closes it, then fails the test here."""
    failures: list[BaseException] = []
    handled: list[bool] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(0, act)  # not shown yet: look again on the next turn
            return
        handled.append(True)
        try:
            fill(dialog)
        except BaseException as failure:
            failures.append(failure)
            dialog.reject()

    QTimer.singleShot(0, act)
    opens()
    if failures:
        raise failures[0]
    assert handled, "no window opened"


class Keyboard:
    """Every key a test presses, counted, each sent where a real key press goes: the open
    menu if there is one, else the widget with the keyboard focus. Typed text (a name, a
    note) is counted apart, as the budgets in issue 23 count it ("12 keys plus the text")."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.presses = 0
        self.typed: list[str] = []

    def target(self) -> QWidget:
        """Where a key pressed now goes: the open menu, else the focused widget, else (no
        widget has the focus yet) the active window, as Qt delivers a real key press."""

        def receiver() -> QWidget | None:
            return (
                QApplication.activePopupWidget()
                or QApplication.focusWidget()
                or QApplication.activeWindow()
            )

        self.qtbot.waitUntil(lambda: receiver() is not None, timeout=5000)
        focused = receiver()
        assert focused is not None, "nothing has the keyboard focus"
        return focused

    def press(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.presses += 1
        self.qtbot.keyClick(self.target(), key, modifiers)

    def alt(self, letter: str) -> None:
        """Alt+letter: an access key."""
        self.press(getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)

    def ctrl(self, key: Qt.Key, shift: bool = False) -> None:
        modifiers = Qt.KeyboardModifier.ControlModifier
        if shift:
            modifiers |= Qt.KeyboardModifier.ShiftModifier
        self.press(key, modifiers)

    def type(self, text: str) -> None:
        """Type `text` into the focused input (counted as text, not as key presses)."""
        self.typed.append(text)
        self.qtbot.keyClicks(self.target(), text)

    def until_focus(
        self, wanted: Callable[[QWidget | None], bool], *, most: int, key: Qt.Key = Qt.Key.Key_Tab
    ) -> None:
        """Press `key` (Tab) until `wanted(focus)`, at most `most` times (each one counted)."""
        for _ in range(most):
            if wanted(QApplication.focusWidget()):
                return
            self.press(key)
        assert wanted(QApplication.focusWidget()), (
            f"not reached in {most} presses: {QApplication.focusWidget()}"
        )

    def wait_focus_in(self, window: QWidget) -> None:
        """Wait (no key) until the keyboard focus is in `window`, as it is once a window that
        just opened is on screen and active; keys pressed before then would go elsewhere."""

        def inside() -> bool:
            focused = QApplication.focusWidget()
            return focused is not None and focused.window() is window

        self.qtbot.waitUntil(inside, timeout=5000)
