"""Kill a writer with SIGKILL at random moments and prove nothing it reported saved is lost.

Shared by tests/integration/test_crash_kill.py (a few hundred rounds) and bench/crash_loop.py
(thousands). Each round: fork a writer from the worker process, let it write for a random
moment, SIGKILL it, reopen the database the way peerdesk does, and check integrity_check,
foreign_key_check and that every id the writer printed is present.
"""

from __future__ import annotations

import contextlib
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from peerdesk.data import registry
from peerdesk.data.database import Database, open_database
from peerdesk.data.models import Pairing
from peerdesk.services.people.service import PeopleService, PersonDetails
from peerdesk.services.safety.backups import BackupService
from peerdesk.vocabulary import PairingStatus, Role

WORKER = Path(__file__).with_name("crash_worker.py")
TODAY = date(2026, 6, 15)
TABLES = {"person": "person", "session": "mentoring_session", "consent": "consent"}


@dataclass
class CrashReport:
    rounds: int = 0
    committed: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    #: Half-written backup files found after a kill (removed by the next start).
    partial_removed: int = 0


def prepare(database: Path) -> int:
    """A database with one active pairing for the writer to log sessions against."""
    db = open_database(database)
    try:
        people = PeopleService(db, lambda: TODAY)
        mentor = people.add(PersonDetails(first_name="Mentor"), roles=[Role.MENTOR])
        mentee = people.add(PersonDetails(first_name="Mentee"), roles=[Role.MENTEE])
        with db.transaction() as session:
            pairing = Pairing(
                mentor_id=mentor.id or 0,
                mentee_id=mentee.id or 0,
                status=PairingStatus.ACTIVE.value,
                proposed_on=TODAY - timedelta(days=90),
                start_date=TODAY - timedelta(days=80),
            )
            session.add(pairing)
            session.flush()
            assert pairing.id is not None
            return pairing.id
    finally:
        db.close()


def run_rounds(
    database: Path,
    rounds: int,
    *,
    seed: int = 0,
    max_delay: float = 0.04,
    backup_dir: Path | None = None,
) -> CrashReport:
    """`backup_dir`: the writer also backs up after every commit (kills land in backups)."""
    rng = random.Random(seed)
    pairing_id = prepare(database)
    report = CrashReport()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    extra = [str(backup_dir)] if backup_dir is not None else []
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), str(database), str(pairing_id), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    assert worker.stdin is not None and worker.stdout is not None
    try:
        for number in range(rounds):
            worker.stdin.write(f"go {rng.randrange(2**31)}\n".encode())
            worker.stdin.flush()
            first = worker.stdout.readline().decode().split()
            assert first and first[0] == "pid", f"worker said {first!r}"
            pid = int(first[1])
            # Mostly kill while it writes (after a few commits, at a random moment into the
            # next one); now and then while it is still opening the file.
            printed: list[tuple[str, int]] = []
            backups: list[str] = []
            if rng.random() < 0.9:
                wanted = rng.choice([0, 1, 1, 2, 3])
                while len(printed) < wanted:
                    words = worker.stdout.readline().decode().split()
                    if words and words[0] in TABLES:
                        printed.append((words[0], int(words[1])))
                    elif words and words[0] == "backup":
                        backups.append(words[1])
                    elif words != ["ready"]:
                        report.problems.append(f"round {number}: writer said {words!r}")
                        break
            time.sleep(rng.random() * max_delay)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            for raw in iter(worker.stdout.readline, b""):
                words = raw.decode().split()
                if words == ["done"]:
                    break
                if words == ["ready"]:
                    continue
                if words[0] == "error":
                    report.problems.append(f"round {number}: writer failed: {raw.decode()}")
                    continue
                if words[0] == "backup":
                    backups.append(words[1])
                    continue
                printed.append((words[0], int(words[1])))
            if backup_dir is not None and backup_dir.is_dir():
                report.partial_removed += sum(".part" in p.name for p in backup_dir.iterdir())
            problems = check(database, printed, backup_dir, backups[-1:])
            report.problems.extend(f"round {number}: {p}" for p in problems)
            report.committed["backup"] += len(backups)
            report.committed.update(kind for kind, _ in printed)
            report.rounds += 1
            if report.problems:
                break
    finally:
        with contextlib.suppress(OSError):
            worker.stdin.write(b"quit\n")
            worker.stdin.close()
        if not _exited(worker, 5):
            worker.kill()
        worker.wait()
    return report


def check(
    database: Path,
    printed: list[tuple[str, int]],
    backup_dir: Path | None = None,
    newest_backup: list[str] | None = None,
) -> list[str]:
    """Reopen as peerdesk does (lock, quick_check, migrations), then check everything.

    With `backup_dir`: after that start, no half-written file is left in it, every backup in
    it is listed and recorded, and the newest backup the writer reported is among them.
    """
    problems: list[str] = []
    # Also proves the dead writer's lock was recovered.
    db = open_database(database, backup_dir=backup_dir)
    if db.foreign_wal is not None:
        # Only our own writer wrote this -wal: calling it another copy's would drop its work.
        problems.append(f"our own -wal was set aside as another copy's: {db.foreign_wal.name}")
    try:
        raw = db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            integrity = [row[0] for row in cursor.execute("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                problems.append(f"integrity_check: {integrity[:3]}")
            broken = cursor.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                problems.append(f"foreign_key_check: {broken[:3]}")
            for kind, record_id in printed:
                table = TABLES[kind]
                row = cursor.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,))
                if row.fetchone() is None:
                    problems.append(f"{kind} {record_id} was reported saved but is missing")
        finally:
            raw.close()
        if backup_dir is not None:
            problems += check_backups(db, backup_dir, newest_backup or [])
    except sqlite3.DatabaseError as error:
        problems.append(f"reopening failed: {error}")
    finally:
        db.close()
    return problems


def check_backups(db: Database, backup_dir: Path, newest: list[str]) -> list[str]:
    problems: list[str] = []
    partial = sorted(p.name for p in backup_dir.iterdir() if ".part" in p.name)
    if partial:
        problems.append(f"half-written files left after the start: {partial[:3]}")
    listed = {info.path.name for info in BackupService(db, lambda: TODAY).all()}
    on_disk = {p.name for p in backup_dir.glob("*.db")}
    if on_disk != listed:
        problems.append(f"backups not listed: {sorted(on_disk - listed)[:3]}")
    recorded = set(registry.read(backup_dir).backups)
    if not on_disk <= recorded:
        problems.append(f"backups not recorded: {sorted(on_disk - recorded)[:3]}")
    missing = [name for name in newest if name not in listed]
    if missing:
        problems.append(f"the newest reported backup is not listed: {missing}")
    return problems


def _exited(process: subprocess.Popen[bytes], timeout: float) -> bool:
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        return False
    return True


__all__ = ["CrashReport", "check", "prepare", "run_rounds", "select"]
