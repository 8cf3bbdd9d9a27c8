"""Putting right how a pairing ended, from its page (issue 20): "Edit ending…" is offered only
on an ended pairing and opens the ending dialog with what was saved, titled "Edit ending of
P…"; a date before the last session held is refused under the date with nothing changed;
a corrected reason, answer, note and date are saved, shown in the page's facts and said in
its History."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.mentoring.pairings import Ending
from peerdesk.ui.pairings.end_dialog import EndDialog
from peerdesk.ui.pairings.pairing_page import PairingPage
from peerdesk.vocabulary import ClosureReason
from tests.ui.keys import choose, press, save, tick, type_into
from tests.unit.test_ending_and_rearranging import log
from tests.unit.test_pairings_builders import active_pairing

HELD = date(2026, 6, 1)


def open_page(qtbot: QtBot, services: Services, tmp_path: Path, pairing_id: int) -> PairingPage:
    page = PairingPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show_pairing(pairing_id)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_edit_ending_is_offered_only_once_the_pairing_has_ended(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    pairing_id = active_pairing(services)
    page = open_page(qtbot, services, tmp_path, pairing_id)
    assert not page.edit_ending_button.isVisible()
    ending = Ending(ClosureReason.COMPLETED.value, True, wants_new_pairing=False)
    services.pairings.end(pairing_id, ending, on=date(2026, 6, 10))
    page.refresh()
    assert page.edit_ending_button.isVisible()
    assert not page.buttons["end"].isVisible()


def test_edit_ending_from_the_page_saves_the_correction_and_the_history_says_so(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    pairing_id = active_pairing(services)
    log(services, pairing_id, HELD)
    ending = Ending(ClosureReason.COMPLETED.value, True, wants_new_pairing=True, note="Went well")
    services.pairings.end(pairing_id, ending, on=date(2026, 6, 10))
    page = open_page(qtbot, services, tmp_path, pairing_id)
    reference = services.pairings.get(pairing_id).reference

    press(qtbot, page.edit_ending_button)
    dialog = page.active_dialog
    assert isinstance(dialog, EndDialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == f"Edit ending of {reference}"
    # What was saved is on screen.
    assert dialog.end_date.day() == date(2026, 6, 10)
    assert dialog.reason.currentData() == "completed"
    assert dialog.as_planned.isChecked() and dialog.wants_new.isChecked()
    assert dialog.note.toPlainText() == "Went well"

    type_into(qtbot, dialog.end_date, "31/5/2026")  # before the session held on 1 June
    press(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert "before the last session logged" in dialog.problem_text("changed_on")
    assert services.pairings.get(pairing_id).end_date == date(2026, 6, 10)

    type_into(qtbot, dialog.end_date, "3/6/2026")
    choose(qtbot, dialog.reason, "Change in")
    press(qtbot, dialog.early)
    tick(qtbot, dialog.wants_new, False)
    type_into(qtbot, dialog.note, "Moved to Fife")
    with qtbot.waitSignal(page.pairing_changed):
        save(qtbot, dialog)

    saved = services.pairings.get(pairing_id)
    assert (saved.end_date, saved.closure_reason) == (date(2026, 6, 3), "change_in_circumstances")
    assert (saved.ended_as_planned, saved.wants_new_pairing) == (False, False)
    assert saved.closure_note == "Moved to Fife"
    assert "Ended Wednesday 3 June 2026 (change in circumstances, early)" in page.facts.text()
    newest = page.history.lines()[0]
    assert newest.startswith(f"Edited the ending of pairing {reference}"), newest
    assert "Moved to Fife" in newest, newest
