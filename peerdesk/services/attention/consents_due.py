"""Today: consents to review soon or past their review date, and essential consents missing.

Essential: a person supported needs consent to hold their health information; an active
mentor needs a signed confidentiality agreement. Renewing a consent (a newer record of the
same kind) clears the line, because only the latest answer of each kind counts.
"""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from peerdesk.services.attention.base import AttentionContext, AttentionItem
from peerdesk.services.attention.people_facts import days_phrase, person_facts, when
from peerdesk.services.data_protection.consents import answered_kinds, latest_consents
from peerdesk.vocabulary import ConsentKind

GROUP = "Consents"


def consents_due(session: Session, context: AttentionContext) -> list[AttentionItem]:
    facts = person_facts(session, context)
    warning = timedelta(days=context.setting("expiry_warning_days", 30))
    # Only the latest answers that need the coordinator come back from SQLite: declined,
    # withdrawn, or due for review within the warning.
    latest = {
        (found.person_id, found.kind): found
        for found in latest_consents(
            session, context.today, kinds=ConsentKind.values(), flagged_by=context.today + warning
        )
    }
    essential_kinds = [ConsentKind.HEALTH_DATA.value, ConsentKind.CONFIDENTIALITY.value]
    answered = answered_kinds(session, context.today, essential_kinds)
    items: list[AttentionItem] = []
    for (person_id, kind), consent in latest.items():
        if person_id not in facts.names or not consent.agreed:
            continue
        if consent.withdrawn_on is not None and consent.withdrawn_on <= context.today:
            continue
        review = consent.review_on
        if review is None or review > context.today + warning:
            continue
        label = ConsentKind(kind).label
        name = facts.name(person_id)
        if review < context.today:
            items.append(
                AttentionItem(
                    group=GROUP,
                    title=f"{name}: consent to renew ({label.lower()})",
                    detail=f"It was due for review on {when(review)} and no longer counts "
                    "until it is renewed.",
                    record_kind="person",
                    record_id=person_id,
                    due=review,
                    urgent=True,
                )
            )
        else:
            left = (review - context.today).days
            soon = "today" if left == 0 else f"in {days_phrase(left)}"
            items.append(
                AttentionItem(
                    group=GROUP,
                    title=f"{name}: consent due for review ({label.lower()})",
                    detail=f"Review on {when(review)} ({soon}).",
                    record_kind="person",
                    record_id=person_id,
                    due=review,
                )
            )
    essentials = [(pid, ConsentKind.HEALTH_DATA) for pid in facts.supported_people()]
    essentials += [(pid, ConsentKind.CONFIDENTIALITY) for pid in facts.active_mentors()]
    for person_id, kind in essentials:
        found = latest.get((person_id, kind.value))
        name = facts.name(person_id)
        if (person_id, kind.value) not in answered:
            state = "not recorded"
        elif found is None:
            continue  # agreed, not withdrawn, not due for review
        elif not found.agreed:
            state = "declined"
        elif found.withdrawn_on is not None and found.withdrawn_on <= context.today:
            state = "withdrawn"
        else:
            continue  # agreed: current, or already listed above for review
        items.append(
            AttentionItem(
                group=GROUP,
                title=f"{name}: {kind.label.lower()} {state}",
                detail=_why(kind, state),
                record_kind="person",
                record_id=person_id,
                due=context.today,
                urgent=state == "withdrawn",
            )
        )
    return sorted(items, key=lambda i: (not i.urgent, i.due, i.title))


def _why(kind: ConsentKind, state: str) -> str:
    if kind is ConsentKind.HEALTH_DATA:
        if state == "not recorded":
            return "Ask them, and record their answer, before keeping notes about their health."
        return "Keep only what they have agreed to; check what to do with their health notes."
    if state == "not recorded":
        return "Active mentors sign a confidentiality agreement before being paired."
    return "Talk with them before they continue mentoring."
