"""The disclosure checker on hand-built reports: each leak of issue 26 found, safe reports
left alone, and identities that nobody declared still binding."""

from __future__ import annotations

import pytest

from peerdesk.services.figures.disclosure import (
    DisclosureModel,
    InconsistentReport,
    Interval,
    Shown,
    TooComplex,
    intervals,
    leaks,
    published,
)

SMALL = Shown.small(5)


def headline(people: Shown, mentees: Shown, groups: Shown) -> DisclosureModel:
    """The linked headline figures with the declared derived counts about people."""
    m = DisclosureModel(5)
    m.cell("people_supported", people)
    m.cell("mentees_supported", mentees)
    m.cell("group_unique_attendees", groups)
    m.derived(
        "both",
        {"mentees_supported": 1, "group_unique_attendees": 1, "people_supported": -1},
        "people in both mentoring and groups",
    )
    m.derived(
        "mentoring_only",
        {"people_supported": 1, "group_unique_attendees": -1},
        "people in mentoring only",
    )
    m.derived("groups_only", {"people_supported": 1, "mentees_supported": -1}, "groups only")
    return m


def test_people_in_both_worked_out_from_three_exact_headlines_is_a_leak() -> None:
    m = headline(Shown.value(87), Shown.value(56), Shown.value(33))
    found = leaks(m)
    assert [(leak.name, leak.interval) for leak in found] == [("both", Interval(2, 2))]
    assert found[0].reason == "people in both mentoring and groups can be worked out: it is 2"


@pytest.mark.parametrize("people", [89, 80, 84])
def test_people_in_both_of_0_or_at_least_the_threshold_is_safe(people: int) -> None:
    # 89: nobody in both (0 is no one); 80: 9 in both; 84: 5 in both, exactly the threshold.
    assert leaks(headline(Shown.value(people), Shown.value(56), Shown.value(33))) == []


def test_a_rounded_headline_widens_the_difference_beyond_the_small_numbers() -> None:
    # Rounded 85 means 83..87, so people in both is 2..6: it may be 5 or 6, not confined.
    m = headline(Shown.rounded(85), Shown.value(56), Shown.value(33))
    assert intervals(m) == {
        "people_supported": Interval(83, 87),
        "both": Interval(2, 6),
        "mentoring_only": Interval(50, 54),
        "groups_only": Interval(27, 31),
    }
    assert leaks(m) == []


def test_a_rounded_headline_can_still_pin_a_small_bucket() -> None:
    # Rounded 85 is 83..87, and 86 women plus a "<5" of men gives men = people − 86 = 1.
    m = DisclosureModel(5)
    m.cell("people_supported", Shown.rounded(85))
    m.cell("woman", Shown.value(86))
    m.cell("man", SMALL)
    m.cell("not known", Shown.value(0))
    m.breakdown("people_supported", ["woman", "man", "not known"])
    assert [(leak.name, leak.interval) for leak in leaks(m)] == [("man", Interval(1, 1))]


def test_seven_referrals_in_seven_small_sources_and_gp_0_are_each_1() -> None:
    m = DisclosureModel(5)
    m.cell("referrals_received", Shown.value(7))
    sources = [f"source {i}" for i in range(7)]
    for source in sources:
        m.cell(source, SMALL)
    m.cell("GP", Shown.value(0))
    m.breakdown("referrals_received", [*sources, "GP"])
    found = leaks(m)
    assert [leak.name for leak in found] == sources
    assert {leak.interval for leak in found} == {Interval(1, 1)}
    assert found[0].reason == "source 0 (shown as '<5') can be worked out: it is 1"


def test_small_sources_beside_two_hidden_ones_cannot_be_worked_out() -> None:
    m = DisclosureModel(5)
    m.cell("referrals_received", Shown.value(20))
    for name, shown in [("a", SMALL), ("b", SMALL), ("c", Shown.hidden(5)), ("d", Shown.hidden(5))]:
        m.cell(name, shown)
    m.breakdown("referrals_received", ["a", "b", "c", "d"])
    assert intervals(m) == {
        "a": Interval(1, 4),
        "b": Interval(1, 4),
        "c": Interval(5, 13),
        "d": Interval(5, 13),
    }
    assert leaks(m) == []


