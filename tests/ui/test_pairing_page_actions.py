"""The pairing page's own actions, driven through its buttons and dialogs: introduce, pause and
resume; arrangements and goals; a concern raised from a session, then closed from the
timeline. Each result is checked through the services, not only on screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.ui.pairings.change_dialogs import ArrangementsDialog, StatusChangeDialog
from peerdesk.ui.pairings.concern_dialog import ConcernDialog
from peerdesk.ui.pairings.pairing_page import PairingPage
from peerdesk.ui.pairings.session_dialog import SessionDialog
from peerdesk.ui.widgets.form_rows import select_data
from tests.unit.test_pairings_builders import confidentiality, ready_mentor, waiting_mentee

PROPOSED = date(2026, 4, 1)


@pytest.fixture
def page(qtbot: QtBot, services: Services, tmp_path: Path) -> PairingPage:
    """The page of a proposed pairing whose mentor and mentee have both agreed to
    confidentiality (so activating asks no question)."""
    mentor = ready_mentor(services, "Iain")
    mentee = waiting_mentee(services, "Morag")
    confidentiality(services, mentee)
    pairing = services.pairings.propose(
        PairingPlan(mentor_id=mentor, mentee_id=mentee, proposed_on=PROPOSED)
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    widget = PairingPage(services, settings)
    qtbot.addWidget(widget)
    widget.show_pairing(pairing.id or 0)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_from(qtbot: QtBot, page: PairingPage, action: str) -> QDialog:
    """Click one of the page's action buttons; the dialog it opened."""
    assert page.buttons[action].isVisible(), f"{action} is not offered"
    qtbot.mouseClick(page.buttons[action], Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def press(qtbot: QtBot, dialog: QDialog, button: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def change_status(qtbot: QtBot, page: PairingPage, action: str, on: date, note: str = "") -> None:
    dialog = open_from(qtbot, page, action)
    assert isinstance(dialog, StatusChangeDialog)
    dialog.on.set_value(on)
    if note:
        qtbot.keyClicks(dialog.note, note)
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible(), dialog.problem.text()


def test_introduce_pause_and_resume_from_the_page(
    qtbot: QtBot, services: Services, page: PairingPage
) -> None:
    pairing = page.pairing
    assert pairing is not None and pairing.id is not None
    change_status(qtbot, page, "introduce", date(2026, 4, 8))
    assert services.pairings.get(pairing.id).status == "introduced"
    assert not page.buttons["introduce"].isVisible()
    change_status(qtbot, page, "activate", date(2026, 4, 20))
    assert services.pairings.get(pairing.id).start_date == date(2026, 4, 20)

    # Pause, with a note; the note field is offered only here.
    change_status(qtbot, page, "pause", date(2026, 5, 11), note="Hospital stay")
    assert services.pairings.get(pairing.id).status == "paused"
    assert page.buttons["resume"].isVisible() and not page.buttons["pause"].isVisible()

    # A resume dated before the pause is refused in the dialog, which stays open.
    dialog = open_from(qtbot, page, "resume")
    assert isinstance(dialog, StatusChangeDialog) and not dialog.note.isVisible()
    dialog.on.set_value(date(2026, 5, 1))
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    # The problem is shown under the date it concerns.
    assert dialog.isVisible() and "before the pairing's last change" in dialog.problem_text(
        "changed_on"
    )
    assert services.pairings.get(pairing.id).status == "paused"
    dialog.on.set_value(date(2026, 6, 1))
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()

    assert services.pairings.get(pairing.id).status == "active"
    history = [(c.status, c.changed_on, c.note) for c in services.pairings.history(pairing.id)]
    assert history == [
        ("proposed", PROPOSED, ""),
        ("introduced", date(2026, 4, 8), ""),
        ("active", date(2026, 4, 20), ""),
        ("paused", date(2026, 5, 11), "Hospital stay"),
        ("active", date(2026, 6, 1), ""),
    ]
    titles = [
        page.timeline_proxy.index(row, 1).data() for row in range(page.timeline_proxy.rowCount())
    ]
    assert titles == [
        "Pairing proposed",
        "Mentor and mentee introduced",
        "Pairing active",
        "Pairing paused",
        "Pairing resumed",
    ]


def test_arrangements_and_goals_are_saved_and_shown(
    qtbot: QtBot, services: Services, page: PairingPage
) -> None:
    pairing_id = page.pairing.id if page.pairing else 0
    assert pairing_id and "No goals recorded yet" in page.goals.text()
    dialog = open_from(qtbot, page, "arrangements")
    assert isinstance(dialog, ArrangementsDialog)
    select_data(dialog.frequency, "weekly")
    select_data(dialog.mode, "phone")
    dialog.place.clear()
    qtbot.keyClicks(dialog.place, "Library, Wick")
    dialog.duration.setValue(45)
    dialog.weeks.setValue(12)
    qtbot.keyClicks(dialog.goals[0], "Walk to the shop")
    qtbot.keyClicks(dialog.goals[1], "Join the cafe group")

    # A review schedule that is not a list of weeks is refused, and nothing is saved.
    qtbot.keyClicks(dialog.reviews, "6, soon")
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible() and dialog.problem_text("review_schedule_weeks")
    assert services.pairings.goals(pairing_id) == []
    dialog.reviews.clear()
    qtbot.keyClicks(dialog.reviews, "4, 12")
    press(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert not dialog.isVisible(), dialog.problem.text()

    saved = services.pairings.get(pairing_id)
    assert (
        saved.meeting_frequency,
        saved.usual_mode,
        saved.usual_place,
        saved.usual_duration_minutes,
        saved.planned_length_weeks,
        saved.review_schedule_weeks,
    ) == ("weekly", "phone", "Library, Wick", 45, 12, "4, 12")
    assert services.pairings.goals(pairing_id) == ["Walk to the shop", "Join the cafe group"]
    assert page.goals.text() == "Goals: 1. Walk to the shop; 2. Join the cafe group"
    assert "library, wick" in page.facts.text().lower()


def test_a_concern_from_a_session_is_recorded_then_closed_from_the_timeline(
    qtbot: QtBot, services: Services, page: PairingPage
) -> None:
    pairing = page.pairing
    assert pairing is not None and pairing.id is not None
    change_status(qtbot, page, "activate", date(2026, 4, 20))
    session_dialog = open_from(qtbot, page, "log")
    assert isinstance(session_dialog, SessionDialog)
    session_dialog.date.set_value(date(2026, 5, 5))
    qtbot.keyClicks(session_dialog.note, "Talked about home")
    session_dialog.concern.setChecked(True)
    press(qtbot, session_dialog, QDialogButtonBox.StandardButton.Save)

    # Saving the ticked session opens the concern record for it, dated the session's day.
    concern = page.active_dialog
    assert isinstance(concern, ConcernDialog) and concern is not session_dialog
    qtbot.waitExposed(concern)
    assert concern.raised_on.value() == date(2026, 5, 5)
    press(qtbot, concern, QDialogButtonBox.StandardButton.Save)  # nothing written: refused
    assert concern.isVisible() and services.sessions.open_concerns() == []
    qtbot.keyClicks(concern.what, "Said they feel unsafe at home")
    qtbot.keyClicks(concern.who_was_told, "Coordinator")
    qtbot.keyClicks(concern.action, "Called the GP with their agreement")
    press(qtbot, concern, QDialogButtonBox.StandardButton.Save)
    assert not concern.isVisible(), concern.problem.text()

    (open_concern,) = services.sessions.open_concerns()
    (session,) = services.sessions.for_pairing(pairing.id)
    assert (open_concern.session_id, open_concern.about_person_id) == (
        session.id,
        pairing.mentee_id,
    )
    assert (open_concern.what, open_concern.who_was_told) == (
        "Said they feel unsafe at home",
        "Coordinator",
    )

    # Enter on the concern's line in the timeline opens it; close it there.
    row = next(
        r
        for r in range(page.timeline_proxy.rowCount())
        if page.timeline_proxy.index(r, 1).data().startswith("Concern")
    )
    page.timeline.setFocus()
    page.timeline.setCurrentIndex(page.timeline_proxy.index(row, 0))
    qtbot.keyClick(page.timeline, Qt.Key.Key_Return)
    existing = page.active_dialog
    assert isinstance(existing, ConcernDialog) and existing.existing is not None
    assert not existing.what.isEnabled()  # what was written stays as written
    existing.closed.setChecked(True)
    existing.closed_on.set_value(date(2026, 5, 20))
    press(qtbot, existing, QDialogButtonBox.StandardButton.Save)
    assert not existing.isVisible(), existing.problem.text()
    assert services.sessions.open_concerns() == []
    assert services.sessions.get_concern(open_concern.id or 0).closed_on == date(2026, 5, 20)


def test_a_proposed_pairing_says_when_once(page: PairingPage) -> None:
    """ "Proposed, proposed on …" said the status twice; a proposed pairing's line starts
    with when it was proposed, in words."""
    facts = page.facts.text()
    assert facts.startswith("Proposed on Wednesday 1 April 2026"), facts
    assert "proposed, proposed" not in facts.lower()
