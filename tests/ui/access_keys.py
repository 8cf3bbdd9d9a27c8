"""What a window offers the keyboard: its access keys (Alt+letter from the "&" in a button's,
label's, tab's or menu title's text) and its shortcuts (QActions, QShortcuts, buttons' own
keys), and what is wrong with them: two things answering the same keys at once, a button or
labelled field with no access key, an access key a button's own shortcut silently replaced.
"""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QPushButton,
    QRadioButton,
    QTabBar,
    QToolButton,
    QWidget,
)

ALT = "Alt+"
#: Contexts in which a shortcut answers anywhere in its window (a widget-only one does not).
WINDOW_WIDE = (
    Qt.ShortcutContext.WindowShortcut,
    Qt.ShortcutContext.ApplicationShortcut,
    Qt.ShortcutContext.WidgetWithChildrenShortcut,
)


def access_letter(text: str) -> str | None:
    """The letter after a single "&" ("&&" is a plain ampersand), lower case, or None."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return None
        if text[index + 1] == "&":
            index += 2
            continue
        return text[index + 1].lower()


def _keys(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def _shown(widget: QWidget, window: QWidget) -> bool:
    """On screen now (or would be, in a window not shown yet)."""
    return widget.isVisibleTo(window) and not widget.isHidden()


def _name(widget: QObject) -> str:
    text = ""
    if isinstance(widget, QAbstractButton | QLabel):
        text = widget.text()
    elif isinstance(widget, QGroupBox):
        text = widget.title()
    elif isinstance(widget, QAction):
        text = widget.text()
    return f"{type(widget).__name__} {text!r}"


def _reached_otherwise(button: QAbstractButton) -> bool:
    """A dialog's default button (Enter) and its Cancel or Close (Escape) need no letter;
    nor does a button with a shortcut of its own (Alt+Left on "← All pairings")."""
    box = button.parentWidget()
    if isinstance(box, QDialogButtonBox):
        role = box.buttonRole(button)
        if role == QDialogButtonBox.ButtonRole.RejectRole:
            return True
        if isinstance(button, QPushButton) and button.isDefault():
            return True
    own = _keys(button.shortcut())
    return (bool(own) and not _is_access_key(own)) or _by_a_key_on_its_list(button)


def _by_a_key_on_its_list(button: QAbstractButton) -> bool:
    """Enter or Delete on the list a button acts on (Remove… is Delete on the chosen row):
    the button holds the action (its own, in `actions()`), and the action answers the key
    on a list shown in the same window that takes the keyboard, so a real key press there
    reaches it (peerdesk.ui.people.row_keys)."""
    for action in button.actions():
        if not action.shortcuts() or not action.isEnabled():
            continue
        if action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut:
            continue
        for owner in action.associatedObjects():
            if (
                isinstance(owner, QWidget)
                and owner is not button
                and owner.window() is button.window()
                and _shown(owner, button.window())
                and _takes_focus(owner)
            ):
                return True
    return False


def keys_in_text(text: str) -> str | None:
    """The keys a button's words name ("Print (Ctrl+P)…" says Ctrl+P), or None."""
    match = re.search(r"\((Ctrl\+[^)]+)\)", text)
    return _keys(QKeySequence(match.group(1))) if match else None


def _is_access_key(keys: str) -> bool:
    return keys.startswith(ALT) and len(keys) == len(ALT) + 1


def _in_menu_bar(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QMenuBar):
            return True
        parent = parent.parentWidget()
    return False


def _part_of_a_date_box(widget: QWidget) -> bool:
    """A date box's own Clear button: the box's keys (Delete) clear it."""
    parent = widget.parentWidget()
    while parent is not None:
        if type(parent).__name__ == "DateBox":
            return True
        parent = parent.parentWidget()
    return False


def _takes_focus(widget: QWidget | None) -> bool:
    """An input a label's access key can put the keyboard in (a row of radio buttons, each
    with its own key, cannot take the focus itself: its label needs none)."""
    return widget is not None and widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def _buddies(window: QWidget) -> set[int]:
    """Inputs a label with an access key points at ("&Concern" beside its tick box)."""
    return {
        id(label.buddy())
        for label in window.findChildren(QLabel)
        if label.buddy() is not None and access_letter(label.text()) is not None
    }


