"""A coordinator's week, from an empty database to the funders' figures, in the app alone.

Issue 19's acceptance test: real widgets, the keyboard where a coordinator would type, and no
service call that creates a record (services are only read, to find what to check). The
figures at the end are worked out by hand from what was done here (docs/figures.md):
- sessions: 5 May held (60 minutes); 12 May planned, rearranged to 14 May, then held there
  (90 minutes); 19 May planned, then cancelled by the mentee in advance;
- so `sessions_held` 2, `sessions_cancelled` 2 (the rearranged one and the cancelled one:
  "cancelled, rearranged or did-not-attend"), `contact_hours` (60 + 90) / 60 = 2.5.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.cli.main import main
from peerdesk.services import Services
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.pairings.pairing_page import PairingPage
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.screens.pairings import PairingsScreen
from peerdesk.ui.training.screen import TrainingScreen
from peerdesk.vocabulary import ConditionLink, MeetingMode, PartOfDay, Role, Weekday
from tests.ui.keys import choose, focus, in_modal, press, save, tick, type_into
from tests.ui.person_tabs import open_tab_of
from tests.ui.test_training_screen import add_name, tick_item

CONTROL = Qt.KeyboardModifier.ControlModifier


def button(section: QWidget, words: str) -> QPushButton:
    """The visible button whose words (access key left out) start with `words`."""
    found = [
        b
        for b in section.findChildren(QPushButton)
        if b.text().replace("&", "").startswith(words) and b.isVisible()
    ]
    assert len(found) == 1, (words, [b.text() for b in section.findChildren(QPushButton)])
    return found[0]


def shortcut(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """Ctrl+key, pressed wherever the focus is in the window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget() or window, key, CONTROL)


def pairings_screen(window: MainWindow) -> PairingsScreen:
    screen = window.screens["pairings"]
    assert isinstance(screen, PairingsScreen)
    return screen


def person_page(window: MainWindow) -> PersonPage:
    page = window.screens["people"].person_page
    assert isinstance(page, PersonPage)
    return page


def add_person(qtbot: QtBot, window: MainWindow, first: str, last: str, role: Role) -> None:
    """People ▸ Ctrl+N: the Add a person window, with a role and a condition."""
    window.show_screen("people")

    def fill(dialog: QDialog) -> None:
        type_into(qtbot, dialog.first_name, first)  # type: ignore[attr-defined]
        type_into(qtbot, dialog.last_name, last)  # type: ignore[attr-defined]
        tick(qtbot, dialog.role_boxes[role])  # type: ignore[attr-defined]
        lived = dialog.condition_edits[ConditionLink.LIVED_EXPERIENCE]  # type: ignore[attr-defined]
        type_into(qtbot, lived, "ME/CFS")
        save(qtbot, dialog)

    in_modal(qtbot, lambda: shortcut(qtbot, window, Qt.Key.Key_N), fill)
    qtbot.waitUntil(lambda: first in person_page(window).heading.text())


def make_ready_to_mentor(qtbot: QtBot, window: MainWindow) -> None:
    """On the mentor's page: the journey reaches 'active', training, a disclosure check."""
    page = person_page(window)

    def step(dialog: QDialog) -> None:
        choose(qtbot, dialog.stage, "Active")  # type: ignore[attr-defined]
        type_into(qtbot, dialog.on, "1/4/2026")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    open_tab_of(qtbot, page, page.journey)
    in_modal(qtbot, lambda: press(qtbot, button(page.journey, "Record a step")), step)

    train_on_the_training_screen(qtbot, window, "Iain Gunn")
    window.show_screen("people")

    def check(dialog: QDialog) -> None:
        type_into(qtbot, dialog.reference, "PVG-1234")  # type: ignore[attr-defined]
        type_into(qtbot, dialog.issued, "3/4/2026")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    open_tab_of(qtbot, page, page.journey)
    in_modal(qtbot, lambda: press(qtbot, button(page.journey, "Add a disclosure check")), check)


