"""Today: a consent set to expire appears (clickable to the person) and goes when renewed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.screens.today import LOOKING, WHAT, AttentionTableModel, TodayScreen
from peerdesk.vocabulary import ConsentKind, Role
from tests.conftest import TODAY


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _lines(screen: TodayScreen) -> list[str]:
    model = screen.model
    return [model.index(row, WHAT).data() for row in range(model.rowCount())]


def _health_consent(services, person_id: int, given, review) -> None:  # type: ignore[no-untyped-def]
    services.consents.record(
        person_id,
        ConsentEntry(
            kind=ConsentKind.HEALTH_DATA,
            given_on=given,
            method="verbal",
            recorded_by="Coordinator",
            review_on=review,
        ),
    )


def test_a_consent_due_appears_opens_the_person_and_goes_when_renewed(
    qtbot, services, qsettings
) -> None:  # type: ignore[no-untyped-def]
    person = services.people.add(
        PersonDetails(first_name="Ann", last_name="Lee"), roles=[Role.MENTEE]
    )
    _health_consent(services, person.id, TODAY - timedelta(days=300), TODAY + timedelta(days=12))
    screen = TodayScreen(services, qsettings)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.refreshed):
        screen.refresh()
        assert screen.summary.text() == LOOKING  # worked out off the UI thread
    lines = _lines(screen)
    assert lines[0] == "Consents (1)"
    assert "Ann Lee" in lines[1] and "review" in lines[1]
    assert "1 thing needs you" in screen.summary.text()
    with qtbot.waitSignal(screen.record_requested) as signal:
        screen.table.activated.emit(screen.model.index(1, WHAT))
    assert signal.args == ["person", person.id]

    _health_consent(services, person.id, TODAY, TODAY + timedelta(days=365))
    with qtbot.waitSignal(screen.refreshed):
        screen.refresh_button.click()
    assert _lines(screen) == []
    assert not screen.empty.isHidden() and screen.table.isHidden()
    assert "Nothing needs you today" in screen.empty.text()


def test_urgent_lines_say_so_in_words(qtbot, services, qsettings) -> None:  # type: ignore[no-untyped-def]
    person = services.people.add(PersonDetails(first_name="Ann"), roles=[Role.MENTEE])
    _health_consent(services, person.id, TODAY - timedelta(days=400), TODAY - timedelta(days=3))
    screen = TodayScreen(services, qsettings)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.refreshed):
        screen.refresh()
    lines = _lines(screen)
    assert lines[0] == "Consents (1, 1 urgent)"
    assert lines[1].startswith("Urgent: ")
    assert "urgent" in screen.summary.text()


def test_attention_model_passes_the_model_tester(qtmodeltester, demo_services) -> None:  # type: ignore[no-untyped-def]
    model = AttentionTableModel()
    model.set_items(demo_services.attention.items())
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_a_change_made_while_looking_is_shown_by_a_second_look(qtbot, services, qsettings) -> None:  # type: ignore[no-untyped-def]
    person = services.people.add(
        PersonDetails(first_name="Ann", last_name="Lee"), roles=[Role.MENTEE]
    )
    _health_consent(services, person.id, TODAY - timedelta(days=300), TODAY + timedelta(days=12))
    screen = TodayScreen(services, qsettings)
    qtbot.addWidget(screen)
    looks: list[int] = []
    services.attention.items = _counting(services.attention.items, looks)
    with qtbot.waitSignal(screen.refreshed, timeout=10_000) as shown:
        screen.refresh()
        assert screen.is_looking
        # Renewed while Today was being worked out: the screen must not keep the old line.
        _health_consent(services, person.id, TODAY, TODAY + timedelta(days=365))
        screen.refresh()
    assert shown.signal_triggered
    assert not screen.is_looking
    assert len(looks) == 2
    assert _lines(screen) == []
    assert "Nothing needs you today" in screen.empty.text()


def test_a_failed_look_says_so_kindly(qtbot, services, qsettings) -> None:  # type: ignore[no-untyped-def]
    from peerdesk.errors import PeerdeskError

    def broken() -> list:
        raise PeerdeskError("The database is busy.")

    services.attention.items = broken
    screen = TodayScreen(services, qsettings)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.refreshed):
        screen.refresh()
    assert screen.table.isHidden() and not screen.empty.isHidden()
    assert "could not be worked out" in screen.empty.text()
    assert "The database is busy." in screen.empty.text()


def _counting(items, looks: list[int]):  # type: ignore[no-untyped-def]
    def counted():  # type: ignore[no-untyped-def]
        looks.append(1)
        return items()

    return counted
