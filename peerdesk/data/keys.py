"""Passphrases, the keys derived from them, and telling an encrypted file from a plain one.

peerdesk encrypts with SQLCipher 4 and keeps its default settings: AES-256 in CBC mode, an
HMAC-SHA512 on every page, and a key derived from the passphrase with PBKDF2-HMAC-SHA512,
256,000 iterations, over a random 16-byte salt stored at the start of the file. Any SQLCipher 4
tool (for example DB Browser for SQLite) opens the file with the passphrase alone.

The key derivation is deliberately slow (about half a second), and peerdesk opens a new
connection for every piece of work. So the key is derived once, here, with the same settings
SQLCipher would use, and each connection is given the raw key (`PRAGMA key = "x'…'"`), which
skips the derivation. Nothing here ever writes a passphrase or key to a log.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from peerdesk.errors import DatabaseProblem

SQLITE_HEADER = b"SQLite format 3\x00"

#: SQLCipher 4 defaults, stated here so the file stays openable by other SQLCipher tools.
KDF_ALGORITHM = "sha512"
KDF_ITERATIONS = 256_000
KEY_BYTES = 32
SALT_BYTES = 16
#: SQLCipher pages are 4096 bytes; SQLite never makes a file that is not whole pages (≥ 512).
SMALLEST_PAGE = 512


class PassphraseNeededError(DatabaseProblem):
    """The database is encrypted and no passphrase was given."""


class WrongPassphraseError(DatabaseProblem):
    """The passphrase given does not open the database."""


class Passphrase:
    """A passphrase, kept out of reprs and logs, with the keys derived from it cached by salt."""

    __slots__ = ("_keys", "_text")

    def __init__(self, text: str) -> None:
        if not text:
            raise ValueError("a passphrase cannot be empty")
        self._text = text
        self._keys: dict[bytes, bytes] = {}

    def __repr__(self) -> str:
        return "Passphrase(<hidden>)"

    def reveal(self) -> str:
        """The passphrase itself (to confirm it when changing it); never log it."""
        return self._text

    def raw_key(self, salt: bytes) -> bytes:
        """The 32-byte key SQLCipher 4 would derive from this passphrase and `salt`."""
        key = self._keys.get(salt)
        if key is None:
            key = hashlib.pbkdf2_hmac(
                KDF_ALGORITHM, self._text.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
            )
            self._keys[salt] = key
        return key

    def same_as(self, text: str) -> bool:
        """Whether `text` is this passphrase (compared in constant time)."""
        return hmac.compare_digest(self._text.encode("utf-8"), text.encode("utf-8"))

    def key_pragma(self, salt: bytes, statement: str = "key") -> str:
        """`PRAGMA key` (or `rekey`) with the raw key and salt: no derivation on connect."""
        return f"PRAGMA {statement} = \"x'{self.raw_key(salt).hex()}{salt.hex()}'\""


def header_of(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return b""


def is_encrypted_file(path: Path) -> bool:
    """A non-empty file that is not a plain SQLite database (it may be encrypted or foreign)."""
    header = header_of(path)
    return bool(header) and header != SQLITE_HEADER


def looks_encrypted(path: Path) -> bool:
    """Could this be an encrypted database? Whole pages, and not obviously another format.

    An encrypted file is indistinguishable from random bytes, so this only rules out files
    that cannot be one: too small, not a whole number of pages, text, or a salt that is not
    random (a zeroed header: 16 random bytes almost never hold fewer than 8 distinct values).
    """
    try:
        size = path.stat().st_size
    except OSError:
        return False
    header = header_of(path)
    if size < SMALLEST_PAGE or size % SMALLEST_PAGE or header == SQLITE_HEADER:
        return False
    printable = sum(32 <= byte < 127 or byte in (9, 10, 13) for byte in header)
    return printable < len(header) and len(set(header)) >= len(header) // 2


def salt_for(path: Path) -> bytes:
    """The salt at the start of an existing encrypted file, or a fresh one for a new file."""
    header = header_of(path)
    if len(header) == SALT_BYTES and header != SQLITE_HEADER:
        return header
    return os.urandom(SALT_BYTES)
