"""What a restore refuses, in plain words and before anything is replaced, and who stays
erased after it.

A backup whose indexes no longer match its tables passes SQLite's quick check but not the full
one, so a restore must use the full one; a backup made with another passphrase, an empty file
or the database itself is refused with a message that says what to do. After a restore, people
erased since the backup was made are erased again, even by the backup-only service (no
erasure service at hand) on an encrypted database. Found by mutation testing
(docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlmodel import col, select

from peerdesk.data.keys import Passphrase, WrongPassphraseError
from peerdesk.data.models import ErasureLogEntry, Pairing, Person
from peerdesk.errors import DatabaseProblem, ValidationError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.services.opening import open_services
from peerdesk.services.people.service import PersonDetails
from peerdesk.services.safety.backups import BackupService, check_backup, is_restorable
from peerdesk.vocabulary import Role
from tests.conftest import TODAY

PASSPHRASE = "kettle orbit paper lantern"


def add_person(services: Services, first: str, last: str, *roles: Role) -> int:
    added = services.people.add(PersonDetails(first_name=first, last_name=last), roles=list(roles))
    assert added.id is not None
    return added.id


def person_ids(services: Services) -> set[int]:
    with services.db.session() as session:
        return {pid for pid in session.exec(select(Person.id)) if pid is not None}


def damage_the_name_index(backup: Path) -> None:
    """Make the backup's index of names describe other columns than it holds: every page and
    record still reads, so only the full integrity check notices."""
    with contextlib.closing(sqlite3.connect(backup)) as connection:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_person_names ON person "
            "(first_name, last_name)' WHERE name = 'ix_person_names'"
        )
        connection.commit()
    with contextlib.closing(sqlite3.connect(backup)) as connection:
        assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]


def test_a_backup_whose_index_is_damaged_is_refused_and_nothing_is_replaced(
    services: Services,
) -> None:
    add_person(services, "Asha", "Patel")
    add_person(services, "Ben", "Okafor")
    backup = services.backups.back_up("manual").path
    damage_the_name_index(backup)
    later = add_person(services, "Carys", "Jones")
    with pytest.raises(DatabaseProblem, match="That backup cannot be restored"):
        services.backups.restore(backup)
    assert later in person_ids(services)
    # Refused before anything was done: not even the backup taken before a restore.
    assert not [info for info in services.backups.all() if info.reason == "before-restore"]


def test_the_database_itself_is_refused_as_a_backup(services: Services) -> None:
    with pytest.raises(ValidationError, match="the database itself") as refused:
        services.backups.restore(services.database_path)
    assert refused.value.field == "backup"


@pytest.mark.parametrize("state", ["empty", "missing"])
def test_an_empty_or_missing_backup_file_is_refused_by_name(
    services: Services, tmp_path: Path, state: str
) -> None:
    chosen = tmp_path / "peerdesk_2026-06-15_090000_manual.db"
    if state == "empty":
        chosen.touch()
    with pytest.raises(ValidationError) as refused:
        check_backup(chosen)
    assert f"the file {chosen.name} is {state}" in str(refused.value)
    assert "Choose another backup" in str(refused.value)
    assert refused.value.field == "backup"


def test_a_restore_with_nobody_erased_reports_nobody_erased_again(services: Services) -> None:
    add_person(services, "Asha", "Patel")
    backup = services.backups.back_up("manual").path
    assert services.backups.restore(backup).erased_again == 0


@pytest.fixture
def encrypted(paths: Paths) -> Iterator[Services]:
    services = open_services(paths, PASSPHRASE, today=lambda: TODAY)
    yield services
    services.close()


def test_an_encrypted_backup_is_offered_with_the_database_passphrase(encrypted: Services) -> None:
    backup = encrypted.backups.back_up("manual").path
    assert is_restorable(backup, encrypted.db.key)


def test_a_backup_made_with_another_passphrase_is_refused_in_plain_words(
    encrypted: Services,
) -> None:
    backup = encrypted.backups.back_up("manual").path
    with pytest.raises(WrongPassphraseError) as refused:
        check_backup(backup, Passphrase("violet harbour cement ladder"))
    assert "made with a different one" in str(refused.value)
    assert "Choose a newer backup" in str(refused.value)


def test_without_the_erasure_service_people_erased_since_stay_gone_from_an_encrypted_database(
    encrypted: Services,
) -> None:
    # The backup-only service (a crash-recovery tool) has no erasure service: it reads who was
    # erased from the encrypted database itself and removes them and their pairings again.
    mentor = add_person(encrypted, "Bea", "Moss", Role.MENTOR)
    erased = add_person(encrypted, "Erin", "Unique", Role.MENTEE)
    kept = add_person(encrypted, "Cleo", "Hart", Role.MENTEE)
    for mentee in (erased, kept):
        encrypted.pairings.propose(PairingPlan(mentor_id=mentor, mentee_id=mentee))
    backup = encrypted.backups.back_up("manual").path
    added_later = add_person(encrypted, "Dev", "Later")
    encrypted.erasure.erase(erased)
    encrypted.erasure.erase(added_later)

    def now() -> datetime:
        return datetime.combine(TODAY, datetime.min.time())

    alone = BackupService(encrypted.db, lambda: TODAY, erasure=None, now=now)
    # Only Erin is back in the backup to be erased again; Dev was never in it.
    assert alone.restore(backup).erased_again == 1
    assert person_ids(encrypted) == {mentor, kept}
    with encrypted.db.session() as session:
        pairings = list(session.exec(select(Pairing.mentee_id)))
        logged = set(
            session.exec(
                select(ErasureLogEntry.person_id).where(
                    col(ErasureLogEntry.person_id).in_([erased, added_later])
                )
            )
        )
    assert pairings == [kept]
    assert logged == {erased, added_later}
