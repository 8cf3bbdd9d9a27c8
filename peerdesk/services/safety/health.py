"""`peerdesk check`: is the database file healthy, and are its links intact?"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peerdesk.data.instance_lock import InstanceLock
from peerdesk.data.integrity import FileHealth, check_file, probe
from peerdesk.data.keys import Passphrase
from peerdesk.services.base import Service


@dataclass(frozen=True)
class HealthReport:
    integrity: list[str]
    broken_links: list[str] = field(default_factory=list)
    record_counts: dict[str, int] = field(default_factory=dict)
    #: The -wal beside the file was replayed into a private copy to check it.
    wal_replayed_on_copy: bool = False

    @classmethod
    def of(cls, found: FileHealth) -> HealthReport:
        return cls(
            integrity=found.integrity,
            broken_links=found.broken_links,
            record_counts=found.record_counts,
            wal_replayed_on_copy=found.wal_replayed_on_copy,
        )

    @property
    def healthy(self) -> bool:
        return self.integrity == ["ok"] and not self.broken_links

    def lines(self) -> list[str]:
        out: list[str] = []
        if self.wal_replayed_on_copy:
            out.append(
                "A write-ahead log (-wal file) was found beside the database: it was applied "
                "to a private copy for this check. The database file itself was not changed."
            )
        if self.integrity == ["ok"]:
            out.append("File structure: OK (SQLite integrity check passed).")
        else:
            out.append("File structure: PROBLEMS FOUND. The database file is damaged:")
            out.extend(f"  - {line}" for line in self.integrity[:20])
        if not self.broken_links:
            out.append("Links between records: OK (no record points to a missing one).")
        else:
            broken = len(self.broken_links)
            out.append(f"Links between records: {broken} broken link{'' if broken == 1 else 's'}:")
            out.extend(f"  - {line}" for line in self.broken_links[:20])
        total = sum(self.record_counts.values())
        out.append(f"Records: {total:,} in {len(self.record_counts)} tables.")
        if self.healthy:
            out.append("The database is healthy.")
        else:
            out.append(
                "The database needs attention: restore your most recent backup, "
                "or ask for help. Do not delete the file."
            )
        return out


class HealthService(Service):
    def check(self, *, full: bool = True) -> HealthReport:
        """Check the open database (through its engine, so with its -wal as the app sees it)."""
        with self.db.engine.connect() as connection:

            def run(sql: str) -> list[Any]:
                return list(connection.exec_driver_sql(sql))

            return HealthReport.of(probe(run, full=full))


def check_file_untouched(path: Path, key: Passphrase | None = None) -> HealthReport | None:
    """The full check of the database file at `path`, which is left byte for byte as it was
    (`peerdesk.data.integrity`); the instance lock is held meanwhile, so no peerdesk writes it.

    None when `path` is not an existing, non-empty regular file: there is nothing there to
    keep unchanged, and opening it the usual way says what it is (new, lost or not a file).
    """
    try:
        status = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode) or status.st_size == 0:
        return None
    lock = InstanceLock(path).acquire()
    try:
        return HealthReport.of(check_file(path, key))
    finally:
        lock.release()
