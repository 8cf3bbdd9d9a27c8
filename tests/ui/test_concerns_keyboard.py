"""A concern from a person's page through to closure, by keyboard alone with real widgets:
raised (urgent), referred, a follow-up action added and done, the outcome recorded and
closed; what Today and the Concerns screen show at each step. File ▸ Raise a concern… and
the buttons on a pairing's and a group's page start with their subject chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.concerns.raise_button import RaiseConcernButton
from peerdesk.ui.concerns.screen import ConcernsScreen
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.screens.today import WHAT, TodayScreen
from peerdesk.vocabulary import Role
from tests.ui.keys import choose, focus, in_modal, press, save, type_into

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    widget = MainWindow(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _today_lines(qtbot: QtBot, window: MainWindow) -> list[str]:
    window.show_screen("today")
    screen = window.screens["today"]
    assert isinstance(screen, TodayScreen)
    with qtbot.waitSignal(screen.refreshed):
        screen.refresh()
    model = screen.model
    return [model.index(row, WHAT).data() for row in range(model.rowCount())]


def _concerns(window: MainWindow) -> ConcernsScreen:
    window.show_screen("concerns")
    screen = window.screens["concerns"]
    assert isinstance(screen, ConcernsScreen)
    return screen


def _rows(screen: ConcernsScreen) -> list[tuple[str, ...]]:
    model = screen.table.table_model
    columns = model.columnCount()
    return [
        tuple(model.index(row, c).data() for c in range(columns)) for row in range(model.rowCount())
    ]


def _step(qtbot: QtBot, button: object, fill: object) -> None:
    def filled(dialog: QDialog) -> None:
        fill(dialog)  # type: ignore[operator]
        save(qtbot, dialog)

    in_modal(qtbot, lambda: press(qtbot, button), filled)  # type: ignore[arg-type]


def test_a_concern_from_a_persons_page_to_closure(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    person = services.people.add(
        PersonDetails(first_name="Ann", last_name="Lee"), roles=[Role.MENTEE]
    )
    assert person.id is not None
    window.open_record("person", person.id)
    page = window.current_person_page()
    assert page is not None
    button = page.findChild(RaiseConcernButton)
    assert button is not None and button.isVisible()
    assert "Ctrl+Shift+K" in button.text()  # its words say the keys that raise one here
    focus(qtbot, page.edit_button)
    qtbot.keyClick(page.edit_button, Qt.Key.Key_K, CTRL_SHIFT)
    screen = window.screens["concerns"]
    assert isinstance(screen, ConcernsScreen) and window.current_screen() is screen
    dialog = screen.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.about.currentText() == "Ann Lee"  # raised from her page: already chosen
    choose(qtbot, dialog.level, "Urgent")
    type_into(qtbot, dialog.category, "Mental health crisis")
    type_into(qtbot, dialog.what, "Said she felt unsafe at home")
    type_into(qtbot, dialog.action, "Stayed with her and rang the crisis line")
    type_into(qtbot, dialog.who_was_told, "Coordinator")
    save(qtbot, dialog)
    (concern,) = services.concerns.all()
    assert (concern.level, concern.category) == ("urgent", "Mental health crisis")

    assert not dialog.isVisible()
    lines = _today_lines(qtbot, window)
    assert lines[:2] == ["Urgent concerns (1, 1 urgent)", "Urgent: Concern about Ann Lee"]
    screen = _concerns(window)
    assert _rows(screen) == [
        ("Urgent", "Ann Lee", "Mental health crisis", "15 Jun 2026", "", "Open")
    ]
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.refer_button.isEnabled())

    def refer(d: QDialog) -> None:
        type_into(qtbot, d.to, "Adult social care")  # type: ignore[attr-defined]
        type_into(qtbot, d.reference, "ASC-4411")  # type: ignore[attr-defined]

    _step(qtbot, screen.refer_button, refer)
    assert "Referred to Adult social care on 15 Jun 2026 (reference ASC-4411)." in (
        screen.details.text()
    )

    def add(d: QDialog) -> None:
        type_into(qtbot, d.text, "Ring her back")  # type: ignore[attr-defined]
        type_into(qtbot, d.due, "16/6/2026")  # type: ignore[attr-defined]

    _step(qtbot, screen.add_action_button, add)
    assert _rows(screen)[0][4] == "16 Jun 2026"  # next action due
    assert screen.action_table.table_model.rowCount() == 1
    press(qtbot, screen.done_button)
    qtbot.waitUntil(lambda: services.concerns.all()[0].actions[0].done_on is not None)
    assert _rows(screen)[0][4] == ""  # nothing waiting now
    # Still urgent and open: still first on Today.
    assert _today_lines(qtbot, window)[1] == "Urgent: Concern about Ann Lee"

    screen = _concerns(window)
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.close_button.isEnabled())

    def close(d: QDialog) -> None:
        type_into(qtbot, d.outcome, "Safe with her sister; social care visiting")  # type: ignore[attr-defined]

    _step(qtbot, screen.close_button, close)
    assert _rows(screen) == [
        ("Urgent", "Ann Lee", "Mental health crisis", "15 Jun 2026", "", "Closed 15 Jun 2026")
    ]
    assert "Outcome: Safe with her sister" in screen.details.text()
    assert not screen.close_button.isEnabled() and screen.reopen_button.isEnabled()
    history = screen.history.lines()
    assert len(history) == 5  # raised, referred, action added, done, closed
    assert not any("Concern about" in line for line in _today_lines(qtbot, window))


def test_file_menu_and_the_pairing_and_group_pages_choose_the_subject(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assert window.raise_concern_action.shortcut().toString() == "Ctrl+Shift+K"
    window.raise_concern_action.trigger()
    screen = _concerns(window)
    assert screen.dialog is not None and screen.dialog.isVisible()
    assert screen.dialog.about.currentData() is None  # from Today: nothing chosen yet
    # Saving with nothing chosen says what to do, and saves nothing.
    type_into(qtbot, screen.dialog.what, "Worried")
    press(qtbot, screen.dialog.save_button)
    assert screen.dialog.isVisible() and services.concerns.all() == []
    assert "who or what the concern is about" in screen.dialog.rows.problem_text("about")
    screen.dialog.reject()


def test_a_pairings_and_a_groups_page_raise_a_concern_about_them(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    window = MainWindow(
        demo_services, QSettings(str(tmp_path / "d.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # Ended pairings are not offered (a concern about one is raised about the person).
    pairing = next(p for p in demo_services.pairings.rows() if p.status != "ended")
    group = demo_services.groups.rows()[0]
    for kind, record_id, words in (
        ("pairing", pairing.id, f"Pairing: {pairing.mentor_name} with {pairing.mentee_name}"),
        ("group", group.id, f"Group: {group.name}"),
    ):
        window.open_record(kind, record_id)
        buttons = [b for b in window.findChildren(RaiseConcernButton) if b.isVisible()]
        assert len(buttons) == 1, kind
        press(qtbot, buttons[0])
        dialog = buttons[0].dialog
        assert dialog is not None
        qtbot.waitExposed(dialog)
        assert dialog.about.currentText() == words
        type_into(qtbot, dialog.what, f"About the {kind}")
        save(qtbot, dialog)
    found = {(c.pairing_id, c.group_id) for c in demo_services.concerns.all()}
    assert {(pairing.id, None), (None, group.id)} <= found
