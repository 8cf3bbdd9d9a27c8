"""Today: referrals waiting longer than the organisation's limit for a decision, after the first
conversation was held.

New referrals (no first conversation yet) are listed by `referrals_new.new_referrals`, and
people accepted and waiting for a mentor by `referrals_new.waiting_for_a_mentor` (with their own
reminder in weeks), so each open referral shows under one heading. A pairing proposed on or
after the referral date (whatever became of it) means the referral was acted on, so it no
longer waits.
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, col, select

from peerdesk.data.models import Pairing, Referral
from peerdesk.services.attention.base import AttentionContext, AttentionItem
from peerdesk.services.attention.people_facts import days_phrase, person_facts, wait_phrase, when
from peerdesk.vocabulary import ReferralStatus

GROUP = "Referrals waiting"
#: The statuses this rule watches: a first conversation held, no decision yet.
OPEN_STATUSES = (ReferralStatus.ASSESSED.value,)


def referrals_waiting(session: Session, context: AttentionContext) -> list[AttentionItem]:
    facts = person_facts(session, context)
    limit = context.setting("referral_wait_days", 14)
    cutoff = context.today - timedelta(days=limit)
    # A pairing proposed on or after the referral date means it was acted on: SQLite leaves
    # those out, so only the referrals still waiting are read.
    acted_on = (
        select(Pairing.id)
        .where(
            col(Pairing.mentee_id) == col(Referral.person_id),
            col(Pairing.proposed_on) >= col(Referral.referral_date),
        )
        .exists()
    )
    items: list[AttentionItem] = []
    for referral in session.exec(
        select(Referral)
        .where(
            col(Referral.status).in_(OPEN_STATUSES),
            col(Referral.referral_date) < cutoff,
            ~acted_on,
        )
        .order_by(col(Referral.referral_date), col(Referral.id))
    ):
        if referral.person_id not in facts.names:
            continue
        waited = (context.today - referral.referral_date).days
        held = f" on {when(referral.assessed_on)}" if referral.assessed_on else ""
        items.append(
            AttentionItem(
                group=GROUP,
                title=f"{facts.name(referral.person_id)} has waited {wait_phrase(waited)}",
                detail=f"Referred on {when(referral.referral_date)}; first conversation held"
                f"{held}, no decision yet. Your limit is {days_phrase(limit)}.",
                record_kind="person",
                record_id=referral.person_id,
                due=referral.referral_date,
                urgent=waited > 2 * limit,
            )
        )
    return items
