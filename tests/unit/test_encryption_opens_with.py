"""Whether a file opens with a passphrase (or without one): what decides which files are
converted, re-keyed, or reported as still readable by anyone.

A wrong passphrase never opens a file; a plain database always opens without one; and looking
at a file at rest leaves nothing beside it. Found by mutation testing (docs/testing.md,
"Mutation testing").
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from peerdesk.data.encryption import opens_with
from peerdesk.data.engine import connect_raw
from peerdesk.data.keys import SALT_BYTES, Passphrase

KEY = Passphrase("kettle orbit paper lantern")
WRONG = Passphrase("violet harbour cement ladder")
#: One salt for every file here, so each passphrase's key is derived once for the module.
SALT = bytes(range(128, 128 + SALT_BYTES))


def encrypted_database(path: Path, *, wal: bool = False) -> Path:
    with contextlib.closing(connect_raw(path, key=KEY, salt=SALT)) as connection:
        if wal:
            connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, first_name TEXT)")
        connection.execute("INSERT INTO person (first_name) VALUES ('Asha')")
    return path


def plain_database(path: Path) -> Path:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, first_name TEXT)")
        connection.commit()
    return path


def test_a_plain_database_opens_without_a_passphrase_and_not_with_one(tmp_path: Path) -> None:
    plain = plain_database(tmp_path / "plain.db")
    assert opens_with(plain, None)
    assert not opens_with(plain, KEY)


def test_a_text_file_does_not_open_with_a_passphrase(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("Asha rang on Tuesday.\n" * 64, encoding="utf-8")
    assert not opens_with(notes, KEY)
    assert not opens_with(notes, None)


def test_an_encrypted_database_opens_with_its_passphrase_only(tmp_path: Path) -> None:
    encrypted = encrypted_database(tmp_path / "peerdesk.db")
    assert opens_with(encrypted, KEY)
    assert not opens_with(encrypted, WRONG)
    assert not opens_with(encrypted, None)


def test_looking_at_a_file_at_rest_leaves_nothing_beside_it(tmp_path: Path) -> None:
    # A database in write-ahead mode would otherwise get -wal and -shm files beside it, which
    # a read-only look cannot remove again: clutter in a backup folder, or on a USB stick.
    encrypted = encrypted_database(tmp_path / "peerdesk.db", wal=True)
    assert [path.name for path in tmp_path.iterdir()] == ["peerdesk.db"]
    assert opens_with(encrypted, KEY)
    assert [path.name for path in tmp_path.iterdir()] == ["peerdesk.db"]
