"""Reviews of pairings: when each is due, and recording one.

A review is due a number of weeks after the pairing started (the pairing's own schedule, or
the organisation's, e.g. 6, 13 and 26 weeks). A review recorded within REVIEW_EARLY_DAYS
before a due date, or any time after it, counts for that date. A review can also set the next
review date itself ("next review date" on form 9), which then wins over the schedule.

Sessions held vs planned are filled in from the session log and the meeting frequency; the
time a pairing was paused is not counted as time when sessions were expected.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from peerdesk.data.models import (
    MentoringSession,
    Organisation,
    Pairing,
    PairingGoal,
    PairingStatusChange,
    Person,
    Review,
)
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import apply_fields, change_set, remove_row
from peerdesk.services.mentoring.rows import ReviewView, review_view
from peerdesk.services.organisation import parse_review_schedule
from peerdesk.vocabulary import (
    MeetingFrequency,
    PairingStatus,
    ReviewDecision,
    SessionStatus,
)

#: A review this many days before a due date still counts for it.
REVIEW_EARLY_DAYS = 14
DEFAULT_SCHEDULE = "6,13,26"
#: Sessions expected per week for each meeting frequency; "as agreed" has no fixed rate.
SESSIONS_PER_WEEK: dict[MeetingFrequency, float | None] = {
    MeetingFrequency.WEEKLY: 1.0,
    MeetingFrequency.FORTNIGHTLY: 0.5,
    MeetingFrequency.MONTHLY: 12 / 52,
    MeetingFrequency.AS_AGREED: None,
}
REVIEWABLE = (PairingStatus.ACTIVE, PairingStatus.PAUSED)


@dataclass(frozen=True)
class DueReview:
    pairing_id: int
    reference: str
    mentor_name: str
    mentee_name: str
    due: date
    #: Weeks after the start, or None when the date came from the last review.
    weeks: int | None

    def overdue(self, today: date) -> bool:
        return self.due < today


@dataclass(frozen=True)
class SessionCounts:
    held: int
    planned: int


@dataclass
class ReviewEntry:
    review_date: date
    decision: str = ReviewDecision.CONTINUE.value
    progress: tuple[str, ...] = ()
    what_is_working: str = ""
    concerns: str = ""
    next_review_date: date | None = None
    #: Leave as None to fill in from the session log.
    sessions_held: int | None = None
    sessions_planned: int | None = None


class ReviewService(Service):
    def for_pairing(self, pairing_id: int) -> list[ReviewView]:
        with self.db.session() as session:
            return [review_view(review) for review in _reviews(session, pairing_id)]

    def get(self, review_id: int) -> ReviewView:
        with self.db.session() as session:
            return review_view(get_or_raise(session, Review, review_id, "review"))

    def next_due(self, pairing_id: int) -> DueReview | None:
        """The next review due for this pairing, or None if none is (or it is not running)."""
        with self.db.session() as session:
            pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
            return next_due_for(session, pairing, self.today())

    def due(self, within_days: int = 0) -> list[DueReview]:
        """Every running pairing's next review due by today + `within_days`, soonest first."""
        with self.db.session() as session:
            return reviews_due(session, self.today(), within_days)

    def counts(self, pairing_id: int, on: date | None = None) -> SessionCounts:
        """Sessions held and planned from the start up to `on` (today if not given)."""
        when = on or self.today()
        with self.db.session() as session:
            pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
            return session_counts(session, pairing, when)

    def record(self, pairing_id: int, entry: ReviewEntry) -> ReviewView:
        checked = _checked(entry, self.today())
        with self.db.transaction() as session:
            pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
            review = Review(pairing_id=pairing_id, **_fields(session, pairing, entry, checked))
            session.add(review)
            session.flush()
            session.refresh(review)
            return review_view(review)

    def update_review(self, review_id: int, entry: ReviewEntry) -> ReviewView:
        """Put right a review, with the same checks as recording it."""
        checked = _checked(entry, self.today())
        description = f"Edited the review of {entry.review_date.day} {entry.review_date:%B %Y}"
        with change_set(self.db, description=description) as session:
            review = get_or_raise(session, Review, review_id, "review")
            pairing = get_or_raise(session, Pairing, review.pairing_id, "pairing")
            apply_fields(review, _fields(session, pairing, entry, checked))
            session.flush()
            return review_view(review)

    def remove_review(self, review_id: int, reason: str) -> str:
        """Remove a review entered in error (nothing else depends on one)."""
        return remove_row(
            self.db,
            Review,
            review_id,
            what="review",
            reason=reason,
            describe=lambda r: (
                f"Removed the review of {r.review_date.day} {r.review_date:%B %Y} "
                f"(pairing P{r.pairing_id:04d})"
            ),
        )

    def goals(self, pairing_id: int) -> list[str]:
        with self.db.session() as session:
            rows = session.exec(
                select(PairingGoal.text)
                .where(PairingGoal.pairing_id == pairing_id)
                .order_by(col(PairingGoal.position))
            )
            return list(rows)


