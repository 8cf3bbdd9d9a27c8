"""A child that writes through the services until it is killed (see test_crash_kill.py).

Run as `python crash_worker.py DATABASE PAIRING_ID [BACKUP_FOLDER]`. It imports peerdesk once,
then waits on stdin: each line "go SEED" forks a writer, prints "pid N", and when the writer has
died prints "done". The writer opens the database (taking the instance lock), then makes random
service writes (people, sessions, consents) and prints "<kind> <id>" after each commit, flushed,
so the parent knows exactly which ids peerdesk said were saved. With a BACKUP_FOLDER, the writer
also makes a backup after every commit and prints "backup <file name>" once it is finished, so
most kills land in the middle of a backup (see test_backup_kill_stress.py). Forking from this
one process makes each kill-and-reopen round cost milliseconds instead of a fresh interpreter's
import time.
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from peerdesk.data.database import Database, open_database
from peerdesk.data.instance_lock import InstanceLock
from peerdesk.errors import ValidationError
from peerdesk.services.data_protection.consents import ConsentEntry, ConsentService
from peerdesk.services.mentoring.sessions import SessionEntry, SessionService
from peerdesk.services.people.service import PeopleService, PersonDetails
from peerdesk.services.safety.backups import BackupService
from peerdesk.vocabulary import ConsentKind, ConsentMethod, Role

TODAY = date(2026, 6, 15)


def write_forever(db: Database, seed: int, pairing_id: int) -> None:
    rng = random.Random(seed)
    InstanceLock(db.path).acquire()  # held until the kill; the parent must get it back
    people = PeopleService(db, lambda: TODAY)
    sessions = SessionService(db, lambda: TODAY)
    consents = ConsentService(db, lambda: TODAY)
    person_ids: list[int] = []
    os.write(1, b"ready\n")
    report = emit if db.backup_dir is None else _emit_and_back_up(db)
    _loop(people, sessions, consents, rng, pairing_id, person_ids, None, report)


def _emit_and_back_up(db: Database) -> Callable[[str, int | None], None]:
    backups = BackupService(db, lambda: TODAY)

    def report(kind: str, record_id: int | None) -> None:
        emit(kind, record_id)
        made = backups.back_up("automatic").path
        os.write(1, f"backup {made.name}\n".encode())

    return report


def _write_some(db: Database, seed: int, pairing_id: int, count: int) -> None:
    people = PeopleService(db, lambda: TODAY)
    sessions = SessionService(db, lambda: TODAY)
    consents = ConsentService(db, lambda: TODAY)
    _loop(people, sessions, consents, random.Random(seed), pairing_id, [], count, _quiet)


def _quiet(kind: str, record_id: int | None) -> None:
    pass


def _loop(
    people: PeopleService,
    sessions: SessionService,
    consents: ConsentService,
    rng: random.Random,
    pairing_id: int,
    person_ids: list[int],
    count: int | None,
    report: Callable[[str, int | None], None],
) -> None:
    done = 0
    while count is None or done < count:
        done += 1
        choice = rng.random()
        try:
            if choice < 0.4 or not person_ids:
                person = people.add(
                    PersonDetails(first_name=f"Crash{rng.randrange(10**6)}", notes="x" * 200),
                    roles=[Role.MENTEE],
                )
                assert person.id is not None
                person_ids.append(person.id)
                report("person", person.id)
            elif choice < 0.75:
                entry = SessionEntry(
                    session_date=TODAY - timedelta(days=rng.randrange(0, 20)),
                    duration_minutes=rng.choice([30, 45, 60]),
                    note="y" * rng.randrange(0, 400),
                )
                report("session", sessions.log(pairing_id, entry).id)
            else:
                consent = consents.record(
                    rng.choice(person_ids),
                    ConsentEntry(
                        kind=rng.choice([ConsentKind.CONTACT_PHONE, ConsentKind.CONTACT_POST]),
                        given_on=TODAY,
                        method=ConsentMethod.VERBAL,
                        recorded_by="Crash test",
                    ),
                )
                report("consent", consent.id)
        except ValidationError:
            continue


def emit(kind: str, record_id: int | None) -> None:
    # One write() per line (shorter than PIPE_BUF), so a kill can never leave half a line.
    os.write(1, f"{kind} {record_id}\n".encode())


def warm_up(database: Path, pairing_id: int, backup_dir: Path | None = None) -> Database:
    """Open once, before forking, and do one of each write, so every writer starts warm.

    SQLAlchemy compiles each statement once per engine; the writers share this engine's
    cache (the engine holds no connection between calls, so nothing open crosses the fork).
    """
    db = open_database(database, lock=False, backup_dir=backup_dir)
    for seed in range(3):
        _write_some(db, seed, pairing_id, 3)
    if backup_dir is not None:
        BackupService(db, lambda: TODAY).back_up("automatic")
    return db


def main() -> None:
    database = Path(sys.argv[1])
    pairing_id = int(sys.argv[2])
    backup_dir = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    db = warm_up(database, pairing_id, backup_dir)
    for line in sys.stdin:
        command = line.split()
        if not command or command[0] == "quit":
            return
        seed = int(command[1])
        go_read, go_write = os.pipe()
        child = os.fork()
        if child == 0:
            os.close(go_write)
            os.read(go_read, 1)  # wait until "pid" is printed, so it is always the first line
            try:
                write_forever(db, seed, pairing_id)
            except BaseException as error:  # any failure goes to the parent
                os.write(1, f"error {type(error).__name__}: {error}\n".encode())
            finally:
                os._exit(1)
        os.close(go_read)
        os.write(1, f"pid {child}\n".encode())
        os.write(go_write, b"!")
        os.close(go_write)
        os.waitpid(child, 0)
        os.write(1, b"done\n")


if __name__ == "__main__":
    main()
