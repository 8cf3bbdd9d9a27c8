"""The Training screen by keyboard alone (issue 22 point 2): a training session with three
attendees (one did not complete it) covering Safeguarding and Confidentiality; the matrix
and a person's page then show it, and the session can be removed with a reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QListWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.people.views import PersonDetails
from peerdesk.services.training.views import SessionDetails
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.training.screen import TrainingScreen
from peerdesk.ui.training.session_dialog import TrainingSessionDialog
from peerdesk.vocabulary import Role
from tests.conftest import TODAY
from tests.ui.keys import focus, in_modal, press, save, tick, type_into


def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def tick_item(qtbot: QtBot, items: QListWidget, words: str) -> None:
    """Go to an item with Home and Down (typing to find one would run on from the last name
    typed, within the keyboard's search interval), then tick or untick it with Space."""
    texts = [items.item(r).text() for r in range(items.count())]
    [index] = [i for i, text in enumerate(texts) if text.startswith(words)]
    focused = focus(qtbot, items)
    qtbot.keyClick(focused, Qt.Key.Key_Home)
    for _ in range(index):
        qtbot.keyClick(focused, Qt.Key.Key_Down)
    current = items.currentItem()
    assert current is not None and current.text().startswith(words), current
    qtbot.keyClick(focused, Qt.Key.Key_Space)


def add_name(qtbot: QtBot, dialog: TrainingSessionDialog, name: str) -> None:
    """Type a name (or enough of it to be one person's) and press Enter: they are listed."""
    listed = dialog.attendees.count()
    focused = focus(qtbot, dialog.search)
    qtbot.keyClicks(focused, name)
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.attendees.count() == listed + 1)


