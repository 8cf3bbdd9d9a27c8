"""Shared fixtures: a fresh database and folders per test, never the user's own."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

# Qt must never try to reach a display in tests (CI has none).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from peerdesk.data.database import Database, open_database
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.demo import DemoOptions

#: Tests run on a fixed "today" so that dates and figures never drift.
TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "peerdesk-home"
    monkeypatch.setenv("PEERDESK_HOME", str(home))
    monkeypatch.delenv("PEERDESK_DB", raising=False)
    monkeypatch.delenv("PEERDESK_PASSPHRASE", raising=False)
    return home


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    result = Paths.under(tmp_path / "peerdesk-home")
    result.ensure()
    return result


@pytest.fixture
def db(paths: Paths) -> Iterator[Database]:
    database = open_database(paths.database, backup_dir=paths.backup_dir)
    yield database
    database.close()


@pytest.fixture
def services(db: Database) -> Services:
    return Services(db, today=lambda: TODAY)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database per test session, copied by `demo_services` for each test."""
    folder = tmp_path_factory.mktemp("demo-template")
    database = open_database(folder / "demo.db", backup_dir=folder / "backups", lock=False)
    try:
        Services(database, today=lambda: TODAY).demo.generate(DemoOptions(seed=1))
    finally:
        # Closing the last connection checkpoints the WAL into the file, so one file is copied.
        database.close()
    return folder / "demo.db"


@pytest.fixture
def demo_services(demo_template: Path, paths: Paths) -> Iterator[Services]:
    """Services over a private copy of the seed-1 demo database (3 years to TODAY)."""
    import shutil

    shutil.copyfile(demo_template, paths.database)
    database = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        yield Services(database, today=lambda: TODAY)
    finally:
        database.close()
