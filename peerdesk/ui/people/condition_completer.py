"""The conditions list offered while typing conditions separated by commas.

A condition input holds several names ("COPD, Type 2 diabetes"). While one is typed, the shared
list's entries (and family names) containing what was typed so far are offered; choosing one
puts it in place of the part being typed, leaving the others as they are. Anything else typed
stays as typed: the service makes it a new entry, as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


def offer_conditions(edit: QLineEdit, names: Sequence[str]) -> QCompleter:
    """Offer `names` in `edit` for the part of its text being typed (after the last comma)."""
    completer = QCompleter(edit)
    # Owned by the completer: a model nobody owns would be deleted straight away.
    completer.setModel(QStringListModel(list(names), completer))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    # "diabetes" offers "Type 1 diabetes" and "Type 2 diabetes", not only names starting so.
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    # Attached to the input, not set as its completer: a line edit's own completer would
    # match the whole text, commas and all.
    completer.setWidget(edit)
    popup = completer.popup()
    assert popup is not None  # made with the completer

    def on_edited(text: str) -> None:
        typed = _current_part(text, edit.cursorPosition())
        if not typed:
            popup.hide()
            return
        completer.setCompletionPrefix(typed)
        if completer.completionCount() == 0:
            popup.hide()
            return
        completer.complete()

    def on_chosen(name: str) -> None:
        text, position = replace_part(edit.text(), edit.cursorPosition(), name)
        edit.setText(text)
        edit.setCursorPosition(position)

    edit.textEdited.connect(on_edited)
    # The name chosen (the signal's first form carries the text).
    completer.activated.connect(on_chosen)
    return completer


def _current_part(text: str, cursor: int) -> str:
    return text[:cursor].rsplit(",", 1)[-1].strip()


def replace_part(text: str, cursor: int, name: str) -> tuple[str, int]:
    """`text` with the comma-separated part at `cursor` replaced by `name`, and where the
    cursor goes (just after it)."""
    before, after = text[:cursor], text[cursor:]
    head = before.rsplit(",", 1)[0].rstrip() + ", " if "," in before else ""
    rest = after.split(",", 1)[1].strip() if "," in after else ""
    placed = head + name
    return (f"{placed}, {rest}" if rest else placed), len(placed)
