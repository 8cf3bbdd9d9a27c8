"""One registry of backups: every backup belongs to its database's identity, not to a file name.

Two databases called peerdesk.db in different folders, sharing one backup folder, keep separate
backup lists and rotation; a copy gets its own identity, a moved database keeps its own; old
names are adopted on the first start; half-written files are removed on the next start.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from peerdesk.cli.main import main
from peerdesk.data import registry
from peerdesk.data.backup import backup_file_name, identity_tag, parse_backup_name
from peerdesk.data.database import DatabaseLostError, open_database
from peerdesk.data.identity import identity_of_file
from peerdesk.errors import DatabaseDamagedError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.services.safety.backups import RotationPolicy
from peerdesk.services.safety.recovery import recovery_offer
from tests.conftest import TODAY

NOON = datetime(2026, 6, 15, 12, 0)


def open_services(database: Path, backups: Path) -> Services:
    return Services(open_database(database, backup_dir=backups), lambda: TODAY)


def back_up_daily(services: Services, days: int) -> list[Path]:
    """One automatic backup a day for `days` days up to NOON, each with rotation after it."""
    made = []
    for day in range(days, 0, -1):
        services.backups._now = lambda day=day: NOON - timedelta(days=day)  # type: ignore[misc]
        made.append(services.backups.back_up("automatic").path)
    return made


def test_two_databases_with_the_same_name_keep_separate_lists_and_rotation(
    tmp_path: Path,
) -> None:
    shared = tmp_path / "backups"
    first = open_services(tmp_path / "office" / "peerdesk.db", shared)
    second = open_services(tmp_path / "home" / "peerdesk.db", shared)
    try:
        assert first.db.identity != second.db.identity
        first.people.add(PersonDetails(first_name="Only in the office"))
        second_made = back_up_daily(second, 3)
        first.backups.policy = RotationPolicy(recent=2, daily=0, weekly=0, monthly=0)
        first_made = back_up_daily(first, 6)
        # The first database's rotation thinned its own backups only.
        assert [b.path for b in first.backups.all()] == first_made[::-1][:2]
        assert [b.path for b in second.backups.all()] == second_made[::-1]
        assert all(p.exists() for p in second_made)
        assert all(b.record_counts["person"] == 1 for b in first.backups.all())
        assert all(b.record_counts["person"] == 0 for b in second.backups.all())
        # The register beside the backups knows both, each with its own path.
        known = registry.read(shared)
        assert known.identities_at(tmp_path / "office" / "peerdesk.db") == {first.db.identity}
        assert known.identities_at(tmp_path / "home" / "peerdesk.db") == {second.db.identity}
    finally:
        first.close()
        second.close()


def test_a_new_database_is_not_refused_because_of_another_databases_backups(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup"]) == 0
    other = tmp_path / "elsewhere" / "peerdesk.db"
    assert main(["--db", str(other), "backup"]) == 0
    assert "Backup saved" in capsys.readouterr().out
    # The first database, gone, is still recognised as lost: it has backups of its own.
    paths.database.unlink()
    with pytest.raises(DatabaseLostError):
        open_database(paths.database, backup_dir=paths.backup_dir)
    offer = recovery_offer(paths, DatabaseLostError("gone"))
    tag = identity_tag(identity_of_file(other) or "")
    assert len(offer.backups) == 1
    assert parse_backup_name(offer.backups[0].path.name).tag != tag  # type: ignore[union-attr]


def test_every_backup_is_named_with_its_database_and_recorded(services: Services) -> None:
    made = [services.backups.back_up("manual"), services.backups.before("import")]
    erased = services.people.add(PersonDetails(first_name="Zed")).id or 0
    report = services.erasure.erase(erased, backup_dir=services.backups.folder)
    assert report.backup is not None
    known = registry.read(services.backups.folder)
    names = [info.path.name for info in made] + [report.backup.name]
    for name in names:
        parsed = parse_backup_name(name)
        assert parsed is not None and parsed.tag == identity_tag(services.db.identity)
        assert known.backups[name]["database"] == services.db.identity
    assert {info.path.name for info in services.backups.all()} == set(names)


def test_a_copy_gets_its_own_identity_and_a_moved_database_keeps_its_own(tmp_path: Path) -> None:
    original = tmp_path / "a" / "peerdesk.db"
    services = open_services(original, tmp_path / "backups")
    identity = services.db.identity
    services.backups.back_up("manual")
    services.close()
    copy = tmp_path / "b" / "peerdesk.db"
    copy.parent.mkdir()
    shutil.copyfile(original, copy)
    copied = open_services(copy, tmp_path / "backups")
    assert copied.db.identity != identity
    assert copied.backups.all() == []  # the original's backups are not offered to the copy
    copied.close()
    moved = tmp_path / "c" / "peerdesk.db"
    moved.parent.mkdir()
    shutil.move(original, moved)
    reopened = open_services(moved, tmp_path / "backups")
    assert reopened.db.identity == identity
    assert len(reopened.backups.all()) == 1
    reopened.close()
    # Reopening where it was last opened changes nothing.
    assert open_services(moved, tmp_path / "backups").db.identity == identity


def test_old_names_are_adopted_on_the_first_start(paths: Paths) -> None:
    open_database(paths.database).close()
    folder = paths.backup_dir
    old = {
        "peerdesk_before-import_2026-06-01_101500.db": "before-import",
        "peerdesk_before-erasure_2026-06-02_101500.db": "before-erasure",
        "peerdesk_2026-06-03_101500_manual.db": "manual",
    }
    for name in [*old, "another_2026-06-03_101500_manual.db"]:
        shutil.copyfile(paths.database, folder / name)
    services = open_services(paths.database, folder)
    try:
        listed = services.backups.all()
        assert sorted(info.reason for info in listed) == sorted(old.values())
        assert all(info.adopted for info in listed)
        assert all("from before peerdesk 0.2" in info.reason_text for info in listed)
        assert {info.made_at.date().day for info in listed} == {1, 2, 3}
        assert not any((folder / name).exists() for name in old)
        assert (folder / "another_2026-06-03_101500_manual.db").exists()  # not its stem
        assert all(registry.read(folder).is_adopted(info.path) for info in listed)
    finally:
        services.close()


def test_half_written_files_are_removed_on_the_next_start(paths: Paths) -> None:
    services = open_services(paths.database, paths.backup_dir)
    kept = services.backups.back_up("manual").path
    identity = services.db.identity
    services.close()
    folder = paths.backup_dir
    ours = folder / backup_file_name(paths.database, "automatic", NOON, identity)
    others = folder / backup_file_name(paths.database, "automatic", NOON, "f" * 32)
    leftovers = [
        Path(f"{ours}.part"),
        Path(f"{ours}.part-journal"),
        folder / "peerdesk_2026-06-01_101500_manual.db.part",
        folder / (registry.REGISTRY_NAME + ".part"),
        paths.database.with_name("peerdesk.db.encrypting"),
        paths.database.with_name("peerdesk.db.restoring"),
    ]
    for path in [*leftovers, Path(f"{others}.part")]:
        path.write_bytes(b"half")
    services = open_services(paths.database, paths.backup_dir)
    try:
        assert [path for path in leftovers if path.exists()] == []
        # Another database's backup may be being written right now: never ours to remove.
        assert Path(f"{others}.part").exists()
        assert [info.path for info in services.backups.all()] == [kept]
    finally:
        services.close()


def test_a_lost_or_damaged_register_is_rebuilt_from_the_names(paths: Paths) -> None:
    services = open_services(paths.database, paths.backup_dir)
    made = services.backups.back_up("manual").path
    services.close()
    (paths.backup_dir / registry.REGISTRY_NAME).write_text("{ not json", encoding="utf-8")
    services = open_services(paths.database, paths.backup_dir)
    try:
        assert [info.path for info in services.backups.all()] == [made]
        content = json.loads((paths.backup_dir / registry.REGISTRY_NAME).read_text("utf-8"))
        assert content["backups"][made.name]["database"] == services.db.identity
        assert content["databases"][services.db.identity]["path"] == str(paths.database)
    finally:
        services.close()


def test_a_damaged_database_is_offered_its_own_backups_only(paths: Paths, tmp_path: Path) -> None:
    services = open_services(paths.database, paths.backup_dir)
    mine = services.backups.back_up("manual").path
    services.close()
    neighbour = open_services(tmp_path / "other" / "peerdesk.db", paths.backup_dir)
    neighbour.backups.back_up("manual")
    neighbour.close()
    paths.database.write_bytes(b"\0" * 8192)
    offer = recovery_offer(paths, DatabaseDamagedError("damaged"))
    assert [info.path for info in offer.backups] == [mine]


def test_a_restore_keeps_the_database_and_its_backups_together(
    services: Services, tmp_path: Path
) -> None:
    """Even from a backup older than identities (the 0001 schema): same database, same list."""
    identity = services.db.identity
    made = services.backups.back_up("manual").path
    old = tmp_path / "from-an-old-peerdesk.db"
    shutil.copyfile(Path(__file__).parents[1] / "fixtures" / "schemas" / "0001.db", old)
    result = services.backups.restore(old)
    assert result.upgraded
    assert services.db.identity == identity == identity_of_file(services.db.path)
    assert {info.path for info in services.backups.all()} == {made, result.safety_backup}


def test_without_its_register_a_lost_database_still_finds_its_backups(paths: Paths) -> None:
    services = open_services(paths.database, paths.backup_dir)
    made = services.backups.back_up("manual").path
    services.close()
    (paths.backup_dir / registry.REGISTRY_NAME).unlink()
    paths.database.unlink()
    with pytest.raises(DatabaseLostError):
        open_database(paths.database, backup_dir=paths.backup_dir)
    offer = recovery_offer(paths, DatabaseLostError("gone"))
    assert [info.path for info in offer.backups] == [made]
