"""The End dialog lists the sessions still planned after the end date and cancels them as
part of the ending; untick the offer and the ending is refused, nothing changed."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.mentoring.sessions import SessionEntry
from peerdesk.ui.pairings.end_dialog import EndDialog
from peerdesk.ui.widgets.form_rows import select_data
from tests.unit.test_pairings_builders import active_pairing

PLANNED = date(2026, 6, 24)


def dialog_with_a_planned_session(qtbot: QtBot, services: Services) -> tuple[EndDialog, int]:
    pairing_id = active_pairing(services, started=date(2026, 1, 5))
    services.sessions.log(pairing_id, SessionEntry(PLANNED, status="planned"))
    dialog = EndDialog(services, pairing_id)
    qtbot.addWidget(dialog)
    dialog.show()
    select_data(dialog.reason, "completed")
    return dialog, pairing_id


def test_the_planned_session_is_listed_and_cancelled_with_the_ending(
    qtbot: QtBot, services: Services
) -> None:
    dialog, pairing_id = dialog_with_a_planned_session(qtbot, services)
    assert dialog.planned_warning.isVisible()
    assert "Wednesday 24 June 2026" in dialog.planned_warning.text()
    assert dialog.cancel_planned.isVisible() and dialog.cancel_planned.isChecked()
    assert dialog.save(), dialog.problem_text()
    assert services.pairings.get(pairing_id).status == "ended"
    assert services.sessions.for_pairing(pairing_id) == []


def test_unticked_the_ending_is_refused_and_says_why(qtbot: QtBot, services: Services) -> None:
    dialog, pairing_id = dialog_with_a_planned_session(qtbot, services)
    dialog.cancel_planned.setChecked(False)
    assert not dialog.save()
    assert "will not happen" in dialog.problem_text("changed_on")
    assert services.pairings.get(pairing_id).status == "active"
    assert [s.status for s in services.sessions.for_pairing(pairing_id)] == ["planned"]


def test_the_offer_follows_the_end_date(qtbot: QtBot, services: Services) -> None:
    pairing_id = active_pairing(services, started=date(2026, 1, 5))
    # Planned for 10 June and not yet updated: only an ending before it cancels it.
    services.sessions.log(pairing_id, SessionEntry(date(2026, 6, 10), status="planned"))
    dialog = EndDialog(services, pairing_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.cancel_planned.isVisible()  # ending today, 15 June: nothing after it
    dialog.end_date.set_value(date(2026, 6, 5))
    assert dialog.cancel_planned.isVisible()
    assert "Wednesday 10 June 2026" in dialog.planned_warning.text()
