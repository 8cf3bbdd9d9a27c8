"""Counting every figure of figures.md for one period, in SQL where that is clearer.

Each function below says in its docstring exactly what it counts; docs/figures.md says the
same in the coordinator's words. Dates are compared as whole days, both ends of the period
included. A "held session" is a mentoring session with status "held" and a date in the period.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, union
from sqlalchemy import select as columns
from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Attendance,
    Concern,
    Condition,
    GroupMeeting,
    MeetingFacilitator,
    MentoringSession,
    Organisation,
    OutcomeScore,
    Pairing,
    Person,
    PersonCondition,
    Referral,
    Supervision,
    TrainingRecord,
    VolunteerStageChange,
)
from peerdesk.services.figures.model import (
    AGE_BANDS,
    NOT_KNOWN,
    Breakdown,
    Demographics,
    Figures,
    OutcomeFigure,
    VolunteerHours,
)
from peerdesk.services.figures.period import Period
from peerdesk.vocabulary import (
    CANCELLED_STATUSES,
    ClosureReason,
    Gender,
    MeetingMode,
    OutcomeTiming,
    ReferralSource,
    ReferralStatus,
    SessionStatus,
    SupportedAs,
    VolunteerStage,
    YesNoPreferNot,
)

#: Means of outcome scores are given only for at least this many people (figures.md).
MIN_PEOPLE_FOR_MEAN = 5


def compute_figures(session: Session, period: Period) -> Figures:
    """Every figure for `period`, exact. Reads only; the same data always gives the same."""
    organisation = session.exec(select(Organisation)).first()
    counter = _Counter(session, period)
    mentees = counter.supported_mentees()
    attendees = counter.group_unique_attendees()
    people = sorted(set(mentees) | set(attendees))
    spent = counter.volunteer_hours()
    return Figures(
        organisation=organisation.name if organisation else "",
        period=period,
        **_referral_figures(counter),
        mentees_supported=len(mentees),
        mentees_new=counter.new_mentees(),
        carers_supported=counter.supported_carers(),
        **_pairing_figures(counter),
        **_session_figures(counter, spent),
        group_meetings=counter.count(
            select(func.count())
            .select_from(GroupMeeting)
            .where(counter.within(col(GroupMeeting.meeting_date)))
        ),
        group_attendances=counter.group_attendances(),
        group_unique_attendees=len(attendees),
        people_supported=len(people),
        **_volunteer_figures(counter, spent),
        concerns_raised=counter.count(
            select(func.count()).select_from(Concern).where(counter.within(col(Concern.raised_on)))
        ),
        demographics=counter.demographics(people),
        outcomes=counter.outcomes(),
    )


# Each group of figures below is a set of `Figures` fields, counted for the counter's period.


def _referral_figures(counter: _Counter) -> dict[str, Any]:
    by_source = counter.by(
        select(Referral.source, func.count())
        .where(counter.within(col(Referral.referral_date)))
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
                col(Referral.status) == ReferralStatus.NOT_TAKEN_FORWARD.value,
            )
        ),
    }


def _pairing_figures(counter: _Counter) -> dict[str, Any]:
    period = counter.period
    by_reason = counter.by(
        select(Pairing.closure_reason, func.count())
        .where(counter.within(col(Pairing.end_date)))
        .group_by(col(Pairing.closure_reason)),
        ClosureReason.values(),
        "pairings_ended",
    )
    return {
        "pairings_started": counter.count(
            select(func.count()).select_from(Pairing).where(counter.within(col(Pairing.start_date)))
        ),
        "pairings_active": counter.count(
            select(func.count())
            .select_from(Pairing)
            .where(
                col(Pairing.start_date).is_not(None),
                col(Pairing.start_date) <= period.end,
                col(Pairing.end_date).is_(None) | (col(Pairing.end_date) >= period.start),
            )
        ),
        "pairings_ended": by_reason.total,
        "pairings_ended_by_reason": by_reason,
        "pairings_ended_as_planned": counter.count(
            select(func.count())
            .select_from(Pairing)
            .where(counter.within(col(Pairing.end_date)), col(Pairing.ended_as_planned).is_(True))
        ),
    }


def _session_figures(counter: _Counter, spent: VolunteerHours) -> dict[str, Any]:
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
                col(MentoringSession.status).in_([s.value for s in CANCELLED_STATUSES]),
            )
        ),
        "contact_hours": spent.mentoring,
    }


def _volunteer_figures(counter: _Counter, spent: VolunteerHours) -> dict[str, Any]:
    return {
        "volunteers_active": counter.active_volunteers(),
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
        "volunteer_hours": spent,
        "supervision_sessions": counter.count(
            select(func.count())
            .select_from(Supervision)
            .where(counter.within(col(Supervision.supervision_date)))
        ),
    }


def _held(counter: _Counter) -> ColumnElement[bool]:
    return (col(MentoringSession.status) == SessionStatus.HELD.value) & counter.within(
        col(MentoringSession.session_date)
    )


class _Counter:
    """The queries, sharing the session and the period."""

    def __init__(self, session: Session, period: Period) -> None:
        self.session = session
        self.period = period
        self._supported_as: list[tuple[int, str]] | None = None

    def within(self, column: Any) -> ColumnElement[bool]:
        return column.between(self.period.start, self.period.end)  # type: ignore[no-any-return]

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
            .subquery()
        )
        return self.count(select(func.count()).select_from(firsts))

    def _meetings_in_period(self) -> Select[Any]:
        return select(GroupMeeting.id).where(self.within(col(GroupMeeting.meeting_date)))

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
                self.within(col(GroupMeeting.meeting_date))
            )
        )
        return named + unnamed

    # -- volunteers ----------------------------------------------------------------------
    def active_volunteers(self) -> int:
        """Distinct mentors of held sessions plus facilitators present at group meetings."""
        mentors = (
            select(Pairing.mentor_id.label("person_id"))  # type: ignore[attr-defined]
            .join(MentoringSession, col(MentoringSession.pairing_id) == col(Pairing.id))
            .where(_held(self))
        )
        facilitators = select(MeetingFacilitator.person_id).where(
            col(MeetingFacilitator.meeting_id).in_(self._meetings_in_period())
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
        """Minutes summed exactly, then shown in hours to one decimal place."""
        mentoring = self.count(
            select(func.coalesce(func.sum(MentoringSession.duration_minutes), 0)).where(_held(self))
        )
        facilitators_present = (
            select(func.count())
            .select_from(MeetingFacilitator)
            .where(col(MeetingFacilitator.meeting_id) == col(GroupMeeting.id))
            .scalar_subquery()
        )
        groups = self.count(
            select(
                func.coalesce(
                    func.sum(col(GroupMeeting.duration_minutes) * facilitators_present), 0
                )
            ).where(self.within(col(GroupMeeting.meeting_date)))
        )
        training = self.count(
            select(func.coalesce(func.sum(TrainingRecord.duration_minutes), 0)).where(
                col(TrainingRecord.completed).is_(True),
                self.within(col(TrainingRecord.training_date)),
            )
        )
        supervision = self.count(
            select(func.coalesce(func.sum(Supervision.duration_minutes), 0)).where(
                self.within(col(Supervision.supervision_date))
            )
        )
        return VolunteerHours(
            mentoring=hours(mentoring),
            groups=hours(groups),
            training=hours(training),
            supervision=hours(supervision),
            total=hours(mentoring + groups + training + supervision),
        )

    # -- who they were -------------------------------------------------------------------
    def demographics(self, people: list[int]) -> Demographics:
        """Equality monitoring for the people supported, each person once per breakdown
        (except conditions: a person with two conditions counts under both)."""
        rows = list(
            self.session.execute(
                columns(
                    col(Person.id),
                    col(Person.date_of_birth),
                    col(Person.gender),
                    col(Person.ethnicity),
                    col(Person.disability),
                    col(Person.area),
                ).where(col(Person.id).in_(people))
            )
        )
        total = "people_supported"
        ages = Counter(age_band(row.date_of_birth, self.period.end) for row in rows)
        genders = Counter(row.gender or NOT_KNOWN for row in rows)
        disabilities = Counter(row.disability or NOT_KNOWN for row in rows)
        ethnicities = Counter((row.ethnicity or "").strip() or NOT_KNOWN for row in rows)
        areas = Counter((row.area or "").strip() or NOT_KNOWN for row in rows)
        conditions = Counter(
            self.session.execute(
                select(Condition.name)
                .join(PersonCondition, col(PersonCondition.condition_id) == col(Condition.id))
                .where(col(PersonCondition.person_id).in_(people))
                .group_by(col(PersonCondition.person_id), col(Condition.name))
            ).scalars()
        )
        with_condition = self.count(
            select(func.count(func.distinct(PersonCondition.person_id))).where(
                col(PersonCondition.person_id).in_(people)
            )
        )
        conditions[NOT_KNOWN] = len(people) - with_condition
        return Demographics(
            age_band=Breakdown(tuple((band, ages[band]) for band in AGE_BANDS), total),
            gender=_fixed(genders, Gender.values(), total),
            ethnicity=_free(ethnicities, total),
            disability=_fixed(disabilities, YesNoPreferNot.values(), total),
            condition=_free(conditions, None),
            area=_free(areas, total),
        )

    # -- what changed --------------------------------------------------------------------
    def outcomes(self) -> tuple[OutcomeFigure, ...]:
        """Per measure: people with a "before" and an "after" score both dated in the period
        (their earliest before and latest after in it, the after not earlier than the before)."""
        rows = self.session.execute(
            columns(
                col(OutcomeScore.measure),
                col(OutcomeScore.person_id),
                col(OutcomeScore.timing),
                col(OutcomeScore.scored_on),
                col(OutcomeScore.score),
                col(OutcomeScore.id),
            )
            .where(self.within(col(OutcomeScore.scored_on)))
            .order_by(col(OutcomeScore.scored_on), col(OutcomeScore.id))
        )
        before: dict[tuple[str, int], tuple[date, float]] = {}
        after: dict[tuple[str, int], tuple[date, float]] = {}
        for measure, person_id, timing, scored_on, score, _ in rows:
            key = (measure.strip(), person_id)
            if timing == OutcomeTiming.BEFORE.value:
                before.setdefault(key, (scored_on, float(score)))
            elif timing == OutcomeTiming.AFTER.value:
                after[key] = (scored_on, float(score))
        pairs: dict[str, list[tuple[float, float]]] = {}
        for key, (first_on, first_score) in before.items():
            if key in after and after[key][0] >= first_on:
                pairs.setdefault(key[0], []).append((first_score, after[key][1]))
        figures = []
        for measure in sorted(pairs, key=str.casefold):
            scores = pairs[measure]
            n = len(scores)
            figures.append(
                OutcomeFigure(
                    measure=measure,
                    n=n,
                    mean_before=_mean(b for b, _ in scores),
                    mean_after=_mean(a for _, a in scores),
                    mean_change=_mean(a - b for b, a in scores),
                )
            )
        return tuple(figures)


def hours(minutes: int) -> float:
    """Minutes → hours to one decimal place (half up, as a person rounds)."""
    return int(minutes * 10 / 60 + 0.5 + 1e-9) / 10


def age_band(born: date | None, on: date) -> str:
    if born is None:
        return NOT_KNOWN
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    limits = ((18, "under 18"), (25, "18–24"), (35, "25–34"), (50, "35–49"), (65, "50–64"))
    for limit, band in (*limits, (75, "65–74")):
        if age < limit:
            return band
    return "75 and over"


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return round(sum(items) / len(items) + 0.0, 1) if items else 0.0


def _fixed(found: Counter[str], buckets: Sequence[str], total_key: str) -> Breakdown:
    cells = [(bucket, found[bucket]) for bucket in buckets]
    unknown = sum(count for value, count in found.items() if value not in buckets)
    cells.append((NOT_KNOWN, unknown))
    return Breakdown(tuple(cells), total_key)


def _free(found: Counter[str], total_key: str | None) -> Breakdown:
    named = sorted((k for k in found if k != NOT_KNOWN and found[k]), key=str.casefold)
    cells = [(name, found[name]) for name in named]
    cells.append((NOT_KNOWN, found[NOT_KNOWN]))
    return Breakdown(tuple(cells), total_key)


__all__ = ["MIN_PEOPLE_FOR_MEAN", "age_band", "compute_figures", "hours"]
