"""Done when: records with a unique marker in an encrypted database, its backup and an export
in progress leave no readable trace in any file peerdesk made; plain sqlite3 cannot open it."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import stat
import tempfile
from pathlib import Path

import pytest

from peerdesk.data.engine import connect_raw
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.security.private_files import private_temp_folder, remove_temp_folder

PASSPHRASE = "kettle orbit paper lantern"
MARKER = "Qzxunique7781"


@pytest.fixture(autouse=True)
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temp folder, moved under this test's own: only files this test made are there."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def every_file(paths: Paths, system_temp: Path) -> list[Path]:
    home = paths.data_dir.parent
    ours = [p for p in system_temp.glob("peerdesk-*") if p.is_dir()]
    found = [p for folder in (home, *ours) for p in folder.rglob("*") if p.is_file()]
    assert found, "the scan found no files at all"
    return found


def readable(path: Path) -> bool:
    data = path.read_bytes()
    return MARKER.encode() in data or MARKER.encode("utf-16-le") in data


def test_the_marker_is_nowhere_on_disk(
    services: Services, paths: Paths, caplog: pytest.LogCaptureFixture, system_temp: Path
) -> None:
    caplog.set_level(logging.DEBUG)
    services.security.encrypt(PASSPHRASE)
    for number in range(20):
        services.people.add(
            PersonDetails(first_name=f"{MARKER}{number}", last_name=MARKER, notes=MARKER * 5)
        )
    backup = services.backups.back_up("manual").path
    # An export in progress: written into a private working folder, then closed.
    working = private_temp_folder("export")
    assert working.parent == system_temp
    assert stat.S_IMODE(working.stat().st_mode) == 0o700, "only this user may read it"
    services.exporting.people(working / "people.csv")
    assert readable(working / "people.csv"), "the export itself is plain, as warned"
    remove_temp_folder(working)
    assert not working.exists()

    wal = paths.database.with_name(paths.database.name + "-wal")
    # A reader holding a snapshot keeps the newest changes in the write-ahead log.
    with contextlib.closing(connect_raw(paths.database, key=services.db.key)) as reader:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM person").fetchone()
        services.people.add(PersonDetails(first_name=MARKER, last_name="Still in the WAL"))
        assert wal.exists() and wal.stat().st_size > 0
        files = every_file(paths, system_temp)
        assert paths.database in files and backup in files and wal in files
        assert [p.name for p in files if readable(p)] == []
        reader.execute("COMMIT")
    services.close()
    assert [p.name for p in every_file(paths, system_temp) if readable(p)] == []

    for database in (paths.database, backup):
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            connection = sqlite3.connect(database)
            try:
                connection.execute("SELECT * FROM sqlite_master").fetchall()
            finally:
                connection.close()
    assert PASSPHRASE not in caplog.text and MARKER not in caplog.text


def test_a_temporary_folder_is_removed_at_exit(tmp_path: Path) -> None:
    from peerdesk.ui.security import private_files

    folder = private_files.private_temp_folder("preview")
    (folder / "form.pdf").write_bytes(b"%PDF")
    private_files.remove_all_temp_folders()
    assert not folder.exists()
