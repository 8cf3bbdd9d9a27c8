"""`peerdesk check` on an encrypted database: read through SQLCipher without changing the file,
and a -wal replayed only into a private copy (issue 25, point 3)."""

from __future__ import annotations

import contextlib
import re
import shutil
from pathlib import Path

import pytest

from peerdesk.cli.main import main
from peerdesk.data.database import open_database
from peerdesk.data.engine import connect_raw
from peerdesk.data.keys import Passphrase
from peerdesk.paths import Paths

PASSPHRASE = "kettle orbit paper lantern"


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def snapshot(path: Path) -> dict[str, bytes]:
    return {
        suffix: path.with_name(path.name + suffix).read_bytes()
        for suffix in ("", "-wal", "-shm")
        if path.with_name(path.name + suffix).exists()
    }


def tables_counted(out: str) -> int:
    found = re.search(r"Records: [\d,]+ in (\d+) tables", out)
    assert found, out
    return int(found.group(1))


@pytest.fixture
def encrypted(paths: Paths, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new encrypted database (migrated, empty), its passphrase given as automation would."""
    open_database(paths.database, backup_dir=paths.backup_dir, key=Passphrase(PASSPHRASE)).close()
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    return paths.database


def test_an_encrypted_file_is_checked_without_being_changed(
    encrypted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(encrypted)
    assert "-wal" not in before
    assert main(["check"]) == 0
    assert "The database is healthy." in capsys.readouterr().out
    assert snapshot(encrypted) == before


def test_an_encrypted_files_wal_is_replayed_on_a_copy(
    encrypted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check"]) == 0
    tables_before = tables_counted(capsys.readouterr().out)
    # A table that exists only in the -wal: counted by the check, so the log was read.
    twin = encrypted.with_name("twin.db")
    shutil.copyfile(encrypted, twin)
    with contextlib.closing(connect_raw(twin, key=Passphrase(PASSPHRASE))) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("CREATE TABLE only_in_the_log (x INTEGER)")
        connection.execute("INSERT INTO only_in_the_log VALUES (1), (2), (3)")
        # Copied while the twin is open: closing it would checkpoint the log away.
        shutil.copyfile(twin, encrypted)
        shutil.copyfile(wal_of(twin), wal_of(encrypted))
    before = snapshot(encrypted)

    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "applied to a private copy" in out
    assert tables_counted(out) == tables_before + 1
    assert snapshot(encrypted) == before
