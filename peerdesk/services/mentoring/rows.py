"""The shapes the mentoring services hand to screens: frozen, read-only, no table rows.

Each carries the decisions its screen needs (a pairing's allowed actions, whether a review
ends the pairing), so the rule lives once, in the service. `views.py` re-exports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from peerdesk.data.models import Concern, MentoringSession, PairingStatusChange, Review
from peerdesk.errors import ValidationError
from peerdesk.vocabulary import ReviewDecision, SessionStatus, SupportedAs


def can_be_rearranged(status: str) -> bool:
    """Only a session still planned can move to another day: one held (or cancelled, or
    already moved) is a record of what happened, and rearranging it would drop it from the
    figures. The session service refuses the rest; the session dialog offers it only here."""
    return status == SessionStatus.PLANNED


class PlannedSessionsAfterEnd(ValidationError):
    """Ending on this date would leave sessions planned after it: they will not happen, so
    the ending must say to cancel them (the End dialog offers it, listing `dates`)."""

    def __init__(self, dates: tuple[date, ...]) -> None:
        listed = ", ".join(f"{d:%A} {d.day} {d:%B %Y}" for d in dates)
        many = len(dates) != 1
        super().__init__(
            f"{len(dates)} session{'s are' if many else ' is'} planned after the end date "
            f"({listed}). {'They' if many else 'It'} will not happen once the pairing ends: "
            f"cancel {'them' if many else 'it'} to end the pairing on this date.",
            "changed_on",
        )
        self.dates = dates


@dataclass(frozen=True)
class PairingRow:
    """One line of the Pairings list."""

    id: int
    reference: str
    mentor_id: int
    mentor_name: str
    mentee_id: int
    mentee_name: str
    supported_as: str
    status: str
    proposed_on: date
    start_date: date | None
    end_date: date | None
    last_held: date | None
    next_planned: date | None
    sessions_held: int


@dataclass(frozen=True)
class WaitingRow:
    """A person with a live referral and no open pairing: waiting for a mentor."""

    person_id: int
    name: str
    supported_as: str
    referral_id: int
    referral_date: date
    referral_status: str
    days_waiting: int
    area: str
    conditions: str


@dataclass(frozen=True)
class TimelineEntry:
    """One event in a pairing's life. `kind`: status, session, review or concern."""

    on: date
    kind: str
    title: str
    detail: str
    record_kind: str
    record_id: int


class PairingAction(StrEnum):
    """What the coordinator can do next on a pairing's page."""

    LOG = "log"
    REVIEW = "review"
    INTRODUCE = "introduce"
    ACTIVATE = "activate"
    PAUSE = "pause"
    RESUME = "resume"
    END = "end"
    ARRANGEMENTS = "arrangements"
    SUPERVISION = "supervision"


@dataclass(frozen=True)
class NextReview:
    """The review due next, as the pairing page shows it."""

    due: date
    overdue: bool


@dataclass(frozen=True)
class PairingView:
    """One pairing as its page and dialogs show it, with what may be done with it now."""

    id: int
    reference: str
    mentor_id: int
    mentor_name: str
    mentee_id: int
    mentee_name: str
    supported_as: str
    status: str
    proposed_on: date
    start_date: date | None
    end_date: date | None
    planned_length_weeks: int | None
    meeting_frequency: str
    usual_mode: str
    usual_place: str
    usual_duration_minutes: int
    review_schedule_weeks: str
    closure_reason: str | None
    ended_as_planned: bool | None
    wants_new_pairing: bool | None
    closure_note: str
    goals: tuple[str, ...]
    next_review: NextReview | None
    allowed_actions: frozenset[PairingAction]
    #: The project or funding stream it belongs to (None: no project).
    project_id: int | None = None

    @property
    def supported_word(self) -> str:
        """ "carer" or "mentee": how the supported person is named on the page."""
        return "carer" if self.supported_as == SupportedAs.CARER else "mentee"

    def allows(self, action: PairingAction | str) -> bool:
        return PairingAction(action) in self.allowed_actions


