"""The weekly full health check finds damage the quick check on open misses (issue 25 point 3).

A flipped byte inside a person's row (their surname no longer matches the names index) passes
SQLite's quick check, so the database opens; only the full `integrity_check` notices. The
check runs on a read-only connection of its own, its verdict is kept outside the database by
identity, writes stop, and the next open is refused into recovery until a good backup is back.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from peerdesk.data.database import Database, open_database
from peerdesk.data.keys import Passphrase
from peerdesk.errors import DatabaseDamagedError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.opening import open_services
from peerdesk.services.people.service import PersonDetails
from peerdesk.services.safety import integrity_watch
from peerdesk.services.safety.integrity_watch import (
    RECORD_FILE,
    FullCheck,
    HealthRecords,
    HealthVerdict,
    IntegrityWatch,
    is_due,
    refuse_known_damage,
)
from peerdesk.services.safety.recovery import (
    newest_good_backup,
    recovery_offer,
    restore_after_problem,
    restore_while_open,
)
from tests.conftest import TODAY

SURNAME = b"Quartermain"


def flip_a_byte_in_a_person_row(path: Path) -> None:
    """Change the first letter of the surname in the person table's own page (not in the
    names index): the row no longer matches its index entry."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'person'"
        ).fetchone()[0]
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    start = (root - 1) * size
    at = data.find(SURNAME, start, start + size)
    assert at >= 0, "the surname is not in the person table's page"
    data[at] = ord("R")
    path.write_bytes(bytes(data))


def pragma(path: Path, name: str) -> list[str]:
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
        return [str(row[0]) for row in connection.execute(f"PRAGMA {name}")]


@pytest.fixture
def quietly_damaged(paths: Paths) -> Path:
    """A database with a good backup, then a flipped byte the quick check cannot see."""
    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        services = Services(db, today=lambda: TODAY)
        services.people.add(PersonDetails(first_name="Zebedee", last_name="Quartermain"))
        services.backups.back_up("manual")
    finally:
        db.close()  # the last connection folds the -wal into the file
    flip_a_byte_in_a_person_row(paths.database)
    assert pragma(paths.database, "quick_check") == ["ok"]
    assert pragma(paths.database, "integrity_check") != ["ok"]
    return paths.database


@pytest.fixture
def opened(quietly_damaged: Path, paths: Paths) -> Iterator[Database]:
    db = open_database(quietly_damaged, backup_dir=paths.backup_dir)  # the quick check passes
    yield db
    db.close()


def _watch(db: Database, paths: Paths, today: date = TODAY) -> IntegrityWatch:
    return IntegrityWatch(db, HealthRecords(paths.config_dir), lambda: today)


def test_the_weekly_check_finds_damage_the_quick_check_missed(
    opened: Database, paths: Paths
) -> None:
    services = Services(opened, today=lambda: TODAY)
    watch = _watch(opened, paths)
    assert watch.due()
    verdict = watch.run(watch.new_check())
    assert verdict is not None and not verdict.healthy and verdict.checked_on == TODAY
    # Writes stop, in words: nothing more is built on the damaged file.
    with pytest.raises(DatabaseDamagedError, match="weekly health check") as refused:
        services.people.add(PersonDetails(first_name="After"))
    assert "Nothing more can be saved" in str(refused.value)
    assert "Traceback" not in str(refused.value)
    # The verdict is kept outside the database, by identity, without personal data.
    kept = json.loads((paths.config_dir / RECORD_FILE).read_text(encoding="utf-8"))
    assert list(kept) == [opened.identity]
    assert kept[opened.identity]["healthy"] is False
    assert "Quartermain" not in json.dumps(kept) and "Ruartermain" not in json.dumps(kept)
    assert not watch.due()  # damage stands until a restore: it is not checked over again
    line = watch.line(backup_when="today at 10:15")
    assert line.problem
    assert line.text.startswith("The weekly health check found damage in your database.")
    assert "Restore the last good backup (made today at 10:15)." in line.text
    assert watch.line(looking=True).text.endswith("Looking for the last good backup…")
    assert watch.line().text.endswith(
        "No good backup of it was found: keep the file as it is and ask for help."
    )


def test_the_next_open_is_refused_into_recovery_and_a_restore_clears_it(
    opened: Database, paths: Paths
) -> None:
    watch = _watch(opened, paths)
    watch.run(watch.new_check())
    opened.close()
    before = paths.database.read_bytes()
    with pytest.raises(DatabaseDamagedError, match="weekly health check on Monday 15 June") as err:
        refuse_known_damage(paths.database, paths.config_dir)
    assert paths.database.read_bytes() == before  # consulting the verdict changes nothing
    offer = recovery_offer(paths, err.value)
    assert offer.problem == "damaged" and offer.newest_good is not None
    restored = restore_after_problem(paths, offer.newest_good.path)
    assert restored.moved_aside is not None and restored.moved_aside.exists()
    refuse_known_damage(paths.database, paths.config_dir)  # no longer refused
    assert pragma(paths.database, "integrity_check") == ["ok"]


def test_a_save_that_met_damage_is_remembered_too(paths: Paths) -> None:
    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        watch = _watch(db, paths)
        assert not watch.note_damage()
        db.mark_damaged(DatabaseDamagedError("peerdesk could not save your changes."))
        assert watch.note_damage()
        assert watch.line().text.startswith("peerdesk met a damaged part of your database")
    finally:
        db.close()
    with pytest.raises(DatabaseDamagedError, match="while saving"):
        refuse_known_damage(paths.database, paths.config_dir)


