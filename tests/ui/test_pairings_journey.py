"""Driving the Pairings screen: propose from the matching dialog, activate, log three
sessions (one cancelled, one rearranged), review, end; the timeline shows all of it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.pairings.change_dialogs import StatusChangeDialog
from peerdesk.ui.pairings.end_dialog import EndDialog
from peerdesk.ui.pairings.review_dialog import ReviewDialog
from peerdesk.ui.pairings.session_dialog import SessionDialog
from peerdesk.ui.screens.pairings import PairingsScreen
from peerdesk.ui.widgets.form_rows import select_data
from tests.unit.test_pairings_builders import organisation, ready_mentor, waiting_mentee


@pytest.fixture
def settings(tmp_path) -> QSettings:  # type: ignore[no-untyped-def]
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _log(dialog: SessionDialog, on: date, status: str, **extra: object) -> None:
    dialog.date.set_value(on)
    select_data(dialog.status, status)
    if "new_date" in extra:
        dialog.new_date.set_value(extra["new_date"])  # type: ignore[arg-type]
    dialog.note.setPlainText(str(extra.get("note", "")))
    assert dialog.save(), dialog.problem.text()
    dialog.accept()


def test_a_pairing_from_match_to_ending(
    qtbot: QtBot,
    services: Services,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    organisation(services)
    mentee = waiting_mentee(services, "Morag")
    best = ready_mentor(services, "Iain", condition="ME/CFS")
    ready_mentor(services, "Jess", condition="COPD")
    screen = PairingsScreen(services, settings)
    qtbot.addWidget(screen)
    screen.refresh()
    screen.list.show_view("waiting")
    assert screen.list.waiting_model.rowCount() == 1

    # Propose from the matching dialog: the best match is first and chosen.
    matching = screen.open_matching(mentee)
    assert matching.selected_mentor() is not None
    assert matching.selected_mentor().person_id == best  # type: ignore[union-attr]
    matching.proposed_on.set_value(date(2026, 2, 20))
    with qtbot.waitSignal(matching.pairing_proposed):
        matching.propose_button.click()
    pairing_id = matching.proposed_id
    assert pairing_id is not None
    assert screen.stack.currentWidget() is screen.page

    # Activate: the mentee has no confidentiality agreement, so the gate asks first. No
    # stops there; Yes goes on to the date.
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def _answer(_parent: object, title: str, text: str, *args: object) -> object:
        asked.append(f"{title}: {text}")
        return answers[len(asked) - 1]

    monkeypatch.setattr(QMessageBox, "question", _answer)
    assert screen.page.activate() is None
    assert services.pairings.get(pairing_id).status == "proposed"
    activate = screen.page.activate()
    assert len(asked) == 2
    assert isinstance(activate, StatusChangeDialog)
    assert "Morag Mentee" in asked[0] and "Activate anyway?" in asked[0]
    activate.on.set_value(date(2026, 3, 2))
    assert activate.save()
    activate.accept()
    assert services.pairings.get(pairing_id).status == "active"

    # Three sessions: held, cancelled by the mentee, rearranged to a new date.
    page = screen.page
    _log(page.log_session(), date(2026, 3, 3), "held", note="Talked about pacing")
    _log(page.log_session(), date(2026, 3, 10), "cancelled_by_mentee")
    _log(
        page.log_session(),
        date(2026, 3, 17),
        "rearranged",
        new_date=date(2026, 3, 19),
        note="Tired after an appointment",
    )
    sessions = services.sessions.for_pairing(pairing_id)
    assert [(s.session_date, s.status) for s in sessions] == [
        (date(2026, 3, 3), "held"),
        (date(2026, 3, 10), "cancelled_by_mentee"),
        (date(2026, 3, 17), "rearranged"),
        (date(2026, 3, 19), "planned"),
    ]
    assert sessions[0].mode == "phone" and sessions[0].duration_minutes == 60

    # A review: counts come from the log.
    review = page.record_review()
    assert isinstance(review, ReviewDialog)
    review.review_date.set_value(date(2026, 4, 13))
    assert (review.held.value(), review.planned.value()) == (1, 3)
    review.progress[0].setText("Pacing better")
    select_data(review.decision, "continue")
    assert review.save(), review.problem.text()
    review.accept()

    # End, with a reason from the list.
    end = page.end()
    assert isinstance(end, EndDialog)
    end.end_date.set_value(date(2026, 6, 1))
    assert not end.save()  # no reason chosen yet: refused, and says so
    assert "reason" in end.problem_text("closure_reason")
    select_data(end.reason, "mentee_withdrew")
    end.early.setChecked(True)
    end.wants_new.setChecked(True)
    assert end.save(), end.problem.text()
    end.accept()

    pairing = services.pairings.get(pairing_id)
    assert (pairing.status, pairing.closure_reason, pairing.ended_as_planned) == (
        "ended",
        "mentee_withdrew",
        False,
    )
    shown = [
        (
            page.timeline_proxy.index(row, 1).data(),
            page.timeline_proxy.index(row, 2).data(),
        )
        for row in range(page.timeline_proxy.rowCount())
    ]
    titles = [title for title, _ in shown]
    assert titles == [
        "Pairing proposed",
        "Pairing active",
        "Session: held",
        "Session: cancelled by mentee",
        "Session: rearranged",
        "Session: planned",
        "Review: continue",
        "Pairing ended",
    ]
    details = dict(shown)
    assert "moved to Thu 19 Mar 2026" in details["Session: rearranged"]
    assert "rearranged from Tue 17 Mar 2026" in details["Session: planned"]
    assert details["Review: continue"].startswith("1 of 3 planned sessions held")
    assert details["Pairing ended"].startswith("Mentee withdrew, ended early, wants a new pairing")
    assert "Ended Monday 1 June 2026" in page.facts.text()
    assert not page.buttons["end"].isVisibleTo(page)
