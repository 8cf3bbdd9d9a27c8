"""Today shows a new referral and a long wait for a mentor; Enter on either opens the person."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from peerdesk.services import Services
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.screens.today import WHAT, TodayScreen
from tests.conftest import TODAY


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _referred(services: Services, name: str, days_ago: int) -> tuple[int, int]:
    person = services.people.add(PersonDetails(first_name=name, last_name="Lee"))
    assert person.id is not None
    referral = services.referrals.start(
        person.id,
        ReferralDetails(referral_date=TODAY - timedelta(days=days_ago), source="self"),
    )
    return person.id, referral.id


def test_referral_lines_open_the_person_from_the_keyboard(qtbot, services, qsettings) -> None:  # type: ignore[no-untyped-def]
    new, _ = _referred(services, "Ann", 3)
    waiting, referral = _referred(services, "Cat", 100)
    services.referrals.assess(referral, on=TODAY - timedelta(days=90))
    services.referrals.accept(referral, on=TODAY - timedelta(weeks=10))
    screen = TodayScreen(services, qsettings)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.refreshed):
        screen.refresh()
    model = screen.model
    lines = [model.index(row, WHAT).data() for row in range(model.rowCount())]
    assert "New referrals (1)" in lines
    assert "Ann Lee: new referral" in lines
    assert "Waiting for a mentor (1)" in lines
    assert "Cat Lee: waiting for a mentor for 10 weeks" in lines
    for text, person in (
        ("Ann Lee: new referral", new),
        ("Cat Lee: waiting for a mentor for 10 weeks", waiting),
    ):
        screen.table.setCurrentIndex(model.index(lines.index(text), WHAT))
        screen.table.setFocus()
        with qtbot.waitSignal(screen.record_requested) as signal:
            qtbot.keyClick(screen.table, Qt.Key.Key_Return)
        assert signal.args == ["person", person]
