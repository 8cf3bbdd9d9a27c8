"""Backups in words, and finding them: what each backup is (`BackupInfo`: when, why, how big,
what it holds), and the backups of one database in any of its folders.

Split from `peerdesk.services.safety.backups` (which makes, rotates and restores them, and re-exports
these names) to keep each module readable.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from peerdesk.data import registry
from peerdesk.data.backup import backup_files, parse_backup_name, parse_old_backup_name
from peerdesk.data.database import record_counts
from peerdesk.data.keys import Passphrase

log = logging.getLogger(__name__)

#: The words a backup's reason is shown with.
REASONS = {
    "manual": "Made by you",
    "automatic": "Automatic (every 30 minutes of work)",
    "on-close": "When peerdesk closed",
    "before-upgrade": "Before peerdesk was updated",
    "before-import": "Before an import",
    "before-restore": "Before a backup was restored",
    "before-erasure": "Before someone's records were erased",
    "before-encryption": "Before the database was encrypted",
    "before-passphrase-change": "Before the passphrase was changed",
}

#: Tables whose counts are shown beside each backup, in this order.
SHOWN_COUNTS = (
    ("person", "person", "people"),
    ("pairing", "pairing", "pairings"),
    ("mentoring_session", "session", "sessions"),
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    reason: str
    size_bytes: int
    record_counts: dict[str, int] = field(default_factory=dict)
    #: Made by an older peerdesk under an old name, and adopted (renamed) after the upgrade.
    adopted: bool = False

    @property
    def reason_text(self) -> str:
        text = REASONS.get(self.reason, self.reason.replace("-", " ").capitalize())
        return f"{text} (from before peerdesk 0.2)" if self.adopted else text

    @property
    def size_text(self) -> str:
        return describe_size(self.size_bytes)

    @property
    def counts_text(self) -> str:
        if not self.record_counts:
            return "Could not be read"
        parts = []
        for table, one, many in SHOWN_COUNTS:
            count = self.record_counts.get(table, 0)
            parts.append(f"{count:,} {one if count == 1 else many}")
        return ", ".join(parts)

    def when_text(self, now: datetime | None = None) -> str:
        return describe_when(self.made_at, now or datetime.now())


def describe_when(moment: datetime, now: datetime) -> str:
    """`moment` in plain words: "today at 10:15", "yesterday at 16:40", "Monday 8 June 2026 at 09:00"."""
    clock = moment.strftime("%H:%M")
    if moment.date() == now.date():
        return f"today at {clock}"
    if moment.date() == now.date() - timedelta(days=1):
        return f"yesterday at {clock}"
    return f"{moment.strftime('%A')} {moment.day} {moment.strftime('%B %Y')} at {clock}"


def describe_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def backup_info(
    path: Path,
    *,
    with_counts: bool = True,
    key: Passphrase | None = None,
    adopted: bool = False,
) -> BackupInfo | None:
    parsed = parse_backup_name(path.name) or parse_old_backup_name(path.name)
    if parsed is None or not path.is_file():
        return None
    return BackupInfo(
        path=path,
        made_at=parsed.made_at,
        reason=parsed.reason,
        size_bytes=path.stat().st_size,
        record_counts=record_counts(path, key) if with_counts else {},
        adopted=adopted,
    )


def list_backups(
    folders: list[Path],
    database: Path,
    *,
    identity: str | None = None,
    with_counts: bool = True,
    key: Passphrase | None = None,
) -> list[BackupInfo]:
    """Backups of one database found in any of `folders`, newest first.

    With `identity` (the database is open), exactly its backups. Without (it is missing or
    cannot be opened), the backups of every identity last opened at `database` according to
    each folder's register, and those with old names and its file stem not yet adopted.
    """
    seen: set[Path] = set()
    found: list[BackupInfo] = []
    for folder in folders:
        known = registry.read(folder)
        identities = {identity} if identity else known.identities_at(database, folder)
        paths = [path for each in sorted(identities) for path in backup_files(folder, each)]
        if not identity:
            paths += registry.old_backups(folder, database)
        for path in paths:
            info = backup_info(
                path, with_counts=with_counts, key=key, adopted=known.is_adopted(path)
            )
            if info is not None and path.resolve() not in seen:
                seen.add(path.resolve())
                found.append(info)
    return sorted(found, key=lambda info: info.made_at, reverse=True)


def noted_backup_folders(default_folder: Path, database: Path) -> list[Path]:
    """Other folders the backups of the database at `database` went to, as noted in peerdesk's
    own backup folder: where to look too when that database is lost or damaged (its backup
    folder setting is inside it)."""
    try:
        return registry.noted_folders(default_folder, database)
    except OSError as error:
        log.warning("backup register unreadable: %s", type(error).__name__)
        return []
