"""Restore: the current file backed up first, every table equal to the backup's, stale WAL
removed, erased people erased again; `peerdesk restore`."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from peerdesk.cli.main import main
from peerdesk.errors import DatabaseDamagedError, NotAPeerdeskDatabaseError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.opening import open_services
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY
from tests.helpers import table_contents


def test_restore_round_trip_every_table_equal_and_stale_wal_removed(
    demo_services: Services,
) -> None:
    backup = demo_services.backups.back_up("manual").path
    expected = table_contents(backup)
    wal = demo_services.db.path.with_name(demo_services.db.path.name + "-wal")
    # Changes after the backup; a reader keeps them in the write-ahead log, which we keep a
    # copy of and put back as a stale WAL (as a crash would leave it).
    with contextlib.closing(sqlite3.connect(demo_services.db.path)) as reader:
        reader.execute("PRAGMA wal_autocheckpoint = 0")
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM person").fetchone()
        for number in range(5):
            demo_services.people.add(PersonDetails(first_name=f"Later{number}"))
        stale = wal.read_bytes()
        reader.execute("COMMIT")
    assert len(stale) > 0
    wal.write_bytes(stale)
    result = demo_services.backups.restore(backup)

    assert not wal.exists() or wal.stat().st_size == 0, "a stale WAL survived the restore"
    assert table_contents(demo_services.db.path) == expected
    assert result.safety_backup.exists() and "before-restore" in result.safety_backup.name
    assert len(table_contents(result.safety_backup)["person"]) == len(expected["person"]) + 5
    # And the app carries on working on the restored file.
    demo_services.people.add(PersonDetails(first_name="After the restore"))
    assert demo_services.health.check().healthy


def test_people_erased_since_the_backup_stay_erased(demo_services: Services) -> None:
    backup = demo_services.backups.back_up("manual").path
    rows = demo_services.people.list_rows()
    victim = next(row.id for row in rows if row.name and "Erased" not in row.name)
    demo_services.erasure.erase(victim)
    result = demo_services.backups.restore(backup)
    assert result.erased_again == 1
    assert victim in demo_services.erasure.erased_ids()
    report = demo_services.erasure.preview(victim)
    assert not any(report.deleted.values()), "the erased person came back with their records"


def test_a_bad_backup_is_refused_and_the_database_is_unchanged(
    services: Services, tmp_path: Path
) -> None:
    services.people.add(PersonDetails(first_name="Keep me"))
    before = table_contents(services.db.path)
    text = tmp_path / "peerdesk_2026-06-01_120000_manual.db"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(NotAPeerdeskDatabaseError, match="That backup cannot be restored"):
        services.backups.restore(text)
    good = services.backups.back_up("manual").path
    data = bytearray(good.read_bytes())
    data[4096 * 2 : 4096 * 3] = b"\xff" * 4096
    good.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamagedError, match="That backup cannot be restored"):
        services.backups.restore(good)
    assert table_contents(services.db.path) == before
    assert not list(services.db.path.parent.glob("*.restoring*"))


def test_the_restore_command(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    services = open_services(paths, today=lambda: TODAY)
    services.people.add(PersonDetails(first_name="In the backup"))
    backup = services.backups.back_up("manual").path
    services.people.add(PersonDetails(first_name="Not in the backup"))
    services.close()
    assert main(["restore", str(backup)]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "backed up to" in out
    assert table_contents(paths.database) == table_contents(backup)
    # With the database damaged, restore keeps it aside and still restores.
    paths.database.write_text("scribble", encoding="utf-8")
    assert main(["restore", str(backup)]) == 0
    assert "kept as" in capsys.readouterr().out
    assert list(paths.database.parent.glob("peerdesk.damaged-*.db"))
    assert main(["restore", str(paths.backup_dir / "nothing.db")]) == 2
