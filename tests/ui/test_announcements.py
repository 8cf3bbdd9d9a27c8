"""Issue 24, point 3: a save that closes its window is said to a screen reader (nothing else
on screen says it worked): saving a person by keys, editing their details, logging a
session, recording a consent; and changes that keep their window open ("Save and log
another", a list of Settings), with their problems."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.people.views import PersonDetails
from peerdesk.ui import announcer
from peerdesk.ui.consents.consent_dialogs import RecordConsentDialog
from peerdesk.ui.pairings.session_dialog import SessionDialog
from peerdesk.ui.people.conditions_panel import ConditionsDialog
from peerdesk.ui.people.person_dialog import PersonDialog
from peerdesk.vocabulary import ConsentMethod
from tests.ui.keys import choose, press, type_into
from tests.unit.test_pairings_builders import active_pairing

Heard = list[tuple[str, QObject | None, bool]]


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Iterator[Heard]:
    heard: Heard = []

    def spy(text: str, where: QObject | None = None, *, urgent: bool = False) -> None:
        heard.append((text, where, urgent))

    monkeypatch.setattr(announcer, "announce", spy)
    yield heard


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """The window a dialog opens over: where a save is said once the dialog has gone."""
    main = QWidget()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def opened(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def test_adding_a_person_by_keys_is_said_with_their_name(
    qtbot: QtBot, services: Services, said: Heard, window: QWidget
) -> None:
    dialog = opened(qtbot, PersonDialog(services, parent=window))
    assert isinstance(dialog, PersonDialog)
    type_into(qtbot, dialog.first_name, "Jo")
    type_into(qtbot, dialog.last_name, "Smith")
    qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)  # Enter: Save
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert said == [("Jo Smith added.", window, False)]  # polite: waits its turn


def test_a_refused_save_says_the_problem_not_a_save(
    qtbot: QtBot, services: Services, said: Heard, window: QWidget
) -> None:
    dialog = opened(qtbot, PersonDialog(services, parent=window))
    assert isinstance(dialog, PersonDialog)
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert [text for text, _where, _urgent in said] == [
        "First name (needed): Please enter a first name."
    ]


def test_editing_a_persons_details_is_said(
    qtbot: QtBot, services: Services, said: Heard, window: QWidget
) -> None:
    person = services.people.add(PersonDetails(first_name="Jo", last_name="Smith"))
    dialog = opened(qtbot, PersonDialog(services, person.id, window))
    assert isinstance(dialog, PersonDialog)
    type_into(qtbot, dialog.pronouns, "they/them")
    qtbot.keyClick(dialog.pronouns, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert said == [("Changes to Jo Smith saved.", window, False)]


def test_logging_a_session_is_said_and_so_is_save_and_log_another(
    qtbot: QtBot, services: Services, said: Heard, window: QWidget
) -> None:
    pairing = active_pairing(services, started=date(2026, 1, 5))
    dialog = opened(qtbot, SessionDialog(services, pairing, window))
    assert isinstance(dialog, SessionDialog)
    type_into(qtbot, dialog.date, "10/06/2026")
    press(qtbot, dialog.another_button)
    assert dialog.isVisible()  # open for the next one, so it is said on the window itself
    assert said == [
        ("Saved the session on Wednesday 10 June 2026. Log the next one.", dialog.problem, False)
    ]
    said.clear()
    type_into(qtbot, dialog.date, "12/06/2026")
    qtbot.keyClick(dialog.date.editor, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert said == [("Session on Friday 12 June 2026 saved.", window, False)]


def test_recording_a_consent_is_said_with_the_persons_name(
    qtbot: QtBot, services: Services, said: Heard, window: QWidget
) -> None:
    person = services.people.add(PersonDetails(first_name="Jo", last_name="Smith"))
    dialog = opened(qtbot, RecordConsentDialog(services, person.id, window))
    assert isinstance(dialog, RecordConsentDialog)
    # Its name (read when it opens) says whose consent it is, as its title does.
    assert dialog.accessibleName() == "Record consent: Jo Smith"
    choose(qtbot, dialog.method, ConsentMethod.VERBAL.label)
    type_into(qtbot, dialog.recorded_by, "Sam")
    qtbot.keyClick(dialog.recorded_by, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.problem_text()
    assert said == [("Consent recorded for Jo Smith.", window, False)]


def test_a_change_to_a_settings_list_is_said_and_so_is_its_problem(
    qtbot: QtBot, services: Services, said: Heard
) -> None:
    dialog = opened(qtbot, ConditionsDialog(services))
    assert isinstance(dialog, ConditionsDialog)
    type_into(qtbot, dialog.name, "COPD")
    press(qtbot, dialog.buttons["add"])
    assert said == [("Added “COPD”.", dialog.list_problem, False)]
    # The line is read as its words, not as a fixed name.
    assert dialog.list_problem.accessibleName() == ""
    said.clear()
    type_into(qtbot, dialog.name, "COPD")
    press(qtbot, dialog.buttons["add"])  # the same name again: refused
    problem = "“COPD” is already in the list: please use that entry, or choose another name."
    assert dialog.rows.problem_text("name") == f"⚠ {problem}"  # under the name
    assert said == [(f"Name: {problem}", dialog.name, True)]  # urgent, on the name
