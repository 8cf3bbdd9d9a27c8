"""Restoring a backup into a database file: the result holds the backup's records, is encrypted
exactly when the database is (with the database's own salt), and a restore that fails leaves
the database as it was, write-ahead log included.

A restore is how a coordinator gets records back after a mistake; one that left an encrypted
database plain would give the records away, and one that failed half-way would lose what the
backup was meant to save. Found by mutation testing (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
from pathlib import Path

import pytest

from peerdesk import files
from peerdesk.data.backup import replace_with_backup
from peerdesk.data.encryption import encrypt_file, is_plain_database, opens_with
from peerdesk.data.engine import connect_raw
from peerdesk.data.faults import ReadOnlyLocationError
from peerdesk.data.keys import SALT_BYTES, Passphrase, header_of
from peerdesk.errors import PeerdeskError

KEY = Passphrase("kettle orbit paper lantern")
OLD_KEY = Passphrase("violet harbour cement ladder")
#: Fixed salts for files made directly, so each key is derived once for the whole module.
SALT = bytes(range(128, 128 + SALT_BYTES))
OTHER_SALT = bytes(range(16, 16 + SALT_BYTES))


def plain_database(path: Path, *names: str) -> Path:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, first_name TEXT)")
        connection.executemany("INSERT INTO person (first_name) VALUES (?)", [(n,) for n in names])
        connection.commit()
    return path


def encrypted_database(path: Path, *names: str, key: Passphrase = KEY, salt: bytes = SALT) -> Path:
    encrypt_file(plain_database(path, *names), key, salt)
    return path


def names_in(path: Path, key: Passphrase | None = None) -> list[str]:
    with contextlib.closing(connect_raw(path, read_only=True, key=key)) as connection:
        return [row[0] for row in connection.execute("SELECT first_name FROM person ORDER BY id")]


def test_a_plain_backup_restored_into_an_encrypted_database_comes_back_encrypted(
    tmp_path: Path,
) -> None:
    # A backup made before encryption was turned on: restoring it must not leave the
    # records readable by anyone, and the database keeps its salt (one derived key opens it
    # and its backups).
    database = encrypted_database(tmp_path / "peerdesk.db", "Now")
    backup = plain_database(tmp_path / "backup.db", "Asha", "Ben")
    replace_with_backup(backup, database, key=KEY)
    assert not is_plain_database(database)
    assert not opens_with(database, None)
    assert names_in(database, KEY) == ["Asha", "Ben"]
    assert header_of(database) == SALT


def test_an_encrypted_backup_with_another_salt_restores_with_the_database_salt(
    tmp_path: Path,
) -> None:
    database = encrypted_database(tmp_path / "peerdesk.db", "Now")
    backup = encrypted_database(tmp_path / "backup.db", "Asha", salt=OTHER_SALT)
    replace_with_backup(backup, database, key=KEY)
    assert names_in(database, KEY) == ["Asha"]
    assert header_of(database) == SALT


def test_a_backup_made_with_an_earlier_passphrase_is_restored_under_the_current_one(
    tmp_path: Path,
) -> None:
    database = encrypted_database(tmp_path / "peerdesk.db", "Now")
    backup = encrypted_database(tmp_path / "backup.db", "Asha", key=OLD_KEY, salt=OTHER_SALT)
    replace_with_backup(backup, database, key=KEY, backup_key=OLD_KEY)
    assert names_in(database, KEY) == ["Asha"]
    assert not opens_with(database, OLD_KEY)


def test_an_encrypted_backup_restored_into_a_plain_database_comes_back_plain(
    tmp_path: Path,
) -> None:
    # Encryption was turned off after the backup was made: the database stays as chosen.
    database = plain_database(tmp_path / "peerdesk.db", "Now")
    backup = encrypted_database(tmp_path / "backup.db", "Asha", "Ben")
    replace_with_backup(backup, database, backup_key=KEY)
    assert is_plain_database(database)
    assert names_in(database) == ["Asha", "Ben"]


def test_a_backup_that_has_gone_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    # A USB stick pulled out between choosing the backup and restoring it: nothing is made
    # where the backup was, and the database is not replaced by an empty one.
    database = plain_database(tmp_path / "peerdesk.db", "Now")
    gone = tmp_path / "stick" / "backup.db"
    gone.parent.mkdir()
    with pytest.raises(PeerdeskError):
        replace_with_backup(gone, database)
    assert not gone.exists()
    assert names_in(database) == ["Now"]


def test_a_restore_that_cannot_replace_the_file_says_so_and_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = plain_database(tmp_path / "peerdesk.db", "Now")
    backup = plain_database(tmp_path / "backup.db", "Asha")

    def refused(source: Path, target: Path) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(files, "move", refused)
    with pytest.raises(ReadOnlyLocationError) as problem:
        replace_with_backup(backup, database)
    assert "could not restore the backup" in str(problem.value)
    assert str(tmp_path) in str(problem.value)
    assert names_in(database) == ["Now"]


def with_changes_in_its_write_ahead_log(database: Path, key: Passphrase) -> Path:
    """A copy of `database` whose latest change lives only in its -wal file (as a crash
    leaves it), encrypted like the database."""
    with contextlib.closing(connect_raw(database, key=key)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("INSERT INTO person (first_name) VALUES ('In the log')")
        copy = database.with_name("crashed.db")
        shutil.copyfile(database, copy)
        shutil.copyfile(
            database.with_name(database.name + "-wal"), copy.with_name("crashed.db-wal")
        )
    return copy


def test_a_failed_restore_keeps_what_only_the_write_ahead_log_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The old -wal is removed before the new file is moved in; if the move then fails, the
    # changes in it must already be in the database file, or they are lost.
    database = with_changes_in_its_write_ahead_log(
        encrypted_database(tmp_path / "peerdesk.db", "Now"), KEY
    )
    backup = encrypted_database(tmp_path / "backup.db", "Asha")

    def refused(source: Path, target: Path) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(files, "move", refused)
    with pytest.raises(ReadOnlyLocationError):
        replace_with_backup(backup, database, key=KEY)
    assert names_in(database, KEY) == ["Now", "In the log"]
