"""Pairings: propose, introduce, activate, pause, resume, end; goals and history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete
from sqlmodel import Session, col, select

from peerdesk.data.models import (
    MentoringSession,
    Organisation,
    Pairing,
    PairingGoal,
    PairingStatusChange,
    Person,
    Referral,
)
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import get_or_raise
from peerdesk.services.mentoring.ending import Ending, cancel_planned_after, planned_after
from peerdesk.services.mentoring.ending_edits import EndingEdits, ending_values
from peerdesk.services.mentoring.lists import pairing_rows, ready_to_match, waiting_rows
from peerdesk.services.mentoring.pairing_removal import PairingRemoval
from peerdesk.services.mentoring.reviews import names_of, next_due_for
from peerdesk.services.mentoring.rows import (
    NextReview,
    PairingAction,
    PairingRow,
    PairingView,
    StatusChange,
    SupervisionPlan,
    TimelineEntry,
    WaitingRow,
    status_change_view,
)
from peerdesk.services.mentoring.timeline import pairing_timeline
from peerdesk.services.organisation import OrganisationDetails, parse_review_schedule
from peerdesk.services.projects import check_project, referral_project
from peerdesk.services.volunteers.service import OCCUPYING_STATUSES
from peerdesk.vocabulary import (
    MeetingFrequency,
    MeetingMode,
    PairingStatus,
    ReferralStatus,
    SessionStatus,
    SupportedAs,
)

#: The lifecycle of domain.md: proposed → introduced → active ⇄ paused → ended. A pairing
#: that never got going can end from proposed or introduced ("did not go ahead").
TRANSITIONS: dict[PairingStatus, frozenset[PairingStatus]] = {
    PairingStatus.PROPOSED: frozenset(
        {PairingStatus.INTRODUCED, PairingStatus.ACTIVE, PairingStatus.ENDED}
    ),
    PairingStatus.INTRODUCED: frozenset({PairingStatus.ACTIVE, PairingStatus.ENDED}),
    PairingStatus.ACTIVE: frozenset({PairingStatus.PAUSED, PairingStatus.ENDED}),
    PairingStatus.PAUSED: frozenset({PairingStatus.ACTIVE, PairingStatus.ENDED}),
    PairingStatus.ENDED: frozenset(),
}
MAX_GOALS = 3
#: The next supervision is suggested this many weeks ahead at most, or sooner when the
#: organisation's own limit (Settings, "mentor without supervision for") is shorter: the
#: suggestion should fall well before Today starts flagging the mentor.
SUPERVISION_SUGGESTED_WEEKS = 6


def allowed_actions(status: PairingStatus | str, started: bool) -> frozenset[PairingAction]:
    """What a pairing's page offers, from TRANSITIONS (so the page never disagrees with what
    `_transition` accepts) and the session and review rules."""
    current = PairingStatus(status)
    reachable = TRANSITIONS[current]
    paused = current is PairingStatus.PAUSED
    allowed = {
        PairingAction.INTRODUCE: PairingStatus.INTRODUCED in reachable,
        # From paused, becoming active again is offered as Resume, not Activate.
        PairingAction.ACTIVATE: PairingStatus.ACTIVE in reachable and not paused,
        PairingAction.RESUME: PairingStatus.ACTIVE in reachable and paused,
        PairingAction.PAUSE: PairingStatus.PAUSED in reachable,
        PairingAction.END: PairingStatus.ENDED in reachable,
        # Sessions can be planned once the pair are introduced (held ones once active:
        # the session service says so when one is logged).
        PairingAction.LOG: current is not PairingStatus.PROPOSED,
        # Reviews count from the start date.
        PairingAction.REVIEW: started,
        PairingAction.ARRANGEMENTS: current is not PairingStatus.ENDED,
        PairingAction.SUPERVISION: True,
    }
    return frozenset(action for action, ok in allowed.items() if ok)


#: A plan's project when none is chosen (see `PairingPlan.project_id`).
SAME_PROJECT = "same"


@dataclass
class PairingPlan:
    """What is agreed when a pairing is proposed."""

    mentor_id: int
    mentee_id: int
    supported_as: str = SupportedAs.MENTEE.value
    proposed_on: date | None = None
    planned_length_weeks: int | None = 26
    meeting_frequency: str = MeetingFrequency.FORTNIGHTLY.value
    usual_mode: str = MeetingMode.FACE_TO_FACE.value
    usual_place: str = ""
    usual_duration_minutes: int = 60
    review_schedule_weeks: str = ""
    goals: tuple[str, ...] = ()
    #: The project: SAME_PROJECT takes the mentee's referral's when proposing and keeps the
    #: pairing's when changing arrangements; else a project's id, or None for no project.
    project_id: int | str | None = SAME_PROJECT


class PairingService(PairingRemoval, EndingEdits):
    def get(self, pairing_id: int) -> PairingView:
        with self.db.session() as session:
            return self._view(session, get_or_raise(session, Pairing, pairing_id, "pairing"))

    def goals(self, pairing_id: int) -> list[str]:
        with self.db.session() as session:
            rows = session.exec(
                select(PairingGoal)
                .where(PairingGoal.pairing_id == pairing_id)
                .order_by(col(PairingGoal.position))
            )
            return [row.text for row in rows]

    def history(self, pairing_id: int) -> list[StatusChange]:
        with self.db.session() as session:
            return [
                status_change_view(change)
                for change in session.exec(
                    select(PairingStatusChange)
                    .where(PairingStatusChange.pairing_id == pairing_id)
                    .order_by(col(PairingStatusChange.changed_on), col(PairingStatusChange.id))
                )
            ]

    def propose(self, plan: PairingPlan) -> PairingView:
        proposed_on = plan.proposed_on or self.today()
        v.not_in_future(proposed_on, self.today(), "proposed_on", "the date proposed")
        if plan.mentor_id == plan.mentee_id:
            raise ValidationError(
                "A person cannot mentor themselves: choose someone else.", "mentor_id"
            )
        supported_as = v.one_of(plan.supported_as, SupportedAs, "supported_as", "mentee or carer")
        frequency = v.one_of(
            plan.meeting_frequency, MeetingFrequency, "meeting_frequency", "how often to meet"
        )
        mode = v.one_of(plan.usual_mode, MeetingMode, "usual_mode", "how to meet")
        if plan.planned_length_weeks is not None and not 1 <= plan.planned_length_weeks <= 520:
            raise ValidationError(
                "The planned length should be between 1 and 520 weeks.", "planned_length_weeks"
            )
        goals = _clean_goals(plan.goals)
        with self.db.transaction() as session:
            mentor = get_or_raise(session, Person, plan.mentor_id, "mentor")
            mentee = get_or_raise(session, Person, plan.mentee_id, "mentee")
            for person, role in ((mentor, "mentor"), (mentee, "mentee")):
                if person.archived_on is not None:
                    raise ValidationError(
                        f"The {role} is archived: unarchive them first.", f"{role}_id"
                    )
            project = (
                referral_project(session, plan.mentee_id)
                if plan.project_id == SAME_PROJECT
                else _project(plan)
            )
            check_project(session, project)
            pairing = Pairing(
                project_id=project,
                mentor_id=plan.mentor_id,
                mentee_id=plan.mentee_id,
                supported_as=supported_as,
                proposed_on=proposed_on,
                planned_length_weeks=plan.planned_length_weeks,
                meeting_frequency=frequency,
                usual_mode=mode,
                usual_place=v.short_text(plan.usual_place, "usual_place", "the usual place"),
                usual_duration_minutes=v.minutes(
                    plan.usual_duration_minutes, "usual_duration_minutes", "the usual length"
                ),
                review_schedule_weeks=", ".join(
                    str(w) for w in parse_review_schedule(plan.review_schedule_weeks)
                ),
            )
            session.add(pairing)
            session.flush()
            assert pairing.id is not None
            session.add(
                PairingStatusChange(
                    pairing_id=pairing.id, status=PairingStatus.PROPOSED, changed_on=proposed_on
                )
            )
            _write_goals(session, pairing.id, goals)
            session.flush()
            session.refresh(pairing)
            return self._view(session, pairing)

    def update_arrangements(self, pairing_id: int, plan: PairingPlan) -> PairingView:
        """Change how the pair meet, the planned length and review schedule, and the goals.
        The people, the dates and the status are not changed here."""
        frequency = v.one_of(
            plan.meeting_frequency, MeetingFrequency, "meeting_frequency", "how often to meet"
        )
        mode = v.one_of(plan.usual_mode, MeetingMode, "usual_mode", "how to meet")
        if plan.planned_length_weeks is not None and not 1 <= plan.planned_length_weeks <= 520:
            raise ValidationError(
                "The planned length should be between 1 and 520 weeks.", "planned_length_weeks"
            )
        schedule = parse_review_schedule(plan.review_schedule_weeks)
        goals = _clean_goals(plan.goals)
        with self.db.transaction() as session:
            pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
            pairing.meeting_frequency = frequency
            pairing.usual_mode = mode
            pairing.usual_place = v.short_text(plan.usual_place, "usual_place", "the usual place")
            pairing.usual_duration_minutes = v.minutes(
                plan.usual_duration_minutes, "usual_duration_minutes", "the usual length"
            )
            pairing.planned_length_weeks = plan.planned_length_weeks
            pairing.review_schedule_weeks = ", ".join(str(w) for w in schedule)
            if plan.project_id != SAME_PROJECT:
                check_project(session, _project(plan), current=pairing.project_id)
                pairing.project_id = _project(plan)
            session.add(pairing)
            _write_goals(session, pairing_id, goals)
            session.flush()
            session.refresh(pairing)
            return self._view(session, pairing)

    def set_goals(self, pairing_id: int, goals: list[str] | tuple[str, ...]) -> None:
        cleaned = _clean_goals(goals)
        with self.db.transaction() as session:
            get_or_raise(session, Pairing, pairing_id, "pairing")
            _write_goals(session, pairing_id, cleaned)

    def introduce(self, pairing_id: int, on: date | None = None) -> PairingView:
        return self._transition(pairing_id, PairingStatus.INTRODUCED, on)

    def activate(self, pairing_id: int, on: date | None = None) -> PairingView:
        return self._transition(pairing_id, PairingStatus.ACTIVE, on)

    def pause(self, pairing_id: int, on: date | None = None, note: str = "") -> PairingView:
        return self._transition(pairing_id, PairingStatus.PAUSED, on, note=note)

    def resume(self, pairing_id: int, on: date | None = None) -> PairingView:
        return self._transition(pairing_id, PairingStatus.ACTIVE, on)

    def end(
        self,
        pairing_id: int,
        ending: Ending,
        on: date | None = None,
        *,
        cancel_planned: bool = False,
    ) -> PairingView:
        """End the pairing. Sessions still planned after the end date will not happen: the
        ending is refused (PlannedSessionsAfterEnd, listing them) unless `cancel_planned`
        says to cancel them, which takes them off the plan in the same transaction. Sessions
        that did happen, or were cancelled or rearranged (even in advance), stay in the log."""
        checked = Ending(**ending_values(ending))
        return self._transition(
            pairing_id, PairingStatus.ENDED, on, ending=checked, cancel_planned=cancel_planned
        )

    def planned_after(self, pairing_id: int, on: date) -> list[date]:
        """The dates of the sessions planned after `on`, earliest first: ending on that day
        cancels them (when told to)."""
        with self.db.session() as session:
            return [s.session_date for s in planned_after(session, pairing_id, on)]

    # -- lists -----------------------------------------------------------------------------
    def rows(self, status: PairingStatus | str | None = None) -> list[PairingRow]:
        return pairing_rows(self.db, status)

    def waiting(self) -> list[WaitingRow]:
        return waiting_rows(self.db, self.today())

    def ready_to_match(self, person_id: int) -> bool:
        """Accepted, and not in a pairing that is still going: Find a mentor… is offered."""
        return ready_to_match(self.db, person_id)

    def open_for_mentor(self, mentor_id: int) -> list[PairingRow]:
        """The mentor's current pairings (introduced, active, paused): what supervision covers."""
        open_statuses = {s.value for s in OCCUPYING_STATUSES}
        return [
            row
            for row in pairing_rows(self.db, None, mentor_id=mentor_id)
            if row.status in open_statuses
        ]

    def timeline(self, pairing_id: int) -> list[TimelineEntry]:
        return pairing_timeline(self.db, pairing_id)

    def _transition(
        self,
        pairing_id: int,
        target: PairingStatus,
        on: date | None,
        *,
        note: str = "",
        ending: Ending | None = None,
        cancel_planned: bool = False,
    ) -> PairingView:
        when = on or self.today()
        v.not_in_future(when, self.today(), "changed_on", "the date")
        with self.db.transaction() as session:
            pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
            current = PairingStatus(pairing.status)
            if target not in TRANSITIONS[current]:
                raise ValidationError(
                    f"A pairing that is {current.label.lower()} cannot become "
                    f"{target.label.lower()}."
                    + (
                        " Ended pairings stay ended: propose a new pairing instead."
                        if current is PairingStatus.ENDED
                        else ""
                    ),
                    "status",
                )
            last = session.exec(
                select(PairingStatusChange)
                .where(PairingStatusChange.pairing_id == pairing_id)
                .order_by(col(PairingStatusChange.changed_on).desc())
            ).first()
            if last is not None and when < last.changed_on:
                raise ValidationError(
                    f"That date is before the pairing's last change ({last.changed_on:%d %B %Y}).",
                    "changed_on",
                )
            if target is PairingStatus.ENDED:
                _check_end_date(session, pairing, when)
                cancel_planned_after(session, pairing_id, when, confirmed=cancel_planned)
            pairing.status = target
            if target is PairingStatus.ACTIVE and pairing.start_date is None:
                pairing.start_date = when
            if ending is not None:
                pairing.end_date = when
                pairing.closure_reason = ending.reason
                pairing.ended_as_planned = ending.ended_as_planned
                pairing.wants_new_pairing = ending.wants_new_pairing
                pairing.closure_note = ending.note
                if not ending.wants_new_pairing:
                    _close_open_referrals(session, pairing.mentee_id, when)
            session.add(pairing)
            session.add(
                PairingStatusChange(
                    pairing_id=pairing_id,
                    status=target,
                    changed_on=when,
                    note=v.long_text(note, "note", "the note"),
                )
            )
            session.flush()
            session.refresh(pairing)
            return self._view(session, pairing)

    def supervision_plan(self, mentor_id: int) -> SupervisionPlan:
        """Where a supervision with this mentor starts: their current pairings (all ticked as
        discussed) and the suggested date of the next supervision."""
        with self.db.session() as session:
            mentor = get_or_raise(session, Person, mentor_id, "mentor")
            organisation = session.exec(select(Organisation)).first()
        # Before setting up, the usual limit every screen shows (OrganisationDetails').
        limit = (organisation or OrganisationDetails(name="")).supervision_weeks
        weeks = min(limit, SUPERVISION_SUGGESTED_WEEKS)
        return SupervisionPlan(
            mentor_id=mentor_id,
            mentor_name=mentor.display_name,
            pairings=tuple(self.open_for_mentor(mentor_id)),
            suggested_next=self.today() + timedelta(weeks=weeks),
        )

    def _view(self, session: Session, pairing: Pairing) -> PairingView:
        assert pairing.id is not None
        names = names_of(session, {pairing.mentor_id, pairing.mentee_id})
        goals = session.exec(
            select(PairingGoal.text)
            .where(PairingGoal.pairing_id == pairing.id)
            .order_by(col(PairingGoal.position))
        ).all()
        today = self.today()
        due = next_due_for(session, pairing, today)
        return PairingView(
            id=pairing.id,
            reference=pairing.reference,
            mentor_id=pairing.mentor_id,
            mentor_name=names.get(pairing.mentor_id, ""),
            mentee_id=pairing.mentee_id,
            mentee_name=names.get(pairing.mentee_id, ""),
            supported_as=pairing.supported_as,
            status=pairing.status,
            proposed_on=pairing.proposed_on,
            start_date=pairing.start_date,
            end_date=pairing.end_date,
            planned_length_weeks=pairing.planned_length_weeks,
            meeting_frequency=pairing.meeting_frequency,
            usual_mode=pairing.usual_mode,
            usual_place=pairing.usual_place,
            usual_duration_minutes=pairing.usual_duration_minutes,
            review_schedule_weeks=pairing.review_schedule_weeks,
            closure_reason=pairing.closure_reason,
            ended_as_planned=pairing.ended_as_planned,
            wants_new_pairing=pairing.wants_new_pairing,
            closure_note=pairing.closure_note,
            goals=tuple(goals),
            next_review=None if due is None else NextReview(due.due, due.overdue(today)),
            allowed_actions=allowed_actions(pairing.status, pairing.start_date is not None),
            project_id=pairing.project_id,
        )


