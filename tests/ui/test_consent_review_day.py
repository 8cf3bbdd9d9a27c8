"""A consent on its review day still counts, and lapses the day after, where the coordinator
sees it: the Today screen and the question before activating a pairing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.data.database import Database
from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.pairings.change_dialogs import StatusChangeDialog
from peerdesk.ui.pairings.pairing_page import PairingPage
from peerdesk.ui.screens.today import WHAT, TodayScreen
from peerdesk.vocabulary import ConsentKind, Role
from tests.conftest import TODAY

DAY_AFTER = TODAY + timedelta(days=1)


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def agree(services: Services, person_id: int, review_on: date | None) -> None:
    services.consents.record(
        person_id,
        ConsentEntry(
            kind=ConsentKind.CONFIDENTIALITY,
            given_on=date(2026, 1, 5),
            method="verbal",
            recorded_by="Coordinator",
            review_on=review_on,
        ),
    )


def today_lines(qtbot: QtBot, services: Services, qsettings: QSettings) -> list[str]:
    screen = TodayScreen(services, qsettings)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.refreshed, timeout=10000):
        screen.refresh()
    model = screen.model
    return [model.index(row, WHAT).data() for row in range(model.rowCount())]


@pytest.mark.parametrize(
    ("on", "shown"),
    [
        (TODAY, ["Consents (1)", "Ann Lee: consent due for review (confidentiality agreement)"]),
        (
            DAY_AFTER,
            [
                "Consents (1, 1 urgent)",
                "Urgent: Ann Lee: consent to renew (confidentiality agreement)",
            ],
        ),
    ],
)
def test_today_on_the_review_day_and_the_day_after(
    qtbot: QtBot, db: Database, qsettings: QSettings, on: date, shown: list[str]
) -> None:
    services = Services(db, today=lambda: on)
    person = services.people.add(
        PersonDetails(first_name="Ann", last_name="Lee"), roles=[Role.GROUP_MEMBER]
    ).id
    assert person is not None
    agree(services, person, review_on=TODAY)
    assert today_lines(qtbot, services, qsettings) == shown


@pytest.mark.parametrize(("on", "asks"), [(TODAY, False), (DAY_AFTER, True)])
def test_activating_asks_only_once_the_agreement_has_lapsed(
    qtbot: QtBot,
    db: Database,
    qsettings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    on: date,
    asks: bool,
) -> None:
    services = Services(db, today=lambda: on)
    mentor = services.people.add(PersonDetails(first_name="Mo"), roles=[Role.MENTOR]).id or 0
    mentee = services.people.add(PersonDetails(first_name="Mia"), roles=[Role.MENTEE]).id or 0
    agree(services, mentor, review_on=None)
    agree(services, mentee, review_on=TODAY)
    pairing = services.pairings.propose(PairingPlan(mentor_id=mentor, mentee_id=mentee)).id or 0
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    page = PairingPage(services, qsettings)
    qtbot.addWidget(page)
    page.show_pairing(pairing)
    dialog = page.activate()
    assert bool(asked) is asks
    assert (dialog is None) is asks
    assert isinstance(dialog, StatusChangeDialog | None)
    assert all("Mia" in text for text in asked)
    assert services.pairings.get(pairing).status == "proposed"
