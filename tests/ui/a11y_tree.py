"""What a screen reader is told about a window, read the way one reads it: through Qt's
accessibility interfaces (`QAccessibleInterface`, the same objects AT-SPI and UI Automation
are served from), and what is wrong with it:

- a control a user can reach or act on (focusable, or with actions) that has no name;
- a label whose name is not the text it shows (a fixed accessible name hides the content);
- markup (`<h2>`, `<b>`…) in any name or description, read out letter by letter.

Lists and tables are checked as one object (their rows are the data, named by it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QWidget

MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
#: Roles whose children are items of data (cells, rows): checked as one object.
CONTAINERS_OF_DATA = {
    QAccessible.Role.Table,
    QAccessible.Role.List,
    QAccessible.Role.Tree,
    QAccessible.Role.ComboBox,
}
#: Parts of a control that Qt exposes on their own and that the control's name covers.
PARTS = {
    QAccessible.Role.ScrollBar,
    QAccessible.Role.Grip,
    QAccessible.Role.Indicator,
    QAccessible.Role.Separator,
    QAccessible.Role.ColumnHeader,
    QAccessible.Role.RowHeader,
    QAccessible.Role.Cell,
    QAccessible.Role.Row,
    QAccessible.Role.ListItem,
    QAccessible.Role.TreeItem,
    QAccessible.Role.PageTab,
}


def shown_text(label: QLabel) -> str:
    """The words a sighted user reads on a label: no "&" of an access key, no markup."""
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    else:
        text = re.sub(r"&(.)", r"\1", text)
    return " ".join(text.split())


def _interfaces(root: QAccessibleInterface, depth: int = 0) -> Iterator[QAccessibleInterface]:
    yield root
    if depth > 60 or root.role() in CONTAINERS_OF_DATA:
        return
    for index in range(root.childCount()):
        child = root.child(index)
        if child is not None and child.isValid():
            yield from _interfaces(child, depth + 1)


def _describe(iface: QAccessibleInterface) -> str:
    obj = iface.object()
    kind = type(obj).__name__ if obj is not None else "item"
    text = ""
    if isinstance(obj, QLabel):
        text = shown_text(obj)[:50]
    elif obj is not None and hasattr(obj, "text"):
        try:
            text = str(obj.text())[:50]
        except TypeError:
            text = ""
    name = obj.objectName() if obj is not None else ""
    return f"{kind} {text!r}" + (f" ({name})" if name else "")


def problems(window: QWidget) -> list[str]:
    """Everything wrong with what a screen reader hears in `window`, one line each."""
    root = QAccessible.queryAccessibleInterface(window)
    if root is None:
        return ["the window has no accessible interface"]
    found: list[str] = []
    for iface in _interfaces(root):
        state = iface.state()
        if state.invisible or iface.role() in PARTS:
            continue
        obj = iface.object()
        if isinstance(obj, QWidget) and not obj.isVisible():
            continue
        name = " ".join(iface.text(QAccessible.Text.Name).split())
        description = iface.text(QAccessible.Text.Description)
        for what, text in (("name", name), ("description", description)):
            if MARKUP.search(text or ""):
                found.append(f"markup in the {what} of {_describe(iface)}: {text[:80]!r}")
        if isinstance(obj, QLabel):
            shown = shown_text(obj)
            if shown and name != shown:
                found.append(f"a label says {shown[:60]!r} but is read as {name[:60]!r}")
            continue
        actions = iface.actionInterface()
        actionable = actions is not None and bool(actions.actionNames())
        if (state.focusable or actionable) and not name:
            found.append(f"no name: {_describe(iface)} (role {iface.role().name})")
    return found
