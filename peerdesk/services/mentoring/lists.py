"""The Pairings list and the "waiting for a mentor" queue, each from a few queries."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from peerdesk.data.database import Database
from peerdesk.data.models import (
    Condition,
    MentoringSession,
    Pairing,
    Person,
    PersonCondition,
    Referral,
)
from peerdesk.errors import ValidationError
from peerdesk.services.mentoring.rows import PairingRow, WaitingRow
from peerdesk.vocabulary import PairingStatus, ReferralStatus, SessionStatus

#: A pairing in one of these takes the supported person out of the waiting queue.
OPEN_STATUSES = (
    PairingStatus.PROPOSED,
    PairingStatus.INTRODUCED,
    PairingStatus.ACTIVE,
    PairingStatus.PAUSED,
)
#: Referral statuses that mean "still wants a mentor".
WAITING_REFERRAL_STATUSES = (ReferralStatus.NEW, ReferralStatus.ASSESSED, ReferralStatus.ACCEPTED)


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


def mentee_ids_in_open_pairings(session: Session) -> set[int]:
    """People supported in a pairing that is still going: not waiting for a mentor."""
    return set(
        session.exec(
            select(Pairing.mentee_id).where(
                col(Pairing.status).in_([s.value for s in OPEN_STATUSES])
            )
        )
    )


def ready_to_match(db: Database, person_id: int) -> bool:
    """Their latest referral is accepted and no pairing of theirs is still going: the person's
    page offers Find a mentor… (the waiting list's rule, for one person)."""
    with db.session() as session:
        latest = session.exec(
            select(Referral.status)
            .where(Referral.person_id == person_id)
            .order_by(col(Referral.referral_date).desc(), col(Referral.id).desc())
        ).first()
        if latest != ReferralStatus.ACCEPTED.value:
            return False
        return person_id not in mentee_ids_in_open_pairings(session)


def waiting_rows(db: Database, today: date) -> list[WaitingRow]:
    """Oldest referral first: whoever has waited longest is at the top."""
    with db.session() as session:
        open_ids = mentee_ids_in_open_pairings(session)
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


#: The average length of a month in days (365.25 / 12): "3 months" for a quarter of a year.
_DAYS_PER_MONTH = 30.4375


def waited_words(days: int) -> str:
    """How long someone has waited, as a coordinator would say it: days in the first week,
    then weeks up to two months, then months, then years and months ("1 year 2 months"),
    never "1015 days". A wait of 0 days (referred today) reads "Since today"."""
    days = max(days, 0)
    if days == 0:
        return "Since today"
    if days < 7:
        return _plural(days, "day")
    if days < 9 * 7:
        return _plural(days // 7, "week")
    # Whole months of average length; the day added lets a wait of 91 days (a quarter of a
    # year less a few hours) read "3 months", as a coordinator would count it.
    months = int((days + 1) / _DAYS_PER_MONTH)
    years, months = divmod(months, 12)
    if years == 0:
        return _plural(months, "month")
    if months == 0:
        return _plural(years, "year")
    return f"{_plural(years, 'year')} {_plural(months, 'month')}"


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    people = session.exec(select(Person).where(col(Person.id).in_(list(ids))))
    return {p.id: p.display_name for p in people if p.id is not None}
