"""A write-ahead log from another copy of the same database is set aside, never applied
(issue 25, point 3); our own log, left by a kill, is still replayed."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlmodel import select

from peerdesk.cli.main import main
from peerdesk.data import walstate
from peerdesk.data.database import open_database
from peerdesk.data.engine import connect_raw
from peerdesk.data.keys import Passphrase
from peerdesk.data.models import Person
from peerdesk.paths import Paths
from peerdesk.services.opening import open_services, opening_notice
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY, FixedClock

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "kettle orbit paper lantern"


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def names(paths: Paths, key: Passphrase | None = None) -> list[str]:
    """The people's first names, read straight from the file (read-only)."""
    with contextlib.closing(connect_raw(paths.database, read_only=True, key=key)) as connection:
        return sorted(row[0] for row in connection.execute("SELECT first_name FROM person"))


def make_database(paths: Paths, key: Passphrase | None = None) -> None:
    """Ours: two people, closed cleanly by peerdesk (so its log is recorded)."""
    services = open_services(paths, key, today=lambda: TODAY)
    try:
        for name in ("Ada", "Grace"):
            services.people.add(PersonDetails(first_name=name))
    finally:
        services.close()


def other_copys_wal(paths: Paths, key: Passphrase | None = None) -> bytes:
    """The -wal of another copy of our database (the laptop's), holding changes of its own:
    written with automatic checkpoints off and taken while it is open, as a sync program or
    a USB copy would take it."""
    other = paths.database.with_name("laptop.db")
    shutil.copyfile(paths.database, other)
    with contextlib.closing(connect_raw(other, key=key)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("UPDATE person SET first_name = 'Changed on the laptop'")
        return wal_of(other).read_bytes()


def put_beside(paths: Paths, wal: bytes) -> None:
    wal_of(paths.database).write_bytes(wal)


def test_another_copys_wal_is_set_aside_under_a_dated_name_and_reported(
    paths: Paths, clock: FixedClock
) -> None:
    clock.freeze("peerdesk.data.walstate")
    make_database(paths)
    wal = other_copys_wal(paths)
    put_beside(paths, wal)
    assert walstate.verdict(paths.database) == "foreign"

    services = open_services(paths, today=lambda: TODAY)
    try:
        aside = services.db.foreign_wal
        assert aside == paths.database.with_name("peerdesk.db-wal.foreign-20260615-101500")
        assert aside.read_bytes() == wal, "the set-aside log is kept exactly as it was"
        with services.db.session() as session:
            kept = sorted(person.first_name for person in session.exec(select(Person)))
        assert kept == ["Ada", "Grace"], "the other copy's changes were applied"
        notice = opening_notice(services)
        assert notice is not None
        assert "did not belong to it" in notice.text
        assert aside.name in notice.text
        assert "Nothing in your database was changed" in notice.text
    finally:
        services.close()
    assert names(paths) == ["Ada", "Grace"]
    # Told once: the next open finds nothing to set aside.
    again = open_services(paths, today=lambda: TODAY)
    try:
        assert again.db.foreign_wal is None
        assert opening_notice(again) is None
    finally:
        again.close()


def test_an_encrypted_copys_wal_is_set_aside_too(paths: Paths) -> None:
    # SQLCipher encrypts the pages in the log, not its header: the salts read the same way.
    key = Passphrase(PASSPHRASE)
    make_database(paths, key)
    put_beside(paths, other_copys_wal(paths, key))

    database = open_database(paths.database, backup_dir=paths.backup_dir, key=key)
    try:
        assert database.foreign_wal is not None
    finally:
        database.close()
    assert names(paths, key) == ["Ada", "Grace"]


def test_a_wrong_passphrase_first_still_reports_the_log_set_aside(paths: Paths) -> None:
    key = Passphrase(PASSPHRASE)
    make_database(paths, key)
    put_beside(paths, other_copys_wal(paths, key))
    with pytest.raises(Exception, match="passphrase"):
        open_database(paths.database, key=Passphrase("not it"))
    database = open_database(paths.database, key=key)
    try:
        assert database.foreign_wal is not None
    finally:
        database.close()


def test_no_false_alarm_after_clean_closes_and_reopens(paths: Paths) -> None:
    make_database(paths)
    for round_ in range(3):
        services = open_services(paths, today=lambda: TODAY)
        try:
            assert services.db.foreign_wal is None
            services.people.add(PersonDetails(first_name=f"Round{round_}"))
        finally:
            services.close()
        record = walstate.read_record(paths.database)
        assert record is not None and record.closed and record.same_file(paths.database)
    assert len(names(paths)) == 5


#: A peerdesk that saves a person, then dies with its -wal still beside the database (a
#: reader keeps the log from being folded in), optionally killed in the instant between the
#: commit and the record of the log's new salts.
WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import date
    from pathlib import Path
    from peerdesk.data import walstate
    from peerdesk.data.database import open_database
    from peerdesk.services.people.service import PeopleService, PersonDetails

    db = open_database(Path(sys.argv[1]))
    if sys.argv[2] == "in-the-window":
        walstate.WalTracker.after_transaction = lambda self: os.kill(os.getpid(), signal.SIGKILL)
    reader = db.engine.connect()
    PeopleService(db, lambda: date(2026, 6, 15)).add(PersonDetails(first_name="Killed"))
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def kill_a_writer(paths: Paths, when: str) -> None:
    writer = subprocess.run(
        [sys.executable, "-c", WRITER, str(paths.database), when],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
        timeout=120,
    )
    assert writer.returncode == -9


@pytest.mark.parametrize("when", ["mid-session", "in-the-window"])
def test_our_own_wal_after_a_kill_is_replayed(paths: Paths, when: str) -> None:
    make_database(paths)
    kill_a_writer(paths, when)
    assert walstate.verdict(paths.database) == "ours", "the kill left no log of ours to judge"
    if when == "in-the-window":
        record = walstate.read_record(paths.database)
        assert record is not None and record.pending, "the commit was not announced first"

    database = open_database(paths.database)
    try:
        assert database.foreign_wal is None
    finally:
        database.close()
    assert "Killed" in names(paths), "a change reported saved was lost"


def test_after_a_restore_our_next_wal_is_still_ours(paths: Paths) -> None:
    make_database(paths)
    services = open_services(paths, today=lambda: TODAY)
    try:
        backup = services.backups.back_up("manual").path
        services.people.add(PersonDetails(first_name="After the backup"))
        services.backups.restore(backup)
    finally:
        services.close()
    assert not list(paths.backup_dir.glob("*.walstate")), "a backup carries a WAL record"
    kill_a_writer(paths, "mid-session")

    database = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        assert database.foreign_wal is None
    finally:
        database.close()
    assert "Killed" in names(paths)


def snapshot(paths: Paths) -> dict[str, bytes]:
    folder = paths.database.parent
    return {
        item.name: item.read_bytes()
        for item in folder.iterdir()
        if item.name.startswith(paths.database.name) and not item.name.endswith(".lock")
    }


def test_check_reports_another_copys_wal_and_changes_nothing(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    make_database(paths)
    put_beside(paths, other_copys_wal(paths))
    before = snapshot(paths)

    assert main(["check"]) == 2
    said = capsys.readouterr().err
    assert "belongs to another copy" in said
    assert "passes the check" in said
    assert "Neither file has been changed" in said
    assert snapshot(paths) == before, "check changed the database or its log"


def test_the_command_line_prints_one_note_and_goes_on(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    make_database(paths)
    put_beside(paths, other_copys_wal(paths))

    assert main(["backup"]) == 0
    said = capsys.readouterr().err
    notes = [line for line in said.splitlines() if line.startswith("peerdesk: note:")]
    assert len(notes) == 1, said
    assert re.search(r"set aside as peerdesk\.db-wal\.foreign-\d{8}-\d{6}", notes[0])
    assert names(paths) == ["Ada", "Grace"]
    # Nothing more to say next time.
    assert main(["backup"]) == 0
    assert "note:" not in capsys.readouterr().err


def test_a_database_without_a_record_trusts_its_wal(paths: Paths) -> None:
    # The limit: a database last closed by peerdesk 0.3 (no record) keeps today's behaviour.
    make_database(paths)
    walstate.side_file(paths.database).unlink()
    kill_a_writer(paths, "mid-session")
    walstate.side_file(paths.database).unlink()
    assert walstate.verdict(paths.database) == "untracked"
    database = open_database(paths.database)
    try:
        assert database.foreign_wal is None
    finally:
        database.close()
    assert "Killed" in names(paths)


def test_check_still_reads_our_own_wal_on_a_copy(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    make_database(paths)
    kill_a_writer(paths, "mid-session")
    before = snapshot(paths)

    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "applied to a private copy" in out
    assert "The database is healthy." in out
    assert snapshot(paths) == before
