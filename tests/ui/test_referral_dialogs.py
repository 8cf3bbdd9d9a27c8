"""The referral dialogs, driven as a coordinator would: typing into the focused input, Space
on a tick box, Enter to save. Each save is checked through the services; each refusal is shown
under the input it concerns (or at the top when it is about the referral as a whole) and
leaves the records as they were."""

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
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.mentoring.views import ReferralDetails, ReferralView
from peerdesk.services.people.views import ConditionEntry, PersonDetails
from peerdesk.ui import preferences, theme
from peerdesk.ui.referrals.referral_dialog import ReferralDialog
from peerdesk.ui.screens.pairings import PairingsScreen
from peerdesk.vocabulary import MeetingMode, PartOfDay, Weekday
from tests.conftest import TODAY
from tests.ui.keys import focus
from tests.unit.test_pairings_builders import table_snapshot

TABLES = ("person", "person_role", "referral", "availability", "meeting_mode_preference")
RECEIVED = TODAY - timedelta(days=20)


def person(services: Services, name: str = "Ruth") -> int:
    return services.people.add(PersonDetails(first_name=name)).id


def referral(services: Services, person_id: int) -> ReferralView:
    return services.referrals.start(
        person_id, ReferralDetails(referral_date=RECEIVED, source="self")
    )


def shown(qtbot: QtBot, dialog: QWidget) -> None:
    """On screen and active, so the keyboard focus is where the dialog put it."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def type_here(qtbot: QtBot, text: str) -> None:
    """Type into whichever input has the keyboard focus, as a person would."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClicks(focus, text)


def to(qtbot: QtBot, widget: QWidget) -> None:
    """Put the keyboard in `widget`, showing its tab first, as a coordinator would."""
    focus(qtbot, widget)


def alt(qtbot: QtBot, letter: str) -> None:
    """Alt+letter where the keyboard is: an access key."""
    press_on_focus(qtbot, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)


def press_on_focus(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifiers)


def save(qtbot: QtBot, dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def mnemonics(root: QWidget) -> Counter[str]:
    """The Alt+letter keys of the visible labels, buttons and boxes."""
    found: Counter[str] = Counter()
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QGroupBox):
            text = widget.title()
        elif isinstance(widget, QAbstractButton | QLabel):
            text = widget.text()
        else:
            continue
        match = re.search(r"&([^&\s])", text)
        if match:
            found[match.group(1).lower()] += 1
    return found


# -- New referral for someone on record --------------------------------------------------------
def test_a_gp_referral_typed_in_is_saved_with_preferences_and_availability(
    qtbot: QtBot, services: Services
) -> None:
    person_id = person(services)
    dialog = ReferralDialog(services, person_id)
    shown(qtbot, dialog)
    # The date starts at today and has the focus; the coordinator types over it.
    assert dialog.referral_date.value() == TODAY
    assert QApplication.focusWidget() is dialog.referral_date.editor
    dialog.referral_date.editor.selectAll()
    type_here(qtbot, RECEIVED.strftime("%d/%m/%Y"))
    # Each input is reached by its access key, the tabs by theirs.
    alt(qtbot, "r")
    type_here(qtbot, "GP")
    assert dialog.source.currentData() == "gp"
    # The referrer's rows appear for a referral from someone else.
    assert dialog.referrer_name.isVisible() and dialog.person_agreed.isVisible()
    alt(qtbot, "n")
    type_here(qtbot, "Dr Rao")
    alt(qtbot, "o")
    type_here(qtbot, "Riverside Surgery")
    alt(qtbot, "g")  # the caption's key ticks its box
    assert QApplication.focusWidget() is dialog.person_agreed
    qtbot.waitUntil(dialog.person_agreed.isChecked)
    alt(qtbot, "u")  # Support and hopes
    alt(qtbot, "l")
    type_here(qtbot, "ME/CFS, asthma")
    alt(qtbot, "h")
    type_here(qtbot, "Someone who understands fatigue")
    alt(qtbot, "p")  # Preferences and needs
    alt(qtbot, "l")  # the same letter on another tab: Languages here
    type_here(qtbot, "Welsh")
    alt(qtbot, "w")  # When and how to meet
    alt(qtbot, "v")
    assert (
        QApplication.focusWidget()
        is dialog.availability.slot_boxes[(Weekday.MONDAY, PartOfDay.MORNING)]
    )
    press_on_focus(qtbot, Qt.Key.Key_Space)
    alt(qtbot, "n")  # Phone, among the ways to meet
    qtbot.waitUntil(dialog.availability.mode_boxes[MeetingMode.PHONE].isChecked)
    alt(qtbot, "t")  # back to the referral
    alt(qtbot, "c")
    assert QApplication.focusWidget() is dialog.referrer_contact
    press_on_focus(qtbot, Qt.Key.Key_Return)  # Enter saves, as in every dialog

    assert not dialog.isVisible(), dialog.problem.text()
    saved = services.referrals.for_person(person_id)[0]
    assert (saved.referral_date, saved.source, saved.status) == (RECEIVED, "gp", "new")
    assert (saved.referrer_name, saved.referrer_organisation) == ("Dr Rao", "Riverside Surgery")
    assert saved.person_agreed and saved.hopes == "Someone who understands fatigue"
    assert services.people.get(person_id).languages == "Welsh"
    assert sorted(c.name for c in services.people.conditions(person_id)) == ["ME/CFS", "asthma"]
    assert services.people.availability(person_id) == [(Weekday.MONDAY, PartOfDay.MORNING)]
    assert services.people.meeting_modes(person_id) == [MeetingMode.PHONE]