def test_a_verdict_kept_from_before_stops_writes_when_the_window_opens(paths: Paths) -> None:
    """Opened by a path that did not consult the verdict: writes stop all the same."""
    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        records = HealthRecords(paths.config_dir)
        records.remember(db.identity, HealthVerdict(TODAY - timedelta(days=2), healthy=False))
        assert _watch(db, paths).note_damage()
        with pytest.raises(DatabaseDamagedError, match="Saturday 13 June 2026"):
            Services(db, today=lambda: TODAY).people.add(PersonDetails(first_name="After"))
    finally:
        db.close()


def test_restoring_while_open_puts_the_good_backup_back_and_allows_writes(
    opened: Database, paths: Paths
) -> None:
    services = Services(opened, today=lambda: TODAY)
    watch = _watch(opened, paths)
    watch.run(watch.new_check())
    backup = newest_good_backup(services)
    assert backup is not None
    result = restore_while_open(services, backup.path, paths.config_dir)
    assert result.moved_aside is not None and result.moved_aside.exists()
    assert pragma(result.moved_aside, "integrity_check") != ["ok"]  # kept as it was
    assert opened.damaged is None
    assert watch.last() is None and not watch.line().problem
    services.people.add(PersonDetails(first_name="After"))  # saving works again
    names = sorted(row.name for row in services.people.list_rows())
    assert names == ["After", "Zebedee Quartermain"]
    assert pragma(paths.database, "integrity_check") == ["ok"]
    refuse_known_damage(paths.database, paths.config_dir)
    opened.close()
    again = open_database(paths.database, backup_dir=paths.backup_dir)  # opens as usual
    again.close()


def test_opening_refuses_a_database_damage_was_found_in(opened: Database, paths: Paths) -> None:
    watch = _watch(opened, paths)
    watch.run(watch.new_check())
    opened.close()
    with pytest.raises(DatabaseDamagedError, match="weekly health check"):
        open_services(paths, today=lambda: TODAY).close()


def test_a_healthy_database_gets_a_quiet_line_and_the_next_check_in_a_week(
    db: Database, paths: Paths
) -> None:
    watch = _watch(db, paths)
    assert watch.line().text == ""  # never checked: nothing to say
    assert watch.line(running=True).text == "Health check: running…"
    verdict = watch.run(watch.new_check())
    assert verdict == HealthVerdict(TODAY, healthy=True)
    assert db.damaged is None
    assert watch.line() == integrity_watch.HealthLine(
        "Health check: all well, last checked Monday 15 June."
    )
    assert not _watch(db, paths, TODAY + timedelta(days=6)).due()
    assert _watch(db, paths, TODAY + timedelta(days=7)).due()


def test_the_cadence_is_seven_days() -> None:
    checked = HealthVerdict(TODAY, healthy=True)
    assert is_due(None, TODAY)
    assert not is_due(checked, TODAY + timedelta(days=6))
    assert is_due(checked, TODAY + timedelta(days=7))
    assert is_due(checked, TODAY + timedelta(days=40))
    assert not is_due(HealthVerdict(TODAY, healthy=False), TODAY + timedelta(days=40))


def test_a_check_cancelled_as_peerdesk_closes_keeps_nothing(
    db: Database, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = _watch(db, paths)
    check = watch.new_check()
    real_probe = integrity_watch.probe

    def closing_meanwhile(run, *, full):  # type: ignore[no-untyped-def]
        check.cancel()  # the window closes while SQLite reads the file
        return real_probe(run, full=full)

    monkeypatch.setattr(integrity_watch, "probe", closing_meanwhile)
    assert watch.run(check) is None
    assert watch.last() is None and watch.due()
    cancelled_first = watch.new_check()
    cancelled_first.cancel()
    assert cancelled_first.run() is None


def test_closing_stops_a_long_check_part_way_and_keeps_nothing(
    db: Database, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cancel() from another thread stops a statement already running (a very large file)."""
    watch = _watch(db, paths)
    check = watch.new_check()
    started = threading.Event()

    def endless(run, *, full):  # type: ignore[no-untyped-def]
        started.set()
        # Minutes of work for SQLite: stands in for the full check of a very large file.
        run(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
            "WHERE x < 2000000000) SELECT count(*) FROM n"
        )
        raise AssertionError("the check was not stopped")

    monkeypatch.setattr(integrity_watch, "probe", endless)
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(watch.run(check)))
    worker.start()
    assert started.wait(30)
    check.cancel()
    worker.join(30)
    assert not worker.is_alive()
    assert outcome == [None]  # stopped, and not taken for damage
    assert db.damaged is None and watch.last() is None


def test_the_check_reads_an_encrypted_database_with_its_key(paths: Paths) -> None:
    key = Passphrase("violet harbour cement ladder")
    db = open_database(paths.database, backup_dir=paths.backup_dir, key=key)
    try:
        verdict = _watch(db, paths).run(FullCheck(db.path, key))
        assert verdict is not None and verdict.healthy
    finally:
        db.close()


def test_a_garbled_record_file_counts_as_never_checked(db: Database, paths: Paths) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    (paths.config_dir / RECORD_FILE).write_text("{not json", encoding="utf-8")
    watch = _watch(db, paths)
    assert watch.last() is None and watch.due()
    assert watch.run(watch.new_check()) == HealthVerdict(TODAY, healthy=True)
    assert watch.last() == HealthVerdict(TODAY, healthy=True)
