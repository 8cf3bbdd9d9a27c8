"""Read-only views of pairings: the Pairings list, the "waiting for a mentor" queue and the
timeline of one pairing (status changes, sessions, reviews and concerns in date order)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from peerdesk.data.database import Database
from peerdesk.data.models import (
    Concern,
    Condition,
    MentoringSession,
    Pairing,
    PairingStatusChange,
    Person,
    PersonCondition,
    Referral,
    Review,
)
from peerdesk.errors import ValidationError
from peerdesk.services.base import get_or_raise
from peerdesk.vocabulary import (
    ClosureReason,
    PairingStatus,
    ReferralStatus,
    ReviewDecision,
    SessionStatus,
    SupportedAs,
)

#: A pairing in one of these takes the supported person out of the waiting queue.
OPEN_STATUSES = (
    PairingStatus.PROPOSED,
    PairingStatus.INTRODUCED,
    PairingStatus.ACTIVE,
    PairingStatus.PAUSED,
)
#: Referral statuses that mean "still wants a mentor".
WAITING_REFERRAL_STATUSES = (ReferralStatus.NEW, ReferralStatus.ASSESSED, ReferralStatus.ACCEPTED)


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


def pairing_rows(
    db: Database, status: PairingStatus | str | None = None, *, mentor_id: int | None = None
) -> list[PairingRow]:
    if status is not None and status not in PairingStatus.values():
        raise ValidationError("Please choose a pairing status from the list.", "status")
    with db.session() as session:
        query = select(Pairing)
        if status is not None:
            query = query.where(Pairing.status == str(status))
        if mentor_id is not None:
            query = query.where(Pairing.mentor_id == mentor_id)
        pairings = list(session.exec(query))
        names = _names(session, {p.mentor_id for p in pairings} | {p.mentee_id for p in pairings})
        held = dict(
            session.exec(
                select(MentoringSession.pairing_id, func.max(MentoringSession.session_date))
                .where(MentoringSession.status == SessionStatus.HELD.value)
                .group_by(col(MentoringSession.pairing_id))
            ).all()
        )
        held_count = dict(
            session.exec(
                select(MentoringSession.pairing_id, func.count())
                .where(MentoringSession.status == SessionStatus.HELD.value)
                .group_by(col(MentoringSession.pairing_id))
            ).all()
        )
        planned = dict(
            session.exec(
                select(MentoringSession.pairing_id, func.min(MentoringSession.session_date))
                .where(MentoringSession.status == SessionStatus.PLANNED.value)
                .group_by(col(MentoringSession.pairing_id))
            ).all()
        )
    rows = [
        PairingRow(
            id=p.id or 0,
            reference=p.reference,
            mentor_id=p.mentor_id,
            mentor_name=names.get(p.mentor_id, ""),
            mentee_id=p.mentee_id,
            mentee_name=names.get(p.mentee_id, ""),
            supported_as=p.supported_as,
            status=p.status,
            proposed_on=p.proposed_on,
            start_date=p.start_date,
            end_date=p.end_date,
            last_held=held.get(p.id or 0),
            next_planned=planned.get(p.id or 0),
            sessions_held=held_count.get(p.id or 0, 0),
        )
        for p in pairings
    ]
    rows.sort(key=lambda r: (r.proposed_on, r.id), reverse=True)
    return rows


def waiting_rows(db: Database, today: date) -> list[WaitingRow]:
    """Oldest referral first: whoever has waited longest is at the top."""
    with db.session() as session:
        open_ids = set(
            session.exec(
                select(Pairing.mentee_id).where(
                    col(Pairing.status).in_([s.value for s in OPEN_STATUSES])
                )
            )
        )
        referrals = session.exec(
            select(Referral, Person)
            .join(Person, col(Person.id) == col(Referral.person_id))
            .where(
                col(Referral.status).in_([s.value for s in WAITING_REFERRAL_STATUSES]),
                col(Person.archived_on).is_(None),
            )
            .order_by(col(Referral.referral_date), col(Referral.id))
        ).all()
        latest: dict[int, tuple[Referral, Person]] = {}
        for referral, person in referrals:
            if person.id is not None and person.id not in open_ids:
                latest[person.id] = (referral, person)
        conditions: dict[int, list[str]] = defaultdict(list)
        if latest:
            for person_id, name in session.exec(
                select(PersonCondition.person_id, Condition.name)
                .join(Condition, col(Condition.id) == col(PersonCondition.condition_id))
                .where(col(PersonCondition.person_id).in_(list(latest)))
                .order_by(col(Condition.name))
            ):
                if name not in conditions[person_id]:
                    conditions[person_id].append(name)
    rows = [
        WaitingRow(
            person_id=person_id,
            name=person.display_name,
            supported_as=referral.support_as,
            referral_id=referral.id or 0,
            referral_date=referral.referral_date,
            referral_status=referral.status,
            days_waiting=max((today - referral.referral_date).days, 0),
            area=person.area,
            conditions=", ".join(conditions.get(person_id, [])),
        )
        for person_id, (referral, person) in latest.items()
    ]
    rows.sort(key=lambda r: (r.referral_date, r.name.casefold(), r.person_id))
    return rows


_KIND_ORDER = {"status": 0, "review": 1, "session": 2, "concern": 3}


def pairing_timeline(db: Database, pairing_id: int) -> list[TimelineEntry]:
    """Everything that happened in a pairing, oldest first."""
    entries: list[TimelineEntry] = []
    with db.session() as session:
        pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
        previous: PairingStatus | None = None
        for change in session.exec(
            select(PairingStatusChange)
            .where(PairingStatusChange.pairing_id == pairing_id)
            .order_by(col(PairingStatusChange.changed_on), col(PairingStatusChange.id))
        ):
            status = PairingStatus(change.status)
            title = _status_title(status, pairing.supported_as)
            if status is PairingStatus.ACTIVE and previous is PairingStatus.PAUSED:
                title = "Pairing resumed"
            previous = status
            detail = change.note
            if change.status == PairingStatus.ENDED and pairing.closure_reason:
                parts = [ClosureReason(pairing.closure_reason).label]
                if pairing.ended_as_planned is not None:
                    parts.append("as planned" if pairing.ended_as_planned else "ended early")
                if pairing.wants_new_pairing:
                    parts.append("wants a new pairing")
                detail = "; ".join(filter(None, [", ".join(parts), pairing.closure_note, detail]))
            entries.append(
                TimelineEntry(
                    on=change.changed_on,
                    kind="status",
                    title=title,
                    detail=detail,
                    record_kind="pairing",
                    record_id=pairing_id,
                )
            )
        sessions = list(
            session.exec(select(MentoringSession).where(MentoringSession.pairing_id == pairing_id))
        )
        by_id = {s.id: s for s in sessions}
        replaced_from = {s.rearranged_to_id: s for s in sessions if s.rearranged_to_id}
        for record in sessions:
            title = f"Session: {SessionStatus(record.status).label.lower()}"
            extra: list[str] = []
            if record.rearranged_to_id and record.rearranged_to_id in by_id:
                extra.append(f"moved to {_day(by_id[record.rearranged_to_id].session_date)}")
            if record.id in replaced_from:
                extra.append(f"rearranged from {_day(replaced_from[record.id].session_date)}")
            if record.concern_flag:
                extra.append("concern flagged")
            detail = "; ".join(filter(None, [", ".join(extra), record.note]))
            entries.append(
                TimelineEntry(
                    on=record.session_date,
                    kind="session",
                    title=title,
                    detail=detail,
                    record_kind="session",
                    record_id=record.id or 0,
                )
            )
        for review in session.exec(select(Review).where(Review.pairing_id == pairing_id)):
            entries.append(
                TimelineEntry(
                    on=review.review_date,
                    kind="review",
                    title=f"Review: {ReviewDecision(review.decision).label.lower()}",
                    detail=f"{review.sessions_held} of {review.sessions_planned} "
                    "planned sessions held"
                    + (f"; {review.what_is_working}" if review.what_is_working else ""),
                    record_kind="review",
                    record_id=review.id or 0,
                )
            )
        session_ids = [s.id for s in sessions if s.id is not None]
        if session_ids:
            for concern in session.exec(
                select(Concern).where(col(Concern.session_id).in_(session_ids))
            ):
                state = f"closed {_day(concern.closed_on)}" if concern.closed_on else "still open"
                entries.append(
                    TimelineEntry(
                        on=concern.raised_on,
                        kind="concern",
                        title=f"Concern ({state})",
                        detail=concern.what,
                        record_kind="concern",
                        record_id=concern.id or 0,
                    )
                )
    entries.sort(key=lambda e: (e.on, _KIND_ORDER[e.kind], e.record_id))
    return entries


def _status_title(status: PairingStatus, supported_as: str) -> str:
    who = "carer" if supported_as == SupportedAs.CARER else "mentee"
    return {
        PairingStatus.PROPOSED: "Pairing proposed",
        PairingStatus.INTRODUCED: f"Mentor and {who} introduced",
        PairingStatus.ACTIVE: "Pairing active",
        PairingStatus.PAUSED: "Pairing paused",
        PairingStatus.ENDED: "Pairing ended",
    }[status]


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    people = session.exec(select(Person).where(col(Person.id).in_(list(ids))))
    return {p.id: p.display_name for p in people if p.id is not None}


def _day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"
