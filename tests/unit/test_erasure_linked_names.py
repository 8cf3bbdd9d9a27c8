"""Erasure removes a single name (too common to take from everyone's notes) only from notes
linked to the person: meetings they attended or facilitated, supervisions that discussed their
pairing (a mentor's own supervisions are cleared whole). Elsewhere the same first name is
someone else's and stays. A one-letter name is never removed on its own. Found by mutation
testing (docs/testing.md, "Mutation testing")."""

from __future__ import annotations

from peerdesk.services import Services
from peerdesk.services.groups.service import GroupDetails, MeetingRecord
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.vocabulary import Role
from tests.unit.test_erasure_any_case import EARLIER, every_text, person


def texts(services: Services, table: str, column: str) -> list[str]:
    return sorted(v for t, c, v in every_text(services.database_path) if (t, c) == (table, column))


def pairing(services: Services, mentor: int, mentee: int) -> int:
    plan = PairingPlan(mentor_id=mentor, mentee_id=mentee, proposed_on=EARLIER)
    pairing_id = services.pairings.propose(plan).id
    assert pairing_id is not None
    return pairing_id


def meeting(services: Services, group: int, note: str, **register: list[int]) -> None:
    services.groups.hold_meeting(group, MeetingRecord(meeting_date=EARLIER, note=note, **register))


def supervision(services: Services, mentor: int, pairing_id: int, wellbeing: str) -> None:
    services.volunteers.record_supervision(
        mentor,
        on=EARLIER,
        mode="phone",
        duration_minutes=30,
        pairing_ids=[pairing_id],
        wellbeing=wellbeing,
    )


def test_a_single_name_goes_from_meetings_they_attended_or_facilitated_only(
    services: Services,
) -> None:
    iona = person(services, "Iona", "Reid", Role.GROUP_MEMBER, Role.FACILITATOR)
    other = person(services, "Cleo", "Hart", Role.GROUP_MEMBER)
    group = services.groups.create(GroupDetails(name="Cafe")).id or 0
    meeting(services, group, "Iona sent apologies.", attendee_ids=[iona])
    meeting(services, group, "Iona led the quiz.", attendee_ids=[other], facilitator_ids=[iona])
    meeting(services, group, "Iona (the other one) came.", attendee_ids=[other])

    report = services.erasure.erase(iona)

    assert texts(services, "group_meeting", "note") == [
        "Iona (the other one) came.",
        "[name removed] led the quiz.",
        "[name removed] sent apologies.",
    ]
    assert report.names_removed == 2


def test_a_single_name_goes_from_supervisions_of_their_pairing_as_mentee(
    services: Services,
) -> None:
    mentor = person(services, "Bea", "Moss", Role.MENTOR)
    iona = person(services, "Iona", "Reid", Role.MENTEE)
    other = person(services, "Cleo", "Hart", Role.MENTEE)
    supervision(services, mentor, pairing(services, mentor, iona), "Iona is pacing well.")
    supervision(services, mentor, pairing(services, mentor, other), "Iona is a friend of Cleo.")

    report = services.erasure.erase(iona)

    assert texts(services, "supervision", "wellbeing") == [
        "Iona is a friend of Cleo.",
        "[name removed] is pacing well.",
    ]
    assert report.names_removed == 1


def test_a_one_letter_name_is_not_removed_on_its_own(services: Services) -> None:
    iona = person(services, "Iona", "X", Role.GROUP_MEMBER)
    group = services.groups.create(GroupDetails(name="Cafe")).id or 0
    meeting(services, group, "Iona X booked room X.", attendee_ids=[iona])

    services.erasure.erase(iona)

    assert texts(services, "group_meeting", "note") == ["[name removed] booked room X."]