def test_a_session_with_three_attendees_by_keyboard_shows_in_the_matrix_and_on_a_page(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    people = {
        name: services.people.add(
            PersonDetails(first_name=name, last_name="Mentor"), roles=[Role.MENTOR]
        ).id
        for name in ("Iain", "Jess", "Morag")
    }
    screen = TrainingScreen(services, settings(tmp_path))
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()
    assert screen.empty.isVisible()
    assert screen.matrix.cell_words("Iain Mentor", "Safeguarding") == "not done"

    press(qtbot, screen.new_button)
    dialog = screen.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    type_into(qtbot, dialog.on, "03/03/2026")
    type_into(qtbot, dialog.duration, "120")
    type_into(qtbot, dialog.trainer_name, "Scottish Recovery Network")
    tick_item(qtbot, dialog.modules, "Safeguarding")
    tick_item(qtbot, dialog.modules, "Confidentiality")
    for name in ("Iain Mentor", "Jess Mentor", "Morag Mentor"):
        add_name(qtbot, dialog, name)
    assert [dialog.attendees.item(r).text() for r in range(3)] == [
        "Iain Mentor",
        "Jess Mentor",
        "Morag Mentor",
    ]
    tick_item(qtbot, dialog.attendees, "Morag")  # she left early: not completed
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    [session] = services.training.sessions()
    assert session.module_names == ("Confidentiality", "Safeguarding")
    assert [(a.name, a.completed) for a in session.attendees] == [
        ("Iain Mentor", True),
        ("Jess Mentor", True),
        ("Morag Mentor", False),
    ]
    matrix = screen.matrix
    assert matrix.cell_words("Iain Mentor", "Safeguarding") == "done 3 March 2026"
    assert matrix.cell_words("Jess Mentor", "Confidentiality") == "done 3 March 2026"
    assert matrix.cell_words("Morag Mentor", "Safeguarding") == "not done"
    assert matrix.cell_words("Iain Mentor", "Peer Values") == "not done"
    assert matrix.cell_words("Iain Mentor", "Trained for pairing") == (
        "No: 6 core modules not done"
    )
    assert screen.table.table_model.index(0, 3).data() == "Iain Mentor, Jess Mentor, Morag Mentor"
    assert screen.history.lines()[0].startswith("Recorded training session on 3 March 2026")

    page = PersonPage(services, settings(tmp_path))
    qtbot.addWidget(page)
    page.show()
    page.show_person(people["Morag"])
    qtbot.waitExposed(page)
    shown = page.training.table.table_model
    rows = {shown.index(r, 0).data(): shown.index(r, 3).data() for r in range(shown.rowCount())}
    assert rows == {"Confidentiality": "Not yet", "Safeguarding": "Not yet"}

    def remove(window: QDialog) -> None:
        type_into(qtbot, window.reason, "Entered on the wrong day")  # type: ignore[attr-defined]
        save(qtbot, window)

    screen.table.selectRow(0)
    in_modal(qtbot, lambda: press(qtbot, screen.corrections.remove_button), remove)
    assert services.training.sessions() == ()
    assert services.volunteers.training(people["Iain"]) == []
    assert screen.empty.isVisible()
    assert screen.matrix.cell_words("Iain Mentor", "Safeguarding") == "not done"


def test_enter_on_a_session_edits_it_and_taking_someone_off_removes_their_records(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    iain, jess = (
        services.people.add(PersonDetails(first_name=n, last_name="Mentor"), roles=[Role.MENTOR]).id
        for n in ("Iain", "Jess")
    )
    [safeguarding] = [m.id for m in services.training.modules() if m.name == "Safeguarding"]
    services.training.record_session(
        SessionDetails(
            on=TODAY,
            duration_minutes=90,
            module_ids=[safeguarding],
            attendees=[(iain, True), (jess, True)],
            trainer_person_id=iain,
        )
    )
    screen = TrainingScreen(services, settings(tmp_path))
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()
    screen.table.selectRow(0)
    focused = focus(qtbot, screen.table)
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    dialog = screen.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Edit the training session on 15 Jun 2026"
    assert dialog.trainer.currentText() == "Iain Mentor"
    assert dialog.chosen_modules() == [safeguarding]
    assert dialog.listed() == [(iain, True), (jess, True)]
    focused = focus(qtbot, dialog.attendees)
    qtbot.keyClick(focused, Qt.Key.Key_End)
    press(qtbot, dialog.take_off)
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert services.volunteers.training(jess) == []
    assert len(services.volunteers.training(iain)) == 1
    assert screen.table.table_model.index(0, 3).data() == "Iain Mentor"
    assert screen.history.lines()[0].startswith("Edited training session on 15 June 2026")


def test_modules_are_added_and_retired_by_keyboard_and_the_matrix_follows(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    services.people.add(PersonDetails(first_name="Iain", last_name="Mentor"), roles=[Role.MENTOR])
    screen = TrainingScreen(services, settings(tmp_path))
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()

    def edit(window: QDialog) -> None:
        modules = window  # the Training modules window
        type_into(qtbot, modules.name, "Lone Working")  # type: ignore[attr-defined]
        tick(qtbot, modules.core, False)  # type: ignore[attr-defined]
        type_into(qtbot, modules.refresher, "24")  # type: ignore[attr-defined]
        press(qtbot, modules.buttons["add"])  # type: ignore[attr-defined]
        assert modules.list_problem.text() == "✓ Added “Lone Working”."  # type: ignore[attr-defined]
        chosen = modules.selected()  # type: ignore[attr-defined]
        assert chosen.words == "Lone Working (optional, refresher every 24 months)"
        press(qtbot, modules.buttons["retire"])  # type: ignore[attr-defined]
        assert modules.selected().is_retired  # type: ignore[attr-defined]
        modules.reject()

    in_modal(qtbot, lambda: press(qtbot, screen.modules_button), edit)
    [lone] = [m for m in services.training.modules() if m.name == "Lone Working"]
    assert lone.retired_on == TODAY and not lone.is_core
    headings = [
        screen.matrix.horizontalHeaderItem(c).text() for c in range(screen.matrix.columnCount())
    ]
    assert "Lone Working (optional)" not in headings and "Role Tension (optional)" in headings