class Keys:
    """The keys one window answers to now, and the problems found reading them."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.owners: dict[str, list[str]] = defaultdict(list)
        self.missing: list[str] = []
        self.dead: list[str] = []
        #: Buttons whose words name their keys ("Print (Ctrl+P)…"), and those keys.
        self.named: list[tuple[str, str]] = []
        self.labelled = _buddies(window)
        self._read_widgets()
        self._read_menu_bar()
        self._read_actions_and_shortcuts()

    def _add(self, keys: str, owner: str) -> None:
        if keys:
            self.owners[keys].append(owner)

    def _read_widgets(self) -> None:
        window = self.window
        for widget in window.findChildren(QWidget):
            if widget.window() is not window or not _shown(widget, window):
                continue
            if _in_menu_bar(widget) or _part_of_a_date_box(widget):
                continue
            if isinstance(widget, QAbstractButton):
                self._read_button(widget)
            elif isinstance(widget, QLabel) and _takes_focus(widget.buddy()):
                letter = access_letter(widget.text())
                if letter is None:
                    self.missing.append(f"label of a field {_name(widget)}")
                else:
                    self._add(ALT + letter.upper(), _name(widget))
            elif isinstance(widget, QGroupBox) and widget.isCheckable():
                letter = access_letter(widget.title())
                if letter is None:
                    self.missing.append(_name(widget))
                else:
                    self._add(ALT + letter.upper(), _name(widget))
            elif isinstance(widget, QTabBar):
                for index in range(widget.count()):
                    if not widget.isTabVisible(index):
                        continue
                    text = widget.tabText(index)
                    letter = access_letter(text)
                    if letter is None:
                        self.missing.append(f"tab {text!r}")
                    else:
                        self._add(ALT + letter.upper(), f"tab {text!r}")

    def _read_button(self, button: QAbstractButton) -> None:
        text = button.text()
        if not text.strip() or type(button).__name__ == "QTableCornerButton":
            return
        if isinstance(button, QToolButton) and isinstance(button.parentWidget(), QTabBar):
            return  # a tab bar's scroll arrows
        letter = access_letter(text)
        own = _keys(button.shortcut())
        if letter is None:
            if isinstance(button, QPushButton | QCheckBox | QRadioButton | QToolButton) and not (
                _reached_otherwise(button) or id(button) in self.labelled
            ):
                named = keys_in_text(text)
                if named:
                    # Its words name its keys: they must answer in this window (checked
                    # once every shortcut has been read).
                    self.named.append((named, _name(button)))
                else:
                    self.missing.append(_name(button))
            self._add(own, _name(button))
            return
        if own != ALT + letter.upper():
            self.dead.append(f"{_name(button)} answers {own or 'nothing'}, not Alt+{letter}")
        self._add(own, _name(button))

    def _read_menu_bar(self) -> None:
        bars = [bar for bar in self.window.findChildren(QMenuBar) if bar.window() is self.window]
        for bar in bars:
            for action in bar.actions():
                if not action.isVisible() or action.menu() is None:
                    continue
                letter = access_letter(action.text())
                if letter is None:
                    self.missing.append(f"menu {action.text()!r}")
                else:
                    self._add(ALT + letter.upper(), f"menu {action.text()!r}")

    def _read_actions_and_shortcuts(self) -> None:
        window = self.window
        actions = {id(a): a for a in window.findChildren(QAction)}
        for widget in [window, *window.findChildren(QWidget)]:
            for action in widget.actions():
                actions.setdefault(id(action), action)
        for action in actions.values():
            if action.shortcutContext() not in WINDOW_WIDE or not action.isEnabled():
                continue
            users = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
            if users and not any(
                isinstance(w, QMenu) or w is window or _shown(w, window) for w in users
            ):
                continue
            for sequence in action.shortcuts():
                self._add(_keys(sequence), f"action {action.text()!r}")
        for shortcut in window.findChildren(QShortcut):
            parent = shortcut.parent()
            if not shortcut.isEnabled() or shortcut.context() not in WINDOW_WIDE:
                continue
            if isinstance(parent, QWidget) and not (parent is window or _shown(parent, window)):
                continue
            for sequence in shortcut.keys():  # noqa: SIM118 - a QShortcut, not a dict
                self._add(_keys(sequence), f"shortcut of {_name(parent) if parent else '?'}")

    @property
    def clashes(self) -> dict[str, list[str]]:
        """Keys that two things answer at once: Qt then does neither (an "ambiguous
        shortcut") or only cycles the focus between them."""
        return {keys: owners for keys, owners in self.owners.items() if len(owners) > 1}

    def problems(self) -> list[str]:
        found = [f"{keys}: {' and '.join(owners)}" for keys, owners in self.clashes.items()]
        found += [f"no access key: {what}" for what in self.missing]
        found += [f"access key lost: {what}" for what in self.dead]
        found += [
            f"no access key: {what} (nothing here answers the {keys} it names)"
            for keys, what in self.named
            if keys not in self.owners
        ]
        return found


def menu_problems(menu: QMenu, path: str = "") -> list[str]:
    """In one menu (and its submenus): every item with an access key of its own."""
    where = path + menu.title().replace("&", "")
    seen: dict[str, str] = {}
    found = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        text = action.text()
        letter = access_letter(text)
        if letter is None:
            found.append(f"{where}: no access key on {text!r}")
        elif letter in seen:
            found.append(f"{where}: {seen[letter]!r} and {text!r} both use Alt+{letter}")
        else:
            seen[letter] = text
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found += menu_problems(submenu, where + " ▸ ")
    return found


def window_problems(window: QWidget) -> list[str]:
    """Everything wrong with the keys of `window` as it is now, its menus included."""
    found = Keys(window).problems()
    menus: list[QMenu] = []
    for bar in window.findChildren(QMenuBar):
        menus += [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
    for button in window.findChildren(QPushButton) + window.findChildren(QToolButton):
        # A button's own menu (Print…): its items, each with a letter of its own.
        menu = button.menu()
        if isinstance(menu, QMenu) and button.window() is window and _shown(button, window):
            menus.append(menu)
    for menu in menus:
        found += menu_problems(menu)
    return found
