"""Backups: made with the online backup API, checked, named, listed, rotated; `peerdesk backup`."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from peerdesk.cli.main import main
from peerdesk.data.backup import backup_file_name
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.services.safety.backups import RotationPolicy, backup_info, describe_when, to_keep
from tests.helpers import database_files, last_written, table_contents


def test_a_backup_is_a_checked_self_contained_copy_of_the_live_database(
    demo_services: Services,
) -> None:
    # A write still in the write-ahead log must be in the backup too.
    demo_services.people.add(PersonDetails(first_name="Only in the WAL"))
    info = demo_services.backups.back_up("manual")
    assert info.path.parent == demo_services.backups.default_folder
    assert info.reason == "manual" and info.reason_text == "Made by you"
    assert table_contents(info.path) == table_contents(demo_services.db.path)
    assert not info.path.with_name(info.path.name + "-wal").exists()
    assert not list(info.path.parent.glob("*.part"))
    with contextlib.closing(sqlite3.connect(info.path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert info.record_counts["person"] == len(demo_services.people.list_rows())
    assert info.counts_text.startswith(f"{info.record_counts['person']:,} people")


def test_before_a_risky_action_and_the_list_with_dates_sizes_and_counts(
    services: Services,
) -> None:
    services.people.add(PersonDetails(first_name="Ada"))
    made = services.backups.before("import")
    assert made.reason == "before-import" and made.reason_text == "Before an import"
    listed = services.backups.all()
    assert [b.path for b in listed] == [made.path]
    assert listed[0].size_bytes == made.path.stat().st_size > 0
    assert listed[0].record_counts["person"] == 1
    assert listed[0].when_text(listed[0].made_at).startswith("today at ")


def test_a_chosen_folder_receives_new_backups_and_both_folders_are_listed(
    services: Services, tmp_path: Path
) -> None:
    first = services.backups.back_up("manual")
    stick = tmp_path / "stick"
    stick.mkdir()
    services.backups.choose_folder(stick)
    second = services.backups.back_up("manual")
    assert second.path.parent == stick
    assert {b.path for b in services.backups.all()} == {first.path, second.path}


def test_plain_words_for_when() -> None:
    now = datetime(2026, 6, 15, 17, 0)
    assert describe_when(datetime(2026, 6, 15, 9, 5), now) == "today at 09:05"
    assert describe_when(datetime(2026, 6, 14, 16, 40), now) == "yesterday at 16:40"
    assert describe_when(datetime(2026, 6, 8, 9, 0), now) == "Monday 8 June 2026 at 09:00"


def test_rotation_keeps_recent_daily_weekly_and_monthly(services: Services) -> None:
    template = services.backups.back_up("automatic").path
    folder = template.parent
    now = datetime(2026, 6, 15, 18, 0)
    made: list[Path] = []
    # Two automatic backups a day for 400 days, newest first.
    for day in range(400):
        for hour in (17, 12):
            when = now - timedelta(days=day) + timedelta(hours=hour - 18)
            path = folder / backup_file_name(
                services.db.path, "automatic", when, services.db.identity
            )
            shutil.copyfile(template, path)
            made.append(path)
    template.unlink()
    services.backups._now = lambda: now
    services.backups.policy = RotationPolicy(recent=5, daily=7, weekly=4, monthly=12)
    removed = services.backups.rotate()
    kept = sorted(folder.glob("*.db"))
    days = {backup_info(p, with_counts=False).made_at.date() for p in kept}  # type: ignore[union-attr]
    assert len(removed) + len(kept) == len(made)
    # the 5 newest, one per day for 7 days, a week's and a month's newest beyond that
    assert len(kept) <= 5 + 7 + 4 + 12
    assert now.date() in days and (now - timedelta(days=6)).date() in days
    assert min(days) <= (now - timedelta(days=300)).date()
    assert all(p.exists() for p in made[:5])


def test_rotation_spares_manual_and_before_backups_for_a_week() -> None:
    now = datetime(2026, 6, 15, 18, 0)

    def info(hours_ago: int, reason: str) -> object:
        from peerdesk.services.safety.backups import BackupInfo

        made_at = now - timedelta(hours=hours_ago)
        return BackupInfo(Path(f"{hours_ago}-{reason}.db"), made_at, reason, 1)

    backups = [info(h, "automatic") for h in range(1, 10)]
    backups += [info(8, "before-import"), info(9, "manual"), info(24 * 8, "before-erasure")]
    keep = to_keep(backups, RotationPolicy(recent=2), now)  # type: ignore[arg-type]
    assert Path("8-before-import.db") in keep and Path("9-manual.db") in keep
    assert Path("5-automatic.db") not in keep


def test_changed_since_follows_writes(services: Services) -> None:
    assert services.backups.changed_since(None)
    written = last_written(services.db)
    assert not services.backups.changed_since(written + timedelta(seconds=5))
    assert services.backups.changed_since(written - timedelta(hours=1))
    # Date the files an hour back (no waiting): a write now comes after a moment in between.
    hour_ago = (written - timedelta(hours=1)).timestamp()
    for path in database_files(services.db):
        os.utime(path, (hour_ago, hour_ago))
    moment = written - timedelta(minutes=30)
    assert not services.backups.changed_since(moment)
    services.people.add(PersonDetails(first_name="Ada"))
    assert services.backups.changed_since(moment)


def test_the_backup_command(paths: Paths, tmp_path: Path, capsys: object) -> None:
    assert main(["backup"]) == 0
    assert len(list(paths.backup_dir.glob("peerdesk_*_manual_*.db"))) == 1
    stick = tmp_path / "usb"
    stick.mkdir()
    assert main(["backup", "--to", str(stick)]) == 0
    assert len(list(stick.glob("peerdesk_*_manual_*.db"))) == 1
    assert main(["backup", "--to", str(tmp_path / "gone" / "away")]) == 2
    out = capsys.readouterr()  # type: ignore[attr-defined]
    assert "Backup saved:" in out.out and "plug it in" in out.err
