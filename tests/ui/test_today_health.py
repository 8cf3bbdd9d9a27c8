"""Today and the weekly health check (issue 25 point 3): a quiet line when all is well, a
prominent one with the way back when the database is damaged, the offer of the last good
backup once, and the restore from the keyboard alone."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from PySide6.QtCore import QObject, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.data.database import Database, open_database
from peerdesk.errors import DatabaseDamagedError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.services.safety import integrity_watch
from peerdesk.services.safety.integrity_watch import HealthRecords, HealthVerdict
from peerdesk.ui import announcer
from peerdesk.ui.backups.health_watch import HealthWatch
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.screens.today import TodayScreen
from peerdesk.ui.security.idle_lock import install_idle_lock
from tests.conftest import TODAY
from tests.integration.test_integrity_watch import flip_a_byte_in_a_person_row, pragma
from tests.ui.access_keys import window_problems
from tests.ui.fit_checks import overlapping, squeezed
from tests.ui.keys import focus
from tests.ui.questions import ENTER, answering

NOT_NOW = (Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)


@dataclass
class Heard:
    said: list[tuple[str, bool]] = field(default_factory=list)


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    found = Heard()

    def spy(text: str, where: QObject | None = None, *, urgent: bool = False) -> None:
        found.said.append((text, urgent))

    monkeypatch.setattr(announcer, "announce", spy)
    return found


def _settings(paths: Paths) -> QSettings:
    # Beside the health verdicts, as in the app (settings.ini in the config folder).
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.config_dir / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def damaged_services(paths: Paths) -> Iterator[Services]:
    """Opened fine (the quick check passes), with a good backup, yet damaged inside."""
    db = open_database(paths.database, backup_dir=paths.backup_dir)
    services = Services(db, today=lambda: TODAY)
    services.people.add(PersonDetails(first_name="Zebedee", last_name="Quartermain"))
    services.backups.back_up("manual")
    db.close()
    flip_a_byte_in_a_person_row(paths.database)
    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        yield Services(db, today=lambda: TODAY)
    finally:
        db.close()


def _today(qtbot: QtBot, services: Services, paths: Paths) -> tuple[TodayScreen, HealthWatch]:
    screen = TodayScreen(services, _settings(paths))
    qtbot.addWidget(screen)
    watch = HealthWatch(services, paths.config_dir, screen, start_delay_ms=0)
    screen.watch_health(watch)
    return screen, watch


def test_never_checked_says_nothing_then_running_then_all_well(
    qtbot: QtBot, services: Services, paths: Paths, heard: Heard
) -> None:
    screen, watch = _today(qtbot, services, paths)
    screen.show()
    assert screen.health_line.isHidden() and screen.health_problem.isHidden()
    watch.check_now()
    assert screen.health_line.text() == "Health check: running…"
    assert not screen.health_line.isHidden()
    qtbot.waitUntil(lambda: not watch.running, timeout=10000)
    assert screen.health_line.text() == "Health check: all well, last checked Monday 15 June."
    assert screen.health_problem.isHidden()
    assert ("The weekly health check found all well.", False) in heard.said


def test_the_check_waits_for_its_week(qtbot: QtBot, db: Database, paths: Paths) -> None:
    records = HealthRecords(paths.config_dir)
    records.remember(db.identity, HealthVerdict(TODAY - timedelta(days=6), healthy=True))
    screen, watch = _today(qtbot, Services(db, today=lambda: TODAY), paths)
    watch.check_if_due()
    assert not watch.running  # six days: not yet
    assert "last checked Tuesday 9 June" in screen.health_line.text()
    records.remember(db.identity, HealthVerdict(TODAY - timedelta(days=7), healthy=True))
    watch.check_if_due()
    assert watch.running  # seven days: it runs
    qtbot.waitUntil(lambda: not watch.running, timeout=10000)
    assert records.last(db.identity) == HealthVerdict(TODAY, healthy=True)


def test_damage_found_is_said_offered_once_and_restored_by_keyboard(
    qtbot: QtBot, damaged_services: Services, paths: Paths, heard: Heard
) -> None:
    window = MainWindow(damaged_services, _settings(paths))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    watch = window.health_watch
    screen = window.screens["today"]
    assert isinstance(screen, TodayScreen)

    asked = answering(
        qtbot,
        lambda: (watch.check_now(), qtbot.waitUntil(lambda: watch.offers == 1, timeout=15000)),
        NOT_NOW,
    )
    assert asked.defaults == ["&Restore the last good backup…"]
    assert asked.buttons == [["&Restore the last good backup…", "&Not now"]]
    assert asked.texts[0].startswith("The weekly health check found damage in your database.")
    # Today says it prominently, with the way back; a screen reader heard it at once.
    assert not screen.health_problem.isHidden() and screen.health_line.isHidden()
    text = screen.health_problem_text.text()
    assert "Saving is stopped so nothing more is built on it." in text
    assert "Restore the last good backup (made today at" in text
    assert any(urgent and said == text for said, urgent in heard.said)
    assert screen.restore_backup_button.accessibleDescription() == text
    assert window_problems(window) == []  # its access key clashes with nothing
    with pytest.raises(DatabaseDamagedError, match="Nothing more can be saved"):
        damaged_services.people.add(PersonDetails(first_name="After"))
    watch.look()  # the look once a second: the offer is not made again
    assert watch.offers == 1

    # From the keyboard: the button's access key shows the offer (the button is pressed as
    # the key is let go); Enter takes its default, Restore.
    focused = focus(qtbot, screen.refresh_button)

    def press_its_access_key() -> None:
        qtbot.keyClick(focused, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: watch.offers == 2, timeout=5000)

    offered = answering(qtbot, press_its_access_key, ENTER)
    assert offered.defaults == ["&Restore the last good backup…"]
    qtbot.waitUntil(lambda: screen.health_problem.isHidden(), timeout=15000)
    said = "The last good backup has been restored, and saving works again."
    assert screen.health_line.text().startswith(said)
    assert any(words.startswith(said) for words, _urgent in heard.said)
    damaged_services.people.add(PersonDetails(first_name="After"))  # saving works again
    assert pragma(paths.database, "integrity_check") == ["ok"]
    assert list(paths.database.parent.glob("*.damaged-*"))  # the damaged file is kept


def test_damage_a_save_met_is_noticed_offered_and_shown(
    qtbot: QtBot, services: Services, paths: Paths
) -> None:
    services.backups.back_up("manual")
    screen, watch = _today(qtbot, services, paths)
    screen.show()
    watch.start()
    assert watch.offers == 0
    services.db.mark_damaged(DatabaseDamagedError("peerdesk could not save your changes."))
    # The look once a second (called here rather than waited for) notices it.
    asked = answering(
        qtbot, lambda: (watch.look(), qtbot.waitUntil(lambda: watch.offers == 1)), NOT_NOW
    )
    assert asked.texts[0].startswith("peerdesk met a damaged part of your database while saving")
    assert not screen.health_problem.isHidden()
    verdict = HealthRecords(paths.config_dir).last(services.db.identity)
    assert verdict is not None and not verdict.healthy and verdict.found_by == "save"


def test_the_problem_line_fits_at_the_largest_text(
    qtbot: QtBot, largest: QSettings, damaged_services: Services, paths: Paths
) -> None:
    HealthRecords(paths.config_dir).remember(
        damaged_services.db.identity, HealthVerdict(TODAY, healthy=False)
    )
    screen = TodayScreen(damaged_services, largest)
    qtbot.addWidget(screen)
    watch = HealthWatch(damaged_services, paths.config_dir, screen, start_delay_ms=0)
    screen.watch_health(watch)
    screen.resize(1366 - 200, 768 - 120)  # the window less its navigation and menus
    screen.show()
    answering(qtbot, lambda: (watch.start(), qtbot.waitUntil(lambda: watch.offers == 1)), NOT_NOW)
    assert not screen.restore_backup_button.isHidden()
    QApplication.processEvents()
    assert squeezed(screen, "Today") == [] and overlapping(screen, "Today") == []


def test_the_offer_waits_while_the_window_is_locked(
    qtbot: QtBot, services: Services, paths: Paths
) -> None:
    """Nobody at a locked screen can restore a backup over the records: the offer waits."""
    services.backups.back_up("manual")
    settings = _settings(paths)
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    idle_lock = install_idle_lock(window, services, settings)
    watch = window.health_watch
    idle_lock.lock()
    services.db.mark_damaged(DatabaseDamagedError("peerdesk could not save your changes."))

    def look_until_the_backup_is_found() -> None:
        watch.look()
        qtbot.waitUntil(lambda: watch.backup is not None)
        watch.look()

    while_locked = answering(qtbot, look_until_the_backup_is_found, NOT_NOW)
    assert while_locked.texts == [] and watch.offers == 0
    idle_lock.unlock()
    unlocked = answering(qtbot, watch.look, NOT_NOW)
    assert unlocked.defaults == ["&Restore the last good backup…"] and watch.offers == 1


def test_closing_the_window_stops_a_running_check_and_keeps_nothing(
    qtbot: QtBot, services: Services, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()

    def endless(run, *, full):  # type: ignore[no-untyped-def]
        started.set()  # stands in for the full check of a very large file: minutes of work
        run(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
            "WHERE x < 2000000000) SELECT count(*) FROM n"
        )
        raise AssertionError("the check was not stopped")

    monkeypatch.setattr(integrity_watch, "probe", endless)
    window = MainWindow(services, _settings(paths))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    watch = window.health_watch
    watch.check_now()
    assert started.wait(30)
    window.close()  # the last window: the app would quit now
    assert QThreadPool.globalInstance().waitForDone(30_000)  # the check ended promptly
    assert watch.watch.last() is None  # nothing kept: it runs again next time
    assert services.db.damaged is None  # and stopping is not taken for damage


def test_started_after_the_window_shows_the_check_runs_once_its_delay_is_over(
    qtbot: QtBot, services: Services, paths: Paths
) -> None:
    screen, watch = _today(qtbot, services, paths)  # a delay of 0 here; a minute in the app
    screen.show()
    assert HealthRecords(paths.config_dir).last(services.db.identity) is None
    watch.start()
    qtbot.waitUntil(
        lambda: HealthRecords(paths.config_dir).last(services.db.identity) is not None,
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: not watch.running, timeout=10_000)
    assert "Health check: all well" in screen.health_line.text()
