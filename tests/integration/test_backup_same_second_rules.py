"""Backups made within the same second never replace one another: each takes the next free
second after the newest, so a burst (a backup by hand, then one before an import, then one
before an erasure) leaves every one of them, in the order they were made.

Found by mutation testing (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

from datetime import datetime

from peerdesk.data.backup import parse_backup_name
from peerdesk.services import Services
from peerdesk.services.safety.backups import BackupService
from tests.conftest import TODAY

MOMENT = datetime.combine(TODAY, datetime.min.time()).replace(hour=10)


def test_three_backups_in_one_second_are_three_files_in_order(services: Services) -> None:
    backups = BackupService(services.db, lambda: TODAY, now=lambda: MOMENT)
    made = [
        backups.back_up(reason).path for reason in ("manual", "before-import", "before-erasure")
    ]
    assert len(set(made)) == 3 and all(path.exists() for path in made)
    stamps = [parse_backup_name(path.name) for path in made]
    assert [(s.reason, s.made_at.second) for s in stamps if s is not None] == [
        ("manual", 0),
        ("before-import", 1),
        ("before-erasure", 2),
    ]
