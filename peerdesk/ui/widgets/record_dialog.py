"""The shape of every "record something" dialog: a few words at the top, labelled inputs,
Save and Cancel, and each problem shown under the input it concerns.

A subclass adds its inputs to `self.rows` (more forms with `add_form`, anything else to
`self.body`) and implements `write()` with one service call that raises PeerdeskError to
refuse. Saving then checks, writes once, and closes; a refused save keeps everything typed
and says what to fix: under the input the problem names (ValidationError.field), or on the
line at the top when it names none. Cancel closes without saving. Escape (or the window's close
button) closes at once when nothing has been changed, and otherwise asks "Discard changes?"
first, Keep editing being the answer Enter gives. The dialog is never larger than its screen:
everything but the buttons scrolls when the screen is too small for it.

Editing is the same dialog: a subclass that implements `load(view)`, `add()` and
`update(record_id)` (instead of `write()`) is opened on a saved record with `edit(record_id,
view, title=...)`, which fills the inputs from the view and makes Save call `update_record`, with
the same checks in the service as adding.
"""

from __future__ import annotations

from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.ui import announcer
from peerdesk.ui.widgets.fit_screen import FittingScrollArea, fit_to_screen
from peerdesk.ui.widgets.form_rows import FormRows, ProblemLabel
from peerdesk.ui.widgets.unsaved import ChangeWatcher, ask_discard


