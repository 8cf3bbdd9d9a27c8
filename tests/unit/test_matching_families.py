"""Matching with condition families (issue 19 point 2): a mentor with a condition in the same
family as the person's is a reason for, worded plainly and ranked below the same condition."""

from __future__ import annotations

from dataclasses import replace

from peerdesk.services import Services
from peerdesk.services.mentoring import condition_reasons as c
from peerdesk.services.mentoring import matching as m
from peerdesk.services.mentoring.matching import MentorCandidate, Seeker, rank_mentors
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.people.views import ConditionEntry, PersonDetails
from peerdesk.vocabulary import ConditionLink
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import ready_mentor, waiting_mentee

DIABETES = {"Type 1 diabetes": "Diabetes", "Type 2 diabetes": "Diabetes"}
SEEKER = Seeker(
    person_id=1,
    name="Ann",
    conditions={"Type 2 diabetes": "lives_with"},
    families=DIABETES,
)


def mentor(person_id: int, name: str, **changes: object) -> MentorCandidate:
    # One place free each, so spare capacity adds the same to everyone.
    base = MentorCandidate(person_id=person_id, name=name, capacity=1, occupied=0)
    return replace(base, **changes)  # type: ignore[arg-type]


def _condition_points(seeker: Seeker, candidate: MentorCandidate) -> tuple[int, str]:
    (ranked,) = rank_mentors(seeker, [candidate]).ranked
    return ranked.score - m.SPARE_PLACE, ranked.summary


def test_a_mentor_living_with_the_family_itself_is_a_reason_for() -> None:
    points, summary = _condition_points(
        SEEKER, mentor(10, "Bea", conditions={"Diabetes": "lives_with"})
    )
    assert points == m.SAME_FAMILY
    assert summary == (
        "For: Mentor lives with Diabetes: the same family as Type 2 diabetes; "
        "Has 1 place free (offered 1)."
    )


def test_the_other_way_round_a_person_recorded_with_the_family_meets_its_entries() -> None:
    seeker = Seeker(person_id=1, name="Ann", conditions={"Diabetes": "lives_with"})
    points, summary = _condition_points(
        seeker,
        mentor(10, "Bea", conditions={"Type 1 diabetes": "lived_experience"}, families=DIABETES),
    )
    assert points == m.SAME_FAMILY
    assert "Mentor has lived experience of Type 1 diabetes: the same family as Diabetes" in (
        summary
    )


def test_two_entries_of_one_family_name_the_family() -> None:
    points, summary = _condition_points(
        SEEKER,
        mentor(10, "Bea", conditions={"Type 1 diabetes": "lives_with"}, families=DIABETES),
    )
    assert points == m.SAME_FAMILY
    assert "Mentor lives with Type 1 diabetes: the same family (Diabetes) as Type 2 diabetes" in (
        summary
    )


def test_the_same_condition_ranks_above_one_of_its_family() -> None:
    family = mentor(10, "Abe", conditions={"Type 1 diabetes": "lives_with"}, families=DIABETES)
    same = mentor(11, "Zoe", conditions={"type 2 diabetes": "lived_experience"})
    result = rank_mentors(SEEKER, [family, same])
    assert [r.person_id for r in result.ranked] == [11, 10]
    assert m.SAME_FAMILY < m.SHARED_CONDITION


def test_conditions_in_no_family_and_other_families_are_no_reason() -> None:
    mental = {"Anxiety": "Mental health", "Depression": "Mental health"}
    seeker = Seeker(
        person_id=1,
        name="Ann",
        conditions={"COPD": "lives_with", "Type 2 diabetes": "lives_with"},
        families=DIABETES,
    )
    candidate = mentor(
        10,
        "Bea",
        conditions={"Asthma": "lives_with", "Anxiety": "lives_with", "Type 2": "lives_with"},
        families=mental,
    )
    points, summary = _condition_points(seeker, candidate)
    assert points == 0
    assert "family" not in summary


def test_caring_for_someone_in_the_family_counts_only_for_a_carer() -> None:
    caring = mentor(10, "Bea", conditions={"Type 1 diabetes": "cares_for"}, families=DIABETES)
    assert _condition_points(SEEKER, caring)[0] == 0
    carer = replace(SEEKER, supported_as="carer", conditions={"Type 2 diabetes": "cares_for"})
    points, summary = _condition_points(carer, caring)
    assert points == m.SAME_FAMILY
    assert "Mentor also cares for someone with Type 1 diabetes" in summary


