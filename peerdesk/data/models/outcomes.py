"""Optional before/after outcome scores per person."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import not_blank, one_of
from peerdesk.vocabulary import OutcomeTiming


class OutcomeScore(SQLModel, table=True):
    __tablename__ = "outcome_score"
    __table_args__ = (not_blank("measure"), one_of("timing", OutcomeTiming))

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    measure: str
    timing: str
    score: float
    scored_on: date
