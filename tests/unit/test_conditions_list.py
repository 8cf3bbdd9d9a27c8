"""The shared conditions list (issue 19 point 2): seeded families, adding, renaming, families,
removing and merging, names unique whatever their case; every refusal changes nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.people.views import ConditionEntry, ConditionItem, PersonDetails
from peerdesk.vocabulary import ConditionLink, Role
from tests.helpers import snapshot


def _entry(services: Services, name: str) -> ConditionItem:
    (found,) = [e for e in services.conditions.listing().entries if e.name == name]
    return found


def _person(services: Services, *conditions: ConditionEntry) -> int:
    person = services.people.add(
        PersonDetails(first_name="Ailsa", last_name="Test"),
        roles=[Role.MENTEE],
        conditions=list(conditions),
    )
    return person.id


def test_a_new_database_starts_with_the_seeded_families(services: Services) -> None:
    listing = services.conditions.listing()
    assert {(e.name, e.family, e.people) for e in listing.entries} == {
        ("Anxiety", "Mental health", 0),
        ("Bipolar disorder", "Mental health", 0),
        ("Depression", "Mental health", 0),
        ("Type 1 diabetes", "Diabetes", 0),
        ("Type 2 diabetes", "Diabetes", 0),
    }
    assert listing.families == ("Diabetes", "Mental health")
    # A condition input offers the families' names too: a mentor can live with "Diabetes".
    assert "Diabetes" in listing.choices and "Type 2 diabetes" in listing.choices


def test_a_typed_name_is_the_entry_whatever_its_case_and_a_new_one_is_added(
    services: Services,
) -> None:
    person = _person(
        services,
        ConditionEntry("type 2 DIABETES", ConditionLink.LIVES_WITH),
        ConditionEntry("Asthma", ConditionLink.LIVES_WITH),
    )
    assert [(c.name, c.link) for c in services.people.conditions(person)] == [
        ("Asthma", ConditionLink.LIVES_WITH),
        ("Type 2 diabetes", ConditionLink.LIVES_WITH),
    ]
    assert _entry(services, "Type 2 diabetes").people == 1
    asthma = _entry(services, "Asthma")
    assert (asthma.family, asthma.people) == ("", 1)
    assert len(services.conditions.listing().entries) == 6


def test_adding_and_choosing_a_family(services: Services) -> None:
    copd = services.conditions.add("COPD")
    assert (copd.name, copd.family) == ("COPD", "")
    # A new family by name; then the same family however it is typed.
    services.conditions.set_family(copd.id, "Lung conditions")
    asthma = services.conditions.add("Asthma", family="lung CONDITIONS")
    assert asthma.family == "Lung conditions"
    assert "Lung conditions" in services.conditions.listing().families
    # An entry named like a family is in it without being put there.
    lungs = services.conditions.add("lung conditions")
    assert (lungs.family, lungs.is_family_name) == ("Lung conditions", True)
    cleared = services.conditions.set_family(copd.id, "")
    assert cleared.family == ""


def test_choosing_an_entry_as_a_family_uses_its_name(services: Services) -> None:
    diabetes = services.conditions.add("Diabetes")
    assert diabetes.family == "Diabetes"  # the seeded family's own entry
    gestational = services.conditions.add("Gestational diabetes", family="diabetes")
    assert gestational.family == "Diabetes"


def test_renaming_keeps_who_has_it_and_a_familys_entries_follow_its_named_entry(
    services: Services,
) -> None:
    person = _person(services, ConditionEntry("Depression", ConditionLink.LIVED_EXPERIENCE))
    renamed = services.conditions.change_name(_entry(services, "Depression").id, "Low mood")
    assert (renamed.name, renamed.family, renamed.people) == ("Low mood", "Mental health", 1)
    assert [c.name for c in services.people.conditions(person)] == ["Low mood"]
    family = services.conditions.add("Mental health")
    services.conditions.change_name(family.id, "Mental ill health")
    assert _entry(services, "Anxiety").family == "Mental ill health"
    assert services.conditions.listing().families == ("Diabetes", "Mental ill health")
    # Only the case changed: the same entry, not a clash with itself.
    assert (
        services.conditions.change_name(family.id, "mental ill health").name == "mental ill health"
    )


def test_removing_an_entry_nobody_has(services: Services) -> None:
    services.conditions.remove(_entry(services, "Bipolar disorder").id)
    assert "Bipolar disorder" not in [e.name for e in services.conditions.listing().entries]


def test_merging_gives_everyone_the_other_entry_once(services: Services) -> None:
    both = _person(
        services,
        ConditionEntry("Anxiety", ConditionLink.LIVES_WITH),
        ConditionEntry("Worry", ConditionLink.LIVES_WITH),
        ConditionEntry("Worry", ConditionLink.CARES_FOR),
    )
    worry = _entry(services, "Worry")
    kept = services.conditions.merge(worry.id, _entry(services, "Anxiety").id)
    assert (kept.name, kept.people) == ("Anxiety", 1)
    assert sorted((c.name, c.link) for c in services.people.conditions(both)) == [
        ("Anxiety", ConditionLink.CARES_FOR),
        ("Anxiety", ConditionLink.LIVES_WITH),
    ]
    assert "Worry" not in [e.name for e in services.conditions.listing().entries]


def _refusals(services: Services) -> list[tuple[Callable[[], object], str, str]]:
    anxiety = _entry(services, "Anxiety").id
    type_2 = _entry(services, "Type 2 diabetes").id
    family = services.conditions.add("Diabetes").id
    _person(services, ConditionEntry("Anxiety", ConditionLink.LIVES_WITH))
    return [
        (lambda: services.conditions.add("  "), "name", "Please enter the condition's name"),
        (lambda: services.conditions.add("ANXIETY"), "name", "“Anxiety” is already in the list"),
        (lambda: services.conditions.add("A, B"), "name", "cannot contain a comma"),
        (lambda: services.conditions.change_name(type_2, "anxiety"), "name", "already in the list"),
        (lambda: services.conditions.remove(anxiety), "condition", "1 person has “Anxiety”"),
        (lambda: services.conditions.merge(anxiety, anxiety), "into", "another entry"),
        # One level only, both ways round.
        (lambda: services.conditions.set_family(type_2, "Anxiety"), "family", "one level"),
        (lambda: services.conditions.set_family(family, "Endocrine"), "family", "name of a family"),
        (
            lambda: services.conditions.change_name(anxiety, "Diabetes"),
            "name",
            "already in the list",
        ),
        (lambda: services.conditions.change_name(type_2, "Mental health"), "name", "one level"),
    ]


def test_each_refusal_is_plain_names_its_field_and_changes_nothing(services: Services) -> None:
    for call, field, words in _refusals(services):
        before = snapshot(services.db)
        with pytest.raises(ValidationError) as raised:
            call()
        assert raised.value.field == field
        assert words in raised.value.message
        assert snapshot(services.db) == before
