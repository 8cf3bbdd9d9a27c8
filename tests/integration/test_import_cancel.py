"""Stopping a preview or an import part-way (issue 25, point 1): the service reports rows
checked to a Progress, and cancelling it raises ImportCancelled in the middle of the plan,
with nothing written: not a person, not a change set, not a row of any table."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from peerdesk.errors import PeerdeskError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing import ImportCancelled, Progress
from peerdesk.services.importing.progress import EVERY

ROWS = 3 * EVERY


def _people_csv(folder: Path, rows: int = ROWS) -> Path:
    path = folder / "people.csv"
    lines = ["First name,Last name,Phone"]
    lines += [f"Person{i},Family{i},01955 {600000 + i}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _every_row(services: Services) -> dict[str, int]:
    """How many rows each table holds: anything written anywhere shows here."""
    with services.db.engine.connect() as connection:
        tables = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        ).scalars()
        return {
            name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
            for name in list(tables)
        }


class _CancelAt(Progress):
    """Cancels itself (as the Cancel button would, from another thread) once `plans` plans
    have started and the last has checked `rows` rows; records every report."""

    def __init__(self, rows: int, plans: int = 1) -> None:
        super().__init__()
        self.rows, self.plans = rows, plans
        self.started = 0
        self.reports: list[tuple[int, int]] = []

    def report(self, done: int, total: int) -> None:
        self.reports.append((done, total))
        if done == 0:
            self.started += 1
        if self.started >= self.plans and done >= self.rows:
            self.cancel()
        super().report(done, total)


def test_the_preview_reports_its_rows_and_finishes(services: Services, tmp_path: Path) -> None:
    source = services.importing.read(_people_csv(tmp_path))
    progress = _CancelAt(rows=ROWS + 1)  # never reached: runs to the end
    preview = services.importing.preview(source, services.importing.suggest(source), None, progress)
    assert preview.counts["people_created"] == ROWS
    assert progress.reports == [(0, ROWS), (EVERY, ROWS), (2 * EVERY, ROWS), (ROWS, ROWS)]
    assert progress.snapshot() == (ROWS, ROWS)


def test_cancelling_stops_the_preview_mid_plan_and_writes_nothing(
    services: Services, tmp_path: Path
) -> None:
    source = services.importing.read(_people_csv(tmp_path))
    settings = services.importing.suggest(source)
    before = _every_row(services)
    progress = _CancelAt(rows=EVERY)
    with pytest.raises(ImportCancelled):
        services.importing.preview(source, settings, None, progress)
    # Stopped at the first report after cancelling: a third of the way, not at the end.
    assert progress.reports[-1] == (EVERY, ROWS)
    assert progress.snapshot() == (EVERY, ROWS)
    assert _every_row(services) == before
    assert not issubclass(ImportCancelled, PeerdeskError)  # never shown as a problem


def test_cancelling_inside_the_import_rolls_it_back(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    """The import plans twice: the check, then again inside its transaction (which has
    already begun its change set). Cancelled during the second, the transaction is rolled
    back: no people and no change set."""
    source = services.importing.read(_people_csv(tmp_path))
    settings = services.importing.suggest(source)
    before = _every_row(services)
    progress = _CancelAt(rows=2 * EVERY, plans=2)
    with pytest.raises(ImportCancelled):
        services.importing.run(source, settings, None, paths.backup_dir, progress)
    assert progress.started == 2
    assert progress.reports[-1] == (2 * EVERY, ROWS)
    assert _every_row(services) == before
    assert services.people.list_rows() == []


def test_a_progress_cancelled_before_it_starts_plans_nothing(
    services: Services, tmp_path: Path
) -> None:
    source = services.importing.read(_people_csv(tmp_path, rows=3))
    progress = _CancelAt(rows=0)
    progress.cancel()
    with pytest.raises(ImportCancelled):
        services.importing.preview(source, services.importing.suggest(source), None, progress)
    assert progress.reports == []