class RecordDialog(QDialog):
    #: A field named by a service → the field whose input shows its problem.
    field_aliases: ClassVar[dict[str, str]] = {}

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        title: str,
        intro: str = "",
        accept_text: str = "",
        accept_button: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save,
        accessible_name: str = "",
    ) -> None:
        """`accept_text` names the button that saves when "Save" would not say what it does
        ("End pairing", "&Withdraw"); `accept_button` is the standard one otherwise."""
        super().__init__(parent)
        self.services = services
        #: What is on screen has been written: saving again writes nothing more.
        self._written = False
        self._forms: list[FormRows] = []
        #: The saved record on screen (editing), or None when adding a new one.
        self.record_id: int | None = None
        self.setWindowTitle(title)
        self.setAccessibleName(accessible_name or title)
        self.setModal(True)
        #: Whether the inputs have changed since the dialog was filled in and shown.
        self.changes = ChangeWatcher()
        self._shown_once = False
        self._closing_from_code = False
        outer = QVBoxLayout(self)
        #: Everything but the buttons: scrolls when the screen is too small for it.
        self.page_area = FittingScrollArea(self)
        self.page_area.setAccessibleName(accessible_name or title)
        content = QWidget(self.page_area)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page_area.setWidget(content)
        outer.addWidget(self.page_area, 1)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))
        layout.addWidget(self.intro)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)
        self.rows = self.add_form()
        if accept_text:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
            self.save_button: QPushButton = self.buttons.addButton(
                accept_text, QDialogButtonBox.ButtonRole.AcceptRole
            )
        else:
            self.buttons = QDialogButtonBox(
                accept_button | QDialogButtonBox.StandardButton.Cancel, self
            )
            self.save_button = self.buttons.button(accept_button)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def add_form(self, layout: QBoxLayout | None = None) -> FormRows:
        """Another block of labelled inputs (after a table, in a group box...), whose
        problems are shown under its inputs like the first."""
        form = QFormLayout()
        (self.body if layout is None else layout).addLayout(form)
        return self.adopt_form(FormRows(form))

    def adopt_form(self, rows: FormRows) -> FormRows:
        """Show problems in a form built elsewhere (inside a scroll area, say)."""
        self._forms.append(rows)
        return rows

    # -- editing -------------------------------------------------------------------------
    @property
    def editing(self) -> bool:
        return self.record_id is not None

    def edit(self, record_id: int, view: Any, *, title: str) -> None:
        """Show the saved record `view` (its inputs filled in), titled `title` ("Edit
        training"); Save then updates that record instead of adding one."""
        self.record_id = record_id
        self.load(view)
        self.changes.reset()  # filled in from the record: nothing changed yet
        self.setWindowTitle(title)
        self.setAccessibleName(title)

    def load(self, view: Any) -> None:
        """Fill the inputs from a saved record's view (dialogs that can edit)."""
        raise NotImplementedError

    def add_record(self) -> None:
        """Add a new record from what is on screen, with one service call."""
        raise NotImplementedError

    def update_record(self, record_id: int) -> None:
        """Save what is on screen over the record `record_id`, with one service call."""
        raise NotImplementedError

    # -- saving --------------------------------------------------------------------------
    def write(self) -> None:
        """Save what is on screen with one service call; raise PeerdeskError to refuse.
        Dialogs that can edit leave this be and implement `add_record` and
        `update_record`."""
        if self.record_id is None:
            self.add_record()
        else:
            self.update_record(self.record_id)

    def save(self) -> bool:
        """Check and write what is on screen, once. On a problem, say what to fix, keep
        everything typed, and return False."""
        if self._written:
            return True  # a double click, or Ctrl+Enter then Save: written once only
        self.clear_problems()
        try:
            self.write()
        except PeerdeskError as error:
            self.show_problem(error)
            return False
        self._written = True
        return True

    def accept(self) -> None:
        """Save (unless already saved), then close; a refused save keeps the dialog open."""
        if self.save():
            self.announce_saved()
            super().accept()

    def saved_words(self) -> str:
        """What a screen reader says once the record is saved: what was saved, in a few
        words. Dialogs override it to name the record ("Jo Smith added.")."""
        # A button other than Save does what it says ("End pairing"): "done", not "saved".
        done = "saved" if self.save_button.text().replace("&", "") == "Save" else "done"
        title = self.windowTitle().strip()
        return f"{title}: {done}." if title else f"{done.capitalize()}."

    def announce_saved(self) -> None:
        """Say that the save worked: the window closes, and nothing else would say so. Said
        on the window underneath, which stays (the dialog is about to go)."""
        words = self.saved_words()
        if words:
            parent = self.parentWidget()
            announcer.announce(words, parent.window() if parent is not None else None)

    def mark_saved(self) -> None:
        """What this dialog showed was dealt with another way (removed): close, write nothing."""
        self._written = True

    def start_again(self) -> None:
        """The inputs now hold a new record ("Save and log another"): the next save writes.
        Nothing is changed until the coordinator types again: the inputs are emptied just
        after this is called, so "unchanged" starts once that is done too."""
        self._written = False
        self.changes.reset()
        QTimer.singleShot(0, self, self.changes.reset)

    # -- showing and closing -------------------------------------------------------------
    def setVisible(self, visible: bool) -> None:
        if visible and not self._shown_once:
            # Once filled in and about to be seen: what the inputs hold now is "unchanged".
            self._shown_once = True
            self.changes.watch(self)
            fit_to_screen(self, self.page_area)
        super().setVisible(visible)

    @property
    def has_changes(self) -> bool:
        return self.changes.changed and not self._written

    def may_close(self) -> bool:
        """True when closing loses nothing, or the coordinator chose to discard it."""
        return not self.has_changes or ask_discard(self, self.windowTitle())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Cancel):
            event.accept()
            if self.may_close():
                self.reject()
            return
        super().keyPressEvent(event)

    def close(self) -> bool:
        """Closing from code (a test's clean-up, say) never stops to ask."""
        if not shiboken6.isValid(self):
            return True  # already deleted (closed and gone): nothing to close
        self._closing_from_code = True
        try:
            return super().close()
        finally:
            self._closing_from_code = False

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button (or the window system) closing it: ask, as Escape does.
        if not self._closing_from_code and self.isVisible() and not self.may_close():
            event.ignore()
            return
        super().closeEvent(event)

    # -- problems ------------------------------------------------------------------------
    def show_problem(self, error: PeerdeskError) -> None:
        field = error.field if isinstance(error, ValidationError) else None
        field = self.field_aliases.get(field or "", field)
        for rows in self._forms:
            if field is not None and field in rows:
                self.reveal(rows.input(field))
                rows.show_problem(field, error.message)
                self._scroll_to(rows.input(field))
                return
        self.problem.show_error(error)
        self._scroll_to(self.problem)

    def reveal(self, widget: QWidget) -> None:
        """Make `widget` reachable before its problem is shown (a dialog with tabs shows its
        tab), so that it takes the focus and its problem is said once."""

    def _scroll_to(self, widget: QWidget) -> None:
        """Bring the problem (or the input that now has the focus) into view: now, and again
        once the layout has placed anything just shown (a row revealed by a tick box)."""
        focused = QApplication.focusWidget()
        if focused is not None and self.page_area.isAncestorOf(focused):
            widget = focused
        area = self.page_area
        area.ensureWidgetVisible(widget)
        # The area, not the dialog, in the call for later: a dialog deleted meanwhile is not
        # kept alive in Python by it.
        QTimer.singleShot(0, widget, lambda: area.ensureWidgetVisible(widget))

    def clear_problems(self) -> None:
        self.problem.clear_error()
        for rows in self._forms:
            rows.clear_problems()

    def problem_text(self, field: str | None = None) -> str:
        """The problem shown under `field`'s input, or (no field) on the line at the top."""
        if field is None:
            return self.problem.text() if not self.problem.isHidden() else ""
        for rows in self._forms:
            if field in rows:
                return rows.problem_text(field)
        return ""
