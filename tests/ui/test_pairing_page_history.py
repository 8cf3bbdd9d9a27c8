"""The pairing page shows the pairing's own history, newest first, in plain words: a pause
shows as the newest line once the page is shown afresh."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.pairings.pairing_page import PairingPage
from tests.unit.test_pairings_builders import active_pairing


def test_the_pairing_page_lists_its_changes_newest_first(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    pairing_id = active_pairing(services, started=date(2026, 1, 5))
    page = PairingPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show_pairing(pairing_id)
    assert page.history.lines() == [
        "Start date set to 5 January 2026\nStatus changed from Introduced to Active",
        "Status changed from Proposed to Introduced",
        "Pairing added",
    ]
    services.pairings.pause(pairing_id, on=date(2026, 2, 2), note="Holiday")
    page.refresh()
    assert page.history.lines()[0] == "Status changed from Active to Paused"
