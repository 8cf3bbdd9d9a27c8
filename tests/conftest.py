"""Shared fixtures: a fresh database and folders per test, never the user's own."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from datetime import date, datetime, time, tzinfo
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
#: The moment of "now" for tests that need a time of day too (the `clock` fixture).
NOW = datetime.combine(TODAY, time(10, 15))


class FixedClock:
    """The time the code under test sees: `NOW`, unless a test sets `current`.

    Services take a clock as an argument (`Services(db, today=clock.today)`,
    `BackupService(..., now=clock.now)`). Code that reads the wall clock itself is pointed at
    this one with `freeze("module.name", ...)`, so nothing depends on when the test runs
    (a "today at" that becomes "yesterday at" just after midnight, say).
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.current = NOW
        self._monkeypatch = monkeypatch

    def now(self) -> datetime:
        return self.current

    def today(self) -> date:
        return self.current.date()

    def freeze(self, *modules: str) -> None:
        """Make the wall clock (`datetime.now`, `date.today`) inside `modules` read this one."""
        clock = self

        class FrozenDatetime(datetime):
            @classmethod
            def now(cls, tz: tzinfo | None = None) -> FrozenDatetime:
                moment = clock.current if tz is None else clock.current.replace(tzinfo=tz)
                return cls.combine(moment.date(), moment.timetz())

            @classmethod
            def today(cls) -> FrozenDatetime:
                return cls.now()

        class FrozenDate(date):
            @classmethod
            def today(cls) -> FrozenDate:
                day = clock.current.date()
                return cls(day.year, day.month, day.day)

        for name in modules:
            module = importlib.import_module(name)
            replaced = False
            if getattr(module, "datetime", None) is datetime:
                self._monkeypatch.setattr(module, "datetime", FrozenDatetime)
                replaced = True
            if getattr(module, "date", None) is date:
                self._monkeypatch.setattr(module, "date", FrozenDate)
                replaced = True
            assert replaced, f"{name} imports neither datetime nor date by name"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FixedClock:
    """A fixed clock at `NOW` (10:15 on `TODAY`); see `FixedClock.freeze`."""
    return FixedClock(monkeypatch)


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
