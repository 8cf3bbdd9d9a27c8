"""Counting every figure of figures.md for one period, in SQL where that is clearer.

Each function below says in its docstring exactly what it counts; docs/figures.md says the
same in the coordinator's words. Dates are compared as whole days, both ends of the period
included. A "held session" is a mentoring session with status "held" and a date in the period.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, union
from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Attendance,
    Concern,
    GroupMeeting,
    MeetingFacilitator,
    MentoringSession,
    Organisation,
    Pairing,
    PeerGroup,
    Referral,
    Supervision,
    TrainingRecord,
    VolunteerStageChange,
)
from peerdesk.services.figures import counting_people as people_counts
from peerdesk.services.figures.model import (
    NOT_KNOWN,
    Breakdown,
    Figures,
    VolunteerHours,
)
from peerdesk.services.figures.period import Period
from peerdesk.services.figures.scope import EVERY_RECORD, Scope, not_staff
from peerdesk.vocabulary import (
    CANCELLED_STATUSES,
    ClosureReason,
    MeetingMode,
    ReferralSource,
    ReferralStatus,
    SessionStatus,
    SupportedAs,
    VolunteerStage,
)

#: Means of outcome scores are given only for at least this many people (figures.md).
MIN_PEOPLE_FOR_MEAN = 5


def compute_figures(session: Session, period: Period, scope: Scope = EVERY_RECORD) -> Figures:
    """Every figure for `period`, exact, for the records of `scope` (every record unless
    given). Reads only; the same data always gives the same."""
    organisation = session.exec(select(Organisation)).first()
    counter = _Counter(session, period, scope)
    mentees = counter.supported_mentees()
    attendees = counter.group_unique_attendees()
    people = sorted(set(mentees) | set(attendees))
    spent = counter.volunteer_hours()
    paid_pence, paid_people = people_counts.expenses_paid(session, period, scope)
    return Figures(
        organisation=organisation.name if organisation else "",
        period=period,
        **_referral_figures(counter),
        mentees_supported=len(mentees),
        mentees_new=counter.new_mentees(),
        carers_supported=counter.supported_carers(),
        **_pairing_figures(counter),
        **_session_figures(counter),
        group_meetings=counter.count(
            select(func.count())
            .select_from(GroupMeeting)
            .where(
                counter.within(col(GroupMeeting.meeting_date)),
                scope.group_of(col(GroupMeeting.group_id)),
            )
        ),
        group_attendances=counter.group_attendances(),
        group_unique_attendees=len(attendees),
        people_supported=len(people),
        **_volunteer_figures(counter, spent),
        concerns_raised=counter.concerns_raised(),
        demographics=people_counts.demographics(session, period, people),
        outcomes=people_counts.outcomes(session, period, scope),
        expenses_paid_pence=paid_pence,
        expenses_paid_people=paid_people,
        project=scope.label,
    )


# Each group of figures below is a set of `Figures` fields, counted for the counter's period.


def _referral_figures(counter: _Counter) -> dict[str, Any]:
    by_source = counter.by(
        select(Referral.source, func.count())
        .where(counter.within(col(Referral.referral_date)), counter.own(Referral))
        .group_by(col(Referral.source)),
        ReferralSource.values(),
        "referrals_received",
    )
    return {
        "referrals_received": by_source.total,
        "referrals_by_source": by_source,
        "referrals_not_taken_forward": counter.count(
            select(func.count())
            .select_from(Referral)
            .where(
                counter.within(col(Referral.referral_date)),
                counter.own(Referral),
                col(Referral.status) == ReferralStatus.NOT_TAKEN_FORWARD.value,
            )
        ),
    }


def _pairing_figures(counter: _Counter) -> dict[str, Any]:
    period = counter.period
    by_reason = counter.by(
        select(Pairing.closure_reason, func.count())
        .where(counter.within(col(Pairing.end_date)), counter.own(Pairing))
        .group_by(col(Pairing.closure_reason)),
        ClosureReason.values(),
        "pairings_ended",
    )
    return {
        "pairings_started": counter.count(
            select(func.count())
            .select_from(Pairing)
            .where(counter.within(col(Pairing.start_date)), counter.own(Pairing))
        ),
        "pairings_active": counter.count(
            select(func.count())
            .select_from(Pairing)
            .where(
                col(Pairing.start_date).is_not(None),
                counter.own(Pairing),
                col(Pairing.start_date) <= period.end,
                col(Pairing.end_date).is_(None) | (col(Pairing.end_date) >= period.start),
            )
        ),
        "pairings_ended": by_reason.total,
        "pairings_ended_by_reason": by_reason,
        "pairings_ended_as_planned": counter.count(
            select(func.count())
            .select_from(Pairing)
            .where(
                counter.within(col(Pairing.end_date)),
                counter.own(Pairing),
                col(Pairing.ended_as_planned).is_(True),
            )
        ),
    }


def _session_figures(counter: _Counter) -> dict[str, Any]:
    contact = counter.contact_minutes()
    by_mode = counter.by(
        select(MentoringSession.mode, func.count())
        .where(_held(counter))
        .group_by(col(MentoringSession.mode)),
        MeetingMode.values(),
        "sessions_held",
    )
    return {
        "sessions_held": by_mode.total,
        "sessions_by_mode": by_mode,
        "sessions_cancelled": counter.count(
            select(func.count())
            .select_from(MentoringSession)
            .where(
                counter.within(col(MentoringSession.session_date)),
                counter.scope.pairing_of(col(MentoringSession.pairing_id)),
                col(MentoringSession.status).in_([s.value for s in CANCELLED_STATUSES]),
            )
        ),
        "contact_hours": hours(contact),
        "contact_minutes": contact,
    }


#: The figures that belong to no project: None in one project's figures (scope.py).
ORGANISATION_WIDE = (
    "volunteers_new",
    "volunteers_left",
    "volunteers_trained",
    "supervision_sessions",
)


def _volunteer_figures(counter: _Counter, spent: VolunteerHours) -> dict[str, Any]:
    figures: dict[str, Any] = {
        "volunteers_active": counter.active_volunteers(),
        "volunteer_hours": spent,
    }
    if counter.scope.split:
        return figures | dict.fromkeys(ORGANISATION_WIDE)
    return figures | {
        "volunteers_new": counter.new_volunteers(),
        "volunteers_left": counter.count(
            select(func.count(func.distinct(VolunteerStageChange.person_id))).where(
                col(VolunteerStageChange.stage) == VolunteerStage.LEFT.value,
                counter.within(col(VolunteerStageChange.changed_on)),
            )
        ),
        "volunteers_trained": counter.count(
            select(func.count(func.distinct(TrainingRecord.person_id))).where(
                col(TrainingRecord.completed).is_(True),
                counter.within(col(TrainingRecord.training_date)),
            )
        ),
        "supervision_sessions": counter.count(
            select(func.count())
            .select_from(Supervision)
            .where(counter.within(col(Supervision.supervision_date)))
        ),
    }


def _held(counter: _Counter) -> ColumnElement[bool]:
    """Held sessions dated in the period, of the scope's pairings."""
    return (
        (col(MentoringSession.status) == SessionStatus.HELD.value)
        & counter.within(col(MentoringSession.session_date))
        & counter.scope.pairing_of(col(MentoringSession.pairing_id))
    )


