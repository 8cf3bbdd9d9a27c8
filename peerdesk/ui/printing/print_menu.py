"""The "Print…" menu a record page shows: the forms that can be filled in for that record.

Record pages call `make_print_menu(services, settings, subject_kind, subject_id, parent)` with
subject_kind one of "person", "pairing", "group", "meeting". Choosing a form renders it off
the UI thread and opens it in a preview dialog, ready to print or save.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QMenu, QPushButton, QToolButton, QWidget

from peerdesk.services import Services
from peerdesk.ui.printing.dialog import FormPreviewDialog


def make_print_menu(
    services: Services,
    settings: QSettings,
    subject_kind: str,
    subject_id: int,
    parent: QWidget | None = None,
) -> QMenu:
    menu = QMenu("&Print…", parent)
    menu.setAccessibleName("Print a form for this record")
    choices = services.printing.forms(subject_kind)
    if not choices:
        empty = menu.addAction("There are no forms to fill in for this kind of record")
        empty.setEnabled(False)
        return menu
    used: set[str] = set()
    for choice in choices:
        action = menu.addAction(with_access_key(choice.title, used))
        action.setToolTip(choice.summary)
        action.setData(choice.name)
        action.triggered.connect(
            lambda _checked=False, name=choice.name: open_form(
                services, subject_kind, subject_id, name, parent
            )
        )
    return menu


def with_access_key(title: str, used: set[str]) -> str:
    """`title` with an access key no earlier item in the menu has (the first letter of a
    word where it can, "&Session log sheet", else any letter), so Ctrl+P and one letter
    choose a form. `used` gains the letter."""
    words_first = [
        i for i, c in enumerate(title) if c.isalpha() and (i == 0 or title[i - 1] == " ")
    ]
    others = [i for i, c in enumerate(title) if c.isalpha() and i not in words_first]
    for index in words_first + others:
        letter = title[index].lower()
        if letter not in used:
            used.add(letter)
            return f"{title[:index]}&{title[index:]}"
    return title


def pop_up_under(button: QAbstractButton) -> bool:
    """Show a Print… button's menu below it, as a click would, without waiting for a choice
    (Ctrl+P from the main window; the menu takes the keys, a letter chooses a form)."""
    menu = button.menu() if isinstance(button, QPushButton | QToolButton) else None
    if menu is None or not button.isVisible():
        return False
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    return True


def open_form(
    services: Services,
    subject_kind: str,
    subject_id: int,
    form_name: str,
    parent: QWidget | None,
) -> FormPreviewDialog:
    """Open the preview dialog for a form and start rendering it in the background."""
    dialog = FormPreviewDialog(services, subject_kind, subject_id, form_name, parent)
    dialog.show()
    dialog.render_form()
    return dialog


__all__ = ["make_print_menu", "open_form", "pop_up_under", "with_access_key"]
