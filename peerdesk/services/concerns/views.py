"""What the concerns log hands the UI: frozen views, and the input a dialog fills in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from peerdesk.vocabulary import ConcernLevel

#: Offered in the category box; any other words may be typed.
CATEGORY_SUGGESTIONS = (
    "Self-harm or suicide risk",
    "Neglect or self-neglect",
    "Physical abuse",
    "Emotional or psychological abuse",
    "Financial abuse",
    "Domestic abuse",
    "Sexual abuse",
    "Exploitation",
    "Mental health crisis",
    "Physical health",
    "Volunteer conduct",
    "Boundaries",
    "Other",
)

#: Open concerns are listed most serious first.
LEVEL_RANK = {
    ConcernLevel.URGENT.value: 0,
    ConcernLevel.CONCERN.value: 1,
    ConcernLevel.INFORMATION.value: 2,
}


@dataclass
class ConcernInput:
    """A concern as raised or edited: about a person, a pairing or a group (at least one)."""

    raised_on: date
    what: str
    about_person_id: int | None = None
    pairing_id: int | None = None
    group_id: int | None = None
    category: str = ""
    level: str = ConcernLevel.CONCERN.value
    action_taken: str = ""
    who_was_told: str = ""


@dataclass(frozen=True)
class ConcernActionView:
    id: int
    concern_id: int
    action: str
    due_on: date | None
    done_on: date | None

    def overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class ConcernRecord:
    """One concern with its actions; `about` names its subject in plain words."""

    id: int
    raised_on: date
    about: str
    about_person_id: int | None
    pairing_id: int | None
    group_id: int | None
    session_id: int | None
    group_meeting_id: int | None
    category: str
    level: str
    what: str
    action_taken: str
    who_was_told: str
    referred_to: str
    referred_on: date | None
    referral_reference: str
    outcome: str
    closed_on: date | None
    actions: tuple[ConcernActionView, ...] = field(default_factory=tuple)

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def level_label(self) -> str:
        return ConcernLevel(self.level).label

    @property
    def next_action(self) -> ConcernActionView | None:
        """The earliest action not yet done (one with a due date before one without)."""
        waiting = [a for a in self.actions if a.done_on is None]
        waiting.sort(key=lambda a: (a.due_on is None, a.due_on or date.max, a.id))
        return waiting[0] if waiting else None


@dataclass(frozen=True)
class SubjectChoice:
    """Someone or something a concern may be about: kind is person, pairing or group."""

    kind: str
    id: int
    label: str
