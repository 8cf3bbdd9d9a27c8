"""The Pairings and Sessions screens over demo data: models, filters, routing, supervision,
and screenshots of the matching dialog and a pairing page (saved for looking at)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.pairings.models import (
    INELIGIBLE_COLUMNS,
    MATCH_COLUMNS,
    PAIRING_COLUMNS,
    SESSION_COLUMNS,
    RankedModel,
)
from peerdesk.ui.pairings.session_dialog import SessionDialog
from peerdesk.ui.pairings.supervision_dialog import open_supervision_dialog
from peerdesk.ui.screens.pairings import PairingsScreen
from peerdesk.ui.screens.sessions import SessionsScreen
from peerdesk.ui.widgets.form_rows import select_data
from peerdesk.ui.widgets.rows_model import RowsModel


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_models_pass_the_model_tester(qtmodeltester, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    pairings: RowsModel = RowsModel(PAIRING_COLUMNS, lambda r: r.id)
    pairings.set_rows(demo_services.pairings.rows())
    qtmodeltester.check(pairings)
    sessions: RowsModel = RowsModel(SESSION_COLUMNS, lambda r: r.id)
    sessions.set_rows(demo_services.sessions.rows()[:300])
    qtmodeltester.check(sessions)
    person = demo_services.pairings.waiting()[0].person_id
    result = demo_services.matching.match(person)
    ranked = RankedModel(MATCH_COLUMNS, lambda m: m.person_id)
    ranked.set_rows(result.ranked)
    qtmodeltester.check(ranked)
    ineligible: RowsModel = RowsModel(INELIGIBLE_COLUMNS, lambda m: m.person_id)
    ineligible.set_rows(result.not_eligible)
    qtmodeltester.check(ineligible)


def test_demo_screens_and_screenshots(
    qtbot: QtBot, demo_services: Services, settings: QSettings, tmp_path: Path
) -> None:
    screen = PairingsScreen(demo_services, settings)
    qtbot.addWidget(screen)
    screen.resize(1100, 720)
    screen.show()
    screen.refresh()
    current = screen.list.pairings_model.rows()
    assert current and all(row.status != "ended" for row in current)
    screen.list.show_view("ended")
    assert {row.status for row in screen.list.pairings_model.rows()} == {"ended"}
    screen.list.show_view("waiting")
    assert screen.list.waiting_view.isVisibleTo(screen)
    waiting = screen.list.waiting_model.rows()
    assert waiting == demo_services.pairings.waiting()
    screen.list.find_edit.setText(waiting[0].name)
    assert 1 <= screen.list.waiting_proxy.rowCount() < len(waiting)

    dialog = screen.open_matching(waiting[0].person_id)
    dialog.resize(1000, 680)
    qtbot.waitExposed(dialog)
    assert dialog.ranked_model.rowCount() > 0 and dialog.ineligible_model.rowCount() > 0
    reasons = dialog.ineligible_model.index(0, 1).data()
    assert reasons and reasons != "None"
    assert dialog.grab().save(str(tmp_path / "matching.png"))
    dialog.reject()

    busiest = max(demo_services.pairings.rows("active"), key=lambda r: r.sessions_held)
    assert screen.show_record("pairing", busiest.id)
    assert not screen.show_record("session", 1)
    page = screen.page
    assert page.timeline_proxy.rowCount() > busiest.sessions_held
    assert "Print" in page.print_button.text()
    assert screen.grab().save(str(tmp_path / "pairing_page.png"))


def test_sessions_screen_filters_and_opens_a_session(
    qtbot: QtBot, demo_services: Services, settings: QSettings
) -> None:
    screen = SessionsScreen(demo_services, settings)
    qtbot.addWidget(screen)
    screen.refresh()
    recent = screen.model.rowCount()
    assert recent > 0
    assert all(row.session_date >= date(2026, 3, 23) for row in screen.model.rows())
    select_data(screen.status, "rearranged")
    assert screen.model.rowCount() > 0
    assert {row.status for row in screen.model.rows()} == {"rearranged"}
    screen.clear_button.click()
    assert screen.model.rowCount() > recent
    pairing = demo_services.pairings.rows("active")[0]
    planned = [s for s in demo_services.sessions.for_pairing(pairing.id) if s.status == "planned"]
    assert screen.show_record("session", planned[0].id or 0)
    assert {row.pairing_id for row in screen.model.rows()} == {pairing.id}
    dialog = screen.active_dialog
    assert isinstance(dialog, SessionDialog)
    assert dialog.status.currentData() == "planned"
    dialog.reject()
    assert not screen.show_record("pairing", pairing.id)


def test_supervision_lists_the_mentors_current_pairings(
    qtbot: QtBot, demo_services: Services, settings: QSettings
) -> None:
    pairing = demo_services.pairings.rows("active")[0]
    dialog = open_supervision_dialog(demo_services, pairing.mentor_id)
    qtbot.addWidget(dialog)
    listed = {row.id for row in dialog.pairings_model.rows()}
    assert pairing.id in listed
    assert listed == {r.id for r in demo_services.pairings.open_for_mentor(pairing.mentor_id)}
    first = dialog.pairings_model.index(0, 0)
    dialog.pairings_model.setData(first, 0, 10)  # untick the first (CheckStateRole is 10)
    dialog.wellbeing.setPlainText("Tired but coping")
    assert dialog.save(), dialog.problem.text()
    saved = demo_services.volunteers.supervisions(pairing.mentor_id)[0]
    assert saved.wellbeing == "Tired but coping"
    assert saved.supervision_date == demo_services.today()


def test_sessions_filters_that_cannot_be_met_are_said(
    qtbot: QtBot, demo_services: Services, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A From after To is refused on the line under the filters, and a screen reader hears it
    (the line shows for as long as the filters stand, so it is said when it appears)."""
    from peerdesk.ui import announcer

    heard: list[str] = []
    monkeypatch.setattr(announcer, "announce", lambda text, *a, **k: heard.append(text))
    screen = SessionsScreen(demo_services, settings)
    qtbot.addWidget(screen)
    screen.refresh()
    screen.date_to.set_value(date(2026, 1, 1))
    screen.date_from.set_value(date(2026, 6, 1))
    screen.refresh()
    assert not screen.problem.isHidden()
    assert heard and heard[-1].startswith("Problem: ") and heard[-1][9:] in screen.problem.text()
