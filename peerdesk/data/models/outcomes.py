"""Outcome score sets: a person's answers to the organisation's outcome scale on a date."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import not_blank, one_of
from peerdesk.vocabulary import OutcomeTiming


class OutcomeScore(SQLModel, table=True):
    """One score set. `measure` is the scale's name and `score` its total, both as they were
    on the day (a later change of scale in Settings never alters past scores); the answers to
    each question are `OutcomeAnswer`s (a set recorded before 0.4.0 has a total only)."""

    __tablename__ = "outcome_score"
    __table_args__ = (
        not_blank("measure"),
        one_of("timing", OutcomeTiming),
        CheckConstraint("pairing_id IS NULL OR group_id IS NULL", name="one_of_pairing_or_group"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    measure: str
    timing: str
    score: float
    scored_on: date
    #: The pairing or group the scores belong to (their project follows it).
    pairing_id: int | None = Field(
        default=None, foreign_key="pairing.id", ondelete="SET NULL", index=True
    )
    group_id: int | None = Field(
        default=None, foreign_key="peer_group.id", ondelete="SET NULL", index=True
    )


class OutcomeAnswer(SQLModel, table=True):
    """The answer (1 to 5) to one question of a score set, with the question as asked."""

    __tablename__ = "outcome_answer"
    __table_args__ = (
        CheckConstraint("answer BETWEEN 1 AND 5", name="answer_valid"),
        CheckConstraint("position >= 1", name="position_min"),
    )

    score_id: int = Field(foreign_key="outcome_score.id", ondelete="CASCADE", primary_key=True)
    position: int = Field(primary_key=True)
    question: str
    answer: int
