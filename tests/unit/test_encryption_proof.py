"""Encrypting a plain database replaces it only with a copy proven to hold the same records.

The proof compares every table's rows in the original and the encrypted copy. A copy that
cannot be read back, or whose records differ (even one value, with the same number of rows),
is thrown away and the plain database is left exactly as it was: the coordinator never ends
up with an encrypted file that silently lost or changed someone's record. Found by mutation
testing (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from peerdesk.data import encryption
from peerdesk.data.encryption import encrypt_database, fingerprint
from peerdesk.data.engine import DatabaseError, connect_raw
from peerdesk.data.faults import FileLockedError
from peerdesk.data.keys import SALT_BYTES, Passphrase
from peerdesk.errors import DatabaseDamagedError

#: One object for the module: it derives the key once per salt (half a second each).
KEY = Passphrase("kettle orbit paper lantern")


def plain_database(path: Path) -> Path:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, first_name TEXT)")
        connection.executemany(
            "INSERT INTO person (first_name) VALUES (?)", [("Asha",), ("Ben",), ("Cora",)]
        )
        connection.commit()
    return path


def export_then(change: Callable[[Path], None]) -> Callable[..., None]:
    """export_checked, then `change(copy)`: what happens to the copy before it is compared."""
    real = encryption.export_checked

    def export(
        source: Path,
        source_key: Passphrase | None,
        target: Path,
        key: Passphrase | None,
        *,
        salt: bytes | None = None,
    ) -> None:
        real(source, source_key, target, key, salt=salt)
        change(target)

    return export


def test_a_copy_that_cannot_be_read_back_is_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = plain_database(tmp_path / "peerdesk.db")
    before = database.read_bytes()

    def damage(copy: Path) -> None:
        # A bad sector (or a faulty USB stick) after the copy was written and checked: the
        # page no longer matches its checksum, so the copy cannot be read with the key.
        with open(copy, "r+b") as handle:
            handle.seek(SALT_BYTES + 100)
            handle.write(b"\xff" * 64)

    monkeypatch.setattr(encryption, "export_checked", export_then(damage))
    with pytest.raises(DatabaseDamagedError, match="did not match the original") as raised:
        encrypt_database(database, KEY)
    assert "Nothing has changed" in str(raised.value)
    assert database.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == ["peerdesk.db"]


def test_a_copy_with_one_value_changed_is_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Same tables, same number of rows: only the rows themselves tell the copy apart.
    database = plain_database(tmp_path / "peerdesk.db")
    before = database.read_bytes()

    def change_one_name(copy: Path) -> None:
        with contextlib.closing(connect_raw(copy, key=KEY)) as connection:
            connection.execute("UPDATE person SET first_name = 'Bea' WHERE first_name = 'Ben'")

    monkeypatch.setattr(encryption, "export_checked", export_then(change_one_name))
    with pytest.raises(DatabaseDamagedError, match="did not match the original"):
        encrypt_database(database, KEY)
    assert database.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == ["peerdesk.db"]


def test_the_fingerprint_tells_apart_files_that_differ_only_in_one_value(tmp_path: Path) -> None:
    first = plain_database(tmp_path / "first.db")
    second = plain_database(tmp_path / "second.db")
    assert fingerprint(first) == fingerprint(second)
    with contextlib.closing(sqlite3.connect(second)) as connection:
        connection.execute("UPDATE person SET first_name = 'Bea' WHERE first_name = 'Ben'")
        connection.commit()
    assert fingerprint(first) != fingerprint(second)
    assert fingerprint(first)["person"][0] == fingerprint(second)["person"][0] == 3


def test_a_file_that_is_not_there_has_no_fingerprint(tmp_path: Path) -> None:
    # The fingerprint only reads. Opening a missing copy for writing would make an empty
    # database on the spot, which "matches" an original with no tables.
    gone = tmp_path / "copy.db"
    with pytest.raises(DatabaseError):
        fingerprint(gone)
    assert not gone.exists()


def test_an_encrypted_database_is_not_encrypted_again(tmp_path: Path) -> None:
    database = tmp_path / "peerdesk.db"
    database.write_bytes(os.urandom(4096))
    before = database.read_bytes()
    with pytest.raises(ValueError, match="already encrypted"):
        encrypt_database(database, KEY)
    assert database.read_bytes() == before


def test_a_database_another_program_holds_is_named_and_left_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sync or antivirus program holding the file: the coordinator is told which file and
    # what could not be done, and the plain database is as it was. (The lock is simulated:
    # SQLite does not see a lock taken by the same process through another connection library.)
    database = plain_database(tmp_path / "peerdesk.db")
    before = database.read_bytes()

    def locked(path: Path, **_: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(encryption, "checkpoint", locked)
    with pytest.raises(FileLockedError) as raised:
        encrypt_database(database, KEY)
    message = str(raised.value)
    assert "The file peerdesk.db is being used by another program" in message
    assert "could not encrypt the database" in message
    assert database.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == ["peerdesk.db"]
