"""The demo's concerns (issue 22, part A): a handful a year besides those raised in sessions,
mostly of the usual level with a few for information and one or two urgent; some referred
(mostly a GP or adult social care), some with follow-up actions, most closed with an
outcome; every one dated inside its pairing; the same seed writes the same concerns. Read
straight from the file."""

from __future__ import annotations

import contextlib
import sqlite3
from collections import Counter
from pathlib import Path

from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.services.demo.options import DemoOptions
from tests.conftest import TODAY

#: The concerns this module writes (those raised in sessions have no category).
OURS = "SELECT {} FROM concern WHERE category != ''"


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def test_a_handful_a_year_mostly_of_the_usual_level(demo_template: Path) -> None:
    levels = Counter(level for (level,) in rows(demo_template, OURS.format("level")))
    assert 12 <= sum(levels.values()) <= 24  # three years of about six
    assert levels["concern"] > levels["information"] > 0
    assert 1 <= levels["urgent"] <= levels["concern"]


def test_some_referred_some_with_actions_most_closed_with_an_outcome(demo_template: Path) -> None:
    found = rows(demo_template, OURS.format("id, referred_to, referred_on, outcome, closed_on"))
    referred = [to for _id, to, on, _o, _c in found if to]
    assert 0 < len(referred) < len(found)
    assert all(on for _id, to, on, _o, _c in found if to)
    closed = [outcome for _id, _to, _on, outcome, closed_on in found if closed_on]
    assert len(closed) >= 0.6 * len(found) and all(closed)
    actions = rows(demo_template, "SELECT concern_id, due_on, done_on FROM concern_action")
    assert actions and {c for c, _d, _done in actions} <= {i for i, *_ in found}
    assert all(done is None or done >= "2000" for _c, _d, done in actions)


def test_each_is_dated_inside_its_pairing(demo_template: Path) -> None:
    outside = rows(
        demo_template,
        "SELECT c.id FROM concern c JOIN pairing p ON p.id = c.pairing_id "
        "WHERE c.raised_on < p.start_date OR (p.end_date IS NOT NULL AND c.raised_on > p.end_date)"
        f" OR c.raised_on > '{TODAY.isoformat()}' OR c.closed_on > '{TODAY.isoformat()}'",
    )
    assert outside == []


def test_the_same_seed_writes_the_same_concerns(demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    database = open_database(path, backup_dir=tmp_path / "backups", lock=False)
    try:
        Services(database, today=lambda: TODAY).demo.generate(DemoOptions(seed=1))
    finally:
        database.close()
    for sql in ("SELECT * FROM concern ORDER BY id", "SELECT * FROM concern_action ORDER BY id"):
        assert rows(path, sql) == rows(demo_template, sql)
