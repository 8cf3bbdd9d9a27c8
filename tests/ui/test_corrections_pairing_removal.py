"""Removing a pairing entered in error: the dialog says exactly what else goes (its sessions,
reviews, goals) and what stays (a concern raised in a session), asks once for the reason,
then removes it all in one change set; the concern is still on record. Refused without a
reason, with nothing removed. A session goes the same way, from its own dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.errors import NotFoundError, ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.sessions import ConcernDetails, SessionEntry
from peerdesk.services.mentoring.views import ReviewEntry
from peerdesk.ui.pairings.pairing_page import PairingPage
from tests.ui.keys import in_modal, save, type_into
from tests.unit.test_pairings_builders import active_pairing


@pytest.fixture
def pairing(services: Services) -> int:
    pairing_id = active_pairing(services, started=date(2026, 1, 5))
    for day in (12, 19):
        services.sessions.log(pairing_id, SessionEntry(session_date=date(2026, 1, day)))
    held = services.sessions.for_pairing(pairing_id)[0]
    services.sessions.raise_concern(
        ConcernDetails(raised_on=date(2026, 1, 12), what="Low mood"), session_id=held.id
    )
    services.reviews.record(pairing_id, ReviewEntry(review_date=date(2026, 4, 10)))
    return pairing_id


def test_the_service_says_what_goes_and_removes_it_in_one_go(
    services: Services, pairing: int
) -> None:
    assert services.pairings.removal_effects(pairing) == [
        "2 sessions",
        "1 review",
        "2 goals",
        "1 concern raised in its sessions stays on record, no longer linked to a session",
    ]
    with pytest.raises(ValidationError):
        services.pairings.remove_pairing(pairing, "  ")
    assert len(services.sessions.for_pairing(pairing)) == 2
    assert services.pairings.remove_pairing(pairing, "Wrong mentee") == "Removed pairing P0001"
    with pytest.raises(NotFoundError):
        services.pairings.get(pairing)
    [concern] = services.sessions.open_concerns()
    assert (concern.what, concern.session_id) == ("Low mood", None)


def test_remove_pairing_from_its_page(
    qtbot: QtBot, services: Services, tmp_path: Path, pairing: int
) -> None:
    page = PairingPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show_pairing(pairing)
    page.show()
    qtbot.waitExposed(page)
    seen: dict[str, str] = {}

    def why(dialog: QDialog) -> None:
        seen["intro"] = dialog.intro.text()  # type: ignore[attr-defined]
        type_into(qtbot, dialog.reason, "Entered on the wrong mentee")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    with qtbot.waitSignal(page.back_requested):
        in_modal(
            qtbot, lambda: qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton), why
        )
    assert "These go with it:\n• 2 sessions\n• 1 review\n• 2 goals" in seen["intro"]
    assert "stays on record" in seen["intro"]
    with pytest.raises(NotFoundError):
        services.pairings.get(pairing)
    [change] = services.history.latest(1)
    assert (change.description, change.reason) == (
        "Removed pairing P0001",
        "Entered on the wrong mentee",
    )


def test_remove_a_session_from_its_dialog(
    qtbot: QtBot, services: Services, tmp_path: Path, pairing: int
) -> None:
    page = PairingPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show_pairing(pairing)
    page.show()
    qtbot.waitExposed(page)
    first, second = services.sessions.for_pairing(pairing)
    dialog = page.edit_session(first.id)
    qtbot.waitExposed(dialog)
    [remove] = [b for b in dialog.buttons.buttons() if b.text() == "Re&move…"]
    seen: dict[str, str] = {}

    def why(asked: QDialog) -> None:
        seen["intro"] = asked.intro.text()  # type: ignore[attr-defined]
        type_into(qtbot, asked.reason, "Logged twice")  # type: ignore[attr-defined]
        save(qtbot, asked)

    with qtbot.waitSignal(page.pairing_changed):
        in_modal(qtbot, lambda: qtbot.mouseClick(remove, Qt.MouseButton.LeftButton), why)
    assert "1 concern raised in it stays on record" in seen["intro"]
    assert [s.id for s in services.sessions.for_pairing(pairing)] == [second.id]
    assert [c.what for c in services.sessions.open_concerns()] == ["Low mood"]
    assert page.history is not None and not dialog.isVisible()


def test_remove_a_concern_entered_in_error_from_the_timeline(
    qtbot: QtBot, services: Services, tmp_path: Path, pairing: int
) -> None:
    page = PairingPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show_pairing(pairing)
    page.show()
    qtbot.waitExposed(page)
    model = page.timeline_proxy
    [row] = [r for r in range(model.rowCount()) if "oncern" in str(model.index(r, 1).data())]
    page._on_timeline_activated(model.index(row, 0))  # what Enter on the row does
    dialog = page.active_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    [remove] = [b for b in dialog.buttons.buttons() if b.text() == "Re&move…"]  # type: ignore[attr-defined]

    def why(asked: QDialog) -> None:
        assert asked.windowTitle() == "Remove the concern raised on 12 January 2026"
        type_into(qtbot, asked.reason, "Recorded on the wrong pairing")  # type: ignore[attr-defined]
        save(qtbot, asked)

    with qtbot.waitSignal(page.pairing_changed):
        in_modal(qtbot, lambda: qtbot.mouseClick(remove, Qt.MouseButton.LeftButton), why)
    assert services.sessions.open_concerns() == []
    assert not any("oncern" in str(model.index(r, 1).data()) for r in range(model.rowCount()))
