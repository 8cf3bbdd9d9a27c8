"""Telling an encrypted database from other files, reusing its salt, and the passphrase itself.

These decide whether peerdesk asks for a passphrase, refuses a file as "not a peerdesk
database", or re-keys with the right salt (a wrong salt would make the file unreadable).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from peerdesk.data import keys
from peerdesk.data.keys import (
    SALT_BYTES,
    Passphrase,
    header_of,
    is_encrypted_file,
    looks_encrypted,
    salt_for,
)

#: 16 bytes with 16 different values, none of them printable: how a salt looks.
SALT = bytes(range(128, 144))


def write(path: Path, header: bytes, size: int = 1024) -> Path:
    path.write_bytes(header + bytes(size - len(header)))
    return path


def plain_database(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    return path


def test_an_empty_passphrase_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot be empty"):
        Passphrase("")


def test_the_key_is_derived_once_per_salt(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every connection needs the key: deriving it (256,000 rounds) each time would make
    # opening each screen slow.
    calls: list[bytes] = []
    real = hashlib.pbkdf2_hmac

    def counted(name: str, password: bytes, salt: bytes, rounds: int, length: int) -> bytes:
        calls.append(salt)
        return real(name, password, salt, rounds, length)

    monkeypatch.setattr(keys.hashlib, "pbkdf2_hmac", counted)
    secret = Passphrase("kettle orbit paper lantern")
    first = secret.raw_key(SALT)
    assert secret.raw_key(SALT) == first
    other = secret.raw_key(bytes(range(16)))
    assert other != first
    assert calls == [SALT, bytes(range(16))]


def test_the_key_pragma_carries_the_raw_key_and_the_salt() -> None:
    secret = Passphrase("pass")
    raw = secret.raw_key(SALT).hex()
    assert secret.key_pragma(SALT) == f"PRAGMA key = \"x'{raw}{SALT.hex()}'\""
    assert secret.key_pragma(SALT, "rekey").startswith("PRAGMA rekey = ")


def test_only_a_non_empty_file_that_is_not_plain_sqlite_counts_as_encrypted(
    tmp_path: Path,
) -> None:
    assert not is_encrypted_file(tmp_path / "missing.db")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert not is_encrypted_file(empty)
    assert not is_encrypted_file(plain_database(tmp_path / "plain.db"))
    assert is_encrypted_file(write(tmp_path / "secret.db", SALT))
    assert header_of(tmp_path / "missing.db") == b""
    assert header_of(tmp_path / "secret.db") == SALT


def test_an_encrypted_database_is_whole_pages_of_random_looking_bytes(tmp_path: Path) -> None:
    assert looks_encrypted(write(tmp_path / "one-page.db", SALT, size=512))
    assert looks_encrypted(write(tmp_path / "two-pages.db", SALT, size=1024))
    assert not looks_encrypted(write(tmp_path / "small.db", SALT, size=511))
    assert not looks_encrypted(write(tmp_path / "ragged.db", SALT, size=1000))
    assert not looks_encrypted(tmp_path / "missing.db")
    plain = plain_database(tmp_path / "plain.db")
    assert plain.stat().st_size % 512 == 0
    assert not looks_encrypted(plain)


@pytest.mark.parametrize(
    ("header", "could_be"),
    [
        (b"abcdefghijklmno ", False),  # text, a space included
        (b"abc\tdef\nghi\rjklm", False),  # text with tabs and line ends
        (b"abcdefghijklmno~", False),
        (b"abcdefghijklmno\x7f", True),  # DEL is not text
        (b"abcdefghijklmno\x1f", True),
        (bytes(16), False),  # a zeroed header is no salt
        (bytes([200, 201, 202, 203, 204, 205, 206, 207]) * 2, True),  # 8 distinct of 16
        (bytes([200, 201, 202, 203, 204, 205, 206]) + bytes([207] * 9), True),  # 8 distinct
        (bytes([200, 201, 202, 203, 204, 205]) + bytes([207] * 10), False),  # only 7
    ],
)
def test_text_and_patterned_headers_are_not_taken_for_a_salt(
    tmp_path: Path, header: bytes, could_be: bool
) -> None:
    assert looks_encrypted(write(tmp_path / "file.db", header)) is could_be


def test_an_encrypted_file_keeps_its_salt_and_a_new_one_gets_a_fresh_salt(
    tmp_path: Path,
) -> None:
    assert salt_for(write(tmp_path / "secret.db", SALT)) == SALT
    fresh = {salt_for(tmp_path / "new.db") for _ in range(3)}
    fresh.add(salt_for(plain_database(tmp_path / "plain.db")))
    short = tmp_path / "short.db"
    short.write_bytes(os.urandom(8))
    fresh.add(salt_for(short))
    assert len(fresh) == 5
    assert all(len(salt) == SALT_BYTES for salt in fresh)
