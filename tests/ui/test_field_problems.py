"""Issue 24, point 2: a problem shown in a record dialog is on its input for a screen reader
(the input's description holds it while it is shown) and is said (announced) each time it
is shown, also when Save is pressed again with the keyboard already in that input.

Every catalogued record dialog that refuses an empty (or wrongly filled) form is saved by
keys, and each problem on screen is looked for where a screen reader would find it: the
input it sits under (found from the layout, not from the dialog's own bookkeeping) or the
line at the top."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui import announcer
from peerdesk.ui.pairings.session_dialog import SessionDialog
from peerdesk.ui.people.person_dialog import PersonDialog
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.record_dialog import RecordDialog
from scripts.dialog_catalogue import DIALOGS
from tests.ui import a11y_tree
from tests.ui.keys import press, type_into
from tests.unit.test_pairings_builders import active_pairing

FACTORIES = dict(DIALOGS)
#: The catalogued record dialogs that refuse the form as it opens (Edit details once its
#: first name is emptied). Supervision, Take the register and Availability save as opened.
REFUSING = [
    "Add a person",
    "Edit details",
    "New referral",
    "Record a review",
    "End a pairing",
    "New group",
    "Record consent",
    "Raise a concern",
    "New expense claim",
    "Record a training session",
    "Wellbeing scores",
]


@dataclass
class Said:
    text: str
    where: QObject | None
    urgent: bool


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Said]]:
    """Everything announced, in order (the one seam, spied on)."""
    heard: list[Said] = []

    def spy(text: str, where: QObject | None = None, *, urgent: bool = False) -> None:
        heard.append(Said(text, where, urgent))

    monkeypatch.setattr(announcer, "announce", spy)
    yield heard


def opened(qtbot: QtBot, dialog: QWidget) -> RecordDialog:
    assert isinstance(dialog, RecordDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def press_save(qtbot: QtBot, dialog: RecordDialog) -> None:
    """Save by keys: Enter where the keyboard is when the default button (Save) takes it
    from there (a line or a pick-list), else Tab to Save and Space."""
    focused = QApplication.focusWidget()
    enter_saves = isinstance(focused, QLineEdit) or (
        isinstance(focused, QComboBox) and not focused.isEditable()
    )
    if focused is not None and focused.window() is dialog and enter_saves:
        qtbot.keyClick(focused, Qt.Key.Key_Return)
    else:
        press(qtbot, dialog.save_button)


def read_from(widget: QWidget) -> QWidget:
    """The object a screen reader is on for `widget` (a date box's typing box)."""
    return widget.editor if isinstance(widget, DateBox) else widget


def input_above(label: QLabel) -> QWidget | None:
    """The input a problem is shown under: the nearest input before it in its layout."""
    parent = label.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is None:
        return None
    index = layout.indexOf(label)
    for before in range(index - 1, -1, -1):
        item = layout.itemAt(before)
        widget = item.widget() if item is not None else None
        if widget is not None and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            return widget
        if isinstance(widget, DateBox):
            return widget
    return None


def shown_problems(dialog: RecordDialog) -> list[tuple[QWidget | None, str]]:
    """Each problem on screen: the input it is under (None: the line at the top) and its
    words without the warning sign."""
    found: list[tuple[QWidget | None, str]] = []
    for label in dialog.findChildren(QLabel):
        if label.objectName() != "problem" or not label.isVisible() or not label.text():
            continue
        words = label.text().removeprefix("⚠").strip()
        found.append((None if label is dialog.problem else input_above(label), words))
    return found


def announced(heard: list[Said], words: str) -> bool:
    return any(words in s.text and s.urgent for s in heard)


def check_problems_heard(
    dialog: RecordDialog, heard: list[Said]
) -> list[tuple[QWidget | None, str]]:
    problems = shown_problems(dialog)
    assert problems, f"{dialog.windowTitle()}: saved, or refused without a problem shown"
    for field, words in problems:
        if field is not None:
            description = read_from(field).accessibleDescription()
            assert words in description, (words, description)
            assert description.startswith("Problem:"), description
        assert announced(heard, words), (words, [s.text for s in heard])
    return problems


@pytest.mark.parametrize("name", REFUSING)
def test_every_problem_is_on_its_input_and_said_each_time(
    qtbot: QtBot, demo_services: Services, said: list[Said], name: str
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = opened(qtbot, FACTORIES[name](demo_services, parent))
    if name == "Edit details":
        assert isinstance(dialog, PersonDialog)
        type_into(qtbot, dialog.first_name, "")
    press_save(qtbot, dialog)
    assert dialog.isVisible(), "nothing refused"
    problems = check_problems_heard(dialog, said)
    # Each problem line is read as the words it shows (no fixed name such as "Problem").
    assert not [p for p in a11y_tree.problems(dialog) if "⚠" in p]

    # Again, with the keyboard already where the problem is: no focus moves, so only the
    # announcement tells a screen reader user the save was refused again.
    field, words = problems[0]
    if field is not None:
        focused = QApplication.focusWidget()
        assert focused is read_from(field) or field.isAncestorOf(focused), focused
    said.clear()
    press_save(qtbot, dialog)
    assert dialog.isVisible()
    assert announced(said, words), [s.text for s in said]


@pytest.fixture
def session_dialog(qtbot: QtBot, services: Services) -> SessionDialog:
    pairing = active_pairing(services, started=date(2026, 1, 5))
    dialog = opened(qtbot, SessionDialog(services, pairing))
    assert isinstance(dialog, SessionDialog)
    return dialog


def test_log_a_session_puts_a_wrong_time_on_the_start_time(
    qtbot: QtBot, session_dialog: SessionDialog, said: list[Said]
) -> None:
    dialog = session_dialog
    type_into(qtbot, dialog.start_time, "99:99")
    press_save(qtbot, dialog)
    problem = "The start time should be like 14:30, or left blank."
    assert dialog.isVisible()
    assert dialog.problem_text() == ""  # not on a separate line at the top
    assert shown_problems(dialog) == [(dialog.start_time, problem)]
    assert problem in dialog.start_time.accessibleDescription()
    assert [s.text for s in said if s.urgent] == [f"Start time: {problem}"]
    assert said[-1].where is dialog.start_time
    assert QApplication.focusWidget() is dialog.start_time

    said.clear()
    press_save(qtbot, dialog)  # Enter again, from the start time
    assert [s.text for s in said if s.urgent] == [f"Start time: {problem}"]


def test_a_problem_put_right_leaves_the_description(
    qtbot: QtBot, session_dialog: SessionDialog, said: list[Said]
) -> None:
    dialog = session_dialog
    type_into(qtbot, dialog.start_time, "99:99")
    press_save(qtbot, dialog)
    assert "Problem:" in dialog.start_time.accessibleDescription()
    type_into(qtbot, dialog.start_time, "14:30")
    type_into(qtbot, dialog.date, "31/02/2026")  # now the date is wrong instead
    press_save(qtbot, dialog)
    assert dialog.isVisible()
    # Back to its hint alone, as before the problem.
    assert dialog.start_time.accessibleDescription() == "For example 14:30"
    assert "31/02/2026 is not a date" in dialog.date.editor.accessibleDescription()


def test_a_problem_with_no_input_is_said_from_the_line_at_the_top(
    qtbot: QtBot, demo_services: Services, said: list[Said]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = opened(qtbot, FACTORIES["New expense claim"](demo_services, parent))
    press_save(qtbot, dialog)
    words = dialog.problem_text().removeprefix("⚠").strip()
    assert words.startswith("Add at least one line")
    assert [s.text for s in said] == [f"Problem: {words}"]
    assert said[0].urgent and said[0].where is dialog.problem
    # Read as what it shows (no fixed name hiding it).
    assert dialog.problem.accessibleName() == ""


def test_a_wrong_date_saved_from_its_box_is_said_once(
    qtbot: QtBot, session_dialog: SessionDialog, said: list[Said]
) -> None:
    dialog = session_dialog
    focused = dialog.date.editor
    focused.setFocus()
    qtbot.keyClick(focused, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused, "31/02/2026")
    qtbot.keyClick(focused, Qt.Key.Key_Return)  # Save, without leaving the box
    assert [s.text for s in said] == ["Date: 31/02/2026 is not a date: February 2026 has 28 days."]
    assert "Problem: 31/02/2026 is not a date" in focused.accessibleDescription()


def test_a_wrong_date_is_said_on_leaving_its_box(
    qtbot: QtBot, session_dialog: SessionDialog, said: list[Said]
) -> None:
    type_into(qtbot, session_dialog.date, "31/02/2026")  # ends with Tab: the box is left
    assert [s.text for s in said] == ["Date: 31/02/2026 is not a date: February 2026 has 28 days."]
    assert said[0].urgent
