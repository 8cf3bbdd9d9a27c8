"""The one place peerdesk opens a SQLite connection, and the engine built on it.

Every connection (the app's engine, inspections, backups, restores) comes from
`connect_raw`, so connection-wide settings and the encryption key live here only.

A plain database is opened with Python's own sqlite3 module; an encrypted one with
`sqlcipher3`, SQLCipher's build of the same module, which encrypts every page (see
`peerdesk.data.keys`). The two modules each carry their own copy of SQLite, and two copies in
one process must never have the same file open at once (their POSIX locks do not see each
other, so one may delete a -wal file the other still needs): so a file is only ever opened by
one of them, chosen here, and nothing else in peerdesk opens database files.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from peerdesk.data import walstate
from peerdesk.data.keys import Passphrase, salt_for

#: What a connection raises: sqlcipher3's errors are not subclasses of sqlite3's.
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlcipher3.Error, sqlite3.Error)
DatabaseError: tuple[type[Exception], ...] = (sqlcipher3.DatabaseError, sqlite3.DatabaseError)
Connection = Any  # sqlite3's or sqlcipher3's (which ships no type information)

#: Applied to every connection. WAL lets the UI read while a write commits; synchronous=FULL
#: makes a commit durable once it returns; secure_delete overwrites erased records.
PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA secure_delete = ON",
)

#: Seconds a connection waits for another writer before reporting the file as locked.
BUSY_TIMEOUT_SECONDS = 5.0


def connect_raw(
    path: Path,
    *,
    read_only: bool = False,
    immutable: bool = False,
    key: Passphrase | None = None,
    salt: bytes | None = None,
    cipher: bool = False,
) -> Connection:
    """A connection to `path`, in autocommit mode (we issue BEGIN ourselves).

    `read_only` opens with `mode=ro`, so the file cannot be changed (nor created) through it.
    `immutable` also promises nobody else is writing, so SQLite creates no -wal or -shm file
    beside it: for inspecting a file exactly as it lies (never while peerdesk has it open).
    With `key`, the file is encrypted: an existing file is read with its own salt; a new one
    gets `salt` (a backup shares its database's, so one derived key opens both) or a fresh one.
    `cipher` asks for a SQLCipher connection to a plain file (to decrypt into it).
    """
    driver: Any = sqlcipher3 if key is not None or cipher else sqlite3
    if read_only or immutable:
        uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
        connection = driver.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
        )
    else:
        connection = driver.connect(
            str(path), uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
        )
    connection.isolation_level = None
    if driver is sqlite3:
        return connection
    try:
        # SQLCipher would print "hmac check failed" to stderr for every wrong passphrase.
        connection.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            existing = path.exists() and path.stat().st_size > 0
            chosen = salt_for(path) if existing or salt is None else salt
            connection.execute(key.key_pragma(chosen))
    except BaseException:
        connection.close()
        raise
    return connection


def apply_pragmas(dbapi_connection: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def make_engine(path: Path, key: Passphrase | None = None) -> Engine:
    """An engine whose transactions are real SQLite transactions (BEGIN ... COMMIT).

    The sqlite3 module's own implicit transactions start late and commit DDL on its own; taking
    transaction control ourselves means a Session's work is all-or-nothing. With `key`, the
    engine is told its DB-API module is sqlcipher3, so SQLAlchemy recognises its errors.
    """
    engine = create_engine(
        "sqlite://",
        module=sqlcipher3 if key is not None else sqlite3,
        poolclass=NullPool,
        creator=lambda: connect_raw(path, key=key),
    )
    _install_listeners(engine)
    _track_wal(engine, path)
    return engine


def _track_wal(engine: Engine, path: Path) -> None:
    """Keep the record of our own write-ahead log true (`peerdesk.data.walstate`), cheaply.

    Before a COMMIT that changed rows (the connection's `total_changes` moved since BEGIN; a
    read-only transaction costs nothing), the tracker marks a log about to be started, synced,
    if none of ours exists. When the connection is handed back, after its COMMIT and before it
    closes (and SQLite removes the log), the tracker reads the log's 32-byte header and
    records it only if it changed. So the record is written right after the commit, in the
    same thread, and a kill in between still finds the log ours (the "pending" mark).
    """
    tracker = walstate.tracker_for(path)

    @event.listens_for(engine, "begin")
    def _count_changes(connection: Any) -> None:
        connection.info["changes_at_begin"] = _changes(connection)

    @event.listens_for(engine, "commit")
    def _before_commit(connection: Any) -> None:
        if _changes(connection) != connection.info.get("changes_at_begin"):
            tracker.before_commit()

    @event.listens_for(engine, "checkin")
    def _after_transaction(_dbapi_connection: Any, _record: Any) -> None:
        tracker.after_transaction()


def _changes(connection: Any) -> int | None:
    dbapi_connection = connection.connection.dbapi_connection
    return None if dbapi_connection is None else int(dbapi_connection.total_changes)


def _install_listeners(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")
