"""Projects as screens and the command line see them: plain frozen dataclasses, never rows.
The UI imports this module (and the container)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: What `--project none` and the Figures screen's "No project" mean: records with no project.
NO_PROJECT = "none"


@dataclass(frozen=True)
class ProjectView:
    """One project or funding stream. `records`: how many referrals, pairings, groups and
    expense claims carry it (a project carried by any cannot be removed)."""

    id: int
    name: str
    ended_on: date | None
    records: int

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    @property
    def words(self) -> str:
        """The name, with "(ended …)" after it once it has ended."""
        if self.ended_on is None:
            return self.name
        return f"{self.name} (ended {self.ended_on.day} {self.ended_on:%B %Y})"


__all__ = ["NO_PROJECT", "ProjectView"]
