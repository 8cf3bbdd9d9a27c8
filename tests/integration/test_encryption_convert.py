"""Converting a plain demo database keeps every table identical; a wrong passphrase is refused
and changes nothing; changing the passphrase re-keys the database and its backups."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from peerdesk.data.database import inspect_file
from peerdesk.data.keys import Passphrase
from peerdesk.errors import ValidationError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.opening import (
    PassphraseNeededError,
    WrongPassphraseError,
    open_services,
)
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY
from tests.helpers import table_contents

PASSPHRASE = "kettle orbit paper lantern"
NEW_PASSPHRASE = "violet harbour cement ladder"


def encrypted_table_contents(path: Path, passphrase: str) -> dict[str, list[tuple[Any, ...]]]:
    """`tests.helpers.table_contents`, read through sqlcipher3 with the passphrase itself
    (SQLCipher's own key derivation, not peerdesk's)."""
    escaped = passphrase.replace("'", "''")
    with contextlib.closing(sqlcipher3.connect(str(path))) as connection:
        connection.execute(f"PRAGMA key = '{escaped}'")
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }


def files_in(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith((".lock", "-shm"))
    }


def test_converting_the_demo_keeps_every_table_identical(
    demo_services: Services, paths: Paths
) -> None:
    # Every table, the database's identity included: encrypting keeps that too.
    before = table_contents(paths.database, every_table=True)
    assert len(before["person"]) > 100
    result = demo_services.security.encrypt(PASSPHRASE, PASSPHRASE)
    assert demo_services.security.is_encrypted
    assert result.backup is not None and "before-encryption" in result.backup.name
    assert result.plain_left == []
    assert encrypted_table_contents(paths.database, PASSPHRASE) == before
    # The backup made first holds the same records, and is encrypted too.
    assert encrypted_table_contents(result.backup, PASSPHRASE) == before
    assert not list(paths.data_dir.glob("*.encrypting*"))
    # The app carries on, on the encrypted file.
    demo_services.people.add(PersonDetails(first_name="After encryption"))
    assert demo_services.health.check(full=True).healthy


def test_a_wrong_passphrase_is_refused_and_changes_nothing(
    services: Services, paths: Paths
) -> None:
    services.people.add(PersonDetails(first_name="Ada"))
    services.security.encrypt(PASSPHRASE)
    services.close()
    home = paths.data_dir.parent
    before = files_in(home)
    with pytest.raises(PassphraseNeededError):
        open_services(paths)
    for wrong in ("kettle orbit paper lanterN", "", "x"):
        with pytest.raises((WrongPassphraseError, PassphraseNeededError)):
            open_services(paths, wrong)
    assert files_in(home) == before
    reopened = open_services(paths, PASSPHRASE, today=lambda: TODAY)
    try:
        assert [row.name for row in reopened.people.list_rows()] == ["Ada"]
    finally:
        reopened.close()


def test_a_weak_passphrase_is_refused_and_the_database_stays_as_it_was(
    services: Services, paths: Paths
) -> None:
    services.people.add(PersonDetails(first_name="Ada"))
    services.backups.back_up("manual")
    before = table_contents(paths.database)
    for weak, mistyped in (("password1", None), ("short", None), (PASSPHRASE, "different")):
        with pytest.raises(ValidationError):
            services.security.encrypt(weak, mistyped)
    assert not services.security.is_encrypted
    assert table_contents(paths.database) == before
    assert len(services.backups.all()) == 1


def test_changing_the_passphrase_rekeys_the_database_and_its_backups(
    services: Services, paths: Paths
) -> None:
    services.people.add(PersonDetails(first_name="Ada"))
    services.security.encrypt(PASSPHRASE)
    services.backups.back_up("manual")
    with pytest.raises(ValidationError, match="current passphrase"):
        services.security.change_passphrase("not it at all", NEW_PASSPHRASE, NEW_PASSPHRASE)
    assert services.security.verify(PASSPHRASE)
    result = services.security.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    assert result.backups_encrypted == len(services.backups.all()) >= 3
    assert services.security.verify(NEW_PASSPHRASE) and not services.security.verify(PASSPHRASE)
    for info in services.backups.all():
        assert inspect_file(info.path, key=Passphrase(NEW_PASSPHRASE)) == "current"
        with pytest.raises(WrongPassphraseError):
            inspect_file(info.path, key=Passphrase(PASSPHRASE))
    services.people.add(PersonDetails(first_name="Bea"))
    services.close()
    with pytest.raises(WrongPassphraseError):
        open_services(paths, PASSPHRASE)
    assert "person" in encrypted_table_contents(paths.database, NEW_PASSPHRASE)


def test_a_backup_of_an_encrypted_database_restores_and_stays_encrypted(
    services: Services, paths: Paths
) -> None:
    services.people.add(PersonDetails(first_name="Ada"))
    services.security.encrypt(PASSPHRASE)
    backup = services.backups.back_up("manual").path
    expected = encrypted_table_contents(backup, PASSPHRASE)
    services.people.add(PersonDetails(first_name="Later"))
    restored = services.backups.restore(backup)
    assert restored.restored_from == backup
    assert services.security.is_encrypted
    assert encrypted_table_contents(paths.database, PASSPHRASE) == expected
    assert inspect_file(paths.database, key=Passphrase(PASSPHRASE)) == "current"
