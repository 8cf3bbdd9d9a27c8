"""The typed result of counting: every figure of figures.md with its breakdowns, exact.

`Figures` holds exact numbers only. Publishable (suppressed) values are made from it by
`suppression.publish`, so the counting and the protecting of small numbers stay apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from peerdesk.services.figures.period import Period


class Mode(StrEnum):
    INTERNAL = "internal"
    PUBLISHABLE = "publishable"


#: The bucket for a missing answer, in every breakdown.
NOT_KNOWN = "not known"

AGE_BANDS = ("under 18", "18–24", "25–34", "35–49", "50–64", "65–74", "75 and over", NOT_KNOWN)


@dataclass(frozen=True)
class Breakdown:
    """Counts by bucket, in display order. `total_key` names the figure the buckets add up to
    (so secondary suppression applies); None when they need not add up (conditions)."""

    cells: tuple[tuple[str, int], ...]
    total_key: str | None = None

    def as_dict(self) -> dict[str, int]:
        return dict(self.cells)

    def get(self, bucket: str) -> int:
        return dict(self.cells).get(bucket, 0)

    @property
    def total(self) -> int:
        return sum(count for _, count in self.cells)


@dataclass(frozen=True)
class VolunteerHours:
    mentoring: float
    groups: float
    training: float
    supervision: float
    total: float


@dataclass(frozen=True)
class OutcomeFigure:
    """One outcome measure: people with a before and an after score in the period."""

    measure: str
    n: int
    mean_before: float
    mean_after: float
    mean_change: float


@dataclass(frozen=True)
class Demographics:
    age_band: Breakdown
    gender: Breakdown
    ethnicity: Breakdown
    disability: Breakdown
    condition: Breakdown
    area: Breakdown

    def items(self) -> list[tuple[str, Breakdown]]:
        return [
            ("age_band", self.age_band),
            ("gender", self.gender),
            ("ethnicity", self.ethnicity),
            ("disability", self.disability),
            ("condition", self.condition),
            ("area", self.area),
        ]


@dataclass(frozen=True)
class Figures:
    """Every figure for one period, exact (internal)."""

    organisation: str
    period: Period
    referrals_received: int
    referrals_by_source: Breakdown
    referrals_not_taken_forward: int
    mentees_supported: int
    mentees_new: int
    carers_supported: int
    pairings_started: int
    pairings_active: int
    pairings_ended: int
    pairings_ended_by_reason: Breakdown
    pairings_ended_as_planned: int
    sessions_held: int
    sessions_by_mode: Breakdown
    sessions_cancelled: int
    contact_hours: float
    group_meetings: int
    group_attendances: int
    group_unique_attendees: int
    people_supported: int
    volunteers_active: int
    volunteers_new: int
    volunteers_left: int
    volunteers_trained: int
    volunteer_hours: VolunteerHours
    supervision_sessions: int
    concerns_raised: int
    demographics: Demographics
    outcomes: tuple[OutcomeFigure, ...] = field(default=())
