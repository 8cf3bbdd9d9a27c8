"""The record-dialog base as a coordinator meets it, through Log a session and a volunteer's
training record: dates typed into the one date box are saved exactly as typed, a date that
is not one is named under its field and nothing is saved, a refused save keeps what was
typed, Escape closes without saving, and saving twice writes once."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.pairings.session_dialog import SessionDialog
from peerdesk.ui.people.volunteer_dialogs import TrainingDialog
from peerdesk.ui.widgets.date_box import DateBox
from tests.ui.questions import DISCARD, answering
from tests.unit.test_pairings_builders import active_pairing, ready_mentor


@pytest.fixture
def dialog(qtbot: QtBot, services: Services) -> SessionDialog:
    pairing = active_pairing(services, started=date(2025, 10, 6))
    widget = SessionDialog(services, pairing)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_date(qtbot: QtBot, box: DateBox, text: str) -> None:
    box.editor.setFocus()
    qtbot.keyClick(box.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box.editor, text)
    qtbot.keyClick(box.editor, Qt.Key.Key_Tab)


def press_save(qtbot: QtBot, dialog: QDialog) -> None:
    save = getattr(dialog, "save_button")  # noqa: B009 - both dialogs have one
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def test_a_weekday_and_date_typed_is_saved_as_that_very_date(
    qtbot: QtBot, services: Services, dialog: SessionDialog
) -> None:
    # QDateEdit turned this into Sun 28 Dec 2025.
    type_date(qtbot, dialog.date, "Fri 28 Nov 2025")
    assert dialog.date.text() == "28/11/2025"
    press_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [session] = services.sessions.for_pairing(dialog.pairing.id or 0)
    assert session.session_date == date(2025, 11, 28)


@pytest.mark.parametrize("typed", ["31/02/2025", "28/11/20255", "last Friday"])
def test_a_date_that_is_not_one_is_named_under_its_field_and_nothing_is_saved(
    qtbot: QtBot, services: Services, dialog: SessionDialog, typed: str
) -> None:
    qtbot.keyClicks(dialog.place, "Library")
    type_date(qtbot, dialog.date, typed)
    assert f"{typed} is not a date" in dialog.problem_text("session_date")
    press_save(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert f"{typed} is not a date" in dialog.problem_text("session_date")
    assert dialog.problem_text() == ""  # said once, under the date, not also at the top
    assert services.sessions.for_pairing(dialog.pairing.id or 0) == []
    assert dialog.date.text() == typed and dialog.place.text() == "Library"  # all kept
    assert dialog.date.editor.hasFocus()
    assert f"{typed} is not a date" in dialog.date.editor.accessibleDescription()  # read out

    type_date(qtbot, dialog.date, "28/11/2025")
    assert dialog.problem_text("session_date") == ""
    press_save(qtbot, dialog)
    [session] = services.sessions.for_pairing(dialog.pairing.id or 0)
    assert (session.session_date, session.place) == (date(2025, 11, 28), "Library")


def test_a_service_refusal_is_shown_under_the_field_it_names(
    qtbot: QtBot, services: Services, dialog: SessionDialog
) -> None:
    type_date(qtbot, dialog.date, "16/06/2026")  # the day after TODAY, logged as held
    press_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.problem_text("session_date")
    assert services.sessions.for_pairing(dialog.pairing.id or 0) == []


def test_escape_closes_without_saving(
    qtbot: QtBot, services: Services, dialog: SessionDialog
) -> None:
    qtbot.keyClicks(dialog.place, "Library")
    # Something typed: Escape asks "Discard changes?" first, and Discard closes.
    asked = answering(qtbot, lambda: qtbot.keyClick(dialog.place, Qt.Key.Key_Escape), DISCARD)
    assert len(asked.texts) == 1
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert services.sessions.for_pairing(dialog.pairing.id or 0) == []


def test_saving_twice_writes_once_and_log_another_writes_again(
    qtbot: QtBot, services: Services, dialog: SessionDialog
) -> None:
    pairing = dialog.pairing.id or 0
    type_date(qtbot, dialog.date, "1/6/2026")
    qtbot.mouseClick(dialog.another_button, Qt.MouseButton.LeftButton)
    assert "Saved the session on Monday 1 June 2026" in dialog.problem.text()
    type_date(qtbot, dialog.date, "8/6/2026")
    assert dialog.save() and dialog.save()
    dialog.accept()
    dates = sorted(s.session_date for s in services.sessions.for_pairing(pairing))
    assert dates == [date(2026, 6, 1), date(2026, 6, 8)]


def test_a_volunteer_record_names_a_bad_date_under_it_and_then_saves(
    qtbot: QtBot, services: Services
) -> None:
    mentor = ready_mentor(services, "Iain")
    dialog = TrainingDialog(services, mentor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = len(services.volunteers.training(mentor))
    type_date(qtbot, dialog.on, "29/02/2025")
    press_save(qtbot, dialog)
    assert "29/02/2025 is not a date: February 2025 has 28 days" in dialog.problem_text(
        "training_date"
    )
    assert len(services.volunteers.training(mentor)) == before
    type_date(qtbot, dialog.on, "yesterday")
    press_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert date(2026, 6, 14) in [t.training_date for t in services.volunteers.training(mentor)]