class _Counter:
    """The queries, sharing the session and the period."""

    def __init__(self, session: Session, period: Period, scope: Scope) -> None:
        self.session = session
        self.period = period
        self.scope = scope
        self._supported_as: list[tuple[int, str]] | None = None

    def within(self, column: Any) -> ColumnElement[bool]:
        return column.between(self.period.start, self.period.end)  # type: ignore[no-any-return]

    def own(self, model: Any) -> ColumnElement[bool]:
        """A referral or pairing carries the scope's project itself."""
        return self.scope.matches(col(model.project_id))

    def count(self, query: Any) -> int:
        return int(self.session.execute(query).scalar() or 0)

    def by(self, query: Any, buckets: Sequence[str], total_key: str) -> Breakdown:
        """Counts per vocabulary value, every value shown (0 when none), then "not known"."""
        found: Counter[str] = Counter()
        for value, count in self.session.execute(query):
            found[value if value in buckets else NOT_KNOWN] += int(count)
        cells = [(bucket, found[bucket]) for bucket in buckets]
        if found[NOT_KNOWN]:
            cells.append((NOT_KNOWN, found[NOT_KNOWN]))
        return Breakdown(tuple(cells), total_key)

    # -- people supported ----------------------------------------------------------------
    def _held_pairings(self) -> Select[Any]:
        return (
            select(Pairing.mentee_id)
            .join(MentoringSession, col(MentoringSession.pairing_id) == col(Pairing.id))
            .where(_held(self))
        )

    def _supported(self) -> list[tuple[int, str]]:
        """(person, supported as) for every pairing with a held session: read once, for both
        the mentees and the carers supported."""
        if self._supported_as is None:
            query = self._held_pairings().add_columns(col(Pairing.supported_as)).distinct()
            self._supported_as = [(row[0], row[1]) for row in self.session.execute(query)]
        return self._supported_as

    def supported_mentees(self) -> list[int]:
        """Distinct mentees or carers (Pairing.mentee_id) with at least one held session."""
        return sorted({person_id for person_id, _ in self._supported()})

    def supported_carers(self) -> int:
        """Of those, people with a held session in a pairing where they are supported as a
        carer (a person who is mentee in one pairing and carer in another counts here)."""
        carer = SupportedAs.CARER.value
        return len({person_id for person_id, role in self._supported() if role == carer})

    def new_mentees(self) -> int:
        """Of the supported mentees, those whose first held session ever is in the period.

        A first held session inside the period makes a person supported in it, so counting
        in SQL those whose first is in the period gives the same number without fetching
        every mentee's first session of ten years.
        """
        first = func.min(MentoringSession.session_date)
        firsts = (
            select(Pairing.mentee_id)
            .join(MentoringSession, col(MentoringSession.pairing_id) == col(Pairing.id))
            .where(col(MentoringSession.status) == SessionStatus.HELD.value)
            .group_by(col(Pairing.mentee_id))
            .having(first.between(self.period.start, self.period.end))
        )
        if not self.scope.split:
            return self.count(select(func.count()).select_from(firsts.subquery()))
        # In one project: of its supported mentees, those whose first held session ever
        # (in any project) is in the period; so never more than in every record's figures.
        supported = set(self.supported_mentees())
        return len(supported & set(self.session.execute(firsts).scalars()))

    def _meetings_in_period(self) -> Select[Any]:
        return select(GroupMeeting.id).where(
            self.within(col(GroupMeeting.meeting_date)),
            self.scope.group_of(col(GroupMeeting.group_id)),
        )

    def group_unique_attendees(self) -> list[int]:
        """Distinct named people on the register of at least one group meeting."""
        query = select(Attendance.person_id).where(
            col(Attendance.meeting_id).in_(self._meetings_in_period())
        )
        return sorted(set(self.session.execute(query.distinct()).scalars()))

    def group_attendances(self) -> int:
        """Over the meetings in the period: named attendees plus unnamed drop-in attendees."""
        named = self.count(
            select(func.count())
            .select_from(Attendance)
            .where(col(Attendance.meeting_id).in_(self._meetings_in_period()))
        )
        unnamed = self.count(
            select(func.coalesce(func.sum(GroupMeeting.unnamed_attendees), 0)).where(
                self.within(col(GroupMeeting.meeting_date)),
                self.scope.group_of(col(GroupMeeting.group_id)),
            )
        )
        return named + unnamed

    # -- volunteers ----------------------------------------------------------------------
    def contact_minutes(self) -> int:
        """The lengths of the held sessions (whoever mentored), in minutes."""
        return self.count(
            select(func.coalesce(func.sum(MentoringSession.duration_minutes), 0)).where(_held(self))
        )

    def active_volunteers(self) -> int:
        """Distinct mentors of held sessions plus facilitators present at group meetings,
        staff members left out (their time is not volunteer time)."""
        mentors = (
            select(Pairing.mentor_id.label("person_id"))  # type: ignore[attr-defined]
            .join(MentoringSession, col(MentoringSession.pairing_id) == col(Pairing.id))
            .where(_held(self), not_staff(col(Pairing.mentor_id)))
        )
        facilitators = select(MeetingFacilitator.person_id).where(
            col(MeetingFacilitator.meeting_id).in_(self._meetings_in_period()),
            not_staff(col(MeetingFacilitator.person_id)),
        )
        both = union(mentors, facilitators).subquery()
        return self.count(select(func.count()).select_from(both))

    def new_volunteers(self) -> int:
        """Volunteers whose journey first reached "active" in the period (a volunteer coming
        back from a pause is not new)."""
        first_active = (
            select(func.min(VolunteerStageChange.changed_on).label("first"))
            .where(col(VolunteerStageChange.stage) == VolunteerStage.ACTIVE.value)
            .group_by(col(VolunteerStageChange.person_id))
            .subquery()
        )
        return self.count(
            select(func.count())
            .select_from(first_active)
            .where(first_active.c.first.between(self.period.start, self.period.end))
        )

    def volunteer_hours(self) -> VolunteerHours:
        """Minutes summed exactly, then shown in hours to one decimal place. Staff members'
        time is left out of every part; training and supervision belong to no project."""
        mentoring = self.count(
            select(func.coalesce(func.sum(MentoringSession.duration_minutes), 0))
            .join(Pairing, col(Pairing.id) == col(MentoringSession.pairing_id))
            .where(_held(self), not_staff(col(Pairing.mentor_id)))
        )
        facilitators_present = (
            select(func.count())
            .select_from(MeetingFacilitator)
            .where(
                col(MeetingFacilitator.meeting_id) == col(GroupMeeting.id),
                not_staff(col(MeetingFacilitator.person_id)),
            )
            .scalar_subquery()
        )
        groups = self.count(
            select(
                func.coalesce(
                    func.sum(col(GroupMeeting.duration_minutes) * facilitators_present), 0
                )
            ).where(
                self.within(col(GroupMeeting.meeting_date)),
                self.scope.group_of(col(GroupMeeting.group_id)),
            )
        )
        if self.scope.split:
            return VolunteerHours(
                hours(mentoring), hours(groups), None, None, None, mentoring, groups
            )
        training = self.count(
            select(func.coalesce(func.sum(TrainingRecord.duration_minutes), 0)).where(
                col(TrainingRecord.completed).is_(True),
                self.within(col(TrainingRecord.training_date)),
                not_staff(col(TrainingRecord.person_id)),
            )
        )
        supervision = self.count(
            select(func.coalesce(func.sum(Supervision.duration_minutes), 0)).where(
                self.within(col(Supervision.supervision_date)),
                not_staff(col(Supervision.mentor_id)),
            )
        )
        return VolunteerHours(
            mentoring=hours(mentoring),
            groups=hours(groups),
            training=hours(training),
            supervision=hours(supervision),
            total=hours(mentoring + groups + training + supervision),
            mentoring_minutes=mentoring,
            groups_minutes=groups,
        )

    def concerns_raised(self) -> int:
        """Concerns raised in the period; in one project's figures, those raised at a session
        of its pairings or a meeting of its groups (any other concern has no project)."""
        query = select(func.count()).select_from(Concern).where(self.within(col(Concern.raised_on)))
        if not self.scope.split:
            return self.count(query)
        project = func.coalesce(
            select(Pairing.project_id)
            .join(MentoringSession, col(MentoringSession.pairing_id) == col(Pairing.id))
            .where(col(MentoringSession.id) == col(Concern.session_id))
            .scalar_subquery(),
            select(PeerGroup.project_id)
            .join(GroupMeeting, col(GroupMeeting.group_id) == col(PeerGroup.id))
            .where(col(GroupMeeting.id) == col(Concern.group_meeting_id))
            .scalar_subquery(),
        )
        return self.count(query.where(self.scope.matches(project)))


def hours(minutes: int) -> float:
    """Minutes → hours to one decimal place (half up, as a person rounds)."""
    return int(minutes * 10 / 60 + 0.5 + 1e-9) / 10


__all__ = ["MIN_PEOPLE_FOR_MEAN", "ORGANISATION_WIDE", "compute_figures", "hours"]
