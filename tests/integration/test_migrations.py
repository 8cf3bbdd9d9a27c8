"""Migrations: every past schema upgrades to head, head equals the models, newer is refused."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from peerdesk.data.database import open_database
from peerdesk.data.engine import make_engine
from peerdesk.data.migrate import head_revision, upgrade_to_head
from peerdesk.errors import DatabaseNewerError
from peerdesk.paths import Paths
from tests.helpers import table_contents

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "schemas"
SCHEMA_FILES = sorted(FIXTURES.glob("*.db"))


def test_there_is_a_committed_database_for_the_first_migration() -> None:
    assert (FIXTURES / "0001.db").exists()


@pytest.mark.parametrize("fixture", SCHEMA_FILES, ids=lambda p: p.stem)
def test_every_committed_schema_upgrades_to_head_keeping_its_records(
    fixture: Path, paths: Paths
) -> None:
    target = paths.data_dir / "old.db"
    shutil.copyfile(fixture, target)
    before = table_contents(target)
    database = open_database(target, backup_dir=paths.backup_dir)
    try:
        with contextlib.closing(sqlite3.connect(target)) as connection:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert revision == head_revision()
        if fixture.stem != head_revision():
            assert database.pre_migration_backup is not None
            assert table_contents(database.pre_migration_backup) == before
    finally:
        database.close()
    after = table_contents(target)
    for table in ("person", "pairing", "mentoring_session", "consent", "attendance"):
        assert len(after[table]) == len(before[table]) > 0


def test_upgrading_to_head_builds_exactly_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "fresh.db")
    upgrade_to_head(engine)
    with engine.connect() as connection:
        diff = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}),
            SQLModel.metadata,
        )
    assert diff == []


def test_the_frozen_wording_trigger_exists_after_migration(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "fresh.db")
    upgrade_to_head(engine)
    with contextlib.closing(sqlite3.connect(tmp_path / "fresh.db")) as connection:
        names = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        ]
    assert "consent_wording_used_is_frozen" in names


def test_a_database_from_a_newer_peerdesk_is_refused_and_left_untouched(paths: Paths) -> None:
    target = paths.data_dir / "newer.db"
    shutil.copyfile(FIXTURES / "0001.db", target)
    with contextlib.closing(sqlite3.connect(target)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
        connection.commit()
    original = target.read_bytes()
    with pytest.raises(DatabaseNewerError, match="newer version of peerdesk"):
        open_database(target, backup_dir=paths.backup_dir)
    assert target.read_bytes() == original
    assert not list(paths.backup_dir.glob("*"))