def test_a_referral_from_someone_else_without_agreement_is_refused_under_the_tick_box(
    qtbot: QtBot, services: Services
) -> None:
    person_id = person(services)
    before = table_snapshot(services, *TABLES)
    dialog = ReferralDialog(services, person_id)
    shown(qtbot, dialog)
    to(qtbot, dialog.source)
    type_here(qtbot, "GP")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "agreed to be referred" in dialog.problem_text("person_agreed")
    assert table_snapshot(services, *TABLES) == before


def test_a_problem_on_another_tab_shows_that_tab_with_the_input_in_view(
    qtbot: QtBot, services: Services
) -> None:
    dialog = ReferralDialog(services, person(services))
    shown(qtbot, dialog)
    dialog.resize(dialog.width(), 420)  # a short window: the tab scrolls
    to(qtbot, dialog.source)
    type_here(qtbot, "GP")
    # On the last tab, the coordinator saves without the agreement ticked.
    to(qtbot, dialog.energy_needs)
    to(qtbot, dialog.availability.slot_boxes[(Weekday.MONDAY, PartOfDay.MORNING)])
    assert not dialog.person_agreed.isVisible()
    save(qtbot, dialog)
    assert dialog.problem_text("person_agreed")
    assert dialog.tabs.currentIndex() == 0
    assert QApplication.focusWidget() is dialog.person_agreed
    assert not dialog.person_agreed.visibleRegion().isEmpty()


def test_referrer_and_carer_rows_show_only_when_they_apply(
    qtbot: QtBot, services: Services
) -> None:
    dialog = ReferralDialog(services, person(services))
    shown(qtbot, dialog)
    assert not dialog.referrer_name.isVisible() and not dialog.person_agreed.isVisible()
    to(qtbot, dialog.support_as)
    assert not dialog.cared_for_condition.isVisible()
    type_here(qtbot, "A carer")
    assert dialog.support_as.currentData() == "carer"
    assert dialog.cared_for_condition.isVisible() and dialog.cared_for_relationship.isVisible()


