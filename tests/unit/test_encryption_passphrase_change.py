"""Changing the passphrase: the coordinator is told plainly what went wrong, and every backup
made with the old passphrase moves to the new one, whatever else is in the list. Found by
mutation testing (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peerdesk.data import encryption
from peerdesk.data.encryption import change_passphrase, encrypt_file, opens_with, rekey_backups
from peerdesk.data.engine import connect_raw
from peerdesk.data.faults import FileLockedError
from peerdesk.data.keys import SALT_BYTES, Passphrase
from peerdesk.errors import DatabaseDamagedError

OLDEST = Passphrase("marble quiet fennel stove")
OLD = Passphrase("kettle orbit paper lantern")
NEW = Passphrase("violet harbour cement ladder")
#: One salt for every file here, so each passphrase's key is derived once for the module.
SALT = bytes(range(128, 128 + SALT_BYTES))


def encrypted_database(path: Path, key: Passphrase) -> Path:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, first_name TEXT)")
        connection.execute("INSERT INTO person (first_name) VALUES ('Asha')")
        connection.commit()
    encrypt_file(path, key, SALT)
    return path


def test_a_database_another_program_holds_is_named_and_keeps_its_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = encrypted_database(tmp_path / "peerdesk.db", OLD)

    def locked(path: Path, **_: object) -> None:
        # Simulated: SQLite does not see a lock taken in the same process by another library.
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(encryption, "connect_raw", locked)
    with pytest.raises(FileLockedError) as raised:
        change_passphrase(database, OLD, NEW)
    message = str(raised.value)
    assert "The file peerdesk.db is being used by another program" in message
    assert "could not change the passphrase" in message
    monkeypatch.undo()
    assert opens_with(database, OLD)


class CheckFindsAProblem:
    """A connection whose integrity check reports a damaged page (simulated damage)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def execute(self, sql: str, *args: Any) -> Iterator[tuple[str]] | sqlite3.Cursor:
        if "quick_check" in sql:
            return iter([("Page 3: btreeInitPage() returns error code 11",)])
        return self._connection.execute(sql, *args)

    def close(self) -> None:
        self._connection.close()


def test_a_failed_check_after_the_change_says_nothing_is_lost_and_where_the_backup_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = encrypted_database(tmp_path / "peerdesk.db", OLD)

    def connect(path: Path, **options: Any) -> object:
        connection = connect_raw(path, **options)
        # The check is made with the new passphrase, after the change.
        return CheckFindsAProblem(connection) if options.get("key") is NEW else connection

    monkeypatch.setattr(encryption, "connect_raw", connect)
    with pytest.raises(DatabaseDamagedError) as raised:
        change_passphrase(database, OLD, NEW)
    message = str(raised.value)
    assert "did not pass its check" in message
    assert "Nothing has been lost" in message
    assert "File → Backups" in message


def test_a_backup_under_an_even_older_passphrase_does_not_stop_the_rest(tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    with contextlib.closing(sqlite3.connect(plain)) as connection:
        connection.execute("CREATE TABLE person (id INTEGER PRIMARY KEY)")
    oldest = encrypted_database(tmp_path / "a_oldest.db", OLDEST)
    older = [encrypted_database(tmp_path / f"b_old_{n}.db", OLD) for n in (1, 2)]
    assert rekey_backups([oldest, plain, *older], OLD, NEW) == older
    assert all(opens_with(backup, NEW) and not opens_with(backup, OLD) for backup in older)
    # Left as it was: it still opens with the passphrase it was made with.
    assert opens_with(oldest, OLDEST)
