"""What the volunteer services hand to screens: plain frozen records, never database rows
(the course's modules and training sessions are in services/training)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from peerdesk.vocabulary import VolunteerStage


@dataclass(frozen=True)
class Readiness:
    """Whether a volunteer may be paired now, and what is missing if not."""

    person_id: int
    stage: VolunteerStage | None
    capacity: int
    occupied: int
    missing: tuple[str, ...] = field(default=())

    @property
    def spare(self) -> int:
        return max(self.capacity - self.occupied, 0)

    @property
    def may_be_paired(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class StageView:
    """One step of a volunteer's journey (`stage` is the vocabulary value)."""

    id: int
    person_id: int
    stage: str
    changed_on: date
    reason: str = ""

    @classmethod
    def of(cls, row: Any) -> StageView:
        return cls(row.id or 0, row.person_id, row.stage, row.changed_on, row.reason)


@dataclass(frozen=True)
class ProfileView:
    person_id: int
    max_mentees: int
    lived_experience: str = ""
    skills: str = ""
    interests: str = ""

    @classmethod
    def of(cls, row: Any) -> ProfileView:
        return cls(row.person_id, row.max_mentees, row.lived_experience, row.skills, row.interests)


@dataclass(frozen=True)
class DisclosureCheckView:
    id: int
    person_id: int
    scheme: str
    level: str
    issue_date: date
    reference_number: str = ""
    renewal_date: date | None = None

    @classmethod
    def of(cls, row: Any) -> DisclosureCheckView:
        return cls(
            id=row.id or 0,
            person_id=row.person_id,
            scheme=row.scheme,
            level=row.level,
            issue_date=row.issue_date,
            reference_number=row.reference_number,
            renewal_date=row.renewal_date,
        )


@dataclass(frozen=True)
class ReferenceView:
    id: int
    person_id: int
    referee_name: str
    relationship: str = ""
    contact: str = ""
    requested_on: date | None = None
    received_on: date | None = None
    #: Whether it was satisfactory: None until it has been read.
    satisfactory: bool | None = None

    @classmethod
    def of(cls, row: Any) -> ReferenceView:
        return cls(
            id=row.id or 0,
            person_id=row.person_id,
            referee_name=row.referee_name,
            relationship=row.relationship,
            contact=row.contact,
            requested_on=row.requested_on,
            received_on=row.received_on,
            satisfactory=row.satisfactory,
        )

    @property
    def counts(self) -> bool:
        """Received and read as satisfactory: it counts towards the references needed."""
        return self.received_on is not None and self.satisfactory is True

    @property
    def state(self) -> str:
        """Where the reference is, in plain words."""
        if self.received_on is None:
            return "Asked for, not yet received" if self.requested_on else "Not yet asked for"
        if self.satisfactory is None:
            return "Received, not yet read"
        return "Satisfactory" if self.satisfactory else "Not satisfactory"


@dataclass(frozen=True)
class SafeguardingSettings:
    """Settings ▸ Volunteers and safeguarding: references needed before pairing (0 = not
    asked) and how many years a concern is kept after it is closed."""

    references_required: int = 0
    concern_keep_years: int = 6


@dataclass(frozen=True)
class TrainingView:
    id: int
    person_id: int
    module: str
    training_date: date
    duration_minutes: int = 0
    completed: bool = False

    @classmethod
    def of(cls, row: Any) -> TrainingView:
        return cls(
            id=row.id or 0,
            person_id=row.person_id,
            module=row.module,
            training_date=row.training_date,
            duration_minutes=row.duration_minutes,
            completed=row.completed,
        )


@dataclass(frozen=True)
class SupervisionView:
    """One supervision meeting with a mentor (`mode` is the vocabulary value)."""

    id: int
    mentor_id: int
    supervision_date: date
    mode: str
    duration_minutes: int
    concerns: str = ""
    wellbeing: str = ""
    training_needs: str = ""
    actions: str = ""
    next_date: date | None = None

    @classmethod
    def of(cls, row: Any) -> SupervisionView:
        return cls(
            id=row.id or 0,
            mentor_id=row.mentor_id,
            supervision_date=row.supervision_date,
            mode=row.mode,
            duration_minutes=row.duration_minutes,
            concerns=row.concerns,
            wellbeing=row.wellbeing,
            training_needs=row.training_needs,
            actions=row.actions,
            next_date=row.next_date,
        )


__all__ = [
    "DisclosureCheckView",
    "ProfileView",
    "Readiness",
    "ReferenceView",
    "SafeguardingSettings",
    "StageView",
    "SupervisionView",
    "TrainingView",
]
