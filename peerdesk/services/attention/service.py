"""Running every attention rule for Today."""

from __future__ import annotations

from sqlmodel import select

from peerdesk.data.models import Organisation
from peerdesk.services.attention.base import AttentionContext, AttentionItem, AttentionRule
from peerdesk.services.attention.concerns_open import open_concerns
from peerdesk.services.attention.consents_due import consents_due
from peerdesk.services.attention.disclosure_checks import disclosure_checks_due
from peerdesk.services.attention.groups_due import ground_rules_due, meetings_this_week
from peerdesk.services.attention.outcomes_due import outcomes_due
from peerdesk.services.attention.pairings_due import (
    pairing_reviews_due,
    planned_sessions,
    quiet_pairings,
)
from peerdesk.services.attention.referrals_new import new_referrals, waiting_for_a_mentor
from peerdesk.services.attention.referrals_waiting import referrals_waiting
from peerdesk.services.attention.retention_due import retention_due
from peerdesk.services.attention.subject_access_due import subject_access_due
from peerdesk.services.attention.supervision_due import supervision_due
from peerdesk.services.base import Service

#: Every rule, in the order their groups appear on Today. Add new rules here.
RULES: list[AttentionRule] = [
    open_concerns,  # urgent concerns above everything (issue 22)
    pairing_reviews_due,
    quiet_pairings,
    planned_sessions,
    outcomes_due,
    new_referrals,
    referrals_waiting,
    waiting_for_a_mentor,
    supervision_due,
    disclosure_checks_due,
    consents_due,
    subject_access_due,
    retention_due,
    ground_rules_due,
    meetings_this_week,
]


class AttentionService(Service):
    def items(self) -> list[AttentionItem]:
        with self.db.session() as session:
            context = AttentionContext(
                today=self.today(), organisation=session.exec(select(Organisation)).first()
            )
            found: list[AttentionItem] = []
            for rule in RULES:
                found.extend(rule(session, context))
        return found