def next_due_for(session: Session, pairing: Pairing, today: date) -> DueReview | None:
    """One pairing's next review by its schedule (or the organisation's), for callers that
    already hold a session (the pairing view)."""
    return _next_due(session, pairing, _organisation_schedule(session), today)


def reviews_due(session: Session, today: date, within_days: int = 0) -> list[DueReview]:
    """Used by the service and the Today rule (which already holds a session)."""
    by = today + timedelta(days=within_days)
    schedule = _organisation_schedule(session)
    found: list[DueReview] = []
    pairings = session.exec(
        select(Pairing).where(col(Pairing.status).in_([s.value for s in REVIEWABLE]))
    ).all()
    # Every pairing's reviews and names in two queries, not two per pairing.
    reviews: dict[int, list[Review]] = {}
    for review in session.exec(
        select(Review)
        .join(Pairing, col(Pairing.id) == col(Review.pairing_id))
        .where(col(Pairing.status).in_([s.value for s in REVIEWABLE]))
        .order_by(col(Review.review_date), col(Review.id))
    ):
        reviews.setdefault(review.pairing_id, []).append(review)
    names = names_of(session, {p.mentor_id for p in pairings} | {p.mentee_id for p in pairings})
    for pairing in pairings:
        assert pairing.id is not None
        due = _next_due(session, pairing, schedule, today, reviews.get(pairing.id, []), names)
        if due is not None and due.due <= by:
            found.append(due)
    found.sort(key=lambda d: (d.due, d.pairing_id))
    return found


def session_counts(session: Session, pairing: Pairing, on: date) -> SessionCounts:
    """Held sessions up to `on`; planned from the meeting frequency over the weeks the
    pairing was running (pauses left out). For "as agreed", every session arranged counts."""
    start = pairing.start_date
    if start is None or on < start:
        return SessionCounts(0, 0)
    end = min(on, pairing.end_date) if pairing.end_date else on
    held = session.exec(
        select(func.count())
        .select_from(MentoringSession)
        .where(
            MentoringSession.pairing_id == pairing.id,
            MentoringSession.status == SessionStatus.HELD.value,
            col(MentoringSession.session_date) >= start,
            col(MentoringSession.session_date) <= end,
        )
    ).one()
    rate = SESSIONS_PER_WEEK[MeetingFrequency(pairing.meeting_frequency)]
    if rate is None:
        arranged = session.exec(
            select(func.count())
            .select_from(MentoringSession)
            .where(
                MentoringSession.pairing_id == pairing.id,
                col(MentoringSession.status).not_in(
                    [SessionStatus.PLANNED.value, SessionStatus.REARRANGED.value]
                ),
                col(MentoringSession.session_date) >= start,
                col(MentoringSession.session_date) <= end,
            )
        ).one()
        return SessionCounts(held, arranged)
    running_days = (end - start).days + 1 - _paused_days(session, pairing, start, end)
    planned = round(max(running_days, 0) / 7 * rate)
    return SessionCounts(held, planned)


def _paused_days(session: Session, pairing: Pairing, start: date, end: date) -> int:
    changes = session.exec(
        select(PairingStatusChange)
        .where(PairingStatusChange.pairing_id == pairing.id)
        .order_by(col(PairingStatusChange.changed_on), col(PairingStatusChange.id))
    ).all()
    paused = 0
    paused_since: date | None = None
    for change in changes:
        if change.status == PairingStatus.PAUSED and paused_since is None:
            paused_since = max(change.changed_on, start)
        elif change.status != PairingStatus.PAUSED and paused_since is not None:
            paused += max((min(change.changed_on, end) - paused_since).days, 0)
            paused_since = None
    if paused_since is not None:
        paused += max((end - paused_since).days, 0)
    return paused


def _organisation_schedule(session: Session) -> str:
    organisation = session.exec(select(Organisation)).first()
    return organisation.review_schedule_weeks if organisation else DEFAULT_SCHEDULE


def _schedule_weeks(pairing: Pairing, organisation_schedule: str) -> list[int]:
    text = pairing.review_schedule_weeks.strip() or organisation_schedule
    try:
        return parse_review_schedule(text)
    except ValidationError:
        # A hand-edited schedule that no longer parses falls back to the usual one rather
        # than hiding every review.
        return parse_review_schedule(DEFAULT_SCHEDULE)


