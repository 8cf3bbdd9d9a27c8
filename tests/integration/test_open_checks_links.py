"""Opening checks the links between records, and damage found while open stops every write.

The quick check on open reads the file's structure only: a sessions row whose person has gone
passes it, and `figures` and the app carried on. These tests remove people underneath their
sessions (foreign keys off, as a damaged file or another program would) and show that opening
refuses the file, the command line says so with exit code 2, and the file is left unchanged.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from peerdesk.cli.main import main
from peerdesk.data.database import open_database
from peerdesk.errors import DatabaseDamagedError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY


def _remove_people_with_sessions(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        gone = connection.execute(
            "DELETE FROM person WHERE id IN (SELECT mentee_id FROM pairing LIMIT 3)"
        ).rowcount
        connection.commit()
    return gone


@pytest.fixture
def unlinked(demo_template: Path, paths: Paths) -> Path:
    shutil.copyfile(demo_template, paths.database)
    assert _remove_people_with_sessions(paths.database) == 3
    return paths.database


def test_opening_refuses_records_that_point_to_people_who_are_gone(
    unlinked: Path, paths: Paths
) -> None:
    before = unlinked.read_bytes()
    with pytest.raises(DatabaseDamagedError, match="no longer there"):
        open_database(unlinked, backup_dir=paths.backup_dir)
    assert unlinked.read_bytes() == before


def test_figures_on_the_command_line_stop_with_a_plain_message(
    unlinked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = unlinked.read_bytes()
    out = tmp_path / "figures.json"
    code = main(
        ["--db", str(unlinked), "figures", "--year", "2025", "--format", "json", "--out", str(out)]
    )
    assert code == 2
    error = capsys.readouterr().err
    assert "no longer there" in error and "Traceback" not in error
    assert "peerdesk restore PATH" in error  # and what to do about it
    assert not out.exists()
    assert unlinked.read_bytes() == before


def test_the_demo_database_passes_the_link_check(demo_template: Path, paths: Paths) -> None:
    shutil.copyfile(demo_template, paths.database)
    open_database(paths.database, backup_dir=paths.backup_dir).close()


def test_damage_met_while_open_refuses_every_later_write(paths: Paths) -> None:
    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        services = Services(db, today=lambda: TODAY)
        services.people.add(PersonDetails(first_name="Before"))
        problem = DatabaseDamagedError("The database is damaged.")
        with pytest.raises(DatabaseDamagedError), db.transaction():
            raise problem
        assert db.damaged is problem
        with pytest.raises(DatabaseDamagedError) as refused:
            services.people.add(PersonDetails(first_name="After"))
        assert refused.value is problem
        with contextlib.closing(sqlite3.connect(paths.database)) as raw:
            names = [r[0] for r in raw.execute("SELECT first_name FROM person")]
        assert names == ["Before"]
    finally:
        db.close()


def test_a_read_that_meets_a_damaged_page_also_stops_every_later_write(paths: Paths) -> None:
    """The coordinator may only be reading (a list, a search) when the damage shows."""
    from sqlalchemy.exc import DatabaseError
    from sqlmodel import select

    from peerdesk.data.models import Person

    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        services = Services(db, today=lambda: TODAY)
        for number in range(40):
            services.people.add(PersonDetails(first_name=f"Person{number}", notes="n" * 400))
        db.release_connections()  # the last connection closed: everything is in the file
        with contextlib.closing(sqlite3.connect(paths.database)) as raw:
            page = raw.execute("SELECT rootpage FROM sqlite_master WHERE name='person'")
            root = page.fetchone()[0]
            size = raw.execute("PRAGMA page_size").fetchone()[0]
        data = bytearray(paths.database.read_bytes())
        data[(root - 1) * size + 8 : root * size] = b"\xa5" * (size - 8)
        paths.database.write_bytes(bytes(data))
        assert db.damaged is None
        with pytest.raises(DatabaseError), db.session() as session:
            session.exec(select(Person)).all()
        assert db.damaged is not None and "damaged" in str(db.damaged)
        with pytest.raises(DatabaseDamagedError):
            services.people.add(PersonDetails(first_name="After"))
    finally:
        db.close()


def test_damage_met_by_a_command_is_remembered_for_the_next_start(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    from peerdesk.cli.context import CommandContext

    context = CommandContext(args=argparse.Namespace(), paths=paths)
    with pytest.raises(DatabaseDamagedError), context.services() as services:
        services.people.add(PersonDetails(first_name="Before"))
        with services.db.transaction():
            raise DatabaseDamagedError("peerdesk could not save your changes: damaged.")
    code = main(["--db", str(paths.database), "check"])  # check reads; it is not refused
    assert code == 0
    out = tmp_path / "figures.json"
    argv = ["--db", str(paths.database), "figures", "--year", "2025", "--format", "json"]
    assert main([*argv, "--out", str(out)]) == 2
    assert "met a damaged part" in capsys.readouterr().err
    assert not out.exists()