def pairings_ended(ended: int, *, completed: Shown, as_planned: int | None) -> DisclosureModel:
    m = DisclosureModel(5)
    m.cell("pairings_ended", Shown.value(ended))
    m.cell("completed", completed)
    m.cell("moved away", SMALL)
    m.cell("no longer needed", Shown.value(0))
    m.breakdown("pairings_ended", ["completed", "moved away", "no longer needed"])
    if as_planned is not None:
        m.cell("pairings_ended_as_planned", Shown.value(as_planned))
        m.at_most("pairings_ended_as_planned", "completed")
        m.derived(
            "not_as_planned",
            {"pairings_ended": 1, "pairings_ended_as_planned": -1},
            "pairings ended not as planned",
        )
    return m


def test_six_ended_with_completed_hidden_and_one_small_reason_pins_the_reason() -> None:
    # "hidden" is never a small number, so completed ≥ 5 and moved away = 6 − completed = 1.
    m = pairings_ended(6, completed=Shown.hidden(5), as_planned=None)
    assert intervals(m) == {"completed": Interval(5, 5), "moved away": Interval(1, 1)}
    assert [leak.name for leak in leaks(m)] == ["moved away"]


def test_ended_as_planned_beside_the_ended_total_pins_those_not_as_planned() -> None:
    m = pairings_ended(6, completed=Shown.hidden(5), as_planned=5)
    found = {leak.name: leak.interval for leak in leaks(m)}
    assert found == {"moved away": Interval(1, 1), "not_as_planned": Interval(1, 1)}


def test_ended_as_planned_bounds_the_hidden_completed_from_below() -> None:
    # 20 ended, completed hidden, moved away "<5": completed 16..19; 19 as planned says more.
    m = pairings_ended(20, completed=Shown.hidden(5), as_planned=19)
    assert intervals(m) == {
        "completed": Interval(19, 19),
        "moved away": Interval(1, 1),
        "not_as_planned": Interval(1, 1),
    }
    safe = pairings_ended(20, completed=Shown.hidden(5), as_planned=10)
    assert intervals(safe) == {
        "completed": Interval(16, 19),
        "moved away": Interval(1, 4),
        "not_as_planned": Interval(10, 10),
    }
    assert leaks(safe) == []


def test_a_suppressed_count_beside_a_published_total_is_pinned_by_it() -> None:
    m = DisclosureModel(5)
    m.cell("sessions_held", Shown.value(30))
    m.cell("face to face", Shown.value(20))
    m.cell("phone", Shown.value(7))
    m.cell("video", Shown.suppressed())
    m.breakdown("sessions_held", ["face to face", "phone", "video"])
    found = leaks(m)
    assert [(leak.name, leak.interval) for leak in found] == [("video", Interval(3, 3))]
    assert found[0].reason == "video (shown as 'suppressed') can be worked out: it is 3"


def test_a_suppressed_total_with_small_parts_is_safe() -> None:
    m = DisclosureModel(5)
    m.cell("volunteers_trained", Shown.suppressed())
    m.cell("induction", SMALL)
    m.cell("refresher", SMALL)
    m.breakdown("volunteers_trained", ["induction", "refresher"])
    assert intervals(m) == {
        "volunteers_trained": Interval(2, 8),
        "induction": Interval(1, 4),
        "refresher": Interval(1, 4),
    }
    assert leaks(m) == []


def test_a_suppressed_cell_with_nothing_to_bound_it_is_unbounded() -> None:
    m = DisclosureModel(5)
    m.cell("concerns_raised", Shown.suppressed())
    assert intervals(m) == {"concerns_raised": Interval(0, None)}
    assert leaks(m) == []


def test_a_breakdown_sum_alone_pins_a_cell_without_any_declared_derived_count() -> None:
    m = DisclosureModel(5)
    m.cell("people_supported", Shown.value(10))
    m.cell("woman", Shown.value(6))
    m.cell("man", SMALL)
    m.breakdown("people_supported", ["woman", "man"])
    assert [(leak.name, leak.interval) for leak in leaks(m)] == [("man", Interval(4, 4))]


def test_two_breakdowns_of_one_total_combine_even_when_neither_alone_pins() -> None:
    # Age: the total is hidden (≥ 5) beside two "<5"s, so alone it says little; gender gives
    # the total as 6 + "<5" = 7..10. Together, still nothing pinned, but the identity binds:
    # the total's range is the intersection.
    m = DisclosureModel(5)
    m.cell("people", Shown.hidden(5))
    for name, shown in [("young", SMALL), ("old", Shown.hidden(5))]:
        m.cell(name, shown)
    m.cell("woman", Shown.value(6))
    m.cell("man", SMALL)
    m.breakdown("people", ["young", "old"])
    m.breakdown("people", ["woman", "man"])
    assert intervals(m) == {
        "people": Interval(7, 10),
        "young": Interval(1, 4),
        "old": Interval(5, 9),
        "man": Interval(1, 4),
    }


