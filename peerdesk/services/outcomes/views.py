"""What the outcome service hands to screens: the scale, a person's score sets and chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.vocabulary import OutcomeTiming


@dataclass(frozen=True)
class ScaleView:
    """The outcome scale in use. `own` is True while Settings leaves it as peerdesk's own."""

    name: str
    questions: tuple[str, ...]
    answer_words: tuple[str, ...]
    own: bool
    #: What Settings holds (empty while peerdesk's own is used).
    saved_name: str = ""
    saved_questions: str = ""

    @property
    def out_of(self) -> int:
        return 5 * len(self.questions)


@dataclass(frozen=True)
class ScoreEntry:
    """What the coordinator enters for one score set: one answer (1 to 5) a question, in
    the scale's order (None for a question not answered yet)."""

    timing: OutcomeTiming | str
    scored_on: date
    answers: tuple[int | None, ...]
    pairing_id: int | None = None
    group_id: int | None = None


@dataclass(frozen=True)
class BelongsTo:
    """A pairing (the person as mentee) or a group (as member) a score set may belong to."""

    label: str
    pairing_id: int | None = None
    group_id: int | None = None


@dataclass(frozen=True)
class ScoreSetView:
    id: int
    person_id: int
    scored_on: date
    timing: str
    timing_label: str
    measure: str
    total: int
    #: The most the set could total (5 a question); None for a set kept as a total only.
    out_of: int | None
    questions: tuple[str, ...]
    answers: tuple[int, ...]
    belongs_to: str
    pairing_id: int | None
    group_id: int | None

    @property
    def total_words(self) -> str:
        return f"{self.total} of {self.out_of}" if self.out_of else str(self.total)


@dataclass(frozen=True)
class ChartPoint:
    scored_on: date
    timing: str
    total: int
    out_of: int | None


@dataclass(frozen=True)
class PersonScores:
    """A person's score sets, oldest first, with the chart's points and its words."""

    sets: tuple[ScoreSetView, ...]
    points: tuple[ChartPoint, ...]
    #: The trend in words, e.g. "Before 14 of 35 on 3 March 2026; after 25 of 35 on …".
    description: str


__all__ = [
    "BelongsTo",
    "ChartPoint",
    "OutcomeTiming",
    "PersonScores",
    "ScaleView",
    "ScoreEntry",
    "ScoreSetView",
]