@dataclass(frozen=True)
class StatusChange:
    """One step in a pairing's history."""

    pairing_id: int
    status: str
    changed_on: date
    note: str


@dataclass(frozen=True)
class SessionView:
    """One logged (or planned) session, with the date it was moved to if rearranged."""

    id: int
    pairing_id: int
    session_date: date
    start_time: time | None
    duration_minutes: int
    mode: str
    place: str
    status: str
    note: str
    actions: str
    next_meeting: date | None
    concern_flag: bool
    rearranged_to_id: int | None
    rearranged_to_date: date | None

    @property
    def can_be_rearranged(self) -> bool:
        return can_be_rearranged(self.status)


@dataclass(frozen=True)
class ReviewView:
    """One recorded review of a pairing."""

    id: int
    pairing_id: int
    review_date: date
    sessions_held: int
    sessions_planned: int
    progress_goal_1: str
    progress_goal_2: str
    progress_goal_3: str
    what_is_working: str
    concerns: str
    decision: str
    next_review_date: date | None

    @property
    def ends_pairing(self) -> bool:
        """The review decided to end the pairing: the page goes on to End pairing."""
        return self.decision == ReviewDecision.END


@dataclass(frozen=True)
class ConcernView:
    """A concern raised in a session or group meeting."""

    id: int
    raised_on: date
    about_person_id: int | None
    session_id: int | None
    group_meeting_id: int | None
    what: str
    who_was_told: str
    action_taken: str
    closed_on: date | None

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


@dataclass(frozen=True)
class SupervisionPlan:
    """What the supervision quick entry starts from: the mentor, their current pairings to
    tick off as discussed, and the date suggested for the next supervision."""

    mentor_id: int
    mentor_name: str
    pairings: tuple[PairingRow, ...]
    suggested_next: date


# Moved with the referral steps (issue 19); named here too for modules that import it from rows.
from peerdesk.services.mentoring.referral_views import ReferralView as ReferralView  # noqa: E402


def status_change_view(change: PairingStatusChange) -> StatusChange:
    return StatusChange(
        pairing_id=change.pairing_id,
        status=change.status,
        changed_on=change.changed_on,
        note=change.note,
    )


def session_view(record: MentoringSession, rearranged_to_date: date | None) -> SessionView:
    return SessionView(
        id=record.id or 0,
        pairing_id=record.pairing_id,
        session_date=record.session_date,
        start_time=record.start_time,
        duration_minutes=record.duration_minutes,
        mode=record.mode,
        place=record.place,
        status=record.status,
        note=record.note,
        actions=record.actions,
        next_meeting=record.next_meeting,
        concern_flag=record.concern_flag,
        rearranged_to_id=record.rearranged_to_id,
        rearranged_to_date=rearranged_to_date,
    )


def review_view(review: Review) -> ReviewView:
    return ReviewView(
        id=review.id or 0,
        pairing_id=review.pairing_id,
        review_date=review.review_date,
        sessions_held=review.sessions_held,
        sessions_planned=review.sessions_planned,
        progress_goal_1=review.progress_goal_1,
        progress_goal_2=review.progress_goal_2,
        progress_goal_3=review.progress_goal_3,
        what_is_working=review.what_is_working,
        concerns=review.concerns,
        decision=review.decision,
        next_review_date=review.next_review_date,
    )


def concern_view(concern: Concern) -> ConcernView:
    return ConcernView(
        id=concern.id or 0,
        raised_on=concern.raised_on,
        about_person_id=concern.about_person_id,
        session_id=concern.session_id,
        group_meeting_id=concern.group_meeting_id,
        what=concern.what,
        who_was_told=concern.who_was_told,
        action_taken=concern.action_taken,
        closed_on=concern.closed_on,
    )
