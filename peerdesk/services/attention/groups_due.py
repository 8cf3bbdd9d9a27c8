"""Today: group agreements due for review, and a gentle line for each meeting this week."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session, col, select

from peerdesk.data.models import PeerGroup
from peerdesk.services.attention.base import AttentionContext, AttentionItem
from peerdesk.services.groups import reports as reports
from peerdesk.services.groups.views import time_text

REVIEW_GROUP = "Group agreements to review"
MEETINGS_GROUP = "Group meetings this week"
#: Good practice: the group reviews its ground rules with members at least once a year.
REVIEW_EVERY = timedelta(days=365)


def when(day: date) -> str:
    """A date as the coordinator reads it: 3 July 2026."""
    return f"{day.day} {day:%B %Y}"


#: How far ahead the "next meeting" line looks.
AHEAD = timedelta(days=7)


def _running_groups(session: Session) -> list[PeerGroup]:
    return list(
        session.exec(
            select(PeerGroup).where(PeerGroup.status == "running").order_by(col(PeerGroup.name))
        )
    )


def ground_rules_due(session: Session, context: AttentionContext) -> list[AttentionItem]:
    items: list[AttentionItem] = []
    for group in _running_groups(session):
        assert group.id is not None
        reviewed = group.ground_rules_reviewed_on
        if reviewed is not None and context.today - reviewed < REVIEW_EVERY:
            continue
        if reviewed is None:
            title = f"{group.name}: ground rules never reviewed with members"
            detail = (
                "No review date is recorded. Agree the ground rules with the group and note "
                "the date on the group's page."
            )
            due = group.started_on or context.today
        else:
            months = (context.today - reviewed).days * 12 // 365
            title = f"{group.name}: ground rules not reviewed for {months} months"
            detail = (
                f"Last reviewed with members on {when(reviewed)}. Good practice is to look at "
                "them together once a year."
            )
            due = reviewed + REVIEW_EVERY
        items.append(
            AttentionItem(
                group=REVIEW_GROUP,
                title=title,
                detail=detail,
                record_kind="group",
                record_id=group.id,
                due=due,
            )
        )
    return sorted(items, key=lambda i: (i.due or date.min, i.title))


def meetings_this_week(session: Session, context: AttentionContext) -> list[AttentionItem]:
    items: list[AttentionItem] = []
    for group in _running_groups(session):
        assert group.id is not None
        upcoming = reports.next_meeting_date(session, group, context.today)
        if upcoming is None or upcoming - context.today >= AHEAD:
            continue
        day = "today" if upcoming == context.today else f"{upcoming:%A}"
        regulars = len(reports.regular_ids(session, group.id, context.today))
        title = f"{group.name}: next meeting {day}"
        if regulars:
            title += f", {regulars} regular" + ("" if regulars == 1 else "s")
        at = time_text(group.usual_time)
        where = "online" if group.is_online else group.venue
        detail = f"{upcoming:%A} {when(upcoming)}"
        if at:
            detail += f" at {at}"
        if where:
            detail += f", {where}"
        items.append(
            AttentionItem(
                group=MEETINGS_GROUP,
                title=title,
                detail=detail + ".",
                record_kind="group",
                record_id=group.id,
                due=upcoming,
            )
        )
    return sorted(items, key=lambda i: (i.due or date.min, i.title))
