"""Edit ▸ Undo and Redo of a saved change, as a coordinator meets them: after editing a
training date on a mentor's page, the menu says what Undo will undo; Ctrl+Z (the focus on
the page, not in a text box) puts the date back, and Ctrl+Shift+Z puts it forward again;
the History says both in plain words. Changes made before the app opened are not undone,
and in a text box the items are the box's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.people.person_page import PersonPage
from tests.conftest import TODAY
from tests.ui.keys import focus, in_modal, press, save, type_into
from tests.ui.person_tabs import open_tab
from tests.unit.test_pairings_builders import ready_mentor

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_undo_and_redo_an_edit_from_the_menu(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    mentor = ready_mentor(services, "Morag")
    # The app opens now: what was made before is not its to undo.
    app = Services(services.db, today=lambda: TODAY)
    window = MainWindow(app, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_record("person", mentor)
    page = window.screens["people"].person_page
    assert isinstance(page, PersonPage)
    actions = window.undo_actions
    # Focus on the page (not a text box left with typing in it by an earlier test's window:
    # the Edit menu's Undo is the text box's own while one has the focus).
    open_tab(qtbot, page, "training")
    focus(qtbot, page.training.table)
    actions.update_texts()
    assert not actions.undo_action.isEnabled()
    actions.enable_shortcuts()  # what closing the menu does: Ctrl+Z works again
    focus(qtbot, page.training.table)
    qtbot.keyClick(page.training.table, Qt.Key.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == "Nothing to undo."

    table = page.training.table
    table.selectRow(0)

    def edit(dialog: QDialog) -> None:
        type_into(qtbot, dialog.on, "3/3/2026")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    in_modal(qtbot, lambda: press(qtbot, page.training.corrections.edit_button), edit)
    [record] = app.volunteers.training(mentor)
    assert record.training_date == date(2026, 3, 3)

    focus(qtbot, table)
    actions.update_texts()  # what opening the Edit menu does
    assert actions.undo_action.text() == "&Undo: edited training: Self care"
    assert actions.undo_action.isEnabled() and not actions.redo_action.isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: app.volunteers.training(mentor)[0].training_date == date(2025, 1, 6))
    assert page.training.table.model().index(0, 1).data() == "6 Jan 2025"
    assert page.history.history.lines()[0] == (
        "Undo: Edited training: Self care\n"
        "Training date changed from 3 March 2026 to 6 January 2025"
    )
    assert window.statusBar().currentMessage() == "Undone: edited training: Self care"
    actions.update_texts()
    assert actions.redo_action.text() == "&Redo: edited training: Self care"
    assert not actions.undo_action.isEnabled()  # the rest was there before the app opened
    actions.enable_shortcuts()

    focus(qtbot, page.training.table)
    qtbot.keyClick(page.training.table, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: app.volunteers.training(mentor)[0].training_date == date(2026, 3, 3))
    assert page.history.history.lines()[0] == (
        "Redo: Edited training: Self care\n"
        "Training date changed from 6 January 2025 to 3 March 2026"
    )
    actions.update_texts()
    assert actions.undo_action.text() == "&Undo: edited training: Self care"


def test_in_a_text_box_undo_is_the_box_s_own(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    window = MainWindow(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    mentor = ready_mentor(services, "Morag")
    window.open_record("person", mentor)
    page = window.screens["people"].person_page
    assert isinstance(page, PersonPage)
    before = window.undo_actions.services.undo.state()
    assert before.undo_id is not None  # a saved change could be undone...
    box = QLineEdit(page)
    box.show()
    focus(qtbot, box)
    qtbot.keyClicks(box, "Ailsa")
    window.undo_actions.update_texts()
    assert window.undo_actions.undo_action.text() == "&Undo typing"  # ...but not from here
    window.undo_actions.undo_action.trigger()
    assert box.text() == ""
    assert window.undo_actions.services.undo.state() == before  # nothing saved was undone
