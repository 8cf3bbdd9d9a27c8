"""Today: open concerns. Urgent ones come first of all (their own heading, at the top of
Today); then other open concerns whose follow-up action is overdue (urgent too) or that have
no follow-up action waiting (someone should decide the next step)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import Concern, ConcernAction
from peerdesk.services.attention.base import AttentionContext, AttentionItem
from peerdesk.services.attention.people_facts import days_phrase, when
from peerdesk.services.concerns.rows import about
from peerdesk.vocabulary import ConcernLevel

URGENT_GROUP = "Urgent concerns"
GROUP = "Open concerns"


def open_concerns(session: Session, context: AttentionContext) -> list[AttentionItem]:
    concerns = list(
        session.exec(
            select(Concern)
            .where(col(Concern.closed_on).is_(None))
            .order_by(col(Concern.raised_on), col(Concern.id))
        )
    )
    waiting: dict[int, list[ConcernAction]] = {}
    for action in session.exec(
        select(ConcernAction)
        .where(col(ConcernAction.concern_id).in_([c.id for c in concerns]))
        .where(col(ConcernAction.done_on).is_(None))
    ):
        waiting.setdefault(action.concern_id, []).append(action)
    urgent: list[AttentionItem] = []
    others: list[AttentionItem] = []
    for concern in concerns:
        assert concern.id is not None
        actions = waiting.get(concern.id, [])
        due = [a.due_on for a in actions if a.due_on is not None]
        overdue = [d for d in due if d < context.today]
        title = f"Concern about {about(session, concern)}"
        detail = _detail(concern, context)
        if overdue:
            detail += f" A follow-up action was due on {when(min(overdue))}."
        elif not actions:
            detail += " No follow-up action is waiting: decide the next step or close it."
        if concern.level == ConcernLevel.URGENT.value:
            urgent.append(
                _item(URGENT_GROUP, concern.id, title, detail, concern.raised_on, urgent=True)
            )
        elif overdue or not actions:
            # Most overdue first; one with nothing waiting is dated by when it was raised.
            first = min(overdue or [concern.raised_on])
            others.append(_item(GROUP, concern.id, title, detail, first, urgent=bool(overdue)))
    others.sort(key=lambda item: item.due or context.today)
    return urgent + others


def _detail(concern: Concern, context: AttentionContext) -> str:
    age = (context.today - concern.raised_on).days
    told = concern.who_was_told.strip()
    detail = f"Raised on {when(concern.raised_on)}"
    detail += " (today)." if age == 0 else f", {days_phrase(age)} ago."
    detail += f" Told: {told}." if told else " Nobody recorded as told yet."
    return detail


def _item(
    group: str, concern_id: int, title: str, detail: str, due: date, *, urgent: bool
) -> AttentionItem:
    return AttentionItem(
        group=group,
        title=title,
        detail=detail,
        record_kind="concern",
        record_id=concern_id,
        due=due,
        urgent=urgent,
    )
