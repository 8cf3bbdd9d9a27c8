"""PeopleService.set_availability: replaces both lists in one go, reads back in week order,
and refuses an unknown day, part of the day, way to meet or person with plain words and
nothing changed."""

from __future__ import annotations

import pytest

from peerdesk.errors import NotFoundError, ValidationError
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import MeetingMode, PartOfDay, Role, Weekday
from tests.helpers import snapshot


@pytest.fixture
def person_id(services: Services) -> int:
    person = services.people.add(
        PersonDetails(first_name="Ali", last_name="Khan"), roles=[Role.MENTEE]
    )
    assert person.id is not None
    services.people.set_availability(person.id, [("tue", "morning")], ["phone"])
    return person.id


def test_it_replaces_both_lists_and_reads_them_back_in_week_order(
    services: Services, person_id: int
) -> None:
    # Sunday evening twice: kept once.
    slots = [("sun", "evening"), (Weekday.MONDAY, PartOfDay.AFTERNOON), ("mon", "morning")]
    services.people.set_availability(
        person_id, [*slots, ("sun", "evening")], ["walk_and_talk", MeetingMode.FACE_TO_FACE]
    )
    assert services.people.availability(person_id) == [
        (Weekday.MONDAY, PartOfDay.MORNING),
        (Weekday.MONDAY, PartOfDay.AFTERNOON),
        (Weekday.SUNDAY, PartOfDay.EVENING),
    ]
    assert services.people.meeting_modes(person_id) == [
        MeetingMode.FACE_TO_FACE,
        MeetingMode.WALK_AND_TALK,
    ]


def test_nothing_ticked_clears_what_was_recorded(services: Services, person_id: int) -> None:
    services.people.set_availability(person_id, [], [])
    assert services.people.availability(person_id) == []
    assert services.people.meeting_modes(person_id) == []


@pytest.mark.parametrize(
    ("slots", "modes", "field", "words"),
    [
        ([("funday", "morning")], ["phone"], "availability", "Please choose a day"),
        ([("mon", "midnight")], ["phone"], "availability", "a part of the day"),
        ([("mon", "morning")], ["carrier pigeon"], "meeting_modes", "a way to meet"),
    ],
)
def test_an_unknown_value_is_refused_in_plain_words_and_nothing_changes(
    services: Services,
    person_id: int,
    slots: list[tuple[str, str]],
    modes: list[str],
    field: str,
    words: str,
) -> None:
    before = snapshot(services.db)
    with pytest.raises(ValidationError) as refused:
        services.people.set_availability(person_id, slots, modes)
    assert refused.value.field == field
    assert words in refused.value.message
    assert snapshot(services.db) == before


def test_an_unknown_person_is_refused_and_nothing_is_written(services: Services) -> None:
    before = snapshot(services.db)
    with pytest.raises(NotFoundError):
        services.people.set_availability(4242, [("mon", "morning")], ["phone"])
    assert snapshot(services.db) == before
