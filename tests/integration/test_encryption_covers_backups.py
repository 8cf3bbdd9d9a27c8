"""Encrypting and changing the passphrase cover everything the database ever wrote: backups made
by every route (before an upgrade, by hand, automatic, on close, before an import, before
erasure by both doors, before a restore), an old-named backup, a backup on a chosen folder, a
copy moved aside after damage, a half-written backup and a file in peerdesk's temporary folder.

Afterwards no file in the data folder, the backup folders or peerdesk's temporary folder opens
without the current passphrase (the DEMO database excepted, by name), and none with the old one.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

from peerdesk.cli.main import main
from peerdesk.data.backup import identity_tag
from peerdesk.data.engine import DatabaseError, connect_raw
from peerdesk.data.keys import Passphrase
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.opening import open_services
from peerdesk.services.people.service import PersonDetails
from peerdesk.services.safety.backups import RotationPolicy
from tests.conftest import TODAY

PASSPHRASE = "kettle orbit paper lantern"
NEW_PASSPHRASE = "violet harbour cement ladder"
ROOT = Path(__file__).resolve().parents[1]
OLD_SCHEMA = ROOT / "fixtures" / "schemas" / "0001.db"
PEOPLE_CSV = ROOT / "fixtures" / "import" / "people_windows1252.csv"
EVERY_ROUTE = {
    "before-upgrade",
    "manual",
    "automatic",
    "on-close",
    "before-import",
    "before-erasure",
    "before-restore",
    "before-encryption",
}


def opens_without_a_key(path: Path) -> bool:
    """Whether anyone could read `path` as a database (read-only, nothing made beside it).

    An empty file (a lock file) "opens" as an empty database, but holds nothing to read.
    """
    if path.stat().st_size == 0:
        return False
    try:
        with contextlib.closing(
            sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        ) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


@functools.cache
def passphrase_of(text: str) -> Passphrase:
    # One object per passphrase: it derives the key once per salt, not once per file.
    return Passphrase(text)


def opens_with(path: Path, passphrase: str) -> bool:
    if path.stat().st_size == 0:
        return False  # an empty file: nothing to read (see above)
    try:
        with contextlib.closing(
            connect_raw(path, read_only=True, immutable=True, key=passphrase_of(passphrase))
        ) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError:
        return False
    return True


def every_file(folders: list[Path]) -> list[Path]:
    return sorted({p for folder in folders for p in folder.rglob("*") if p.is_file()})


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, for this test only."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def make_backups_by_every_route(paths: Paths, stick: Path) -> Services:
    shutil.copyfile(OLD_SCHEMA, paths.database)  # opened below: backed up, then upgraded
    # Before an import, and before an erasure from the command line.
    assert main(["import", str(PEOPLE_CSV)]) == 0
    services = open_services(paths, today=lambda: TODAY)
    victim = services.people.add(PersonDetails(first_name="Erin", last_name="Unique")).id
    retired = services.people.add(PersonDetails(first_name="Ravi", last_name="Retired")).id
    services.close()
    assert main(["person", "erase", str(victim), "--yes"]) == 0
    services = open_services(paths, today=lambda: TODAY)
    # Before an erasure through the erasure service's own door (retention).
    services.retention.anonymise(retired or 0, backup_dir=paths.backup_dir)
    # Rotation would thin out the routine backups made seconds apart; here every one is kept.
    services.backups.policy = RotationPolicy(recent=100)
    for reason in ("manual", "automatic", "on-close"):
        services.backups.back_up(reason)
    services.backups.restore(services.backups.back_up("manual").path)
    services.backups.choose_folder(stick)
    services.backups.back_up("manual")
    return services


def leave_strays(services: Services, paths: Paths, temporary: Path) -> dict[str, Path]:
    """Files an older peerdesk, a crash or a damaged start could have left behind."""
    newest = services.backups.all()[0].path
    stamp = "2026-06-01_101500"
    strays = {
        "old name": paths.backup_dir / f"peerdesk_before-import_{stamp}.db",
        "half-written": paths.backup_dir / (newest.name.replace("manual", "automatic") + ".part"),
        "temporary": temporary / "peerdesk-preview-abc" / "copy.db",
        "demo": paths.data_dir / "demo.db",
        # What `move_aside` makes of a damaged peerdesk.db: kept, never deleted.
        "damaged": paths.data_dir / "peerdesk.damaged-20260601-101500.db",
    }
    strays["temporary"].parent.mkdir()
    for path in strays.values():
        shutil.copyfile(newest, path)
    return strays


def test_nothing_the_database_wrote_opens_without_the_current_passphrase(
    paths: Paths, tmp_path: Path, temporary: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    services = make_backups_by_every_route(paths, stick)
    strays = leave_strays(services, paths, temporary)
    folders = [paths.data_dir, paths.backup_dir, stick, temporary]
    readable = [p for p in every_file(folders) if opens_without_a_key(p)]
    assert len(readable) >= 14  # the database, its backups and the strays: all plain now

    result = services.security.encrypt(PASSPHRASE)

    reasons = {info.reason for info in services.backups.all()}
    assert reasons >= EVERY_ROUTE
    # Only the stray with an old name was adopted: every route named its backup properly.
    assert [info.path.name for info in services.backups.all() if info.adopted] == [
        "peerdesk_2026-06-01_101500_before-import_" + identity_tag(services.db.identity) + ".db"
    ]
    assert [p for p in every_file(folders) if opens_without_a_key(p)] == [strays["demo"]]
    assert not strays["half-written"].exists() and not strays["temporary"].exists()
    assert strays["damaged"] in result.rekeyed and opens_with(strays["damaged"], PASSPHRASE)
    backups = [info.path for info in services.backups.all()]
    assert set(backups) <= set(result.rekeyed)
    assert result.plain_left == [] and result.sweep.not_ours == []

    result = services.security.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)

    everything = every_file(folders)
    assert [p for p in everything if opens_without_a_key(p)] == [strays["demo"]]
    assert [p for p in everything if opens_with(p, PASSPHRASE)] == []
    backups = [info.path for info in services.backups.all()]
    assert len(backups) == len(set(backups)) >= len(EVERY_ROUTE) + 2
    assert {info.reason for info in services.backups.all()} >= {"before-passphrase-change"}
    assert all(opens_with(path, NEW_PASSPHRASE) for path in backups)
    assert set(backups) <= set(result.rekeyed)
    services.close()


def test_the_commands_say_what_they_re_keyed(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_services(paths, today=lambda: TODAY)
    services.people.add(PersonDetails(first_name="Ada"))
    made = [services.backups.back_up(reason).path for reason in ("manual", "automatic")]
    services.close()
    monkeypatch.setattr("peerdesk.cli.commands.encrypt.ask_passphrase", lambda _: PASSPHRASE)
    assert main(["encrypt"]) == 0
    out = capsys.readouterr().out
    # The two backups and the one made before encrypting.
    assert "Re-encrypted 3 backups: " in out
    assert all(path.name in out for path in made)
    assert not any(opens_without_a_key(path) for path in paths.backup_dir.iterdir())
