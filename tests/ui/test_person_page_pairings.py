"""A person's page lists their pairings from their side, with each pairing's held sessions
counted by the service, their latest sessions, and the volunteer sections for volunteers."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from peerdesk.services import Services
from peerdesk.services.mentoring.sessions import SessionEntry
from peerdesk.ui.people.person_page import PersonPage
from tests.unit.test_pairings_builders import active_pairing

STARTED = date(2026, 1, 5)


def _page(qtbot: Any, services: Services, tmp_path: Path) -> PersonPage:
    page = PersonPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    return page


def _cells(table: Any) -> list[list[str]]:
    model = table.table_model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_pairings_show_the_other_person_and_the_held_sessions(
    qtbot: Any, services: Services, tmp_path: Path
) -> None:
    pairing_id = active_pairing(services, started=STARTED)
    pairing = services.pairings.get(pairing_id)
    for offset, status in ((0, "held"), (7, "did_not_attend"), (14, "held")):
        services.sessions.log(
            pairing_id, SessionEntry(session_date=STARTED + timedelta(days=offset), status=status)
        )
    page = _page(qtbot, services, tmp_path)
    page.show_person(pairing.mentee_id)
    assert _cells(page.pairings.pairings) == [
        ["Iain Mentor", "Supported", "Active", "5 Jan 2026", "2"]
    ]
    sessions = _cells(page.pairings.sessions)
    assert [row[1] for row in sessions] == ["Iain Mentor"] * 3
    assert sessions[0][0] == "19 Jan 2026" and sessions[1][2] == "Did not attend"
    assert "journey" not in page.tabs.shown_keys()  # a volunteer's tab: not for a mentee
    page.show_person(pairing.mentor_id)
    assert _cells(page.pairings.pairings)[0][:2] == ["Morag Mentee", "Mentor"]
    assert "journey" in page.tabs.shown_keys()
