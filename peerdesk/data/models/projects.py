"""Projects: the funded pieces of work an organisation runs (e.g. "Mentoring (Lottery)")."""

from __future__ import annotations

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import not_blank


class Project(SQLModel, table=True):
    """A project or funding stream. Referrals, pairings, groups and expense claims may carry
    one; their sessions, meetings and outcome scores follow it (docs/figures.md)."""

    __table_args__ = (not_blank("name"), UniqueConstraint("name"))

    id: int | None = Field(default=None, primary_key=True)
    name: str
    #: Ended projects stay on the records that carry them, but are offered for no new one.
    ended_on: date | None = None