def test_lived_experience_text_naming_the_family_is_a_reason_for() -> None:
    text = mentor(10, "Bea", lived_experience="Has had diabetes since childhood.")
    points, summary = _condition_points(SEEKER, text)
    assert points == m.SAME_FAMILY
    assert "Mentor has lived experience of Diabetes: the same family as Type 2 diabetes" in (
        summary
    )


def test_a_family_match_beside_a_shared_condition_adds_a_little() -> None:
    seeker = replace(SEEKER, conditions={"Type 2 diabetes": "lives_with", "COPD": "lives_with"})
    both = mentor(
        10, "Bea", conditions={"COPD": "lives_with", "Diabetes": "lives_with"}, families={}
    )
    points, _summary = _condition_points(seeker, both)
    assert points == m.SHARED_CONDITION + m.EXTRA_SAME_FAMILY


def test_families_come_from_the_shared_list_when_matching_real_records(
    services: Services,
) -> None:
    seeker = waiting_mentee(services, "Morag", condition="type 2 diabetes")
    family = ready_mentor(services, "Shona", condition="Diabetes")
    sibling = ready_mentor(services, "Tam", condition="Type 1 diabetes")
    unrelated = ready_mentor(services, "Una", condition="COPD")
    exact = ready_mentor(services, "Vi", condition="Type 2 diabetes")

    result = services.matching.match(seeker)

    assert [r.person_id for r in result.ranked][:1] == [exact]
    by_id = {r.person_id: r for r in result.ranked}
    assert by_id[family].score == by_id[sibling].score == by_id[unrelated].score + m.SAME_FAMILY
    assert "Mentor has lived experience of Diabetes: the same family as Type 2 diabetes" in (
        by_id[family].summary
    )
    assert "the same family (Diabetes) as Type 2 diabetes" in by_id[sibling].summary
    # A family set in Settings is seen at once.
    copd = next(e for e in services.conditions.listing().entries if e.name == "COPD")
    services.conditions.set_family(copd.id, "Diabetes")
    again = {r.person_id: r.score for r in services.matching.match(seeker).ranked}
    assert again[unrelated] == again[sibling]


# -- the person's own wish for a mentor with the same condition (their referral) ---------------
def test_a_wish_for_the_same_condition_weighs_each_mentor() -> None:
    wishing = replace(SEEKER, wants_same_condition=True)
    same = mentor(10, "Bea", conditions={"Type 2 diabetes": "lives_with"})
    family = mentor(11, "Cal", conditions={"Diabetes": "lives_with"})
    neither = mentor(12, "Dee", conditions={"COPD": "lives_with"})
    points = {m_.person_id: _condition_points(wishing, m_) for m_ in (same, family, neither)}
    assert points[10][0] == c.SHARED_CONDITION + c.SAME_CONDITION_AS_PREFERRED
    assert "Has the same condition, as preferred" in points[10][1]
    assert points[11][0] == c.SAME_FAMILY + c.ONLY_FAMILY_PREFERRED_SAME
    assert (
        "Against: Prefers a mentor with the same condition: this one is only in the same"
        in (points[11][1])
    )
    assert points[12] == (
        c.NOT_SAME_CONDITION,
        "For: Has 1 place free (offered 1). Against: Prefers a mentor with the same condition.",
    )
    # Without the wish, none of these reasons.
    assert _condition_points(SEEKER, neither)[0] == 0


def test_a_wish_without_conditions_recorded_is_said_not_scored() -> None:
    wishing = Seeker(person_id=1, name="Ann", wants_same_condition=True)
    points, summary = _condition_points(wishing, mentor(10, "Bea"))
    assert points == 0
    assert "Not known: Prefers a mentor with the same condition: none recorded for them." in (
        summary
    )


def test_the_wish_comes_from_the_persons_referral(services: Services) -> None:
    person = services.people.add(
        PersonDetails(first_name="Morag", last_name="Mentee"),
        conditions=[ConditionEntry("Type 2 diabetes", ConditionLink.LIVES_WITH)],
    )
    services.referrals.start(
        person.id,
        ReferralDetails(referral_date=TODAY, source="self", wants_same_condition=True),
    )
    family = ready_mentor(services, "Shona", condition="Diabetes")
    other = ready_mentor(services, "Tam", condition="COPD")
    ranked = {r.person_id: r for r in services.matching.match(person.id).ranked}
    assert ranked[other].score - ranked[family].score == (
        c.NOT_SAME_CONDITION - c.SAME_FAMILY - c.ONLY_FAMILY_PREFERRED_SAME
    )
    assert "Prefers a mentor with the same condition" in ranked[other].summary
