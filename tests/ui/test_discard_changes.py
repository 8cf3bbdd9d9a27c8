"""Escape on a changed form asks "Discard changes?" before anything typed is lost (the
record-dialog base, met through Add a person): unchanged, Escape closes at once; changed, it
asks, Keep editing (the default, so Enter) keeps every letter, Discard closes and saves
nothing. The window's close button asks the same."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.people.views import PersonDetails
from peerdesk.ui.pairings.session_dialog import SessionDialog
from peerdesk.ui.people.person_dialog import PersonDialog
from peerdesk.ui.referrals.referral_dialog import ReferralDialog
from tests.ui.keys import choose, focus, type_into
from tests.ui.questions import DISCARD, ENTER, answering
from tests.unit.test_pairings_builders import active_pairing


@pytest.fixture
def add_a_person(qtbot: QtBot, services: Services) -> PersonDialog:
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def escape(qtbot: QtBot, dialog: QDialog) -> None:
    """Escape where the coordinator is (the focused input, or the dialog itself)."""
    focused = QApplication.focusWidget()
    target = focused if focused is not None and focused.window() is dialog else dialog
    qtbot.keyClick(target, Qt.Key.Key_Escape)


def test_escape_on_an_unchanged_form_closes_at_once(
    qtbot: QtBot, add_a_person: PersonDialog
) -> None:
    focus(qtbot, add_a_person.first_name)
    asked = answering(qtbot, lambda: escape(qtbot, add_a_person), ENTER)
    assert asked.texts == []
    assert not add_a_person.isVisible()
    assert add_a_person.result() == QDialog.DialogCode.Rejected


def test_escape_on_a_filled_form_asks_and_keep_editing_keeps_the_text(
    qtbot: QtBot, services: Services, add_a_person: PersonDialog
) -> None:
    type_into(qtbot, add_a_person.first_name, "Morven")
    asked = answering(qtbot, lambda: escape(qtbot, add_a_person), ENTER)
    [text] = asked.texts
    assert text.startswith("Discard changes?") and "Add a person" in text
    assert sorted(asked.buttons[0]) == ["&Discard", "&Keep editing"]
    assert asked.defaults == ["&Keep editing"]  # Enter never loses work
    assert add_a_person.isVisible()
    assert add_a_person.first_name.text() == "Morven"
    assert services.people.list_rows() == []
    # Still the form as it was: typing goes on, and Save saves it.
    type_into(qtbot, add_a_person.last_name, "Gunn")
    add_a_person.accept()
    assert [r.name for r in services.people.list_rows()] == ["Morven Gunn"]


def test_discard_closes_and_saves_nothing(
    qtbot: QtBot, services: Services, add_a_person: PersonDialog
) -> None:
    type_into(qtbot, add_a_person.first_name, "Half typed")
    asked = answering(qtbot, lambda: escape(qtbot, add_a_person), DISCARD)
    assert len(asked.texts) == 1 and asked.texts[0].startswith("Discard changes?")
    assert not add_a_person.isVisible()
    assert add_a_person.result() == QDialog.DialogCode.Rejected
    assert services.people.list_rows() == []


def test_a_choice_from_a_list_is_a_change_too(qtbot: QtBot, add_a_person: PersonDialog) -> None:
    choose(qtbot, add_a_person.gender, add_a_person.gender.itemText(2))
    asked = answering(qtbot, lambda: escape(qtbot, add_a_person), ENTER)
    assert len(asked.texts) == 1 and add_a_person.isVisible()


def test_the_close_button_asks_as_escape_does(
    qtbot: QtBot, services: Services, add_a_person: PersonDialog
) -> None:
    type_into(qtbot, add_a_person.first_name, "Morven")

    def close_button() -> None:
        # What the window system sends when its close button is pressed.
        QApplication.sendEvent(add_a_person, QCloseEvent())

    asked = answering(qtbot, close_button, ENTER)
    assert len(asked.texts) == 1 and add_a_person.isVisible()
    assert add_a_person.first_name.text() == "Morven"
    asked = answering(qtbot, close_button, DISCARD)
    assert len(asked.texts) == 1 and not add_a_person.isVisible()
    assert services.people.list_rows() == []


def test_a_record_filled_in_for_editing_is_unchanged_until_typed_in(
    qtbot: QtBot, services: Services
) -> None:
    person = services.people.add(PersonDetails(first_name="Ann", postcode="KW1 4AB"))
    dialog = PersonDialog(services, person.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    focus(qtbot, dialog.first_name)
    assert answering(qtbot, lambda: escape(qtbot, dialog), ENTER).texts == []
    assert not dialog.isVisible()


def test_after_save_and_log_another_the_empty_form_is_unchanged(
    qtbot: QtBot, services: Services
) -> None:
    pairing = active_pairing(services, started=date(2025, 10, 6))
    dialog = SessionDialog(services, pairing)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.place, "Library")
    assert dialog.has_changes
    qtbot.mouseClick(dialog.another_button, Qt.MouseButton.LeftButton)
    assert len(services.sessions.for_pairing(pairing)) == 1
    qtbot.waitUntil(lambda: not dialog.has_changes, timeout=2000)
    focus(qtbot, dialog.place)
    assert answering(qtbot, lambda: escape(qtbot, dialog), ENTER).texts == []
    assert not dialog.isVisible()
    assert len(services.sessions.for_pairing(pairing)) == 1


def test_a_filled_new_referral_asks_too(qtbot: QtBot, services: Services) -> None:
    person_id = services.people.add(PersonDetails(first_name="Isla")).id
    dialog = ReferralDialog(services, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # The first box to type in (which ones show depends on the referral).
    box = next(
        w
        for w in dialog.findChildren(QLineEdit)
        if w.isVisible() and w.isEnabled() and not w.isReadOnly() and w.accessibleName()
    )
    type_into(qtbot, box, "Dr Ross")
    asked = answering(qtbot, lambda: escape(qtbot, dialog), ENTER)
    assert len(asked.texts) == 1 and dialog.isVisible()
    asked = answering(qtbot, lambda: escape(qtbot, dialog), DISCARD)
    assert len(asked.texts) == 1 and not dialog.isVisible()
    assert services.referrals.for_person(person_id) == []
