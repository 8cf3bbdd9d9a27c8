"""The one place peerdesk opens a SQLite connection, and the engine built on it.

Every connection (the app's engine, inspections, backups, restores) comes from
`connect_raw`, so connection-wide settings (and, later, the encryption key) live here only.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

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
    path: Path, *, read_only: bool = False, immutable: bool = False
) -> sqlite3.Connection:
    """A plain sqlite3 connection to `path`, in autocommit mode (we issue BEGIN ourselves).

    `read_only` opens with `mode=ro`, so the file cannot be changed (nor created) through it.
    `immutable` also promises nobody else is writing, so SQLite creates no -wal or -shm file
    beside it: for inspecting a file exactly as it lies (never while peerdesk has it open).
    """
    if read_only or immutable:
        uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
        connection = sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
        )
    else:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
    connection.isolation_level = None
    return connection


def apply_pragmas(dbapi_connection: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine whose transactions are real SQLite transactions (BEGIN ... COMMIT).

    The sqlite3 module's own implicit transactions start late and commit DDL on its own; taking
    transaction control ourselves means a Session's work is all-or-nothing.
    """
    engine = create_engine(
        "sqlite://",
        poolclass=NullPool,
        creator=lambda: connect_raw(path),
    )
    _install_listeners(engine)
    return engine


def _install_listeners(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        apply_pragmas(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")