def test_a_derived_count_of_people_is_never_negative_and_that_binds() -> None:
    # People supported hidden: the counts "mentoring only" and "groups only" are ≥ 0, so it is
    # at least the larger part, and "both" ≥ 0 caps it at their sum.
    m = headline(Shown.hidden(5), Shown.value(56), Shown.value(33))
    assert intervals(m) == {
        "people_supported": Interval(56, 89),
        "both": Interval(0, 33),
        "mentoring_only": Interval(23, 56),
        "groups_only": Interval(0, 33),
    }


def test_a_difference_that_is_not_a_count_may_be_negative() -> None:
    m = DisclosureModel(5)
    m.cell("a", Shown.suppressed())
    m.cell("b", Shown.value(3))
    m.derived("a_minus_b", {"a": 1, "b": -1}, "a − b", is_count=False)
    assert intervals(m) == {"a": Interval(0, None), "a_minus_b": Interval(-3, None)}


def test_ranges_are_whole_number_ranges_not_the_fractional_relaxation() -> None:
    # 2a = 3b with a + b ≤ 7: the fractions allow a = 4.2, whole numbers only a ≤ 3 (a=3, b=2).
    m = DisclosureModel(5)
    m.cell("a", Shown.suppressed())
    m.cell("b", Shown.suppressed())
    m.equation({"a": 2, "b": -3}, "=", 0, "twice a is three times b")
    m.equation({"a": 1, "b": 1}, "<=", 7, "at most 7 together")
    assert intervals(m) == {"a": Interval(0, 3), "b": Interval(0, 2)}


def test_a_report_with_no_whole_number_completion_is_inconsistent() -> None:
    m = DisclosureModel(5)
    m.cell("a", Shown.suppressed())
    m.cell("b", Shown.suppressed())
    m.equation({"a": 2, "b": -2}, "=", 1, "an odd difference of even numbers")
    assert intervals(m) is None
    with pytest.raises(InconsistentReport):
        leaks(m)


def test_exact_figures_that_do_not_add_up_are_inconsistent() -> None:
    m = DisclosureModel(5)
    m.cell("total", Shown.value(10))
    m.cell("a", Shown.value(3))
    m.cell("b", Shown.value(4))
    m.breakdown("total", ["a", "b"])
    assert intervals(m) is None


def test_published_values_read_as_what_a_reader_learns() -> None:
    assert published(12, 5) == Shown.value(12)
    assert published("<5", 5) == Shown("<5", 1, 4)
    assert published("hidden", 5) == Shown("hidden", 5, None)
    assert published("suppressed", 5) == Shown("suppressed", 0, None)
    with pytest.raises(ValueError, match="not a published count"):
        published("<4", 5)


def test_the_model_refuses_unknown_and_repeated_names() -> None:
    m = DisclosureModel(5)
    m.cell("a", Shown.value(1))
    with pytest.raises(ValueError, match="already"):
        m.cell("a", Shown.value(2))
    with pytest.raises(ValueError, match="not cells"):
        m.breakdown("a", ["b"])
    with pytest.raises(ValueError, match="not cells"):
        m.derived("d", {"zz": 1}, "zz")


def test_a_system_the_search_cannot_settle_is_refused_loudly_not_passed() -> None:
    # a even and a odd, with nothing bounding a: no whole solution, but no parity rule on one
    # row shows it. The checker gives up with TooComplex rather than call anything safe.
    m = DisclosureModel(5)
    for name in ("a", "b", "c"):
        m.cell(name, Shown.suppressed())
    m.equation({"a": 1, "b": -2}, "=", 0, "a is even")
    m.equation({"a": 1, "c": -2}, "=", 1, "a is odd")
    with pytest.raises(TooComplex):
        leaks(m)


def test_a_derived_count_confined_below_the_threshold_leaks_though_not_pinned() -> None:
    # Threshold 10: mentees rounded to 55 (53..57) beside 50 new ones leaves 3..7 returning.
    m = DisclosureModel(10)
    m.cell("mentees_supported", Shown.rounded(55))
    m.cell("mentees_new", Shown.value(50))
    m.at_most("mentees_new", "mentees_supported")
    m.derived(
        "returning",
        {"mentees_supported": 1, "mentees_new": -1},
        "returning mentees",
    )
    found = leaks(m)
    assert [(leak.name, leak.interval) for leak in found] == [("returning", Interval(3, 7))]
    assert found[0].reason == (
        "returning mentees can be worked out to be between 3 and 7, a number below 10"
    )