def _project(plan: PairingPlan) -> int | None:
    return plan.project_id if isinstance(plan.project_id, int) else None


def _close_open_referrals(session: Session, person_id: int, when: date) -> None:
    """Support given and finished: the referral that led to it is closed with the pairing, so
    the person does not reappear among those waiting for a mentor."""
    for referral in session.exec(
        select(Referral).where(
            Referral.person_id == person_id,
            col(Referral.status).in_(
                [
                    ReferralStatus.NEW.value,
                    ReferralStatus.ASSESSED.value,
                    ReferralStatus.ACCEPTED.value,
                ]
            ),
            Referral.referral_date <= when,
        )
    ):
        referral.status = ReferralStatus.CLOSED.value
        referral.closed_on = when
        session.add(referral)


#: The statuses of sessions that took place on their day (the session service refuses both in
#: the future). Only these hold an ending back: a planned, cancelled or rearranged session may
#: be dated ahead, and the pair did not meet then.
_TOOK_PLACE = (SessionStatus.HELD.value, SessionStatus.DID_NOT_ATTEND.value)


def _check_end_date(session: Session, pairing: Pairing, when: date) -> None:
    last = session.exec(
        select(MentoringSession)
        .where(
            MentoringSession.pairing_id == pairing.id,
            col(MentoringSession.status).in_(_TOOK_PLACE),
        )
        .order_by(col(MentoringSession.session_date).desc())
    ).first()
    if last is not None and when < last.session_date:
        what = SessionStatus(last.status).label.lower()
        raise ValidationError(
            f"The end date is before the last session logged ({what} on "
            f"{last.session_date:%d %B %Y}): choose that day or later.",
            "changed_on",
        )


def _clean_goals(goals: list[str] | tuple[str, ...]) -> list[str]:
    cleaned = [g.strip() for g in goals if g and g.strip()]
    if len(cleaned) > MAX_GOALS:
        raise ValidationError(
            "A pairing can have up to three goals: please choose the three that matter most.",
            "goals",
        )
    return [v.long_text(g, "goals", "a goal") for g in cleaned]


def _write_goals(session: Session, pairing_id: int, goals: list[str]) -> None:
    session.exec(delete(PairingGoal).where(col(PairingGoal.pairing_id) == pairing_id))
    for position, goal in enumerate(goals, start=1):
        session.add(PairingGoal(pairing_id=pairing_id, position=position, text=goal))
