"""0007 turns each old expense row into a claim with dated lines, keeping every penny."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

from peerdesk.data.database import open_database
from peerdesk.paths import Paths

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schemas" / "0006.db"


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return list(connection.execute(sql))


def test_old_expenses_become_claims_with_the_same_money(paths: Paths) -> None:
    target = paths.data_dir / "old.db"
    shutil.copyfile(FIXTURE, target)
    old = _rows(
        target,
        "SELECT id, person_id, claim_date, miles_tenths, mileage_rate_pence, fares_pence,"
        " parking_pence, approved_on, paid_on FROM expense ORDER BY id",
    )
    assert old, "the 0006 fixture has expense rows"
    open_database(target, backup_dir=paths.backup_dir).close()

    claims = _rows(
        target,
        "SELECT id, person_id, submitted_on, status, approved_on, paid_on FROM expense_claim"
        " ORDER BY id",
    )
    expected_claims = [
        (
            row[0],
            row[1],
            row[2],
            "paid" if row[8] else "approved" if row[7] else "submitted",
            row[7],
            row[8],
        )
        for row in old
    ]
    assert claims == expected_claims
    for claim_id, _, _, miles, rate, fares, parking, _, _ in old:
        lines = _rows(
            target,
            "SELECT kind, miles_tenths, rate_pence, amount_pence FROM expense_line"
            f" WHERE claim_id = {claim_id} ORDER BY id",
        )
        expected = []
        if miles:
            # Worked out as the old table did: tenths of a mile times the rate, to the penny.
            expected.append(("mileage", miles, rate, round(miles * rate / 10)))
        if fares:
            expected.append(("fares", 0, 0, fares))
        if parking:
            expected.append(("parking", 0, 0, parking))
        assert lines == expected
