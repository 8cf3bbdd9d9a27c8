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
from peerdesk.data.migrate import head_revision, shipped_revisions, upgrade_to_head
from peerdesk.errors import DatabaseNewerError
from peerdesk.paths import Paths
from tests.helpers import table_contents

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "schemas"
SCHEMA_FILES = sorted(FIXTURES.glob("*.db"))
#: Tables a migration replaced, and the table each of their rows became one row of (0007: each
#: old `expense` row became one `expense_claim`, keeping its id).
REPLACED = {"expense": "expense_claim"}
#: Tables a migration may add rows to, each with its own test of what it added (0008: a
#: training record of a module that became two gets a second record, for the second module).
GROWN = {"training_record"}
MAKE_FIXTURE = "run `.venv/bin/python scripts/make_schema_fixture.py` and commit what it writes"


def test_every_revision_before_head_has_a_committed_database() -> None:
    """A migration added without a database of the schema before it could never be tested."""
    older = sorted(set(shipped_revisions()) - {head_revision()})
    missing = [revision for revision in older if not (FIXTURES / f"{revision}.db").exists()]
    assert missing == [], (
        f"no tests/fixtures/schemas/<revision>.db for {', '.join(missing)}: check out the "
        f"commit before that revision's successor migration, {MAKE_FIXTURE}"
    )


def test_the_head_revision_has_a_committed_database() -> None:
    # Made now, while this schema is head, so that the next migration has a past to upgrade.
    assert (FIXTURES / f"{head_revision()}.db").exists(), (
        f"no database of the head schema {head_revision()}: {MAKE_FIXTURE}"
    )


def test_every_committed_database_is_a_shipped_revision() -> None:
    assert SCHEMA_FILES, "no schema databases found"
    for fixture in SCHEMA_FILES:
        assert fixture.stem in shipped_revisions(), f"{fixture.name} is no shipped revision"
        assert _revision_of(fixture) == fixture.stem, f"{fixture.name} holds another revision"


@pytest.mark.parametrize("fixture", SCHEMA_FILES, ids=lambda p: p.stem)
def test_every_committed_database_has_rows_in_every_table(fixture: Path) -> None:
    """Only a table with rows in it shows that an upgrade carried its rows across."""
    contents = table_contents(fixture, every_table=True)
    assert len(contents) > 1
    assert [table for table, rows in contents.items() if not rows] == []
    # One small self-contained file: a rollback journal, not a write-ahead log beside it.
    assert fixture.read_bytes()[18:20] == b"\x01\x01"
    assert fixture.stat().st_size < 1_000_000


@pytest.mark.parametrize("fixture", SCHEMA_FILES, ids=lambda p: p.stem)
def test_every_committed_schema_upgrades_to_head_keeping_its_records(
    fixture: Path, paths: Paths
) -> None:
    target = paths.data_dir / "old.db"
    shutil.copyfile(fixture, target)
    everything_before = table_contents(target, every_table=True)
    before, columns_before = table_contents(target), _columns(target)
    older = fixture.stem != head_revision()
    database = open_database(target, backup_dir=paths.backup_dir)
    try:
        assert _revision_of(target) == head_revision()
        # A backup is taken before an upgrade, and only then, and it holds the old database.
        backups = sorted(paths.backup_dir.glob("*.db"))
        assert len(backups) == int(older)
        assert [b for b in (database.pre_migration_backup,) if b is not None] == backups
        assert [table_contents(b, every_table=True) for b in backups] == (
            [everything_before] * int(older)
        )
        assert database.migrated_from == (fixture.stem if older else None)
    finally:
        database.close()
    everything_after = table_contents(target, every_table=True)
    after, columns_after = table_contents(target), _columns(target)
    carried = {t: REPLACED.get(t, t) for t in everything_before}
    assert set(carried.values()) <= set(everything_after)
    assert {t: len(everything_after[carried[t]]) for t in everything_before if t not in GROWN} == {
        t: len(rows) for t, rows in everything_before.items() if t not in GROWN
    }
    assert all(len(everything_after[t]) >= len(everything_before[t]) for t in GROWN)
    # Where a migration left a table's columns alone, its rows are exactly the same (apart
    # from the database's identity, which records where it was opened).
    unchanged = [
        t for t in before if t != "alembic_version" and columns_before[t] == columns_after.get(t)
    ]
    assert unchanged
    assert {t: after[t] for t in unchanged} == {t: before[t] for t in unchanged}


def _revision_of(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def _columns(path: Path) -> dict[str, list[str]]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            for table in tables
        }


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
    shutil.copyfile(SCHEMA_FILES[0], target)
    with contextlib.closing(sqlite3.connect(target)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
        connection.commit()
    original = target.read_bytes()
    with pytest.raises(DatabaseNewerError, match="newer version of peerdesk"):
        open_database(target, backup_dir=paths.backup_dir)
    assert target.read_bytes() == original
    assert not list(paths.backup_dir.glob("*"))
