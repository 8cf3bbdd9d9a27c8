"""Opening the database: connection settings, single instance, refusing what is not ours."""

from __future__ import annotations

import os
from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from peerdesk.data.database import Database, open_database
from peerdesk.data.models import Person, PersonRole
from peerdesk.errors import DatabaseInUseError, NotAPeerdeskDatabaseError
from peerdesk.paths import Paths


def test_every_connection_has_the_safety_pragmas(db: Database) -> None:
    with db.engine.connect() as connection:

        def pragma(name: str) -> object:
            return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert int(pragma("busy_timeout")) >= 5000  # type: ignore[call-overload]
        assert pragma("secure_delete") == 1


def test_a_second_opening_of_the_same_file_is_told_it_is_open_elsewhere(
    db: Database, paths: Paths
) -> None:
    with pytest.raises(DatabaseInUseError, match="already open"):
        open_database(paths.database, backup_dir=paths.backup_dir)


def test_the_lock_is_released_on_close(paths: Paths) -> None:
    first = open_database(paths.database, backup_dir=paths.backup_dir)
    assert first.lock is not None and first.lock.held
    lock_file = first.lock.path
    assert lock_file.read_text(encoding="utf-8") == str(os.getpid())
    first.close()
    assert first.lock is None and not lock_file.exists()
    second = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        assert second.lock is not None and second.lock.held and lock_file.exists()
    finally:
        second.close()
    assert not lock_file.exists()


def test_a_text_file_is_refused_and_not_changed(paths: Paths) -> None:
    target = paths.data_dir / "notes.db"
    target.write_text("Dear diary\n", encoding="utf-8")
    with pytest.raises(NotAPeerdeskDatabaseError, match="not a peerdesk database"):
        open_database(target, backup_dir=paths.backup_dir)
    assert target.read_text(encoding="utf-8") == "Dear diary\n"


def test_a_failed_transaction_leaves_nothing_behind(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.add(Person(first_name="Half"))
        session.flush()
        raise RuntimeError("interrupted")
    with db.session() as session:
        assert session.exec(select(Person)).all() == []


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.transaction() as session:
        session.add(PersonRole(person_id=999, role="mentee", started_on=date(2026, 1, 1)))
        session.flush()
