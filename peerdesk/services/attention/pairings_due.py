"""Today: pairing reviews due, quiet pairings, and planned sessions coming up or to log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from peerdesk.data.models import MentoringSession, Pairing
from peerdesk.services.attention.base import AttentionContext, AttentionItem
from peerdesk.services.mentoring.reviews import REVIEW_EARLY_DAYS, names_of, reviews_due
from peerdesk.vocabulary import PairingStatus, SessionStatus

REVIEWS_GROUP = "Reviews due"
QUIET_GROUP = "Pairings with no recent session"
UPCOMING_GROUP = "Sessions this week"
TO_LOG_GROUP = "Sessions to log"
#: How far ahead Today looks for planned sessions.
UPCOMING_DAYS = 7
#: Planned sessions further back than this are not listed as "to log" (old paper gaps).
TO_LOG_DAYS = 28


def pairing_reviews_due(session: Session, context: AttentionContext) -> list[AttentionItem]:
    """Reviews overdue, or due within the fortnight a review may be done early."""
    items: list[AttentionItem] = []
    for due in reviews_due(session, context.today, REVIEW_EARLY_DAYS):
        overdue = due.overdue(context.today)
        when = "was due" if overdue else "due"
        at = f" ({due.weeks}-week review)" if due.weeks else ""
        items.append(
            AttentionItem(
                group=REVIEWS_GROUP,
                title=f"{due.reference} {due.mentor_name} and {due.mentee_name}: review {when} "
                f"{_when(due.due)}",
                detail=f"Check how the pairing is going against its goals{at}.",
                record_kind="pairing",
                record_id=due.pairing_id,
                due=due.due,
                urgent=overdue,
            )
        )
    return items


def quiet_pairings(session: Session, context: AttentionContext) -> list[AttentionItem]:
    """Active pairings with no held session for the organisation's number of weeks."""
    weeks = context.setting("no_session_weeks", 4)
    limit = context.today - timedelta(weeks=weeks)
    last_held: dict[int, date] = dict(
        session.exec(
            select(col(MentoringSession.pairing_id), func.max(MentoringSession.session_date))
            .join(Pairing, col(Pairing.id) == col(MentoringSession.pairing_id))
            .where(
                MentoringSession.status == SessionStatus.HELD.value,
                Pairing.status == PairingStatus.ACTIVE.value,
            )
            .group_by(col(MentoringSession.pairing_id))
        ).all()
    )
    pairings = session.exec(
        select(Pairing).where(Pairing.status == PairingStatus.ACTIVE.value)
    ).all()
    names = _names(session, pairings)
    items: list[AttentionItem] = []
    for pairing in pairings:
        assert pairing.id is not None
        last = last_held.get(pairing.id)
        since = last or pairing.start_date or pairing.proposed_on
        if since > limit:
            continue
        if last is None:
            detail = f"No session logged since it started on {_when(since)}."
        else:
            detail = f"Last session held on {_when(last)}; you look for one every {weeks} weeks."
        items.append(
            AttentionItem(
                group=QUIET_GROUP,
                title=f"{pairing.reference} {names.get(pairing.mentor_id, '')} and "
                f"{names.get(pairing.mentee_id, '')}",
                detail=detail + " A quick call may help; rearranging is normal.",
                record_kind="pairing",
                record_id=pairing.id,
                due=since + timedelta(weeks=weeks),
                urgent=context.today - since > timedelta(weeks=2 * weeks),
            )
        )
    return sorted(items, key=lambda i: (i.due or context.today, i.title))


def planned_sessions(session: Session, context: AttentionContext) -> list[AttentionItem]:
    """Planned sessions in the coming week, and planned sessions whose day has passed."""
    first = context.today - timedelta(days=TO_LOG_DAYS)
    last = context.today + timedelta(days=UPCOMING_DAYS - 1)
    rows = session.exec(
        select(MentoringSession, Pairing)
        .join(Pairing, col(Pairing.id) == col(MentoringSession.pairing_id))
        .where(
            MentoringSession.status == SessionStatus.PLANNED.value,
            col(MentoringSession.session_date) >= first,
            col(MentoringSession.session_date) <= last,
            col(Pairing.status).in_([PairingStatus.ACTIVE.value, PairingStatus.PAUSED.value]),
        )
        .order_by(col(MentoringSession.session_date), col(MentoringSession.start_time))
    ).all()
    names = _names(session, [pairing for _, pairing in rows])
    items: list[AttentionItem] = []
    for record, pairing in rows:
        who = f"{names.get(pairing.mentor_id, '')} and {names.get(pairing.mentee_id, '')}"
        at = f" at {record.start_time:%H:%M}" if record.start_time else ""
        passed = record.session_date < context.today
        items.append(
            AttentionItem(
                group=TO_LOG_GROUP if passed else UPCOMING_GROUP,
                title=f"{who}: {_when(record.session_date)}{at}",
                detail="The day has passed: log whether it was held, cancelled or rearranged."
                if passed
                else f"Planned session ({pairing.reference}).",
                record_kind="session",
                record_id=record.id or 0,
                due=record.session_date,
                urgent=False,
            )
        )
    return items


def _names(session: Session, pairings: Sequence[Pairing]) -> dict[int, str]:
    """The names of the mentors and mentees of just these pairings."""
    return names_of(session, {p.mentor_id for p in pairings} | {p.mentee_id for p in pairings})


def _when(day: date) -> str:
    return f"{day:%a} {day.day} {day:%B %Y}"
