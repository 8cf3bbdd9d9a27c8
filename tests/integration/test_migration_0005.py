"""Migration 0005: existing condition entries join the seeded families whatever their case,
free-text names stay their own entries, nobody's conditions change, and the organisation gets
the waiting-for-a-mentor reminder (8 weeks)."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

from peerdesk.data.engine import make_engine
from peerdesk.data.migrate import upgrade_to_head

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "schemas"


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return list(connection.execute(sql))


def test_entries_join_their_families_and_the_rest_stay_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "0004.db", path)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        # Names as a coordinator may have typed them; "Bipolar disorder" is not there at all.
        for old, new in (
            ("Type 2 diabetes", "type 2 DIABETES"),
            ("Anxiety", "anxiety"),
            ("Bipolar disorder", "Bipolar (type 2)"),
        ):
            connection.execute("UPDATE condition SET name = ? WHERE name = ?", (new, old))
        connection.commit()
    links_before = _rows(path, "SELECT * FROM person_condition ORDER BY 1, 2, 3")
    names_before = _rows(path, "SELECT id, name FROM condition ORDER BY id")
    engine = make_engine(path)
    upgrade_to_head(engine)
    engine.dispose()

    after = _rows(path, "SELECT id, name, family FROM condition ORDER BY id")
    families = {name: family for _id, name, family in after}
    assert {k: v for k, v in families.items() if v} == {
        "Type 1 diabetes": "Diabetes",
        "type 2 DIABETES": "Diabetes",
        "Depression": "Mental health",
        "anxiety": "Mental health",
        "Bipolar disorder": "Mental health",  # added: no entry had that name
    }
    assert families["Bipolar (type 2)"] == ""  # a free-text name stays its own entry
    # Every entry kept its id and name; only the missing seeded one was added.
    assert [(i, n) for i, n, _f in after] == [
        *names_before,
        (len(names_before) + 1, "Bipolar disorder"),
    ]
    assert _rows(path, "SELECT * FROM person_condition ORDER BY 1, 2, 3") == links_before
    assert _rows(path, "SELECT waiting_remind_weeks FROM organisation") == [(8,)]
    # The reminder's range is the database's too, not only the services'.
    with contextlib.closing(sqlite3.connect(path)) as connection:
        try:
            connection.execute("UPDATE organisation SET waiting_remind_weeks = 53")
        except sqlite3.IntegrityError as error:
            assert "waiting_remind_weeks_valid" in str(error)
        else:
            raise AssertionError("a reminder of 53 weeks was stored")
