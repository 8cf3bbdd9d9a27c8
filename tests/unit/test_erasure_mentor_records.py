"""Erasing a mentor reaches their pairings as erasing a mentee does, and the report counts what
was cleared as a positive number of records. Found by mutation testing (docs/testing.md,
"Mutation testing")."""

from __future__ import annotations

from peerdesk.services import Services
from tests.unit.test_erasure_linked_names import supervision
from tests.unit.test_pairings_builders import active_pairing


def test_erasing_the_mentor_deletes_the_goals_of_their_pairings(services: Services) -> None:
    pairing = services.pairings.get(active_pairing(services))  # two goals

    report = services.erasure.erase(pairing.mentor_id)

    assert report.deleted["pairing_goal"] == 2
    assert services.pairings.goals(pairing.id or 0) == []


def test_the_report_counts_their_cleared_supervision_notes(services: Services) -> None:
    pairing = services.pairings.get(active_pairing(services))
    supervision(services, pairing.mentor_id, pairing.id or 0, "Tired after a hard month.")

    report = services.erasure.erase(pairing.mentor_id)

    assert report.cleared["supervision"] == 1
    assert "Supervision" in "\n".join(report.lines())
