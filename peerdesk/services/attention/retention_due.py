"""Today: people whose records are past the retention date, to anonymise or keep with a reason."""

from __future__ import annotations

from sqlmodel import Session

from peerdesk.services.attention.base import AttentionContext, AttentionItem
from peerdesk.services.data_protection.retention import due_for_review
from peerdesk.services.people.record_tables import long_date

GROUP = "Past the retention date"


def retention_due(session: Session, context: AttentionContext) -> list[AttentionItem]:
    items: list[AttentionItem] = []
    for due in due_for_review(session, context.today):
        kinds = ", ".join(kind.label.lower() for kind in due.kinds) or "records"
        items.append(
            AttentionItem(
                group=GROUP,
                title=f"{due.name}: records past the retention date",
                detail=f"Last contact {long_date(due.last_contact)}; {kinds} records are kept "
                f"{due.keep_years} years. Anonymise, or keep with a reason (Consents tab).",
                record_kind="person",
                record_id=due.person_id,
                due=due.review_on,
            )
        )
    return items
