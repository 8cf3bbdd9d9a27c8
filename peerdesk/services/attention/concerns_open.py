"""Today: safeguarding or wellbeing concerns not yet closed (always urgent)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from peerdesk.data.models import Concern
from peerdesk.services.attention.base import AttentionContext, AttentionItem
from peerdesk.services.attention.people_facts import days_phrase, person_facts, when

GROUP = "Open concerns"


def open_concerns(session: Session, context: AttentionContext) -> list[AttentionItem]:
    facts = person_facts(session, context)
    items: list[AttentionItem] = []
    for concern in session.exec(
        select(Concern).where(col(Concern.closed_on).is_(None)).order_by(col(Concern.raised_on))
    ):
        assert concern.id is not None
        age = (context.today - concern.raised_on).days
        told = concern.who_was_told.strip()
        detail = f"Raised on {when(concern.raised_on)}"
        detail += " (today)." if age == 0 else f", {days_phrase(age)} ago."
        detail += f" Told: {told}." if told else " Nobody recorded as told yet."
        items.append(
            AttentionItem(
                group=GROUP,
                title=f"Concern about {facts.name(concern.about_person_id)}",
                detail=detail,
                record_kind="concern",
                record_id=concern.id,
                due=concern.raised_on,
                urgent=True,
            )
        )
    return items
