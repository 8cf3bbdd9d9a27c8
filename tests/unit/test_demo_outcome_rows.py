"""The demo's wellbeing score sets: on peerdesk's own questions, each total the sum of its
answers, linked only to the person's own pairing (as mentee) or closed group, "before"
sets for most pairings, "after" sets at endings, and a change that is upward on average
but not for everyone."""

from __future__ import annotations

from collections import defaultdict
from statistics import mean

from sqlmodel import select

from peerdesk.data.models import GroupMember, OutcomeAnswer, OutcomeScore, Pairing
from peerdesk.services import Services
from peerdesk.services.outcomes.scale import OWN_NAME, OWN_QUESTIONS


def test_demo_score_sets_are_whole_and_belong_to_their_people(demo_services: Services) -> None:
    assert demo_services.outcomes.scale().name == OWN_NAME
    with demo_services.db.session() as session:
        scores = session.exec(select(OutcomeScore)).all()
        answers: dict[int, list[OutcomeAnswer]] = defaultdict(list)
        for answer in session.exec(select(OutcomeAnswer)):
            answers[answer.score_id].append(answer)
        pairings = {p.id: p for p in session.exec(select(Pairing))}
        members = {(m.group_id, m.person_id) for m in session.exec(select(GroupMember))}
    assert len(scores) > 50
    for score in scores:
        given = sorted(answers[score.id or 0], key=lambda a: a.position)
        assert [a.question for a in given] == list(OWN_QUESTIONS)
        assert score.score == sum(a.answer for a in given)
        assert score.measure == OWN_NAME
        if score.pairing_id is not None:
            assert pairings[score.pairing_id].mentee_id == score.person_id
        else:
            assert (score.group_id, score.person_id) in members
    timings = {s.timing for s in scores}
    assert timings == {"before", "during", "after"}
    assert any(s.group_id is not None for s in scores)
    # Ended pairings: "after" scores at (or just after) the ending, a change that is
    # upward on average, though not for everyone.
    changes = []
    for pairing_id, pairing in pairings.items():
        linked = [s for s in scores if s.pairing_id == pairing_id]
        before = [s.score for s in linked if s.timing == "before"]
        after = [s for s in linked if s.timing == "after"]
        if before and after:
            assert pairing.end_date is not None and after[0].scored_on >= pairing.end_date
            changes.append(after[0].score - before[0])
    assert len(changes) > 20
    assert mean(changes) > 0
    assert min(changes) <= 0
