"""Today: "after" wellbeing scores due at a pairing's ending.

A mentee (or carer) who gave "before" scores is asked again as their pairing ends, so the
figures can show the change. The reminder shows for a pairing that ended in the last
`ENDED_WEEKS` weeks, or whose planned end (start + planned length) is within the next
`ENDING_DAYS` days, until an "after" set is recorded on or after the pairing's start,
linked to that pairing or to none.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlmodel import Session, col, select

from peerdesk.data.models import OutcomeScore, Pairing, Person
from peerdesk.services.attention.base import AttentionContext, AttentionItem
from peerdesk.services.attention.people_facts import when
from peerdesk.services.mentoring.reviews import names_of
from peerdesk.vocabulary import OutcomeTiming, PairingStatus

GROUP = "Wellbeing scores due"
#: How long after a pairing ended its "after" scores are still asked for.
ENDED_WEEKS = 8
#: How soon before a pairing's planned end the "after" scores are asked for.
ENDING_DAYS = 14


def outcomes_due(session: Session, context: AttentionContext) -> list[AttentionItem]:
    today = context.today
    ending = _ending_pairings(session, today)
    if not ending:
        return []
    mentees = {p.mentee_id for p, _ in ending}
    scores: dict[int, list[OutcomeScore]] = defaultdict(list)
    for score in session.exec(
        select(OutcomeScore).where(col(OutcomeScore.person_id).in_(sorted(mentees)))
    ):
        scores[score.person_id].append(score)
    archived = set(
        session.exec(
            select(Person.id).where(
                col(Person.id).in_(sorted(mentees)), col(Person.archived_on).is_not(None)
            )
        )
    )
    names = names_of(session, mentees)
    items: list[AttentionItem] = []
    for pairing, end in ending:
        theirs = scores.get(pairing.mentee_id, [])
        befores = [s for s in theirs if s.timing == OutcomeTiming.BEFORE.value]
        if pairing.mentee_id in archived or not befores or _has_after(theirs, pairing):
            continue
        first = min(s.scored_on for s in befores)
        if pairing.status == PairingStatus.ENDED.value:
            ends = f"Their pairing {pairing.reference} ended on {when(end)}"
        else:
            ends = f"Their pairing {pairing.reference} is planned to end on {when(end)}"
        items.append(
            AttentionItem(
                group=GROUP,
                title=f"{names.get(pairing.mentee_id, '')}: “after” wellbeing scores due",
                detail=f"{ends}; their “before” scores were taken on {when(first)}. Ask them "
                "to fill in the wellbeing check again, and record it on their page.",
                record_kind="person",
                record_id=pairing.mentee_id,
                due=end,
            )
        )
    return sorted(items, key=lambda i: (i.due or today, i.title))


def _ending_pairings(session: Session, today: date) -> list[tuple[Pairing, date]]:
    """Pairings ended in the last ENDED_WEEKS weeks, or still going with their planned end
    in the next ENDING_DAYS days, each with that end date. Ended pairings are picked out by
    the database (there are many, over the years); those still going are few."""
    ended_since = today - timedelta(weeks=ENDED_WEEKS)
    found: list[tuple[Pairing, date]] = []
    for pairing in session.exec(
        select(Pairing).where(
            Pairing.status == PairingStatus.ENDED.value,
            col(Pairing.start_date).is_not(None),
            col(Pairing.end_date) >= ended_since,
            col(Pairing.end_date) <= today,
        )
    ):
        assert pairing.end_date is not None
        found.append((pairing, pairing.end_date))
    going = [PairingStatus.ACTIVE.value, PairingStatus.PAUSED.value]
    for pairing in session.exec(
        select(Pairing).where(
            col(Pairing.status).in_(going),
            col(Pairing.start_date).is_not(None),
            col(Pairing.planned_length_weeks).is_not(None),
        )
    ):
        assert pairing.start_date is not None and pairing.planned_length_weeks is not None
        planned = pairing.start_date + timedelta(weeks=pairing.planned_length_weeks)
        if today <= planned <= today + timedelta(days=ENDING_DAYS):
            found.append((pairing, planned))
    return found


def _has_after(scores: list[OutcomeScore], pairing: Pairing) -> bool:
    """An "after" set for this pairing: on or after its start, linked to it or to nothing."""
    assert pairing.start_date is not None
    return any(
        s.timing == OutcomeTiming.AFTER.value
        and s.scored_on >= pairing.start_date
        and s.pairing_id in (None, pairing.id)
        for s in scores
    )