def train_on_the_training_screen(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Training ▸ Record a training session…: every core module, with them attending."""
    window.show_screen("training")
    screen = window.screens["training"]
    assert isinstance(screen, TrainingScreen)
    press(qtbot, screen.new_button)
    dialog = screen.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    type_into(qtbot, dialog.on, "2/4/2026")
    type_into(qtbot, dialog.trainer_name, "Scottish Recovery Network")
    for module in window.services.training.modules():
        if module.is_core:
            tick_item(qtbot, dialog.modules, module.name)
    add_name(qtbot, dialog, name)
    press(qtbot, dialog.save_button)  # Enter in the name box lists a name, never saves
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert screen.matrix.cell_words(name, "Trained for pairing") == "Yes"


def record_confidentiality(qtbot: QtBot, window: MainWindow, on: str) -> None:
    page = person_page(window)

    def fill(dialog: QDialog) -> None:
        choose(qtbot, dialog.kind, "Confidentiality")  # type: ignore[attr-defined]
        type_into(qtbot, dialog.given_on, on)  # type: ignore[attr-defined]
        choose(qtbot, dialog.method, "Verbal")  # type: ignore[attr-defined]
        type_into(qtbot, dialog.recorded_by, "Coordinator")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    open_tab_of(qtbot, page, page.consents)
    in_modal(qtbot, lambda: press(qtbot, page.consents.record_button), fill)


def take_referral(qtbot: QtBot, window: MainWindow) -> None:
    """File ▸ New referral… on the person's page: a self-referral with availability."""
    page = person_page(window)
    window.new_referral_action.trigger()
    dialog = page.referral.active_dialog
    assert dialog is not None and dialog.isVisible()
    type_into(qtbot, dialog.referral_date, "20/4/2026")  # type: ignore[attr-defined]
    choose(qtbot, dialog.source, "Self")  # type: ignore[attr-defined]
    type_into(qtbot, dialog.hopes, "To pace myself and get out more")  # type: ignore[attr-defined]
    grid = dialog.availability  # type: ignore[attr-defined]
    for slot in ((Weekday.MONDAY, PartOfDay.MORNING), (Weekday.WEDNESDAY, PartOfDay.MORNING)):
        tick(qtbot, grid.slot_boxes[slot])
    tick(qtbot, grid.mode_boxes[MeetingMode.PHONE])
    save(qtbot, dialog)
    referral = page.referral.latest
    assert referral is not None and referral.status_words == "Received"


def referral_step(qtbot: QtBot, window: MainWindow, words: str, on: str) -> None:
    page = person_page(window)
    open_tab_of(qtbot, page, page.referral)
    press(qtbot, button(page.referral, words))
    dialog = page.referral.active_dialog
    assert dialog is not None and dialog.isVisible()
    type_into(qtbot, dialog.on, on)  # type: ignore[attr-defined]
    if words.startswith("First conversation"):
        type_into(qtbot, dialog.notes, "Keen; mornings suit best")  # type: ignore[attr-defined]
    save(qtbot, dialog)


def match_from_the_waiting_list(qtbot: QtBot, window: MainWindow, mentee: str) -> int:
    """Pairings ▸ Waiting for a mentor lists them; Find a mentor… proposes the pairing."""
    window.show_screen("pairings")
    # The window active again after the referral's dialogs, as it is for a coordinator (the
    # focus restored on activating it would otherwise race the focus put on the button).
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    screen = pairings_screen(window)
    screen.refresh()
    screen.list.show_view("waiting")
    waiting = screen.list.waiting_proxy
    rows = [
        [str(waiting.index(r, c).data()) for c in range(waiting.columnCount())]
        for r in range(waiting.rowCount())
    ]
    assert len(rows) == 1 and rows[0][0] == mentee, rows
    # Referred on 20 April, and TODAY is 15 June: 56 days, said in weeks.
    assert "8 weeks" in rows[0], rows
    screen.list.waiting_view.setCurrentIndex(waiting.index(0, 0))
    press(qtbot, screen.list.match_button)
    matching = screen.matching_dialog
    assert matching is not None and matching.isVisible()
    assert matching.selected_mentor() is not None
    type_into(qtbot, matching.proposed_on, "27/4/2026")
    with qtbot.waitSignal(matching.pairing_proposed):
        press(qtbot, matching.propose_button)
    pairing_id = matching.proposed_id
    assert pairing_id is not None
    return pairing_id


def log(qtbot: QtBot, page: PairingPage, on: str, status: str, **more: str) -> None:
    dialog = page.log_session()
    type_into(qtbot, dialog.date, on)
    choose(qtbot, dialog.status, status)
    if "new_date" in more:
        type_into(qtbot, dialog.new_date, more["new_date"])
    if "minutes" in more:
        type_into(qtbot, dialog.duration, more["minutes"])
    save(qtbot, dialog)


def open_from_timeline(qtbot: QtBot, page: PairingPage, on: str, what: str) -> None:
    """Find the session's line in the pairing's timeline (its date, what happened) and press
    Enter on it."""
    proxy = page.timeline.model()
    for row in range(proxy.rowCount()):
        line = [str(proxy.index(row, column).data()) for column in range(2)]
        if line[0] == on and what in line[1]:
            page.timeline.setCurrentIndex(proxy.index(row, 0))
            qtbot.keyClick(focus(qtbot, page.timeline), Qt.Key.Key_Return)
            return
    raise AssertionError(f"{on} {what} is not in the timeline")


def test_a_coordinators_week_from_an_empty_database(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    window = MainWindow(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    # A mentor: added, active on the journey, trained, checked, confidentiality agreed.
    add_person(qtbot, window, "Iain", "Gunn", Role.MENTOR)
    make_ready_to_mentor(qtbot, window)
    record_confidentiality(qtbot, window, "3/4/2026")
    ready = person_page(window).journey.fact("Ready to mentor")
    assert ready.startswith("Yes"), person_page(window).journey.fact("Before they can be paired")

    # A new person's referral, their consent, the first conversation, and acceptance.
    add_person(qtbot, window, "Morag", "Mackay", Role.MENTEE)
    take_referral(qtbot, window)
    record_confidentiality(qtbot, window, "20/4/2026")
    referral_step(qtbot, window, "First conversation held", "22/4/2026")
    referral_step(qtbot, window, "Accept", "24/4/2026")
    assert person_page(window).referral.latest.status == "accepted"  # type: ignore[union-attr]

    # Matched from the waiting list with that mentor, then activated.
    pairing_id = match_from_the_waiting_list(qtbot, window, "Morag Mackay")
    page = pairings_screen(window).page
    page.show_pairing(pairing_id)
    activate = page.activate()
    assert activate is not None
    type_into(qtbot, activate.on, "1/5/2026")
    save(qtbot, activate)

    # Three sessions: held; rearranged to a later date and then held; cancelled in advance.
    log(qtbot, page, "5/5/2026", "Held", minutes="60")
    log(qtbot, page, "12/5/2026", "Rearranged", new_date="14/5/2026")
    open_from_timeline(qtbot, page, "14 May 2026", "planned")
    moved = page.active_dialog
    choose(qtbot, moved.status, "Held")
    type_into(qtbot, moved.duration, "90")
    save(qtbot, moved)
    log(qtbot, page, "19/5/2026", "Planned")
    open_from_timeline(qtbot, page, "19 May 2026", "planned")
    called_off = page.active_dialog
    choose(qtbot, called_off.status, "Cancelled by mentee")
    save(qtbot, called_off)

    # A review, then the ending, as planned.
    review = page.record_review()
    type_into(qtbot, review.review_date, "20/5/2026")
    choose(qtbot, review.decision, "Continue")
    save(qtbot, review)
    end = page.end()
    type_into(qtbot, end.end_date, "1/6/2026")
    choose(qtbot, end.reason, "Completed")
    tick(qtbot, end.as_planned)
    save(qtbot, end)
    assert services.pairings.get(pairing_id).status == "ended"
    log_now = [(s.session_date, s.status) for s in services.sessions.for_pairing(pairing_id)]
    assert log_now == [
        (date(2026, 5, 5), "held"),
        (date(2026, 5, 12), "rearranged"),
        (date(2026, 5, 14), "held"),
        (date(2026, 5, 19), "cancelled_by_mentee"),
    ]
    # Support ended and no new pairing is wanted: the referral closes by itself.
    assert person_referral_status(services, "Morag") == "closed"

    # The funders' figures for the period, from the command line, once the app is closed
    # (the database is one program's at a time).
    window.close()
    services.db.close()
    out = tmp_path / "figures.json"
    period = ["--from", "2026-04-01", "--to", "2026-06-15"]
    db = ["--db", str(services.database_path)]
    assert main([*db, "figures", *period, "--format", "json", "--out", str(out)]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    got = {key: figures[key] for key in EXPECTED}
    assert got == EXPECTED


EXPECTED = {
    "referrals_received": 1,
    "mentees_supported": 1,
    "mentees_new": 1,
    "pairings_started": 1,
    "pairings_ended": 1,
    "pairings_ended_as_planned": 1,
    "sessions_held": 2,
    "sessions_cancelled": 2,
    "contact_hours": 2.5,
}


def person_referral_status(services: Services, first_name: str) -> str:
    (person,) = [p for p in services.people.list_rows() if p.name.startswith(first_name)]
    return services.referrals.for_person(person.id)[0].status
