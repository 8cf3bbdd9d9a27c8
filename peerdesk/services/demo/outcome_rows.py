"""Demo wellbeing score sets, on peerdesk's own questions, written once the pairings and
groups are in.

Most mentees answer "before" as their pairing starts, some again "during" a long pairing,
and most of those whose pairing has ended "after" (not all: a few recent endings are left
for Today's reminder). Members of closed groups answer as they join and, some, half a year
on. Each person has their own starting level; answers drift upward on average, but not for
everyone. Rows are read back from the session in id order and the random source is the
builder's own, so a seed always gives the same scores.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import col, select

from peerdesk.data.models import GroupMember, OutcomeAnswer, OutcomeScore, Pairing
from peerdesk.forms.templates.wellbeing_check import OWN_NAME, OWN_QUESTIONS
from peerdesk.services.demo.state import BuilderState

#: How likely each set is: a "before" set, a "during" set (pairings over 12 weeks), an
#: "after" set once it ended (given a "before" one), a group member's sets.
BEFORE, DURING, AFTER, GROUP_BEFORE, GROUP_AFTER = 0.85, 0.3, 0.75, 0.5, 0.6


def write_outcome_rows(state: BuilderState) -> None:
    state.flush()  # the pairings and group members are read back from the session
    pairings = state.s.exec(
        select(Pairing).where(col(Pairing.start_date).is_not(None)).order_by(col(Pairing.id))
    ).all()
    for pairing in pairings:
        _pairing_scores(state, pairing)
    members = state.s.exec(
        select(GroupMember).order_by(col(GroupMember.group_id), col(GroupMember.person_id))
    ).all()
    for member in members:
        _group_scores(state, member)
    state.flush()


def _pairing_scores(state: BuilderState, pairing: Pairing) -> None:
    assert pairing.start_date is not None and pairing.id is not None
    if not state.chance(BEFORE):
        return
    level = state.rng.uniform(1.6, 3.4)
    gain = state.rng.gauss(0.6, 0.6)  # most improve; some stay the same or dip
    start = pairing.start_date
    last = pairing.end_date or state.today
    _score_set(
        state, pairing.mentee_id, "before", _soon_after(state, start), level, pairing_id=pairing.id
    )
    if (last - start).days > 84 and state.chance(DURING):
        middle = start + (last - start) / 2
        _score_set(
            state, pairing.mentee_id, "during", middle, level + gain / 2, pairing_id=pairing.id
        )
    if pairing.end_date is not None and state.chance(AFTER):
        _score_set(
            state,
            pairing.mentee_id,
            "after",
            _soon_after(state, pairing.end_date),
            level + gain,
            pairing_id=pairing.id,
        )


def _group_scores(state: BuilderState, member: GroupMember) -> None:
    if not state.chance(GROUP_BEFORE):
        return
    level = state.rng.uniform(1.8, 3.4)
    gain = state.rng.gauss(0.4, 0.6)
    joined = _soon_after(state, member.joined_on)
    _score_set(state, member.person_id, "before", joined, level, group_id=member.group_id)
    later = joined + timedelta(weeks=26)
    if later <= state.today and state.chance(GROUP_AFTER):
        _score_set(state, member.person_id, "after", later, level + gain, group_id=member.group_id)


def _soon_after(state: BuilderState, day: date) -> date:
    """A few days after `day`, never after today."""
    return min(day + timedelta(days=state.rng.randint(0, 6)), state.today)


def _score_set(
    state: BuilderState,
    person_id: int,
    timing: str,
    on: date,
    level: float,
    *,
    pairing_id: int | None = None,
    group_id: int | None = None,
) -> None:
    answers = [min(5, max(1, round(state.rng.gauss(level, 0.8)))) for _ in OWN_QUESTIONS]
    score_id = state.ids("outcome_score")
    state.add(
        OutcomeScore(
            id=score_id,
            person_id=person_id,
            measure=OWN_NAME,
            timing=timing,
            score=float(sum(answers)),
            scored_on=on,
            pairing_id=pairing_id,
            group_id=group_id,
        ),
        "outcome scores",
    )
    for position, (question, answer) in enumerate(zip(OWN_QUESTIONS, answers, strict=True), 1):
        state.put(
            OutcomeAnswer, score_id=score_id, position=position, question=question, answer=answer
        )