def _next_due(
    session: Session,
    pairing: Pairing,
    organisation_schedule: str,
    today: date,
    reviews: list[Review] | None = None,
    names: dict[int, str] | None = None,
) -> DueReview | None:
    """The review to do next. When several scheduled reviews have passed without one, the
    latest of them is shown: one review catches up, nobody needs three at once.

    `reviews` (in date order) and `names` may be passed in when many pairings are looked at.
    """
    if pairing.start_date is None or pairing.status not in [s.value for s in REVIEWABLE]:
        return None
    assert pairing.id is not None
    if reviews is None:
        reviews = _reviews(session, pairing.id)
    latest = reviews[-1] if reviews else None
    if latest is not None and latest.next_review_date is not None:
        due_on: date | None = latest.next_review_date
        weeks: int | None = None
    else:
        due_on, weeks = None, None
        last_review = latest.review_date if latest else None
        outstanding = [
            (pairing.start_date + timedelta(weeks=week), week)
            for week in _schedule_weeks(pairing, organisation_schedule)
            if last_review is None
            or last_review < pairing.start_date + timedelta(weeks=week, days=-REVIEW_EARLY_DAYS)
        ]
        passed = [item for item in outstanding if item[0] <= today]
        if passed:
            due_on, weeks = passed[-1]
        elif outstanding:
            due_on, weeks = outstanding[0]
    if due_on is None:
        return None
    if names is None:
        names = names_of(session, {pairing.mentor_id, pairing.mentee_id})
    return DueReview(
        pairing_id=pairing.id,
        reference=pairing.reference,
        mentor_name=names.get(pairing.mentor_id, ""),
        mentee_name=names.get(pairing.mentee_id, ""),
        due=due_on,
        weeks=weeks,
    )


def names_of(session: Session, ids: set[int]) -> dict[int, str]:
    """People's names as lists show them (preferred or first name, last), by id."""
    wanted = sorted(ids)
    names: dict[int, str] = {}
    for start in range(0, len(wanted), 500):  # SQLite allows only so many bound values
        for pid, first, preferred, last in session.exec(
            select(Person.id, Person.first_name, Person.preferred_name, Person.last_name).where(
                col(Person.id).in_(wanted[start : start + 500])
            )
        ):
            if pid is not None:
                names[pid] = f"{preferred or first} {last}".strip()
    return names


def _reviews(session: Session, pairing_id: int) -> list[Review]:
    return list(
        session.exec(
            select(Review)
            .where(Review.pairing_id == pairing_id)
            .order_by(col(Review.review_date), col(Review.id))
        )
    )


def _checked(entry: ReviewEntry, today: date) -> tuple[ReviewDecision, list[str]]:
    """A review's checks that need no database: its decision and progress, checked."""
    decision = v.one_of(entry.decision, ReviewDecision, "decision", "continue, adjust or end")
    v.not_in_future(entry.review_date, today, "review_date", "the review date")
    v.on_or_after(
        entry.next_review_date,
        entry.review_date + timedelta(days=1),
        "next_review_date",
        "The next review date should be after this review.",
    )
    if len(entry.progress) > 3:
        raise ValidationError("There is room for progress on up to three goals.", "progress")
    progress = [v.long_text(p, "progress", "the progress") for p in entry.progress]
    for value, name in ((entry.sessions_held, "held"), (entry.sessions_planned, "planned")):
        if value is not None and not 0 <= value <= 1000:
            raise ValidationError(
                f"The number of sessions {name} should be between 0 and 1000.",
                f"sessions_{name}",
            )
    return decision, progress + [""] * (3 - len(progress))


def _fields(
    session: Session,
    pairing: Pairing,
    entry: ReviewEntry,
    checked: tuple[ReviewDecision, list[str]],
) -> dict[str, Any]:
    """A review's values, checked against its pairing (recording and editing alike)."""
    decision, progress = checked
    if pairing.start_date is None:
        raise ValidationError(
            "This pairing has not started yet: reviews begin once it is active.", "review_date"
        )
    if entry.review_date < pairing.start_date:
        raise ValidationError(
            f"The review date is before the pairing started ({pairing.start_date:%d %B %Y}).",
            "review_date",
        )
    if pairing.end_date is not None and entry.review_date > pairing.end_date:
        raise ValidationError(
            f"The review date is after the pairing ended ({pairing.end_date:%d %B %Y}).",
            "review_date",
        )
    counts = session_counts(session, pairing, entry.review_date)
    return {
        "review_date": entry.review_date,
        "sessions_held": counts.held if entry.sessions_held is None else entry.sessions_held,
        "sessions_planned": counts.planned
        if entry.sessions_planned is None
        else entry.sessions_planned,
        "progress_goal_1": progress[0],
        "progress_goal_2": progress[1],
        "progress_goal_3": progress[2],
        "what_is_working": v.long_text(entry.what_is_working, "what_is_working", "what is working"),
        "concerns": v.long_text(entry.concerns, "concerns", "the concerns"),
        "decision": decision.value,
        "next_review_date": entry.next_review_date,
    }
