"""The demo's references (issue 22, part C): most volunteers through the journey's checks
have two, received, read and satisfactory, each with a fictional contact; a few wait for
their second or have not read it yet; the same seed writes the same references, and the
history knows each as it ends up. Read straight from the file."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.services.demo.options import DemoOptions
from tests.conftest import TODAY

LATEST_STAGE = (
    "(SELECT s.stage FROM volunteer_stage_change s WHERE s.person_id = r.person_id "
    "ORDER BY s.changed_on DESC, s.id DESC LIMIT 1)"
)


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def test_most_volunteers_through_the_checks_have_two_satisfactory(demo_template: Path) -> None:
    counts = rows(
        demo_template,
        "SELECT r.person_id, count(*), sum(r.satisfactory = 1 AND r.received_on IS NOT NULL) "
        f"FROM volunteer_reference r WHERE {LATEST_STAGE} IN ('active', 'paused', 'left') "
        "GROUP BY r.person_id",
    )
    assert {total for _person, total, _good in counts} == {2}
    good = [person for person, _total, satisfactory in counts if satisfactory == 2]
    assert len(counts) >= 10 and len(good) >= 0.7 * len(counts)


def test_a_few_wait_for_their_second_or_have_not_read_it(demo_template: Path) -> None:
    found = rows(
        demo_template,
        "SELECT r.received_on IS NULL, r.satisfactory FROM volunteer_reference r ORDER BY r.id",
    )
    awaited = [satisfactory for missing, satisfactory in found if missing]
    unread = [1 for missing, satisfactory in found if not missing and satisfactory is None]
    assert 0 < len(awaited) < len(found) / 4 and unread
    assert set(awaited) == {None}  # nobody judges a reference that has not arrived
    assert 0 not in {satisfactory for _missing, satisfactory in found}


def test_every_reference_has_a_fictional_contact(demo_template: Path) -> None:
    contacts = [c for (c,) in rows(demo_template, "SELECT contact FROM volunteer_reference")]
    assert contacts and all(c.endswith("@example.org") and " " not in c for c in contacts)


def test_the_same_seed_writes_the_same_references(demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    database = open_database(path, backup_dir=tmp_path / "backups", lock=False)
    try:
        Services(database, today=lambda: TODAY).demo.generate(DemoOptions(seed=1))
    finally:
        database.close()
    sql = "SELECT * FROM volunteer_reference ORDER BY id"
    assert rows(path, sql) == rows(demo_template, sql)


def test_the_history_knows_each_reference_as_it_ends_up(demo_services: Services) -> None:
    with demo_services.db.session() as session:
        connection = session.connection()
        awaited = connection.exec_driver_sql(
            "SELECT id FROM volunteer_reference WHERE received_on IS NULL ORDER BY id LIMIT 1"
        ).scalar_one()
    changes = demo_services.history.for_record("volunteer_reference", awaited)
    assert len(changes) == 1  # one new row, not an insert then an update
    [line] = changes[0].lines
    logged = {field.column: field.new for field in line.fields}
    assert logged["received_on"] is None and logged["satisfactory"] is None
    assert str(logged["contact"]).endswith("@example.org")
