"""A person's page and their referral: the latest referral in the on-screen words with its
dated steps, a button for exactly the steps the referral allows, New referral… when none is
open, Find a mentor… while they wait, Availability and ways to meet…; File ▸ New referral…
from their page; and the waiting list's "how long" in weeks and months, sorted by the real
wait."""

from __future__ import annotations

import re
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenuBar,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.mentoring.views import ReferralAction, ReferralDetails
from peerdesk.services.people.views import PersonDetails
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.pairings.matching_dialog import MatchingDialog
from peerdesk.ui.pairings.pairings_list import WAITING, PairingsList
from peerdesk.ui.people.availability_dialog import AvailabilityDialog
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.referrals.referral_dialog import ReferralDialog
from peerdesk.ui.referrals.step_dialogs import ReferralStepDialog
from peerdesk.ui.widgets.words import table_day
from peerdesk.vocabulary import PartOfDay, ReferralStatus, Weekday
from tests.conftest import TODAY
from tests.ui.person_tabs import open_tab
from tests.ui.test_layout_largest_text import LAPTOP, cut_short
from tests.unit.test_pairings_builders import ready_mentor
from tests.unit.test_referral_transitions import EXPECTED, referral_in


def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def page(qtbot: QtBot, services: Services, tmp_path: Path) -> PersonPage:
    widget = PersonPage(services, settings(tmp_path))
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def visible_steps(page: PersonPage) -> set[ReferralAction]:
    return {a for a, b in page.referral.step_buttons.items() if b.isVisibleTo(page)}


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible(), f"{button.text()} is not offered"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def active(qtbot: QtBot, dialog: QDialog | None) -> QDialog:
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def save(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.findChild(QLabel, "problem")


def dated_lines(page: PersonPage) -> list[tuple[str, str]]:
    """The referral section's lines that start with a date: its steps, oldest first."""
    facts = page.referral.facts
    lines = []
    for row in range(facts.rowCount()):
        caption = facts.itemAt(row, QFormLayout.ItemRole.LabelRole)
        value = facts.itemAt(row, QFormLayout.ItemRole.FieldRole)
        assert caption is not None and value is not None
        what, words = caption.widget(), value.widget()
        assert isinstance(what, QLabel) and isinstance(words, QLabel)
        if what.text()[:1].isdigit():
            lines.append((what.text().rstrip(":"), words.text()))
    return lines


def type_here(qtbot: QtBot, text: str) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClicks(focus, text)


def test_a_referral_is_taken_and_moved_on_from_the_page(
    qtbot: QtBot, services: Services, page: PersonPage
) -> None:
    person_id = services.people.add(PersonDetails(first_name="Ruth")).id
    page.show_person(person_id)
    open_tab(qtbot, page, "referral")
    assert "No referral recorded" in page.referral.fact("Referral")
    assert visible_steps(page) == set()
    assert not page.referral.match_button.isVisibleTo(page)

    click(qtbot, page.referral.new_button)
    dialog = active(qtbot, page.referral.active_dialog)
    assert isinstance(dialog, ReferralDialog) and dialog.person_id == person_id
    with qtbot.waitSignal(page.person_changed):
        save(qtbot, dialog)
    assert page.referral.fact("Status") == "Received"
    assert page.referral.fact(table_day(TODAY)) == "Received"
    assert visible_steps(page) == set(EXPECTED[ReferralStatus.NEW])
    assert not page.referral.new_button.isVisibleTo(page)

    click(qtbot, page.referral.step_buttons[ReferralAction.ASSESS])
    step = active(qtbot, page.referral.active_dialog)
    assert isinstance(step, ReferralStepDialog)
    step.notes.setFocus()
    type_here(qtbot, "Keen to meet someone")
    save(qtbot, step)
    assert page.referral.fact("Status") == "First conversation held"
    # Two steps on the same day: both listed under that date, with what was noted.
    assert dated_lines(page) == [
        (table_day(TODAY), "Received"),
        (table_day(TODAY), "First conversation held: Keen to meet someone"),
    ]
    assert visible_steps(page) == set(EXPECTED[ReferralStatus.ASSESSED])

    click(qtbot, page.referral.step_buttons[ReferralAction.ACCEPT])
    save(qtbot, active(qtbot, page.referral.active_dialog))
    assert page.referral.fact("Status") == "Accepted \u2014 waiting for a mentor"
    assert visible_steps(page) == {ReferralAction.CLOSE}
    assert page.referral.match_button.isVisibleTo(page)

    click(qtbot, page.referral.step_buttons[ReferralAction.CLOSE])
    close = active(qtbot, page.referral.active_dialog)
    assert isinstance(close, ReferralStepDialog)
    close.reason.setFocus()
    type_here(qtbot, "Moved away")
    save(qtbot, close)
    assert page.referral.fact("Status") == "Closed"
    assert visible_steps(page) == {ReferralAction.REOPEN}
    # A closed referral: a new one may be taken, and nobody is waiting.
    assert page.referral.new_button.isVisibleTo(page)
    assert not page.referral.match_button.isVisibleTo(page)
    assert services.referrals.for_person(person_id)[0].close_reason == "Moved away"


def test_the_mentor_they_would_like_is_on_the_page(services: Services, page: PersonPage) -> None:
    person_id = services.people.add(
        PersonDetails(
            first_name="Ruth",
            preferred_mentor_gender="woman",
            preferred_mentor_age_min=30,
            preferred_mentor_age_max=50,
            languages="Welsh",
        )
    ).id
    services.referrals.start(
        person_id, ReferralDetails(referral_date=TODAY, source="self", wants_same_condition=True)
    )
    page.show_person(person_id)
    assert page.referral.fact("Mentor wanted") == (
        "Woman, aged 30 to 50, living with the same condition, speaking Welsh"
    )
    other = services.people.add(PersonDetails(first_name="Nell")).id
    services.referrals.start(other, ReferralDetails(referral_date=TODAY, source="self"))
    page.show_person(other)
    assert page.referral.fact("Mentor wanted") == "No preference"


@pytest.mark.parametrize("status", list(ReferralStatus))
def test_the_buttons_are_exactly_the_steps_the_referral_allows(
    qtbot: QtBot, services: Services, page: PersonPage, status: ReferralStatus
) -> None:
    referral = referral_in(services, status)
    page.show_person(referral.person_id)
    open_tab(qtbot, page, "referral")
    assert visible_steps(page) == set(EXPECTED[status])
    assert page.referral.new_button.isVisibleTo(page) == (not referral.is_open)
    assert page.referral.match_button.isVisibleTo(page) == (status is ReferralStatus.ACCEPTED)
    assert page.referral.fact("Status") == referral.status_words


def test_a_refused_step_keeps_the_page_as_it_was(
    qtbot: QtBot, services: Services, page: PersonPage
) -> None:
    referral = referral_in(services, ReferralStatus.ASSESSED)
    page.show_person(referral.person_id)
    open_tab(qtbot, page, "referral")
    click(qtbot, page.referral.step_buttons[ReferralAction.NOT_TAKEN_FORWARD])
    dialog = active(qtbot, page.referral.active_dialog)
    assert isinstance(dialog, ReferralStepDialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem_text("reason")
    dialog.reject()
    assert services.referrals.get(referral.id).status == ReferralStatus.ASSESSED
    assert page.referral.fact("Status") == "First conversation held"


def test_find_a_mentor_opens_matching_for_them_and_proposing_opens_the_pairing(
    qtbot: QtBot, services: Services, page: PersonPage
) -> None:
    ready_mentor(services, "Iain")
    referral = referral_in(services, ReferralStatus.ACCEPTED)
    services.people.set_availability(referral.person_id, [("tue", "morning")], ["phone"])
    page.show_person(referral.person_id)
    open_tab(qtbot, page, "referral")
    click(qtbot, page.referral.match_button)
    dialog = page.referral.matching_dialog
    assert isinstance(dialog, MatchingDialog)
    qtbot.waitExposed(dialog)
    assert dialog.person.currentData() == referral.person_id
    # Referred 40 days ago: said in weeks, not days.
    assert dialog.person.currentText().endswith(", waiting 5 weeks")
    assert dialog.selected_mentor() is not None
    with qtbot.waitSignal(page.record_requested) as opened:
        qtbot.mouseClick(dialog.propose_button, Qt.MouseButton.LeftButton)
    kind, pairing_id = opened.args
    assert kind == "pairing" and services.pairings.get(pairing_id).mentee_id == referral.person_id
    # Paired (proposed): no longer waiting, so no Find a mentor….
    assert not page.referral.match_button.isVisibleTo(page)


def test_availability_and_ways_to_meet_from_the_page(
    qtbot: QtBot, services: Services, page: PersonPage
) -> None:
    person_id = services.people.add(PersonDetails(first_name="Ruth")).id
    page.show_person(person_id)
    open_tab(qtbot, page, "roles")
    assert page.needs.fact("Can meet") == "Not recorded yet"
    click(qtbot, page.needs.availability_button)
    dialog = active(qtbot, page.needs.active_dialog)
    assert isinstance(dialog, AvailabilityDialog)
    dialog.grid.slot_boxes[(Weekday.MONDAY, PartOfDay.MORNING)].setFocus()
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_Space)
    save(qtbot, dialog)
    assert services.people.availability(person_id) == [(Weekday.MONDAY, PartOfDay.MORNING)]
    assert page.needs.fact("Can meet") == "Monday morning"


def test_file_new_referral_is_offered_on_a_person_s_page(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    person_id = services.people.add(PersonDetails(first_name="Ruth")).id
    window = MainWindow(services, settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    window.update_file_menu()
    assert not window.new_referral_action.isEnabled()  # on Today: whose referral?
    window.open_record("person", person_id)
    window.update_file_menu()
    assert window.new_referral_action.isEnabled()
    assert window.new_referral_action.text() in [a.text() for a in window._menus["File"].actions()]
    window.new_referral_action.trigger()
    page = window.current_person_page()
    assert page is not None
    dialog = active(qtbot, page.referral.active_dialog)
    assert isinstance(dialog, ReferralDialog) and dialog.person_id == person_id
    save(qtbot, dialog)
    assert services.referrals.for_person(person_id)[0].status == "new"
    assert page.referral.fact("Status") == "Received"


def test_the_waiting_list_says_how_long_in_words_and_sorts_by_the_real_wait(
    qtbot: QtBot, services: Services
) -> None:
    for name, days in (("Ann", 10), ("Bea", 400), ("Cat", 100)):
        person_id = services.people.add(PersonDetails(first_name=name)).id
        services.referrals.start(
            person_id,
            ReferralDetails(referral_date=TODAY - timedelta(days=days), source="self"),
        )
    listing = PairingsList(services)
    qtbot.addWidget(listing)
    listing.show_view(WAITING)
    column = next(
        c
        for c in range(listing.waiting_proxy.columnCount())
        if listing.waiting_proxy.headerData(c, Qt.Orientation.Horizontal) == "Waiting"
    )

    def shown() -> list[tuple[str, str]]:
        proxy = listing.waiting_proxy
        return [
            (proxy.index(r, 0).data(), proxy.index(r, column).data())
            for r in range(proxy.rowCount())
        ]

    listing.waiting_view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    # By the wait, not the words: "3 months" before "1 year 1 month".
    assert shown() == [("Ann", "1 week"), ("Cat", "3 months"), ("Bea", "1 year 1 month")]
    listing.waiting_view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert [name for name, _ in shown()] == ["Bea", "Cat", "Ann"]


def test_a_new_referral_s_four_buttons_fit_a_laptop_at_the_largest_text(
    qtbot: QtBot, services: Services, largest: QSettings, qapp: QApplication
) -> None:
    referral = referral_in(services, ReferralStatus.NEW)
    window = MainWindow(services, largest)
    qtbot.addWidget(window)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    window.open_record("person", referral.person_id)
    qapp.processEvents()
    page = window.current_person_page()
    assert page is not None
    open_tab(qtbot, page, "referral")
    assert len(visible_steps(page)) == 4
    tab = page.tabs.page("referral")
    assert isinstance(tab, QScrollArea) and tab.widget() is not None
    assert tab.widget().minimumSizeHint().width() <= tab.viewport().width()
    assert not window.screen_area.horizontalScrollBar().isVisible()
    assert cut_short(page.referral) == []


def letters(root: QWidget) -> Counter[str]:
    """The Alt+letter keys of what is visible in the window: menu titles, labels, buttons."""
    found: Counter[str] = Counter()
    texts = [a.text() for a in root.findChild(QMenuBar).actions()]  # type: ignore[union-attr]
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QLabel):
        if widget.isVisible():
            texts.append(widget.text())
    for text in texts:
        match = re.search(r"&([^&\s])", text)
        if match:
            found[match.group(1).lower()] += 1
    return found


@pytest.mark.parametrize("status", list(ReferralStatus))
def test_the_referral_buttons_letters_are_used_by_nothing_else_on_screen(
    qtbot: QtBot, services: Services, tmp_path: Path, status: ReferralStatus
) -> None:
    referral = referral_in(services, status)
    window = MainWindow(services, settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_record("person", referral.person_id)
    page = window.current_person_page()
    assert page is not None
    tabs = {
        # Close referral… and Edit referral… have no letter left (their words name their keys).
        "referral": [
            *(b for a, b in page.referral.step_buttons.items() if a != ReferralAction.CLOSE),
            page.referral.new_button,
            page.referral.match_button,
        ],
        "roles": [page.needs.availability_button],
    }
    for tab, buttons in tabs.items():
        open_tab(qtbot, page, tab)
        counts = letters(window)
        for button in buttons:
            if button.isVisible():
                letter = re.search(r"&(.)", button.text())
                assert letter is not None, button.text()
                assert counts[letter.group(1).lower()] == 1, button.text()
