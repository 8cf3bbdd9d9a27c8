"""`peerdesk check`: is the database file healthy, and are its links intact?"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text

from peerdesk.services.base import Service


@dataclass(frozen=True)
class HealthReport:
    integrity: list[str]
    broken_links: list[str] = field(default_factory=list)
    record_counts: dict[str, int] = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        return self.integrity == ["ok"] and not self.broken_links

    def lines(self) -> list[str]:
        out: list[str] = []
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
        pragma = "integrity_check" if full else "quick_check"
        with self.db.engine.connect() as connection:
            integrity = [row[0] for row in connection.exec_driver_sql(f"PRAGMA {pragma}")]
            broken = [
                f"a {row[0]} record (row {row[1]}) points to a missing {row[2]} record"
                for row in connection.exec_driver_sql("PRAGMA foreign_key_check")
            ]
            tables = [
                row[0]
                for row in connection.execute(
                    text(
                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
                    )
                )
            ]
            counts = {
                table: int(
                    connection.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() or 0
                )
                for table in tables
            }
        return HealthReport(integrity=integrity, broken_links=broken, record_counts=counts)
