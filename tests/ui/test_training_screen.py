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
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.training.screen import TrainingScreen
from peerdesk.ui.training.session_dialog import TrainingSessionDialog
from peerdesk.vocabulary import Role
from tests.ui.keys import focus, in_modal, press, save, type_into


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
