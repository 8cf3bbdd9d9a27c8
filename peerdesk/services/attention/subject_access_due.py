"""Today: subject access requests not yet answered, with the date they must be answered by."""

from __future__ import annotations

from sqlmodel import Session

from peerdesk.services.attention.base import AttentionContext, AttentionItem
from peerdesk.services.data_protection.subject_access import open_requests
from peerdesk.services.people.record_tables import long_date

GROUP = "Requests to see records"


def subject_access_due(session: Session, context: AttentionContext) -> list[AttentionItem]:
    items: list[AttentionItem] = []
    for request in open_requests(session):
        days = (request.due_on - context.today).days
        if days < 0:
            when = f"It was due on {long_date(request.due_on)}: answer it as soon as you can."
        elif days == 0:
            when = "It must be answered today."
        else:
            when = f"Answer by {long_date(request.due_on)} ({days} day{'s' if days != 1 else ''})."
        items.append(
            AttentionItem(
                group=GROUP,
                title=f"{request.name}: asked to see their records",
                detail=f"Received {long_date(request.received_on)}. {when} "
                "Use “Everything we hold…” on their Consents tab, then mark it answered.",
                record_kind="person",
                record_id=request.person_id or 0,
                due=request.due_on,
                urgent=days <= 7,
            )
        )
    return items
