"""Erasure finds a person's name whatever case it was stored or typed in.

The person is stored in capitals ("ANNA KOWALSKA"); notes everywhere write the name as people
type it: "anna kowalska", "Anna Kowalska", "aNNa kOWALSKA". After erasure no free text in any
table holds the full name in any case.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from peerdesk.services import Services
from peerdesk.services.groups.service import GroupDetails, MeetingRecord
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.mentoring.sessions import ConcernDetails, SessionEntry
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import Role
from tests.conftest import TODAY

EARLIER = TODAY - timedelta(days=30)


def every_text(path: Path) -> list[tuple[str, str, str]]:
    """(table, column, value) for every text value in the database, read with plain sqlite3."""
    found: list[tuple[str, str, str]] = []
    with contextlib.closing(sqlite3.connect(path)) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                found += [
                    (table, c, v) for c, v in zip(columns, row, strict=True) if isinstance(v, str)
                ]
    return found


def holding(services: Services, words: str) -> list[tuple[str, str, str]]:
    """Every text value holding `words`, compared case-insensitively (Unicode-aware)."""
    wanted = words.casefold()
    return [t for t in every_text(services.database_path) if wanted in t[2].casefold()]


def person(services: Services, first: str, last: str, *roles: Role, notes: str = "") -> int:
    added = services.people.add(
        PersonDetails(first_name=first, last_name=last, notes=notes), roles=list(roles)
    )
    assert added.id is not None
    return added.id


def spread_the_name(services: Services, first: str, last: str) -> int:
    """The person, their pairing, and their name typed, in other cases, all over the records."""
    lower, title = f"{first} {last}".lower(), f"{first} {last}".title()
    mixed = f"{first.lower().capitalize()} {last.upper()}"
    target = person(services, first, last, Role.MENTEE, notes=f"Prefers {lower} in full.")
    mentor = person(services, "Bea", "Moss", Role.MENTOR)
    other = person(services, "Cleo", "Hart", Role.MENTEE, notes=f"Friend of {lower}.")
    theirs = services.pairings.propose(
        PairingPlan(
            mentor_id=mentor,
            mentee_id=target,
            proposed_on=EARLIER,
            goals=(f"Help {title} back to the allotment",),
        )
    ).id
    cleos = services.pairings.propose(
        PairingPlan(
            mentor_id=mentor,
            mentee_id=other,
            proposed_on=EARLIER,
            goals=(f"Join {lower}'s walking group",),
            usual_place=f"The cafe {title} recommended",
        )
    ).id
    assert theirs is not None and cleos is not None
    for pairing in (theirs, cleos):
        services.pairings.activate(pairing, EARLIER)
    services.sessions.log(theirs, SessionEntry(EARLIER, note=f"{mixed} talked about pacing."))
    services.sessions.log(
        cleos,
        SessionEntry(EARLIER, note=f"Cleo met {lower} at the cafe.", actions=f"Call {title}."),
    )
    services.sessions.raise_concern(
        ConcernDetails(raised_on=EARLIER, what=f"{title}'s neighbour worried Cleo.")
    )
    services.volunteers.record_supervision(
        mentor,
        on=EARLIER,
        mode="phone",
        duration_minutes=30,
        pairing_ids=[cleos],
        wellbeing=f"Worried about {mixed}.",
    )
    group = services.groups.create(GroupDetails(name="Cafe")).id or 0
    services.groups.hold_meeting(
        group,
        MeetingRecord(meeting_date=EARLIER, attendee_ids=[other], note=f"{lower} sent apologies."),
    )
    services.referrals.start(
        other,
        ReferralDetails(
            referral_date=EARLIER, source="self", hopes=f"To meet people like {title}."
        ),
    )
    return target


def test_a_name_stored_in_capitals_is_erased_in_every_case_everywhere(
    services: Services,
) -> None:
    target = spread_the_name(services, "ANNA", "KOWALSKA")
    before = holding(services, "anna kowalska")
    # The name is in free text of many tables, in several cases (so the test can fail).
    assert {table for table, _, _ in before} >= {
        "person",
        "pairing",
        "pairing_goal",
        "mentoring_session",
        "concern",
        "supervision",
        "group_meeting",
        "referral",
    }
    assert len({value for _, _, value in before if "anna kowalska" in value}) >= 3

    services.erasure.erase(target)

    assert holding(services, "anna kowalska") == []
    # Other people's words stay, without the name.
    cleo = services.people.get(person_id_named(services, "Cleo"))
    assert cleo.notes == "Friend of [name removed]."
    kept = {value for _, _, value in every_text(services.database_path)}
    assert "Cleo met [name removed] at the cafe." in kept
    assert "[name removed] sent apologies." in kept
    assert "Worried about [name removed]." in kept


def test_a_name_with_accents_is_erased_in_capitals_too(services: Services) -> None:
    # SQLite's own LIKE and lower() fold only A to Z: "ZOË" and "zoë" must still match.
    target = spread_the_name(services, "Zoë", "Brontë")
    assert holding(services, "zoë brontë")
    services.erasure.erase(target)
    assert holding(services, "zoë brontë") == []


def test_a_first_name_is_removed_from_linked_notes_however_it_was_stored(
    services: Services,
) -> None:
    # A single name is removed only from notes linked to the person (a meeting they were at),
    # and only where written with a capital, so "will" and "hope" survive a Will or a Hope.
    target = person(services, "ANNA", "KOWALSKA", Role.GROUP_MEMBER)
    group = services.groups.create(GroupDetails(name="Cafe")).id or 0
    meeting = services.groups.hold_meeting(
        group,
        MeetingRecord(
            meeting_date=date(2026, 6, 1),
            attendee_ids=[target],
            note="Anna arrived late; ANNA and Kowalska family news; annals of the club.",
        ),
    )
    services.erasure.erase(target)
    assert services.groups.get_meeting(meeting.id or 0).note == (
        "[name removed] arrived late; [name removed] and [name removed] family news; "
        "annals of the club."
    )


def person_id_named(services: Services, first_name: str) -> int:
    (row,) = [r for r in services.people.list_rows() if r.name.startswith(first_name)]
    return row.id
