"""The demo's training (issue 22, part B): courses of a few sessions with 2 to 10 attendees
and a trainer, every record linked to its session and module; most active mentors trained,
a few with a refresher due or expired; the same seed writes the same training; a database
wiped with --force gets the modules again."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.services.demo.options import DemoOptions
from peerdesk.services.training.views import CellState
from tests.conftest import TODAY


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def test_sessions_have_a_trainer_modules_and_up_to_ten_attending(demo_template: Path) -> None:
    sessions = rows(
        demo_template,
        "SELECT s.id, s.trainer_name, count(DISTINCT r.person_id), "
        "(SELECT count(*) FROM training_session_module m WHERE m.session_id = s.id) "
        "FROM training_session s JOIN training_record r ON r.training_session_id = s.id "
        "GROUP BY s.id",
    )
    assert len(sessions) >= 6
    assert all(
        trainer and 1 <= attending <= 10 and modules
        for _id, trainer, attending, modules in sessions
    )
    assert (
        sum(attending >= 4 for _id, _trainer, attending, _modules in sessions) >= len(sessions) / 2
    )
    [(unlinked,)] = rows(
        demo_template, "SELECT count(*) FROM training_record WHERE module_id IS NULL"
    )
    assert unlinked == 0


def test_most_active_mentors_are_trained_and_a_few_are_due_or_expired(
    demo_services: Services,
) -> None:
    matrix = demo_services.training.matrix()
    assert len(matrix.rows) >= 20
    trained = [row for row in matrix.rows if row.trained]
    assert len(trained) >= 0.75 * len(matrix.rows)
    states = [cell.state for row in matrix.rows for cell in row.cells]
    assert CellState.EXPIRED in states and CellState.DUE in states
    expired = [row for row in matrix.rows if any("expired on" in gap for gap in row.gaps)]
    assert 0 < len(expired) <= 0.2 * len(matrix.rows)
    # Readiness for pairing says the same as the matrix.
    for row in expired:
        missing = demo_services.volunteers.readiness(row.person_id).missing
        assert any(m.startswith("training: ") and "expired on" in m for m in missing)


def test_the_same_seed_writes_the_same_training(demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    database = open_database(path, backup_dir=tmp_path / "backups", lock=False)
    try:
        Services(database, today=lambda: TODAY).demo.generate(DemoOptions(seed=1))
    finally:
        database.close()
    for table in ("training_session", "training_record", "training_session_module"):
        sql = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert rows(path, sql) == rows(demo_template, sql)


def test_a_wiped_database_gets_the_modules_again(demo_services: Services) -> None:
    demo_services.demo.generate(DemoOptions(seed=2, force=True))
    names = [m.name for m in demo_services.training.modules()]
    assert names[0] == "Peer Support in Mental Health Recovery" and len(names) == 10
    assert demo_services.training.sessions()
