"""The matching assistant's pure scoring function, on hand-built cases."""

from __future__ import annotations

from dataclasses import replace

from peerdesk.services.mentoring import matching as m
from peerdesk.services.mentoring.matching import (
    MentorCandidate,
    Seeker,
    rank_mentors,
    split_languages,
)

SEEKER = Seeker(
    person_id=1,
    name="Ann",
    conditions={"ME/CFS": "lives_with"},
    area="Highland",
    slots=frozenset({("tue", "morning")}),
    modes=frozenset({"phone"}),
)


def mentor(person_id: int, name: str, **changes: object) -> MentorCandidate:
    base = MentorCandidate(person_id=person_id, name=name, capacity=2, occupied=0)
    return replace(base, **changes)  # type: ignore[arg-type]


def test_an_ineligible_mentor_is_never_ranked_and_its_reason_is_given() -> None:
    ready = mentor(10, "Bea")
    untrained = mentor(
        11,
        "Cal",
        conditions={"ME/CFS": "lived_experience"},
        missing=("training not complete", "disclosure check (PVG/DBS) has expired"),
    )
    result = rank_mentors(SEEKER, [ready, untrained])
    assert [r.person_id for r in result.ranked] == [10]
    assert [r.person_id for r in result.not_eligible] == [11]
    assert result.not_eligible[0].reasons == (
        "training not complete",
        "disclosure check (PVG/DBS) has expired",
    )
    assert result.not_eligible[0].summary.startswith("Training not complete")


def test_capacity_is_respected_even_without_a_readiness_reason() -> None:
    full = mentor(12, "Dee", capacity=2, occupied=2, conditions={"ME/CFS": "lived_experience"})
    result = rank_mentors(SEEKER, [full])
    assert result.ranked == ()
    assert result.not_eligible[0].reasons == ("at capacity (2 of 2 mentees)",)


def test_spare_capacity_adds_points_up_to_a_cap() -> None:
    one = rank_mentors(SEEKER, [mentor(13, "Eve", capacity=1)]).ranked[0]
    many = rank_mentors(SEEKER, [mentor(14, "Fay", capacity=10)]).ranked[0]
    assert one.score == m.SPARE_PLACE
    assert many.score == m.SPARE_PLACE * m.MAX_SPARE_PLACES
    assert "Has 10 places free" in many.summary


def test_a_shared_condition_outranks_a_shared_weekday() -> None:
    condition = mentor(20, "Zed", conditions={"me/cfs": "lived_experience"})
    weekday = mentor(
        21,
        "Amy",
        slots=frozenset({("tue", "morning")}),
        modes=frozenset({"phone"}),
    )
    result = rank_mentors(SEEKER, [weekday, condition])
    assert [r.person_id for r in result.ranked] == [20, 21]
    assert "Mentor has lived experience of ME/CFS" in result.ranked[0].summary
    assert "Both free Tuesday morning" in result.ranked[1].summary


def test_ties_break_by_name_then_record_number_whatever_the_input_order() -> None:
    a = mentor(31, "Beth")
    b = mentor(30, "beth")
    c = mentor(29, "Alun")
    for order in ([a, b, c], [c, b, a], [b, a, c]):
        ranked = rank_mentors(SEEKER, order).ranked
        assert {r.score for r in ranked} == {ranked[0].score}
        assert [r.person_id for r in ranked] == [29, 30, 31]


def test_preferences_count_for_and_against() -> None:
    seeker = replace(
        SEEKER,
        preferred_gender="woman",
        preferred_age_min=30,
        preferred_age_max=50,
        languages=split_languages("Polish; English"),
    )
    good = mentor(40, "Gwen", gender="woman", age=40, languages=split_languages("English, Polish"))
    poor = mentor(41, "Hal", gender="man", age=70, languages=split_languages("Gaelic"))
    result = rank_mentors(seeker, [poor, good])
    assert [r.person_id for r in result.ranked] == [40, 41]
    best, worst = result.ranked
    assert "Is a woman, as preferred" in best.summary
    assert "Both speak Polish" in best.summary
    assert "Aged 40, within 30 to 50" in best.summary
    assert worst.score == (
        m.NOT_PREFERRED_GENDER + m.AGE_OUT_OF_RANGE + m.NO_COMMON_LANGUAGE + 2 * m.SPARE_PLACE
    )


def test_carers_are_matched_with_mentors_who_also_care() -> None:
    carer = replace(SEEKER, supported_as="carer", conditions={"Dementia": "cares_for"})
    caring = mentor(50, "Ian", conditions={"Dementia": "cares_for"})
    result = rank_mentors(carer, [caring])
    assert "Both care for someone with Dementia" in result.ranked[0].summary
    assert result.ranked[0].score == m.SHARED_CONDITION + m.SHARED_CARING + 2 * m.SPARE_PLACE


def test_lived_experience_written_in_words_counts_as_shared() -> None:
    words = mentor(60, "Jo", lived_experience="I have had ME/CFS for ten years.")
    result = rank_mentors(SEEKER, [words])
    assert result.ranked[0].score == m.SHARED_CONDITION + 2 * m.SPARE_PLACE


def test_no_common_time_or_mode_counts_against() -> None:
    clash = mentor(70, "Kit", slots=frozenset({("fri", "evening")}), modes=frozenset({"video"}))
    ranked = rank_mentors(SEEKER, [clash]).ranked[0]
    assert "No time when both are free" in ranked.summary
    assert "No way of meeting that suits both" in ranked.summary
    assert ranked.score == m.NO_SHARED_SLOT + m.NO_SHARED_MODE + 2 * m.SPARE_PLACE


def test_the_seeker_is_never_their_own_mentor() -> None:
    assert rank_mentors(SEEKER, [mentor(1, "Ann")]).ranked == ()


def test_the_summary_says_what_is_for_and_what_is_against() -> None:
    clash = mentor(
        80,
        "Lee",
        conditions={"ME/CFS": "lived_experience"},
        slots=frozenset({("fri", "evening")}),
    )
    summary = rank_mentors(SEEKER, [clash]).ranked[0].summary
    assert summary == (
        "For: Mentor has lived experience of ME/CFS; Has 2 places free (offered 2). "
        "Against: No time when both are free."
    )
