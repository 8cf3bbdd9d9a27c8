"""Every service refuses bad input with a plain-English message and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from peerdesk.errors import NotFoundError, PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.groups.service import GroupDetails, MeetingRecord
from peerdesk.services.mentoring.pairings import Ending, PairingPlan
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.mentoring.sessions import ConcernDetails, SessionEntry
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.service import ConditionEntry, PersonDetails
from peerdesk.vocabulary import ConsentKind, Role, SessionStatus
from tests.conftest import TODAY
from tests.helpers import snapshot


@dataclass
class World:
    services: Services
    mentor: int
    mentee: int
    pairing: int
    session: int
    group: int


@pytest.fixture
def world(services: Services) -> World:
    services.organisation.save(OrganisationDetails(name="Test Peer Support"))
    mentor = services.people.add(
        PersonDetails(first_name="Morag", last_name="Gunn"), roles=[Role.MENTOR]
    )
    mentee = services.people.add(
        PersonDetails(first_name="Ali", last_name="Khan"), roles=[Role.MENTEE]
    )
    assert mentor.id and mentee.id
    pairing = services.pairings.propose(
        PairingPlan(
            mentor_id=mentor.id, mentee_id=mentee.id, proposed_on=TODAY - timedelta(days=60)
        )
    )
    assert pairing.id
    services.pairings.activate(pairing.id, on=TODAY - timedelta(days=50))
    session = services.sessions.log(pairing.id, SessionEntry(TODAY - timedelta(days=40)))
    group = services.groups.create(GroupDetails(name="Long Covid Café"))
    assert session.id and group.id
    return World(services, mentor.id, mentee.id, pairing.id, session.id, group.id)


FUTURE = TODAY + timedelta(days=3)

CASES: list[tuple[str, Callable[[World], object], str]] = [
    (
        "person without a first name",
        lambda w: w.services.people.add(PersonDetails(first_name="   ")),
        "first name",
    ),
    (
        "bad email",
        lambda w: w.services.people.add(PersonDetails(first_name="A", email="not-an-email")),
        "email address",
    ),
    (
        "bad postcode",
        lambda w: w.services.people.add(PersonDetails(first_name="A", postcode="12345")),
        "UK postcode",
    ),
    (
        "birth in the future",
        lambda w: w.services.people.add(PersonDetails(first_name="A", date_of_birth=FUTURE)),
        "future",
    ),
    (
        "unknown gender",
        lambda w: w.services.people.add(PersonDetails(first_name="A", gender="sometimes")),
        "choose a gender",
    ),
    (
        "age range upside down",
        lambda w: w.services.people.add(
            PersonDetails(first_name="A", preferred_mentor_age_min=60, preferred_mentor_age_max=30)
        ),
        "swap",
    ),
    (
        "blank condition",
        lambda w: w.services.people.set_conditions(w.mentee, [ConditionEntry(" ")]),
        "condition",
    ),
    (
        "update a missing person",
        lambda w: w.services.people.update(9999, PersonDetails(first_name="X")),
        "could not be found",
    ),
    (
        "organisation without a name",
        lambda w: w.services.organisation.save(OrganisationDetails(name="")),
        "organisation's name",
    ),
    (
        "threshold out of range",
        lambda w: w.services.organisation.save(
            OrganisationDetails(name="X", suppression_threshold=2)
        ),
        "between 3 and 10",
    ),
    (
        "waiting reminder out of range",
        lambda w: w.services.organisation.save(
            OrganisationDetails(name="X", waiting_remind_weeks=53)
        ),
        "between 1 and 52",
    ),
    (
        "a condition already in the list, in another case",
        lambda w: w.services.conditions.add("type 1 DIABETES"),
        "already in the list",
    ),
    (
        "a condition's family in a family",
        lambda w: w.services.conditions.set_family(
            w.services.conditions.listing().entries[-1].id, "Anxiety"
        ),
        "one level",
    ),
    (
        "review weeks not numbers",
        lambda w: w.services.organisation.save(
            OrganisationDetails(name="X", review_schedule_weeks="six")
        ),
        "whole numbers",
    ),
    (
        "referral not agreed",
        lambda w: w.services.referrals.start(
            w.mentee, ReferralDetails(referral_date=TODAY, source="gp")
        ),
        "agreed",
    ),
    (
        "referral from nowhere",
        lambda w: w.services.referrals.start(
            w.mentee, ReferralDetails(referral_date=TODAY, source="the moon")
        ),
        "came from",
    ),
    (
        "self-pairing",
        lambda w: w.services.pairings.propose(PairingPlan(mentor_id=w.mentor, mentee_id=w.mentor)),
        "themselves",
    ),
    (
        "four goals",
        lambda w: w.services.pairings.set_goals(w.pairing, ["a", "b", "c", "d"]),
        "up to three",
    ),
    (
        "ended pairing reactivated",
        lambda w: (
            w.services.pairings.end(w.pairing, Ending("completed", True, False)),
            w.services.pairings.activate(w.pairing),
        ),
        "stay ended",
    ),
    (
        "unknown closure reason",
        lambda w: w.services.pairings.end(w.pairing, Ending("bored", True, False)),
        "reason for ending",
    ),
    (
        "session before the pairing",
        lambda w: w.services.sessions.log(w.pairing, SessionEntry(TODAY - timedelta(days=300))),
        "before the pairing started",
    ),
    (
        "held session in the future",
        lambda w: w.services.sessions.log(w.pairing, SessionEntry(FUTURE)),
        "future",
    ),
    (
        "session after the end",
        lambda w: (
            w.services.pairings.end(
                w.pairing, Ending("completed", True, False), on=TODAY - timedelta(days=10)
            ),
            w.services.sessions.log(w.pairing, SessionEntry(TODAY - timedelta(days=2))),
        ),
        "after the pairing ended",
    ),
    (
        "negative duration",
        lambda w: w.services.sessions.log(w.pairing, SessionEntry(TODAY, duration_minutes=-5)),
        "between 0 and",
    ),
    (
        "cancel as held",
        lambda w: w.services.sessions.cancel(w.session, SessionStatus.HELD),
        "who cancelled",
    ),
    (
        "empty concern",
        lambda w: w.services.sessions.raise_concern(ConcernDetails(raised_on=TODAY, what=" ")),
        "what the concern is",
    ),
    (
        "consent without a recorder",
        lambda w: w.services.consents.record(
            w.mentee,
            ConsentEntry(kind="health_data", given_on=TODAY, method="verbal", recorded_by=""),
        ),
        "who recorded",
    ),
    (
        "sharing without an organisation",
        lambda w: w.services.consents.record(
            w.mentee,
            ConsentEntry(
                kind=ConsentKind.SHARING, given_on=TODAY, method="verbal", recorded_by="Coordinator"
            ),
        ),
        "name the organisation",
    ),
    (
        "signed form without its reference",
        lambda w: w.services.consents.record(
            w.mentee,
            ConsentEntry(
                kind="health_data", given_on=TODAY, method="signed_form", recorded_by="Coordinator"
            ),
        ),
        "form's reference",
    ),
    (
        "training in the future",
        lambda w: w.services.volunteers.record_training(
            w.mentor, module="Self care", on=FUTURE, duration_minutes=60, completed=True
        ),
        "future",
    ),
    (
        "volunteer left without a reason",
        lambda w: w.services.volunteers.record_stage(w.mentor, "left"),
        "why the volunteer left",
    ),
    (
        "disclosure renewal before issue",
        lambda w: w.services.volunteers.add_disclosure_check(
            w.mentor,
            scheme="pvg",
            level="scheme_record",
            issue_date=TODAY,
            renewal_date=TODAY - timedelta(days=1),
        ),
        "renewal date",
    ),
    (
        "supervision of another mentor's pairing",
        lambda w: w.services.volunteers.record_supervision(
            w.mentee, on=TODAY, mode="phone", duration_minutes=30, pairing_ids=[w.pairing]
        ),
        "not this mentor's",
    ),
    (
        "group without a name",
        lambda w: w.services.groups.create(GroupDetails(name="")),
        "group's name",
    ),
    (
        "members of a drop-in group",
        lambda w: w.services.groups.add_member(w.group, w.mentee),
        "Only closed groups",
    ),
    (
        "negative unnamed attendees",
        lambda w: w.services.groups.hold_meeting(
            w.group, MeetingRecord(meeting_date=TODAY, unnamed_attendees=-1)
        ),
        "negative",
    ),
    (
        "unknown attendee",
        lambda w: w.services.groups.hold_meeting(
            w.group, MeetingRecord(meeting_date=TODAY, attendee_ids=[w.mentee, 4242])
        ),
        "could not be found",
    ),
]


@pytest.mark.parametrize(("case", "call", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_plainly_and_changes_nothing(
    world: World, case: str, call: Callable[[World], object], words: str
) -> None:
    before = snapshot(world.services.db)
    with pytest.raises(PeerdeskError) as raised:
        call(world)
    assert isinstance(raised.value, ValidationError | NotFoundError)
    message = str(raised.value)
    assert words.lower() in message.lower()
    assert "Traceback" not in message and "sqlite" not in message.lower()
    after = snapshot(world.services.db)
    if case in ("ended pairing reactivated", "session after the end"):
        # The first step (ending) is a legitimate, separate transaction; only the refused
        # second step must have changed nothing.
        assert after["mentoring_session"] == before["mentoring_session"]
        assert [r for r in after["pairing_status_change"] if r[2] == "active"] == [
            r for r in before["pairing_status_change"] if r[2] == "active"
        ]
    else:
        assert after == before


def test_a_valid_person_is_saved_with_roles_and_conditions(services: Services) -> None:
    person = services.people.add(
        PersonDetails(
            first_name=" Siobhán ",
            last_name="Ó Súilleabháin",
            postcode="iv1 1aa",
            email="s@example.org",
        ),
        roles=[Role.MENTEE, Role.GROUP_MEMBER],
        conditions=[ConditionEntry("ME/CFS")],
    )
    assert person.first_name == "Siobhán"
    assert person.postcode == "IV1 1AA"
    assert {r.role for r in services.people.roles(person.id or 0)} == {"mentee", "group_member"}
    assert [c.name for c in services.people.conditions(person.id or 0)] == ["ME/CFS"]


def test_rearranging_keeps_both_sessions_linked(world: World) -> None:
    planned = world.services.sessions.log(
        world.pairing, SessionEntry(TODAY + timedelta(days=2), status=SessionStatus.PLANNED)
    )
    assert planned.id
    replacement = world.services.sessions.rearrange(
        planned.id, SessionEntry(TODAY + timedelta(days=5), status=SessionStatus.PLANNED)
    )
    old = world.services.sessions.get(planned.id)
    assert old.status == SessionStatus.REARRANGED
    assert old.rearranged_to_id == replacement.id
    assert replacement.session_date == date(2026, 6, 20)
