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

from peerdesk.data.database import open_database
from peerdesk.data.models import Pairing
from peerdesk.services.people import PeopleService, PersonDetails
from peerdesk.vocabulary import PairingStatus, Role

WORKER = Path(__file__).with_name("crash_worker.py")
TODAY = date(2026, 6, 15)
TABLES = {"person": "person", "session": "mentoring_session", "consent": "consent"}


@dataclass
class CrashReport:
    rounds: int = 0
    committed: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)


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
    database: Path, rounds: int, *, seed: int = 0, max_delay: float = 0.04
) -> CrashReport:
    rng = random.Random(seed)
    pairing_id = prepare(database)
    report = CrashReport()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), str(database), str(pairing_id)],
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
            if rng.random() < 0.9:
                wanted = rng.choice([0, 1, 1, 2, 3])
                while len(printed) < wanted:
                    words = worker.stdout.readline().decode().split()
                    if words and words[0] in TABLES:
                        printed.append((words[0], int(words[1])))
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
                printed.append((words[0], int(words[1])))
            report.problems.extend(f"round {number}: {p}" for p in check(database, printed))
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


def check(database: Path, printed: list[tuple[str, int]]) -> list[str]:
    """Reopen as peerdesk does (lock, quick_check, migrations), then check everything."""
    problems: list[str] = []
    db = open_database(database)  # also proves the dead writer's lock was recovered
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
    except sqlite3.DatabaseError as error:
        problems.append(f"reopening failed: {error}")
    finally:
        db.close()
    return problems


def _exited(process: subprocess.Popen[bytes], timeout: float) -> bool:
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        return False
    return True


__all__ = ["CrashReport", "check", "prepare", "run_rounds", "select"]
