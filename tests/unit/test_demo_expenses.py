"""The demo's expense claims (issue 21 part B): most volunteers claim, most claims are paid,
some approved, a few submitted; one rural mentor passes 10,000 miles in a tax year and gets
25p a mile after; every mileage amount agrees with its stored rates; the same seed writes the
same claims. Read straight from the database file."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.services.demo import DemoOptions
from tests.conftest import TODAY


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def test_claims_have_every_status_most_of_them_paid(demo_template: Path) -> None:
    counts = dict(rows(demo_template, "SELECT status, count(*) FROM expense_claim GROUP BY status"))
    assert set(counts) == {"submitted", "approved", "paid"}
    assert counts["paid"] > counts["approved"] + counts["submitted"]
    assert counts["submitted"] >= 1 and counts["approved"] >= 2
    kinds = {kind for (kind,) in rows(demo_template, "SELECT DISTINCT kind FROM expense_line")}
    assert {"mileage", "fares", "parking"} <= kinds
    # Claims are by mentors and facilitators only.
    [(others,)] = rows(
        demo_template,
        "SELECT count(*) FROM expense_claim c WHERE NOT EXISTS (SELECT 1 FROM person_role r "
        "WHERE r.person_id = c.person_id AND r.role IN ('mentor', 'facilitator'))",
    )
    assert others == 0


def test_every_mileage_amount_agrees_with_its_stored_rates(demo_template: Path) -> None:
    lines = rows(
        demo_template,
        "SELECT miles_tenths, reduced_miles_tenths, rate_pence, reduced_rate_pence, amount_pence "
        "FROM expense_line WHERE kind = 'mileage'",
    )
    assert lines
    for miles, reduced, rate, reduced_rate, amount in lines:
        # Tenths of a mile times pence a mile is tenths of a penny; half a penny rounds up.
        tenth_pence = (miles - reduced) * rate + reduced * reduced_rate  # type: ignore[operator]
        assert amount == (tenth_pence + 5) // 10


def test_one_mentor_passes_10000_miles_in_the_last_tax_year(demo_template: Path) -> None:
    # The last whole tax year before TODAY (15 June 2026): 6 April 2025 to 5 April 2026.
    heavy = rows(
        demo_template,
        "SELECT c.person_id, sum(l.miles_tenths), sum(l.reduced_miles_tenths) FROM expense_line l "
        "JOIN expense_claim c ON c.id = l.claim_id WHERE l.kind = 'mileage' "
        "AND l.line_date BETWEEN '2025-04-06' AND '2026-04-05' GROUP BY c.person_id "
        "HAVING sum(l.miles_tenths) > 100000",
    )
    assert len(heavy) == 1
    [(_person, miles, reduced)] = heavy
    # Everything past the 10,000 miles (100,000 tenths) is at the reduced rate.
    assert reduced == miles - 100_000  # type: ignore[operator]


def test_the_same_seed_writes_the_same_claims(demo_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    database = open_database(path, backup_dir=tmp_path / "backups", lock=False)
    try:
        Services(database, today=lambda: TODAY).demo.generate(DemoOptions(seed=1))
    finally:
        database.close()
    for table in ("expense_claim", "expense_line"):
        sql = f"SELECT * FROM {table} ORDER BY id"
        assert rows(path, sql) == rows(demo_template, sql)
