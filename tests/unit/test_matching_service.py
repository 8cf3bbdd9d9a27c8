"""The matching assistant over real records: readiness and capacity come from the records."""

from __future__ import annotations

from datetime import date

from peerdesk.services import Services
from peerdesk.services.mentoring.pairings import PairingPlan
from tests.unit.test_pairings_builders import active_pairing, ready_mentor, waiting_mentee


def test_match_ranks_ready_mentors_and_lists_the_rest_with_reasons(services: Services) -> None:
    seeker = waiting_mentee(services, "Morag", condition="Long Covid")
    shared = ready_mentor(services, "Shona", condition="Long Covid", capacity=1)
    other = ready_mentor(services, "Tam", condition="COPD", area="Orkney")
    full = ready_mentor(services, "Una", condition="Long Covid", capacity=1)
    busy_mentee = waiting_mentee(services, "Vi")
    busy = services.pairings.propose(PairingPlan(mentor_id=full, mentee_id=busy_mentee))
    services.pairings.introduce(busy.id or 0)
    paused = ready_mentor(services, "Wil", condition="Long Covid")
    services.volunteers.record_stage(paused, "paused", on=date(2026, 6, 1), reason="Unwell")

    result = services.matching.match(seeker)

    assert [m.person_id for m in result.ranked] == [shared, other]
    assert result.ranked[0].summary.startswith("For: Mentor has lived experience of Long Covid")
    reasons = {m.person_id: m.reasons for m in result.not_eligible}
    assert reasons[full] == ("at capacity (1 of 1 mentees)",)
    assert reasons[paused] == ("paused",)
    assert seeker not in reasons and busy_mentee not in reasons


def test_a_mentor_already_paired_with_the_person_is_listed_apart(services: Services) -> None:
    pairing_id = active_pairing(services)
    pairing = services.pairings.get(pairing_id)
    result = services.matching.match(pairing.mentee_id)
    assert result.ranked == ()
    (entry,) = result.not_eligible
    assert entry.person_id == pairing.mentor_id
    assert entry.reasons[0].startswith("already paired with this person (P0001)")
