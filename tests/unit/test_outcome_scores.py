"""Outcome score sets: the total worked out from the answers, the checks (in plain words,
nothing saved), an edit that keeps the questions the set was asked with, removal with a
reason that shows in the History, and the scale from Settings."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from peerdesk.data.models import OutcomeAnswer, OutcomeScore
from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.outcomes.scale import OWN_NAME, OWN_QUESTIONS
from peerdesk.services.outcomes.views import ScoreEntry
from peerdesk.services.people.views import PersonDetails
from peerdesk.vocabulary import Role
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import active_pairing, organisation, table_snapshot


@pytest.fixture
def pairing(services: Services) -> int:
    organisation(services)
    return active_pairing(services)


def _mentee(services: Services, pairing_id: int) -> int:
    return services.pairings.get(pairing_id).mentee_id


def _entry(answers: tuple[int | None, ...], **changes: object) -> ScoreEntry:
    values: dict[str, object] = {
        "timing": "before",
        "scored_on": date(2026, 1, 5),
        "answers": answers,
    }
    values.update(changes)
    return ScoreEntry(**values)  # type: ignore[arg-type]


def test_the_total_is_the_sum_of_the_answers_and_the_questions_are_kept(
    services: Services, pairing: int
) -> None:
    mentee = _mentee(services, pairing)
    # 1+2+3+4+5+2+1 = 18, out of 7 questions × 5 = 35.
    saved = services.outcomes.record(mentee, _entry((1, 2, 3, 4, 5, 2, 1), pairing_id=pairing))
    assert (saved.total, saved.out_of, saved.total_words) == (18, 35, "18 of 35")
    assert saved.measure == OWN_NAME
    assert saved.questions == OWN_QUESTIONS
    assert saved.answers == (1, 2, 3, 4, 5, 2, 1)
    assert saved.belongs_to.startswith("Pairing P")
    with services.db.session() as session:
        row = session.exec(select(OutcomeScore)).one()
        assert (row.score, row.timing, row.pairing_id) == (18.0, "before", pairing)
        answers = session.exec(select(OutcomeAnswer).order_by(OutcomeAnswer.position)).all()
        assert [(a.position, a.answer) for a in answers][:3] == [(1, 1), (2, 2), (3, 3)]


@pytest.mark.parametrize(
    ("entry", "field", "words"),
    [
        (_entry((1, 2, 3, None, 5, 2, 1)), "answer_4", "Please answer question 4"),
        (_entry((1, 2, 3, 6, 5, 2, 1)), "answer_4", "from 1 (not at all) to 5"),
        (_entry((1, 2, 3, 0, 5, 2, 1)), "answer_4", "not 0"),
        (_entry((1, 2, 3)), "answers", "each of the 7 questions"),
        (
            _entry((3,) * 7, scored_on=TODAY + timedelta(days=1)),
            "scored_on",
            "cannot be in the future",
        ),
        (_entry((3,) * 7, timing="halfway"), "timing", "before, during, after"),
    ],
)
def test_a_set_that_cannot_be_saved_is_refused_in_plain_words_with_nothing_saved(
    services: Services, pairing: int, entry: ScoreEntry, field: str, words: str
) -> None:
    mentee = _mentee(services, pairing)
    before = table_snapshot(services, "outcome_score", "outcome_answer")
    with pytest.raises(ValidationError) as refused:
        services.outcomes.record(mentee, entry)
    assert refused.value.field == field
    assert words in refused.value.message
    assert table_snapshot(services, "outcome_score", "outcome_answer") == before


def test_only_the_persons_own_pairing_may_be_chosen(services: Services, pairing: int) -> None:
    mentee = _mentee(services, pairing)
    mentor = services.pairings.get(pairing).mentor_id
    # The mentor is in the pairing, but not as the person supported.
    with pytest.raises(ValidationError) as refused:
        services.outcomes.record(mentor, _entry((3,) * 7, pairing_id=pairing))
    assert refused.value.field == "belongs_to"
    assert "not one of" in refused.value.message
    other = services.people.add(
        PersonDetails(first_name="Ailsa", last_name="Other"), roles=[Role.MENTEE]
    )
    with pytest.raises(ValidationError):
        services.outcomes.record(other.id, _entry((3,) * 7, pairing_id=pairing))
    choices = services.outcomes.belongs_to_choices(mentee)
    assert [c.pairing_id for c in choices] == [pairing]
    assert services.outcomes.belongs_to_choices(other.id) == []


def test_an_edit_keeps_the_questions_the_set_was_asked_with(
    services: Services, pairing: int
) -> None:
    mentee = _mentee(services, pairing)
    saved = services.outcomes.record(mentee, _entry((2,) * 7))
    # The organisation then changes to a licensed scale of its own, with 3 questions.
    services.outcomes.save_scale("Licensed scale", "Question one\nQuestion two\nQuestion three")
    assert services.outcomes.scale().questions == ("Question one", "Question two", "Question three")
    # Three answers no longer fit the seven questions this set was asked.
    with pytest.raises(ValidationError) as refused:
        services.outcomes.update(saved.id, _entry((4, 4, 4)))
    assert refused.value.field == "answers"
    edited = services.outcomes.update(
        saved.id, _entry((4, 4, 4, 4, 4, 4, 5), timing="during", scored_on=date(2026, 2, 2))
    )
    # 6 × 4 + 5 = 29, still out of 35 and still the set's own name and questions.
    assert (edited.total, edited.out_of, edited.timing) == (29, 35, "during")
    assert edited.measure == OWN_NAME
    assert edited.questions == OWN_QUESTIONS
    assert edited.scored_on == date(2026, 2, 2)
    assert services.outcomes.for_person(mentee).sets == (edited,)


def test_removal_needs_a_reason_and_shows_in_the_history(services: Services, pairing: int) -> None:
    mentee = _mentee(services, pairing)
    saved = services.outcomes.record(mentee, _entry((3,) * 7))
    with pytest.raises(ValidationError) as refused:
        services.outcomes.remove(saved.id, "  ")
    assert refused.value.field == "reason"
    assert len(services.outcomes.for_person(mentee).sets) == 1
    said = services.outcomes.remove(saved.id, "Entered for the wrong person")
    assert said == "Removed wellbeing scores (before support) on 5 January 2026"
    assert services.outcomes.for_person(mentee).sets == ()
    with services.db.session() as session:
        assert session.exec(select(OutcomeAnswer)).all() == []
    changes = services.history.for_record("outcome_score", saved.id)
    assert [(c.reason, c.description) for c in changes] == [
        ("", "Recorded wellbeing scores (before support) on 5 January 2026"),
        ("Entered for the wrong person", said),
    ]


def test_a_persons_scores_come_oldest_first_with_the_trend_in_words(
    services: Services, pairing: int
) -> None:
    mentee = _mentee(services, pairing)
    services.outcomes.record(
        mentee, _entry((5,) * 5 + (4, 1), timing="after", scored_on=date(2026, 6, 1))
    )
    services.outcomes.record(mentee, _entry((2,) * 7))
    scores = services.outcomes.for_person(mentee)
    # before 7 × 2 = 14; after 5 × 5 + 4 + 1 = 30.
    assert [(p.timing, p.total) for p in scores.points] == [("before", 14), ("after", 30)]
    assert scores.description == (
        "Before 14 of 35 on 5 January 2026; after 30 of 35 on 1 June 2026"
    )


def test_the_scale_in_settings_is_checked(services: Services, pairing: int) -> None:
    assert services.outcomes.scale().own
    with pytest.raises(ValidationError) as refused:
        services.outcomes.save_scale("Scale", "Only one question")
    assert "between 2 and 20" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        services.outcomes.save_scale("Scale", "One\n\nTwo")
    assert "Question 2 is blank" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        services.outcomes.save_scale("Scale", "\n".join(f"Q{n}" for n in range(21)))
    assert "21 questions" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        services.outcomes.save_scale("", "One\nTwo")
    assert refused.value.field == "outcome_measure_name"
    saved = services.outcomes.save_scale("  Our scale ", "One \n Two\n")
    assert (saved.name, saved.questions, saved.own, saved.out_of) == (
        "Our scale",
        ("One", "Two"),
        False,
        10,
    )
    back = services.outcomes.save_scale("", "")
    assert (back.name, back.questions, back.own) == (OWN_NAME, OWN_QUESTIONS, True)


def test_undo_brings_back_a_removed_set_with_its_answers(services: Services, pairing: int) -> None:
    mentee = _mentee(services, pairing)
    saved = services.outcomes.record(mentee, _entry((1, 2, 3, 4, 5, 4, 3)))
    services.outcomes.remove(saved.id, "Entered in error")
    assert services.outcomes.for_person(mentee).sets == ()
    assert services.undo.undo().startswith("Removed wellbeing scores")
    [back] = services.outcomes.for_person(mentee).sets
    # 1+2+3+4+5+4+3 = 22.
    assert (back.total, back.answers, back.questions) == (22, (1, 2, 3, 4, 5, 4, 3), OWN_QUESTIONS)
