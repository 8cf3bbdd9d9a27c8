"""A person's pairings, seen from their side, for the person page: each pairing with the name
of the other person and its held sessions counted in ONE query (the page used to ask once per
pairing and count in the widget), and their latest sessions in one more."""

from __future__ import annotations

from sqlalchemy import and_, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from peerdesk.data.database import Database
from peerdesk.data.models import MentoringSession, Pairing, Person, Referral
from peerdesk.services.people.views import (
    PersonPairing,
    PersonPairings,
    PersonSession,
    ReferralSummary,
)
from peerdesk.vocabulary import SessionStatus

#: How many of the latest sessions the person page lists.
RECENT_SESSIONS = 10


def pairings_of_person(
    db: Database, person_id: int, *, recent: int = RECENT_SESSIONS
) -> PersonPairings:
    mentor, mentee = aliased(Person), aliased(Person)
    held = func.count(col(MentoringSession.id))
    with db.session() as session:
        found = session.exec(
            select(Pairing, mentor, mentee, held)
            .join(mentor, col(mentor.id) == col(Pairing.mentor_id))
            .join(mentee, col(mentee.id) == col(Pairing.mentee_id))
            .outerjoin(
                MentoringSession,
                and_(
                    col(MentoringSession.pairing_id) == col(Pairing.id),
                    col(MentoringSession.status) == SessionStatus.HELD.value,
                ),
            )
            .where(or_(col(Pairing.mentor_id) == person_id, col(Pairing.mentee_id) == person_id))
            .group_by(col(Pairing.id), col(mentor.id), col(mentee.id))
            .order_by(col(Pairing.proposed_on).desc(), col(Pairing.id).desc())
        ).all()
        pairings = tuple(
            PersonPairing(
                id=pairing.id or 0,
                other_id=(other := mentee if pairing.mentor_id == person_id else mentor).id or 0,
                other_name=other.display_name,
                as_mentor=pairing.mentor_id == person_id,
                status=pairing.status,
                proposed_on=pairing.proposed_on,
                start_date=pairing.start_date,
                sessions_held=count,
            )
            for pairing, mentor, mentee, count in found
        )
        other_names = {p.id: p.other_name for p in pairings}
        sessions = session.exec(
            select(MentoringSession)
            .where(col(MentoringSession.pairing_id).in_(list(other_names)))
            .order_by(col(MentoringSession.session_date).desc(), col(MentoringSession.id))
            .limit(recent)
        ).all()
        latest = tuple(
            PersonSession(
                id=s.id or 0,
                pairing_id=s.pairing_id,
                session_date=s.session_date,
                other_name=other_names[s.pairing_id],
                status=s.status,
            )
            for s in sessions
        )
    return PersonPairings(pairings=pairings, recent_sessions=latest)


def latest_referral(db: Database, person_id: int) -> ReferralSummary | None:
    """Their newest referral, and how many earlier ones there are; None when never referred."""
    with db.session() as session:
        referrals = session.exec(
            select(Referral)
            .where(Referral.person_id == person_id)
            .order_by(col(Referral.referral_date).desc(), col(Referral.id).desc())
        ).all()
        if not referrals:
            return None
        newest = referrals[0]
        return ReferralSummary(
            id=newest.id or 0,
            referral_date=newest.referral_date,
            source=newest.source,
            status=newest.status,
            referrer_name=newest.referrer_name,
            referrer_organisation=newest.referrer_organisation,
            hopes=newest.hopes,
            earlier=len(referrals) - 1,
        )
