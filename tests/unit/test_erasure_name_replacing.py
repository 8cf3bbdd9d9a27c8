"""How erasure writes "[name removed]" into notes: the longest way of writing the person's name
is taken first, so a name that holds a shorter one ("Mary-Ann" holds "Mary", whatever case
either was stored in) goes whole rather than leaving half of it behind; and a person with
no name long enough to look for (one initial, no surname) has no other note changed, and
the report does not claim any; a note holding the name only inside a longer one ("Anna
Smithson") keeps it, and the notes after it are still cleaned. Found by mutation testing (docs/testing.md, "Mutation
testing")."""

from __future__ import annotations

import pytest

from peerdesk.services import Services
from peerdesk.services.groups.service import GroupDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import Role
from tests.unit.test_erasure_linked_names import meeting, texts


def member(services: Services, first: str, last: str, preferred: str = "", notes: str = "") -> int:
    added = services.people.add(
        PersonDetails(first_name=first, preferred_name=preferred, last_name=last, notes=notes),
        roles=[Role.GROUP_MEMBER],
    )
    assert added.id is not None
    return added.id


@pytest.mark.parametrize(
    ("first", "preferred", "last"),
    [
        ("Mary-Ann", "Mary", "Jones"),
        # Stored in capitals: "Mary" then sorts after "MARY-ANN", by length it still comes last.
        ("MARY-ANN", "Mary", "JONES"),
    ],
)
def test_a_name_holding_a_shorter_one_is_removed_whole(
    services: Services, first: str, preferred: str, last: str
) -> None:
    mary = member(services, first, last, preferred)
    group = services.groups.create(GroupDetails(name="Walkers")).id or 0
    meeting(services, group, "Mary-Ann led the walk.", attendee_ids=[mary])

    report = services.erasure.erase(mary)

    assert texts(services, "group_meeting", "note") == ["[name removed] led the walk."]
    assert report.names_removed == 1


def test_a_person_known_by_one_initial_changes_no_other_note(services: Services) -> None:
    k = member(services, "K", "")
    group = services.groups.create(GroupDetails(name="Walkers")).id or 0
    meeting(services, group, "K came with a friend.", attendee_ids=[k])

    report = services.erasure.erase(k)

    assert texts(services, "group_meeting", "note") == ["K came with a friend."]
    assert report.names_removed == 0
    assert not any("name removed" in line for line in report.lines())


def test_a_note_merely_holding_the_name_inside_a_longer_one_stops_no_later_note(
    services: Services,
) -> None:
    anna = member(services, "Anna", "Smith")
    # Added in this order, so the database reads the note that keeps its text first.
    smithson = member(services, "Tom", "Reid", notes="Married to Anna Smithson.")
    friend = member(services, "Cleo", "Hart", notes="Came with Anna Smith.")

    report = services.erasure.erase(anna)

    assert services.people.get(smithson).notes == "Married to Anna Smithson."
    assert services.people.get(friend).notes == "Came with [name removed]."
    assert report.names_removed == 1
