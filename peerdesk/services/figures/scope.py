"""Which records a count takes in: every record, one project's, or those with no project.

A referral, pairing, group or expense claim carries its project itself; a session and a
review follow their pairing, a meeting (its register and facilitators) its group, an outcome
score set the pairing or group it names (none when it names neither), a concern the session
or meeting it was raised at. Training, supervision and volunteer journeys belong to no
project: they are counted only for every record (docs/figures.md, "Projects").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, true
from sqlmodel import col, select

from peerdesk.data.models import GroupMeeting, Pairing, PeerGroup, Person

#: The value the JSON's "project" key and `--project` give for records with no project.
NO_PROJECT = "none"


@dataclass(frozen=True)
class Scope:
    """`Scope()`: every record; `Scope(project_id=3, name="HUG group")`: one project's;
    `Scope(no_project=True)`: records that carry no project."""

    project_id: int | None = None
    no_project: bool = False
    name: str | None = None

    @property
    def split(self) -> bool:
        """Counting part of the records (one project, or none), not all of them."""
        return self.no_project or self.project_id is not None

    @property
    def label(self) -> str | None:
        """The JSON's "project": the project's name, "none", or None for every record."""
        if self.no_project:
            return NO_PROJECT
        return self.name if self.project_id is not None else None

    def matches(self, column: Any) -> ColumnElement[bool]:
        """A record's own project column is this scope's."""
        if self.no_project:
            return column.is_(None)  # type: ignore[no-any-return]
        if self.project_id is not None:
            return column == self.project_id  # type: ignore[no-any-return]
        return true()

    def pairing_of(self, column: Any) -> ColumnElement[bool]:
        """`column` (a pairing id) names a pairing of this scope."""
        if not self.split:
            return true()
        pairings = select(Pairing.id).where(self.matches(col(Pairing.project_id)))
        return column.in_(pairings)  # type: ignore[no-any-return]

    def group_of(self, column: Any) -> ColumnElement[bool]:
        """`column` (a group id) names a group of this scope."""
        if not self.split:
            return true()
        groups = select(PeerGroup.id).where(self.matches(col(PeerGroup.project_id)))
        return column.in_(groups)  # type: ignore[no-any-return]

    def meeting_of(self, column: Any) -> ColumnElement[bool]:
        """`column` (a meeting id) names a meeting of a group of this scope."""
        if not self.split:
            return true()
        meetings = select(GroupMeeting.id).where(self.group_of(col(GroupMeeting.group_id)))
        return column.in_(meetings)  # type: ignore[no-any-return]


EVERY_RECORD = Scope()


def not_staff(column: Any) -> ColumnElement[bool]:
    """`column` (a person id) is not a staff member: staff time is not volunteer time."""
    staff = select(Person.id).where(col(Person.is_staff).is_(True))
    return column.not_in(staff)  # type: ignore[no-any-return]


__all__ = ["EVERY_RECORD", "NO_PROJECT", "Scope", "not_staff"]
