"""Encrypting a database's backups: every plain one is done, nothing plain or half-written is
left behind, and they all share the database's salt.

Left plain, a backup gives away everything the encryption protects; a half-written copy left
by a failure or a crash is a second copy of the records nobody knows about. Found by mutation
testing (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from peerdesk.data import encryption, registry
from peerdesk.data.backup import identity_tag
from peerdesk.data.encryption import (
    encrypt_backups,
    encrypt_database,
    encrypt_file,
    is_plain_database,
    opens_with,
)
from peerdesk.data.faults import FileLockedError
from peerdesk.data.keys import SALT_BYTES, Passphrase, header_of

KEY = Passphrase("kettle orbit paper lantern")
#: A fixed salt for files made directly, so the key is derived once for the whole module.
SALT = bytes(range(128, 128 + SALT_BYTES))
IDENTITY = "3f2a9c1e-7b4d-4e2a-9a0b-5c6d7e8f9a0b"


def plain_database(path: Path) -> Path:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, first_name TEXT)")
        connection.executemany("INSERT INTO person (first_name) VALUES (?)", [("Asha",), ("Ben",)])
        connection.commit()
    return path


def backup_name(stamp: str) -> str:
    return f"peerdesk_2026-06-15_{stamp}_manual_{identity_tag(IDENTITY)}.db"


def test_the_backups_share_the_database_salt(tmp_path: Path) -> None:
    # One derived key opens the database and all its backups: listing or restoring backups
    # does not cost half a second per file.
    database = plain_database(tmp_path / "peerdesk.db")
    backups = [plain_database(tmp_path / backup_name(stamp)) for stamp in ("090000", "100000")]
    encrypt_database(database, KEY)
    assert encrypt_backups(backups, database, KEY) == backups
    for backup in backups:
        assert header_of(backup) == header_of(database)
        assert opens_with(backup, KEY)


def test_an_already_encrypted_backup_does_not_stop_the_rest(tmp_path: Path) -> None:
    database = plain_database(tmp_path / "peerdesk.db")
    encrypt_file(database, KEY, SALT)
    done_before = plain_database(tmp_path / backup_name("080000"))
    encrypt_file(done_before, KEY, SALT)
    plain = [plain_database(tmp_path / backup_name(stamp)) for stamp in ("090000", "100000")]
    assert encrypt_backups([done_before, *plain], database, KEY) == plain
    assert not any(is_plain_database(backup) for backup in plain)
    assert all(opens_with(backup, KEY) for backup in [done_before, *plain])


def test_a_failed_backup_encryption_leaves_nothing_beside_the_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = plain_database(tmp_path / backup_name("090000"))
    before = backup.read_bytes()
    real = encryption.export_checked

    def export_then_fail(
        source: Path,
        source_key: Passphrase | None,
        target: Path,
        key: Passphrase | None,
        *,
        salt: bytes | None = None,
    ) -> None:
        real(source, source_key, target, key, salt=salt)
        # As when the disk fails in the middle of writing: SQLite keeps its journal beside
        # the half-written copy. (The failure is simulated.)
        target.with_name(target.name + "-journal").write_bytes(b"\x00" * 512)
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(encryption, "export_checked", export_then_fail)
    with pytest.raises(FileLockedError) as raised:
        encrypt_file(backup, KEY, SALT)
    message = str(raised.value)
    assert f"The file {backup.name} is being used by another program" in message
    assert "could not encrypt a backup" in message
    assert backup.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == [backup.name]


def test_what_a_crash_in_the_middle_leaves_is_cleaned_up_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A crash cannot be caught, so the files beside the backup just after the copy was
    # written are kept aside, put back afterwards (as a crash would have left them), and the
    # next start's tidy must recognise them as this database's half-written work.
    backup = plain_database(tmp_path / backup_name("090000"))
    left_by_a_crash: dict[str, bytes] = {}
    real = encryption.export_checked

    def export_and_look(
        source: Path,
        source_key: Passphrase | None,
        target: Path,
        key: Passphrase | None,
        *,
        salt: bytes | None = None,
    ) -> None:
        real(source, source_key, target, key, salt=salt)
        left_by_a_crash.update(
            (path.name, path.read_bytes()) for path in tmp_path.iterdir() if path != backup
        )

    monkeypatch.setattr(encryption, "export_checked", export_and_look)
    encrypt_file(backup, KEY, SALT)
    assert left_by_a_crash
    for name, data in left_by_a_crash.items():
        (tmp_path / name).write_bytes(data)
    tidied = registry.tidy(
        tmp_path, identity=IDENTITY, database=tmp_path / "peerdesk.db", adopt=False
    )
    assert tidied.partial_files_removed == len(left_by_a_crash)
    assert not any((tmp_path / name).exists() for name in left_by_a_crash)
    assert opens_with(backup, KEY)
