"""demographics.condition counts the entries as recorded (issue 19 point 2): putting entries in
a family adds no count of its own and moves none, worked out here without the figures code."""

from __future__ import annotations

import json
from collections import Counter

from peerdesk.services import Services
from peerdesk.services.figures.export_json import to_json
from peerdesk.services.people.views import ConditionEntry
from peerdesk.vocabulary import ConditionLink
from tests.unit.figures.dataset import build


def _conditions(services: Services) -> dict[str, int]:
    report = services.figures.compute(services.figures.year(2025), "internal")
    return dict(json.loads(to_json(report))["demographics"]["condition"])


def test_families_add_no_count_and_each_entry_counts_once_per_person(
    services: Services,
) -> None:
    people = build(services)
    lives, cares, lived = (
        ConditionLink.LIVES_WITH,
        ConditionLink.CARES_FOR,
        ConditionLink.LIVED_EXPERIENCE,
    )
    # A and C are the two people supported in 2025 with conditions (dataset.py); the third
    # has none recorded.
    services.people.set_conditions(
        people.a,
        [
            ConditionEntry("Type 2 diabetes", lives),
            ConditionEntry("Diabetes", lives),
            ConditionEntry("Anxiety", cares),
        ],
    )
    services.people.set_conditions(
        people.c,
        [
            ConditionEntry("type 1 diabetes", lives),
            ConditionEntry("Type 1 diabetes", lived),
            ConditionEntry("Depression", lived),
        ],
    )
    # Worked out from what is recorded: each person's entries, once each.
    by_hand: Counter[str] = Counter()
    for person in (people.a, people.c):
        by_hand.update({entry.name for entry in services.people.conditions(person)})
    by_hand["not known"] = 1
    assert by_hand == {
        "Anxiety": 1,
        "Depression": 1,
        "Diabetes": 1,
        "Type 1 diabetes": 1,
        "Type 2 diabetes": 1,
        "not known": 1,
    }
    assert _conditions(services) == dict(by_hand)

    # A family of the coordinator's own changes nothing either, and no family is a bucket.
    listing = services.conditions.listing()
    for entry in listing.entries:
        if entry.name in ("Anxiety", "Depression"):
            services.conditions.set_family(entry.id, "Low mood and worry")
    assert _conditions(services) == dict(by_hand)
    assert "Mental health" not in _conditions(services)
