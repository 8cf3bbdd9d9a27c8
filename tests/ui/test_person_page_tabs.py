"""A person's page in tabs (issue 23): the tabs by name for everyone and for volunteers, every
access key seen at once unique and none of the menu bar's, Alt+letter, Ctrl+Tab and the
arrows moving between tabs (keys sent to the focused widget), each section reached through
its tab, no scroll area inside another, the tab chosen kept from one person to the next, and
at the largest text on a 1366×768 laptop no tab makes the page scroll, with its main table
given its rows."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QScrollArea,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.mentoring.views import ReferralAction
from peerdesk.services.people.views import PersonDetails
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.people.person_tabs import MAIN_TABLE_ROWS
from peerdesk.vocabulary import ReferralStatus, Role
from tests.ui.person_tabs import access_key, open_tab
from tests.ui.test_layout_largest_text import LAPTOP
from tests.unit.test_referral_transitions import referral_in

EVERYONE = [
    "Details",
    "Roles and needs",
    "Referral",
    "Pairings and sessions",
    "Consents",
    "Concerns",
    "Outcomes",
    "History",
]
VOLUNTEERS = ["Journey and checks", "Training", "References", "Supervision", "Expenses"]


def _window(qtbot: QtBot, services: Services, settings: QSettings) -> MainWindow:
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


@pytest.fixture
def window(qtbot: QtBot, demo_services: Services, tmp_path: Path) -> MainWindow:
    return _window(
        qtbot, demo_services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )


def _open(qtbot: QtBot, window: MainWindow, person_id: int) -> PersonPage:
    window.open_record("person", person_id)
    page = window.current_person_page()
    assert page is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    return page


def _mentee(services: Services) -> int:
    return next(r.id for r in services.people.list_rows() if r.status == "Paired")


def _mentor(services: Services) -> int:
    return next(r.id for r in services.people.list_rows() if "mentor" in r.roles)


def _tab_names(page: PersonPage) -> list[str]:
    return [page.tabs.buttons[key].spec.title for key in page.tabs.shown_keys()]


def _menu_letters(window: MainWindow) -> set[str]:
    return {_letter(action.text()) for action in window.menuBar().actions()} - {""}


def _letter(text: str) -> str:
    match = re.search(r"&([^&\s])", text)
    return match.group(1).lower() if match else ""


def _page_letters(page: PersonPage) -> Counter[str]:
    """The access keys of what can be seen on the page now: buttons, and captions of inputs."""
    found: Counter[str] = Counter()
    for widget in page.findChildren(QAbstractButton):
        if widget.isVisible() and _letter(widget.text()):
            found[_letter(widget.text())] += 1
    for label in page.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None and _letter(label.text()):
            found[_letter(label.text())] += 1
    return found


def test_everyone_has_the_seven_tabs_and_concerns_and_a_volunteer_five_more(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    page = _open(qtbot, window, _mentee(demo_services))
    assert _tab_names(page) == EVERYONE
    assert page.tabs.tab_widget.count() == len(EVERYONE) + len(VOLUNTEERS)
    page = _open(qtbot, window, _mentor(demo_services))
    assert _tab_names(page) == EVERYONE + VOLUNTEERS
    # The page's top row and the name stay above the tabs.
    for button in (page.back_button, page.edit_button, page.print_button, page.archive_button):
        assert button.isVisible() and not page.tabs.isAncestorOf(button)
    assert page.concern_button.isVisible() and not page.tabs.isAncestorOf(page.concern_button)
    assert demo_services.people.get(page.person_id or 0).display_name in page.heading.text()


def _check_letters(page: PersonPage, menu: set[str], where: str) -> None:
    counts = _page_letters(page)
    twice = sorted(letter for letter, n in counts.items() if n > 1)
    assert twice == [], f"{where}: Alt+{twice} used twice"
    clash = sorted(set(counts) & menu)
    assert clash == [], f"{where}: Alt+{clash} is the menu bar's"


def test_every_access_key_seen_at_once_is_unique_and_none_is_the_menu_bars(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    menu = _menu_letters(window)
    assert {"f", "e", "v", "r", "h"} <= menu  # File, Edit, View, Records, Help at least
    for person in (_mentee(demo_services), _mentor(demo_services)):
        page = _open(qtbot, window, person)
        tab_letters = [_letter(page.tabs.buttons[k].text()) for k in page.tabs.shown_keys()]
        assert "" not in tab_letters, "a tab without an access key"
        for key in page.tabs.shown_keys():
            open_tab(qtbot, page, key)
            _check_letters(page, menu, key)
    # The page's own buttons: Alt+E, Alt+V and Alt+R open the menus, as the menus say.
    assert _letter(page.edit_button.text()) not in menu
    assert _letter(page.archive_button.text()) not in menu


@pytest.mark.parametrize("status", list(ReferralStatus))
def test_the_referral_tabs_buttons_have_their_own_letters_at_every_step(
    qtbot: QtBot, services: Services, tmp_path: Path, status: ReferralStatus
) -> None:
    referral = referral_in(services, status)
    services.people.add_role(referral.person_id, Role.MENTOR)  # all thirteen tabs
    window = _window(
        qtbot, services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    page = _open(qtbot, window, referral.person_id)
    open_tab(qtbot, page, "referral")
    _check_letters(page, _menu_letters(window), f"referral {status.value}")
    # Each step offered has its letter but Close (none is left: Ctrl+Shift+W, in its words).
    for action, button in page.referral.step_buttons.items():
        if button.isVisible() and action is not ReferralAction.CLOSE:
            assert _letter(button.text()), button.text()


def test_an_archived_persons_page_keeps_its_letters_unique(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    person = _mentor(demo_services)
    demo_services.people.archive(person)
    page = _open(qtbot, window, person)
    # Bring back answers the key Archive… does (its letters are all taken).
    assert page.archive_button.text() == "Bring back"
    assert page.archive_button.shortcut().toString() == "Ctrl+Shift+A"
    for key in page.tabs.shown_keys():
        open_tab(qtbot, page, key)
        _check_letters(page, _menu_letters(window), f"archived, {key}")


def _press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focused, key, modifiers)


def test_alt_and_the_tabs_letter_opens_each_tab_and_its_sections_are_on_screen(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    page = _open(qtbot, window, _mentor(demo_services))
    for key in reversed(page.tabs.shown_keys()):  # Details is shown first: go the other way
        letter = access_key(page.tabs.buttons[key].text())
        _press(qtbot, letter, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda k=key: page.tabs.current_key() == k, timeout=2000)
        # The tab's button takes the focus (Tab then goes into the tab).
        assert QApplication.focusWidget() is page.tabs.buttons[key]
        inside = [s for s in page.sections if page.tabs.key_of(s) == key]
        assert inside, f"nothing in the {key} tab"
        for section in inside:
            assert section.isVisible(), f"{section.accessibleName()} is not on screen"
    # Every section is in some tab.
    assert all(page.tabs.key_of(section) is not None for section in page.sections)


def test_a_volunteers_tab_letter_does_nothing_on_someone_elses_page(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    page = _open(qtbot, window, _mentee(demo_services))
    assert "training" not in page.tabs.shown_keys()
    _press(qtbot, access_key(page.tabs.buttons["training"].text()), Qt.KeyboardModifier.AltModifier)
    qtbot.wait(200)  # an access key clicks after a short animation: give it the time
    assert page.tabs.current_key() == "details"


def test_ctrl_tab_ctrl_shift_tab_and_the_arrows_move_between_tabs(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    page = _open(qtbot, window, _mentee(demo_services))
    assert page.tabs.current_key() == "details"
    control = Qt.KeyboardModifier.ControlModifier
    _press(qtbot, Qt.Key.Key_Tab, control)
    assert page.tabs.current_key() == "roles"
    _press(qtbot, Qt.Key.Key_Backtab, control | Qt.KeyboardModifier.ShiftModifier)
    _press(qtbot, Qt.Key.Key_Backtab, control | Qt.KeyboardModifier.ShiftModifier)
    assert page.tabs.current_key() == "history"  # round the end, skipping hidden tabs
    # On the chosen tab's button, the arrows move on; it is the tabs' one Tab stop.
    assert QApplication.focusWidget() is page.tabs.buttons["history"]
    _press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier)
    assert page.tabs.current_key() == "outcomes"
    assert QApplication.focusWidget() is page.tabs.buttons["outcomes"]
    _press(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier)
    assert page.tabs.current_key() == "details"
    stops = [b for b in page.tabs.buttons.values() if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert stops == [page.tabs.buttons["details"]]


def test_nothing_scrolls_inside_a_scroll(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    page = _open(qtbot, window, _mentor(demo_services))
    for area in page.findChildren(QScrollArea):
        holder: QWidget | None = area.parentWidget()
        while holder is not None and holder is not page:
            assert not isinstance(holder, QScrollArea), (
                f"{area.accessibleName()} scrolls inside {holder.accessibleName()}"
            )
            holder = holder.parentWidget()
    # A tab that scrolls as a whole holds no table that scrolls itself.
    for key in page.tabs.tab_keys():
        tab = page.tabs.page(key)
        if isinstance(tab, QScrollArea):
            for table in tab.findChildren(QTableView):
                assert table.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff, (
                    f"a table in {key} scrolls inside the tab"
                )


def test_the_tab_chosen_is_kept_from_one_person_to_the_next(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    mentee, mentor = _mentee(demo_services), _mentor(demo_services)
    other = demo_services.people.add(PersonDetails(first_name="Rona"), roles=[Role.MENTEE]).id
    page = _open(qtbot, window, mentee)
    open_tab(qtbot, page, "consents")
    page = _open(qtbot, window, other)
    assert page.tabs.current_key() == "consents"
    assert page.consents.record_button.isVisible()
    open_tab(qtbot, page, "consents")
    # A volunteer's tab: someone without it shows Details, the next volunteer it again.
    page = _open(qtbot, window, mentor)
    open_tab(qtbot, page, "training")
    page = _open(qtbot, window, mentee)
    assert page.tabs.current_key() == "details"
    page = _open(qtbot, window, mentor)
    assert page.tabs.current_key() == "training"


def test_at_the_largest_text_on_a_laptop_no_tab_makes_the_page_scroll(
    qtbot: QtBot, demo_services: Services, largest: QSettings, qapp: QApplication
) -> None:
    window = MainWindow(demo_services, largest)
    qtbot.addWidget(window)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    problems: list[str] = []
    for who, person in (("mentee", _mentee(demo_services)), ("mentor", _mentor(demo_services))):
        window.open_record("person", person)
        page = window.current_person_page()
        assert page is not None
        for key in page.tabs.shown_keys():
            page.tabs.choose(key)
            qapp.processEvents()
            if window.screen_area.verticalScrollBar().isVisible():
                problems.append(f"{who}, {key}: the page scrolls")
            table_page = page.table_pages.get(key)
            if table_page is None or table_page.table.isHidden():
                continue
            table = table_page.table
            shown = [
                w
                for w in table_page.section.findChildren(
                    QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
                )
                if w.isVisible()
            ]
            for number, one in enumerate(shown):
                for other in shown[number + 1 :]:
                    if one.geometry().intersects(other.geometry()):
                        problems.append(f"{who}, {key}: {one} overlaps {other}")
            if table.height() < table.minimumHeight():
                problems.append(f"{who}, {key}: the table is squeezed")
            line = table.fontMetrics().height() + 8
            room = table.viewport().height() // line
            least = table.property("least_rows")
            if least == MAIN_TABLE_ROWS and room < MAIN_TABLE_ROWS:
                problems.append(f"{who}, {key}: room for {room} rows")
    assert problems == []


def test_tab_goes_from_the_top_row_to_the_chosen_tab_then_into_it(
    qtbot: QtBot, window: MainWindow, demo_services: Services
) -> None:
    page = _open(qtbot, window, _mentee(demo_services))
    open_tab(qtbot, page, "consents")
    page = _open(qtbot, window, _mentee(demo_services))
    assert QApplication.focusWidget() is page.edit_button  # where a person's page opens
    seen = []
    for _ in range(6):
        _press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        seen.append(QApplication.focusWidget())
    expected = [page.print_button, page.archive_button, page.concern_button]
    assert seen[:4] == [*expected, page.tabs.buttons["consents"]]
    # Then into the tab: the first thing it offers, and no other tab's button on the way.
    assert page.tabs.page("consents").isAncestorOf(seen[4])
    assert not any(s in page.tabs.buttons.values() for s in seen[4:])
