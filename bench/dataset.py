"""The benchmark databases: the demo generator at 10 years, cached by their parameters.

Scale 16 (about 9,600 people and 150,000 sessions over 10 years) is the large database; the
scaling benchmark adds scale 1 and 4, so the three are 1×, 4× and 16× the same organisation.
A file is reused while the generator, its vocabulary and the schema are unchanged (their hash
is in the file name), so a rerun skips the minute of generating.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
WORK = RESULTS / "tmp"

#: The data ends on this day (the tests' TODAY), so every run counts the same records.
TODAY = date(2026, 6, 15)
SEED = 1
YEARS = 10
LARGE_SCALE = 16.0
MULTIPLES = (1, 4, 16)


@dataclass(frozen=True)
class Dataset:
    path: Path
    scale: float
    counts: dict[str, int]
    generated_seconds: float | None  # None when it came from the cache

    @property
    def multiple(self) -> float:
        return self.scale / (LARGE_SCALE / MULTIPLES[-1])


def _fingerprint() -> str:
    """Changes whenever the generated rows could change: generator, vocabulary, schema."""
    digest = hashlib.sha256()
    demo = ROOT / "peerdesk" / "services" / "demo"
    for source in sorted(demo.glob("*.py")):
        digest.update(source.read_bytes())
    for migration in sorted((ROOT / "peerdesk" / "data" / "migrations" / "versions").glob("*.py")):
        digest.update(migration.read_bytes())
    return digest.hexdigest()[:10]


def cached_path(scale: float) -> Path:
    return RESULTS / f"bench-seed{SEED}-y{YEARS}-s{scale:g}-{_fingerprint()}.db"


def dataset(scale: float, *, log: bool = True) -> Dataset:
    """The database at `scale`, generated on first use and cached under bench/results/."""
    path = cached_path(scale)
    if path.exists():
        return Dataset(path, scale, counts(path), None)
    RESULTS.mkdir(parents=True, exist_ok=True)
    for stale in RESULTS.glob(f"bench-seed{SEED}-y{YEARS}-s{scale:g}-*"):
        stale.unlink()
    if log:
        print(f"  generating the scale {scale:g} database (once; cached afterwards)…", flush=True)
    started = time.perf_counter()
    _generate(path, scale)
    seconds = time.perf_counter() - started
    found = counts(path)
    if log:
        print(
            f"  {found['people']:,} people, {found['sessions']:,} sessions in {seconds:.0f} s",
            flush=True,
        )
    return Dataset(path, scale, found, seconds)


#: What the results say about the data, and the table each is counted in.
COUNTED = {
    "people": "person",
    "sessions": "mentoring_session",
    "pairings": "pairing",
    "referrals": "referral",
    "consents": "consent",
    "supervisions": "supervision",
    "group meetings": "group_meeting",
    "attendances": "attendance",
}


def counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        return {
            name: int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for name, table in COUNTED.items()
        }


def _generate(path: Path, scale: float) -> None:
    from peerdesk.data.database import open_database
    from peerdesk.services import Services
    from peerdesk.services.demo import DemoOptions

    part = path.with_name(path.name + ".part")
    _remove(part)
    backups = WORK / "generate-backups"
    database = open_database(part, backup_dir=backups, lock=False, allow_fresh=True)
    try:
        Services(database, today=lambda: TODAY).demo.generate(
            DemoOptions(seed=SEED, years=YEARS, scale=scale)
        )
    finally:
        database.close()
    # Fold the write-ahead log in, so the cached file stands alone.
    with closing(sqlite3.connect(part)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    _remove(Path(f"{part}-wal"), Path(f"{part}-shm"))
    os.replace(part, path)


def working_copy(source: Path, name: str) -> Path:
    """A copy of a cached database to run the real app on (it takes a lock and may write)."""
    WORK.mkdir(parents=True, exist_ok=True)
    target = WORK / name
    _remove(target, Path(f"{target}-wal"), Path(f"{target}-shm"))
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


def _remove(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
