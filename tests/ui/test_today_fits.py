"""Today at the largest text: every line wraps to be read whole, however the window is
resized; and an empty database's Today offers the three first steps, each a button that
does it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.screens.first_steps import INTRODUCTION_PACK
from peerdesk.ui.screens.today import TodayScreen
from peerdesk.vocabulary import ConsentKind, Role
from tests.conftest import TODAY
from tests.ui.fit_checks import elided_lines
from tests.ui.keys import in_modal, press


def _overdue_consents(services: Services, count: int) -> None:
    for number in range(count):
        person = services.people.add(
            PersonDetails(first_name=f"Alexandria-Ottoline {number}", last_name="Fitzwilliam"),
            roles=[Role.MENTEE],
        )
        services.consents.record(
            person.id,
            ConsentEntry(
                kind=ConsentKind.HEALTH_DATA,
                given_on=TODAY - timedelta(days=400),
                method="verbal",
                recorded_by="Coordinator",
                review_on=TODAY - timedelta(days=3 + number),
            ),
        )


def test_todays_lines_wrap_whole_at_every_width(qtbot, services, largest) -> None:  # type: ignore[no-untyped-def]
    _overdue_consents(services, 3)
    screen = TodayScreen(services, largest)
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    screen.show()
    qtbot.waitExposed(screen)
    with qtbot.waitSignal(screen.refreshed, timeout=10_000):
        screen.refresh()
    assert screen.model.rowCount() == 4
    assert elided_lines(screen.table) == []
    # Narrower after the lines were laid out: the rows grow rather than cut the words.
    short = screen.table.rowHeight(1)
    screen.resize(520, 700)
    qtbot.waitUntil(lambda: screen.table.rowHeight(1) > short)
    assert elided_lines(screen.table) == []


@pytest.fixture
def empty_window(qtbot, services: Services, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.show()
    today = window.screens["today"]
    qtbot.waitUntil(lambda: not today.first_steps.isHidden(), timeout=10_000)
    return window


def test_an_empty_databases_today_offers_the_three_first_steps(empty_window) -> None:  # type: ignore[no-untyped-def]
    today = empty_window.screens["today"]
    assert today.empty.isHidden() and today.table.isHidden()
    texts = [button.text() for button in today.first_steps.buttons.values()]
    assert texts == [
        "&Add your first volunteer…",
        "Ta&ke a referral…",
        "Print an introduction &pack…",
    ]


def test_someone_on_record_ends_the_first_steps(qtbot, services, empty_window) -> None:  # type: ignore[no-untyped-def]
    services.people.add(PersonDetails(first_name="Ann"), roles=[Role.MENTOR])
    today = empty_window.screens["today"]
    with qtbot.waitSignal(today.refreshed, timeout=10_000):
        today.refresh()
    assert today.first_steps.isHidden() and not today.empty.isHidden()


def test_add_your_first_volunteer_opens_add_a_person(qtbot, empty_window) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def fill(dialog: QDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    button = empty_window.screens["today"].first_steps.buttons["volunteer"]
    in_modal(qtbot, lambda: press(qtbot, button), fill)
    assert seen == ["Add a person"]
    assert empty_window.current_screen() is empty_window.screens["people"]


def test_take_a_referral_opens_the_new_referral_window(qtbot, empty_window) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, empty_window.screens["today"].first_steps.buttons["referral"])
    pairings = empty_window.screens["pairings"]
    assert empty_window.current_screen() is pairings
    qtbot.waitUntil(
        lambda: pairings.referral_dialog is not None and pairings.referral_dialog.isVisible()
    )
    pairings.referral_dialog.reject()


def test_print_an_introduction_pack_opens_the_form(qtbot, empty_window) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, empty_window.screens["today"].first_steps.buttons["pack"])
    forms = empty_window.screens["forms"]
    assert empty_window.current_screen() is forms
    assert forms.current_form() == INTRODUCTION_PACK
