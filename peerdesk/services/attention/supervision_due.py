"""Today: active mentors without supervision for longer than the organisation's interval."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from peerdesk.data.models import Supervision
from peerdesk.services.attention.base import AttentionContext, AttentionItem
from peerdesk.services.attention.people_facts import person_facts, when

GROUP = "Supervision due"


def supervision_due(session: Session, context: AttentionContext) -> list[AttentionItem]:
    facts = person_facts(session, context)
    weeks = context.setting("supervision_weeks", 8)
    interval = timedelta(weeks=weeks)
    last_seen: dict[int, date] = dict(
        session.exec(
            select(col(Supervision.mentor_id), func.max(Supervision.supervision_date)).group_by(
                col(Supervision.mentor_id)
            )
        ).all()
    )
    items: list[AttentionItem] = []
    for mentor_id in facts.active_mentors():
        last = last_seen.get(mentor_id)
        since = last if last is not None else facts.stages[mentor_id][1]
        if context.today - since <= interval:
            continue
        name = facts.name(mentor_id)
        if last is None:
            detail = f"No supervision recorded since they became active on {when(since)}."
        else:
            detail = f"Last supervision on {when(last)}; you aim for every {weeks} weeks."
        items.append(
            AttentionItem(
                group=GROUP,
                title=f"{name}: supervision due",
                detail=detail,
                record_kind="person",
                record_id=mentor_id,
                due=since + interval,
                urgent=context.today - since > 2 * interval,
            )
        )
    return sorted(items, key=lambda i: (i.due, i.title))
