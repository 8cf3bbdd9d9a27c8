"""Today: disclosure checks (PVG/DBS) expiring soon, expired, or missing for active mentors."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, col, select

from peerdesk.data.models import DisclosureCheck
from peerdesk.services.attention.base import AttentionContext, AttentionItem
from peerdesk.services.attention.people_facts import days_phrase, person_facts, when
from peerdesk.vocabulary import DisclosureScheme

GROUP = "Disclosure checks"


def disclosure_checks_due(session: Session, context: AttentionContext) -> list[AttentionItem]:
    facts = person_facts(session, context)
    warning = timedelta(days=context.setting("expiry_warning_days", 30))
    latest: dict[int, DisclosureCheck] = {}
    for record in session.exec(
        select(DisclosureCheck).order_by(col(DisclosureCheck.issue_date), col(DisclosureCheck.id))
    ):
        latest[record.person_id] = record
    items: list[AttentionItem] = []
    for person_id in facts.current_volunteers():
        name = facts.name(person_id)
        check = latest.get(person_id)
        if check is None:
            if facts.is_active_mentor(person_id):
                items.append(
                    AttentionItem(
                        group=GROUP,
                        title=f"{name}: no disclosure check recorded",
                        detail="An active mentor needs a PVG or DBS check before being paired.",
                        record_kind="person",
                        record_id=person_id,
                        due=context.today,
                        urgent=True,
                    )
                )
            continue
        renewal = check.renewal_date
        if renewal is None or renewal > context.today + warning:
            continue
        scheme = "PVG" if check.scheme == DisclosureScheme.PVG.value else "DBS"
        if renewal < context.today:
            overdue = (context.today - renewal).days
            items.append(
                AttentionItem(
                    group=GROUP,
                    title=f"{name}: {scheme} check expired",
                    detail=f"Renewal was due on {when(renewal)}, {days_phrase(overdue)} ago.",
                    record_kind="person",
                    record_id=person_id,
                    due=renewal,
                    urgent=True,
                )
            )
        else:
            left = (renewal - context.today).days
            soon = "today" if left == 0 else f"in {days_phrase(left)}"
            items.append(
                AttentionItem(
                    group=GROUP,
                    title=f"{name}: {scheme} check to renew",
                    detail=f"Renewal is due on {when(renewal)} ({soon}).",
                    record_kind="person",
                    record_id=person_id,
                    due=renewal,
                )
            )
    return sorted(items, key=_order)


def _order(item: AttentionItem) -> tuple[bool, object, str]:
    return (not item.urgent, item.due, item.title)
