"""Today: new referrals awaiting a first conversation, and people accepted and still waiting
for a mentor longer than the organisation's reminder (Settings ▸ "Waiting for a mentor:
remind after N weeks").

Between them and `referrals_waiting` (a first conversation held, no decision yet) each open
referral shows under one heading only.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import or_
from sqlmodel import Session, col, select

from peerdesk.data.models import Pairing, Referral
from peerdesk.services.attention.base import AttentionContext, AttentionItem
from peerdesk.services.attention.people_facts import days_phrase, person_facts, when
from peerdesk.services.mentoring.lists import OPEN_STATUSES as OPEN_PAIRING_STATUSES
from peerdesk.services.mentoring.lists import waited_words
from peerdesk.vocabulary import ReferralStatus

NEW_GROUP = "New referrals"
WAITING_GROUP = "Waiting for a mentor"


def new_referrals(session: Session, context: AttentionContext) -> list[AttentionItem]:
    """Every referral received and not yet talked through: the first conversation is next.

    Urgent once it has waited longer than the organisation's limit for referrals.
    """
    facts = person_facts(session, context)
    limit = context.setting("referral_wait_days", 14)
    items: list[AttentionItem] = []
    for referral in session.exec(
        select(Referral)
        .where(Referral.status == ReferralStatus.NEW.value)
        .order_by(col(Referral.referral_date), col(Referral.id))
    ):
        if referral.person_id not in facts.names:
            continue
        waited = (context.today - referral.referral_date).days
        late = f" It has waited longer than your limit of {days_phrase(limit)}."
        items.append(
            AttentionItem(
                group=NEW_GROUP,
                title=f"{facts.name(referral.person_id)}: new referral",
                detail=f"Received on {when(referral.referral_date)}: first conversation not "
                f"yet held.{late if waited > limit else ''}",
                record_kind="person",
                record_id=referral.person_id,
                due=referral.referral_date,
                urgent=waited > limit,
            )
        )
    return items


def waiting_for_a_mentor(session: Session, context: AttentionContext) -> list[AttentionItem]:
    """People accepted, with no pairing under way, waiting longer than the reminder's weeks.

    The wait counts from the day they were accepted (or the referral reopened as accepted),
    the day a mentor was first wanted. Exactly N weeks is not yet longer than N weeks.
    Urgent after twice the reminder.
    """
    facts = person_facts(session, context)
    weeks = context.setting("waiting_remind_weeks", 8)
    cutoff = context.today - timedelta(weeks=weeks)
    # Worked out in SQL (Today stays quick with thousands of referrals): every day a mentor
    # was wanted from is before the cutoff, and no pairing is under way.
    under_way = (
        select(Pairing.id)
        .where(
            col(Pairing.mentee_id) == col(Referral.person_id),
            col(Pairing.status).in_([s.value for s in OPEN_PAIRING_STATUSES]),
        )
        .exists()
    )
    decided, reopened = col(Referral.decided_on), col(Referral.reopened_on)
    items: list[AttentionItem] = []
    for referral in session.exec(
        select(Referral)
        .where(
            Referral.status == ReferralStatus.ACCEPTED.value,
            or_(decided.is_(None), decided < cutoff),
            or_(reopened.is_(None), reopened < cutoff),
            or_(decided.is_not(None), reopened.is_not(None), col(Referral.referral_date) < cutoff),
            ~under_way,
        )
        .order_by(col(Referral.referral_date), col(Referral.id))
    ):
        if referral.person_id not in facts.names:
            continue
        since = waiting_since(referral)
        waited = (context.today - since).days
        items.append(
            AttentionItem(
                group=WAITING_GROUP,
                title=f"{facts.name(referral.person_id)}: waiting for a mentor for "
                f"{weeks_words(waited)}",
                detail=f"Accepted on {when(since)}; you asked to be reminded after "
                f"{weeks} {'week' if weeks == 1 else 'weeks'}. Find a mentor from their page.",
                record_kind="person",
                record_id=referral.person_id,
                due=since,
                urgent=waited > 2 * weeks * 7,
            )
        )
    items.sort(key=lambda item: (item.due or context.today, item.title))
    return items


def waiting_since(referral: Referral) -> date:
    """The day a mentor was first wanted: accepted, or reopened since (back to accepted)."""
    days = [d for d in (referral.decided_on, referral.reopened_on) if d is not None]
    return max(days) if days else referral.referral_date


def weeks_words(days: int) -> str:
    """A wait in whole weeks, as the reminder counts it ("10 weeks"); a year or more in the
    waiting list's words ("1 year 2 months")."""
    if days >= 365:
        return waited_words(days)
    count = days // 7
    return "1 week" if count == 1 else f"{count} weeks"


__all__ = ["new_referrals", "waiting_for_a_mentor", "waiting_since", "weeks_words"]
