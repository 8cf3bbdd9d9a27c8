"""Write tests/fixtures/schemas/<revision>.db: a small database at the current head revision.

Run once per new migration (before writing the next one), and commit the file: the migration
tests upgrade every committed schema version to head.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from datetime import date
from pathlib import Path

from peerdesk.data.database import open_database
from peerdesk.data.migrate import head_revision
from peerdesk.services import Services
from peerdesk.services.demo import DemoOptions


def main() -> int:
    folder = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "schemas"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{head_revision()}.db"
    target.unlink(missing_ok=True)
    database = open_database(target, lock=False)
    try:
        services = Services(database, today=lambda: date(2026, 1, 15))
        services.demo.generate(DemoOptions(seed=7, years=1, scale=0.2))
    finally:
        database.close()
    # One self-contained file (no -wal beside it) is what gets committed.
    with contextlib.closing(sqlite3.connect(target)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
