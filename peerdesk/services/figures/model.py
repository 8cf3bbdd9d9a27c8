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
    """Hours of volunteers' time (staff time left out). Training and supervision belong to
    no project, so in one project's figures they, and the total, are None."""

    mentoring: float
    groups: float
    training: float | None
    supervision: float | None
    total: float | None
    #: The exact minutes behind `mentoring` and `groups` (projects' minutes add up exactly;
    #: their hours, each rounded, may not).
    mentoring_minutes: int = 0
    groups_minutes: int = 0


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
    """Every figure for one period, exact (internal). In one project's figures (`project`
    its name, or "none"), the organisation-wide figures are None (scope.py)."""

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
    volunteers_new: int | None
    volunteers_left: int | None
    volunteers_trained: int | None
    volunteer_hours: VolunteerHours
    supervision_sessions: int | None
    concerns_raised: int
    demographics: Demographics
    outcomes: tuple[OutcomeFigure, ...] = field(default=())
    #: Money paid on expense claims paid in the period (by paid date), in pence.
    expenses_paid_pence: int = 0
    #: How many volunteers those claims paid (publishable figures hide a small number).
    expenses_paid_people: int = 0
    #: The exact minutes behind `contact_hours`.
    contact_minutes: int = 0
    #: Whose figures: a project's name, "none" (records with no project), None (every record).
    project: str | None = None