def test_a_carer_s_referral_keeps_the_cared_for_person_s_condition(
    qtbot: QtBot, services: Services
) -> None:
    person_id = person(services)
    dialog = ReferralDialog(services, person_id)
    shown(qtbot, dialog)
    to(qtbot, dialog.support_as)
    type_here(qtbot, "A")  # "A carer…" (a space would open the list)
    alt(qtbot, "c")
    type_here(qtbot, "Dementia")
    alt(qtbot, "r")
    type_here(qtbot, "Their mother")
    press_on_focus(qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.problem.text()
    saved = services.referrals.for_person(person_id)[0]
    assert (saved.support_as, saved.cared_for_condition, saved.cared_for_relationship) == (
        "carer",
        "Dementia",
        "Their mother",
    )
    assert [r.role for r in services.people.roles(person_id)] == ["carer"]


def test_a_second_open_referral_is_refused_at_the_top(qtbot: QtBot, services: Services) -> None:
    person_id = person(services)
    referral(services, person_id)
    before = table_snapshot(services, *TABLES)
    dialog = ReferralDialog(services, person_id)
    shown(qtbot, dialog)
    press_on_focus(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "already have an open referral" in dialog.problem_text()
    assert table_snapshot(services, *TABLES) == before


def test_a_referral_date_in_the_future_is_refused_under_the_date(
    qtbot: QtBot, services: Services
) -> None:
    person_id = person(services)
    before = table_snapshot(services, *TABLES)
    dialog = ReferralDialog(services, person_id)
    shown(qtbot, dialog)
    dialog.referral_date.editor.selectAll()
    type_here(qtbot, (TODAY + timedelta(days=3)).strftime("%d/%m/%Y"))
    press_on_focus(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem_text("referral_date")
    assert table_snapshot(services, *TABLES) == before


# -- New referral for someone new --------------------------------------------------------------
def test_pairings_new_referral_adds_the_person_with_the_referral(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    person(services, "Someone Else")
    screen = PairingsScreen(
        services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()
    qtbot.mouseClick(screen.list.new_referral_button, Qt.MouseButton.LeftButton)
    dialog = screen.referral_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.chooser is not None and dialog.chooser.currentData() is None  # someone new
    assert dialog.person_box.isVisible()
    dialog.first_name.setFocus()
    type_here(qtbot, "Nell")
    dialog.last_name.setFocus()
    type_here(qtbot, "Price")
    press_on_focus(qtbot, Qt.Key.Key_Return)

    assert not dialog.isVisible(), dialog.problem.text()
    nell = next(r for r in services.people.list_rows() if r.name == "Nell Price")
    assert services.referrals.for_person(nell.id)[0].status == "new"
    # The screen now shows who is waiting, Nell among them.
    assert screen.list.waiting_view.isVisible()
    names = [
        screen.list.waiting_proxy.index(row, 0).data()
        for row in range(screen.list.waiting_proxy.rowCount())
    ]
    assert names == ["Nell Price"]


def test_a_refused_referral_for_someone_new_saves_nobody(qtbot: QtBot, services: Services) -> None:
    before = table_snapshot(services, *TABLES)
    dialog = ReferralDialog(services, choose_person=True)
    shown(qtbot, dialog)
    dialog.first_name.setFocus()
    type_here(qtbot, "Nell")
    dialog.source.setFocus()
    type_here(qtbot, "GP")  # from a GP, but the agreement is not ticked
    dialog.first_name.setFocus()
    press_on_focus(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem_text("person_agreed")
    assert table_snapshot(services, *TABLES) == before
    # Without a first name the problem is under the first name.
    dialog.first_name.clear()
    dialog.source.setFocus()
    press_on_focus(qtbot, Qt.Key.Key_Home)  # the first choice: a self-referral
    assert dialog.source.currentData() == "self"
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.problem_text("first_name")
    assert table_snapshot(services, *TABLES) == before


def test_choosing_someone_on_record_hides_the_new_person_s_rows(
    qtbot: QtBot, services: Services
) -> None:
    ruth = person(services, "Ruth")
    dialog = ReferralDialog(services, choose_person=True)
    shown(qtbot, dialog)
    assert QApplication.focusWidget() in (dialog.chooser, dialog.chooser.lineEdit())
    dialog.chooser.lineEdit().selectAll()
    type_here(qtbot, "Ruth")
    press_on_focus(qtbot, Qt.Key.Key_Tab)
    assert dialog.chooser.currentData() == ruth == dialog.chosen_person()
    assert not dialog.person_box.isVisible()
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.problem.text()
    assert services.referrals.for_person(ruth)[0].status == "new"
    assert len(services.people.list_rows()) == 1


def test_back_to_someone_new_forgets_what_was_filled_in_for_another(
    qtbot: QtBot, services: Services
) -> None:
    ruth = services.people.add(
        PersonDetails(first_name="Ruth", languages="Gaelic"), conditions=[ConditionEntry("Asthma")]
    ).id
    services.people.set_availability(ruth, [("mon", "morning")], ["phone"])
    dialog = ReferralDialog(services, choose_person=True)
    shown(qtbot, dialog)
    dialog.chooser.lineEdit().selectAll()
    type_here(qtbot, "Ruth")
    assert (dialog.languages.text(), dialog.lives_with.text()) == ("Gaelic", "Asthma")
    assert dialog.availability.value() == (
        [(Weekday.MONDAY, PartOfDay.MORNING)],
        [MeetingMode.PHONE],
    )
    press_on_focus(qtbot, Qt.Key.Key_Tab)  # on, closing the suggestions
    dialog.chooser.setFocus()
    press_on_focus(qtbot, Qt.Key.Key_Up)  # up the list to the first choice: someone new
    assert dialog.chooser.currentData() is None and dialog.person_box.isVisible()
    assert (dialog.languages.text(), dialog.lives_with.text()) == ("", "")
    assert dialog.availability.value() == ([], [])


def test_words_that_are_nobody_on_the_list_are_refused(qtbot: QtBot, services: Services) -> None:
    person(services, "Ruth")
    before = table_snapshot(services, *TABLES)
    dialog = ReferralDialog(services, choose_person=True)
    shown(qtbot, dialog)
    dialog.chooser.lineEdit().selectAll()
    type_here(qtbot, "Zebedee")
    save(qtbot, dialog)
    assert dialog.isVisible() and "Choose someone from the list" in dialog.problem_text("person")
    assert table_snapshot(services, *TABLES) == before


@pytest.mark.parametrize("choose", [False, True])
def test_the_new_referral_dialog_s_letters_are_unique(
    qtbot: QtBot, services: Services, choose: bool
) -> None:
    dialog = (
        ReferralDialog(services, choose_person=True)
        if choose
        else ReferralDialog(services, person(services))
    )
    shown(qtbot, dialog)
    for source in ("GP", "Self"):  # the referrer's rows shown and hidden
        to(qtbot, dialog.source)
        type_here(qtbot, source)
        to(qtbot, dialog.support_as)
        type_here(qtbot, "A carer")
        for index in range(dialog.tabs.count()):  # what is on screen at once: one tab
            dialog.tabs.setCurrentIndex(index)
            repeated = {letter: n for letter, n in mnemonics(dialog).items() if n > 1}
            assert repeated == {}, dialog.tabs.tabText(index)


def test_the_long_form_fits_a_laptop_at_the_largest_text_and_tab_reaches_the_end(
    qtbot: QtBot, services: Services, tmp_path: Path, qapp: QApplication
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    preferences.TEXT_SIZE.write(settings, len(theme.TEXT_SIZES) - 1)
    theme.apply_appearance(qapp, settings)
    try:
        dialog = ReferralDialog(services, choose_person=True)
        shown(qtbot, dialog)
        assert dialog.width() <= 1366 and dialog.height() <= 768
        # Every tab's name in full (no scroll arrows), and no scroll around the tabs: only
        # inside a tab, whose scroll bar is then in sight.
        bar = dialog.tabs.tabBar()
        assert all(bar.rect().contains(bar.tabRect(i)) for i in range(bar.count()))
        assert not dialog.page_area.verticalScrollBar().isVisible()
        # Each tab's key shows it, and Tab goes through its inputs to the last one, each
        # scrolled into view as it is reached.
        last_inputs = {
            "t": dialog.person_agreed if dialog.person_agreed.isVisible() else None,
            "u": dialog.other_professionals,
            "p": dialog.energy_needs,
            "w": dialog.availability.slot_boxes[(Weekday.MONDAY, PartOfDay.MORNING)],
        }
        for letter, last in last_inputs.items():
            alt(qtbot, letter)
            if last is None:
                last = dialog.referrer_contact if dialog.referrer_contact.isVisible() else None
                last = last or dialog.source
            for _ in range(30):
                if QApplication.focusWidget() is last:
                    break
                press_on_focus(qtbot, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is last, letter
            assert last.visibleRegion().boundingRect().height() > 0
    finally:
        settings.clear()
        theme.apply_appearance(qapp, settings)
