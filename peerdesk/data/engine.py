"""The SQLAlchemy engine for one database file, with peerdesk's connection settings."""

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
        f"sqlite:///{path}",
        poolclass=NullPool,
        connect_args={"check_same_thread": False, "timeout": 5.0},
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
