"""A small dataset built by hand through the services, whose every figure is worked out below.

Reporting year 2025 (April start) = 1 April 2025 to 31 March 2026. Things just outside it (31
March 2025, April 2026) are there on purpose: they must not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk.data.models import OutcomeScore
from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.groups.service import GroupDetails, MeetingRecord
from peerdesk.services.mentoring.pairings import Ending, PairingPlan
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.mentoring.sessions import ConcernDetails, SessionEntry
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.service import ConditionEntry, PersonDetails
from peerdesk.vocabulary import ConsentKind, ConsentMethod, MeetingMode, Role, SessionStatus


@dataclass
class People:
    a: int  # mentee, paired before the period, sessions on its first and last day
    b: int  # carer, new this period, also came to a group (counted once)
    c: int  # group attendee only
    d: int  # referral not taken forward
    e: int  # mentee whose only session was missed
    m1: int  # mentor, active before the period
    m2: int  # mentor, new this period, also facilitated a meeting
    m3: int  # mentor who left this period; mentored and facilitated only before it
    f1: int  # group facilitator


def build(services: Services) -> People:
    services.organisation.save(OrganisationDetails(name="Test Peer Support"))
    add = services.people.add
    a = add(
        PersonDetails(
            "Ann",
            "A",
            date_of_birth=date(2008, 3, 31),
            gender="woman",
            ethnicity="White Scottish",
            disability="yes",
            area="Highland",
        ),
        conditions=[ConditionEntry("COPD"), ConditionEntry("Long Covid")],
    ).id
    b = add(PersonDetails("Bea", "B", disability="prefer_not_to_say")).id
    c = add(
        PersonDetails(
            "Cal",
            "C",
            date_of_birth=date(1950, 6, 1),
            gender="prefer_not_to_say",
            ethnicity="Prefer not to say",
            area="Moray",
        ),
        conditions=[ConditionEntry("Arthritis")],
    ).id
    d = add(PersonDetails("Dee", "D")).id
    e = add(PersonDetails("Eve", "E", area="Highland")).id
    m1 = add(PersonDetails("Max", "M1"), roles=[Role.MENTOR]).id
    m2 = add(PersonDetails("Mo", "M2"), roles=[Role.MENTOR]).id
    m3 = add(PersonDetails("Mia", "M3"), roles=[Role.MENTOR]).id
    f1 = add(PersonDetails("Fay", "F1"), roles=[Role.FACILITATOR]).id
    assert None not in (a, b, c, d, e, m1, m2, m3, f1)
    p = People(a, b, c, d, e, m1, m2, m3, f1)  # type: ignore[arg-type]

    for person in (p.a, p.b, p.e, p.m1, p.m2, p.m3):
        services.consents.record(
            person,
            ConsentEntry(
                ConsentKind.CONFIDENTIALITY.value,
                date(2024, 1, 2),
                ConsentMethod.VERBAL.value,
                "Coordinator",
            ),
        )

    # Referrals: three in the period (gp, self, nurse), two outside it.
    services.referrals.start(p.a, ReferralDetails(date(2024, 8, 1), "self"))
    services.referrals.start(
        p.b, ReferralDetails(date(2025, 5, 1), "gp", support_as="carer", person_agreed=True)
    )
    ntf = services.referrals.start(p.d, ReferralDetails(date(2025, 6, 15), "self"))
    services.referrals.not_taken_forward(ntf.id, "Moved away", on=date(2025, 6, 20))
    services.referrals.start(p.e, ReferralDetails(date(2025, 9, 20), "nurse", person_agreed=True))
    services.referrals.start(p.c, ReferralDetails(date(2026, 4, 5), "other", person_agreed=True))

    # Volunteer journeys.
    stage = services.volunteers.record_stage
    stage(p.m1, "active", on=date(2024, 6, 1))
    stage(p.m1, "paused", on=date(2025, 5, 1))
    stage(p.m1, "active", on=date(2025, 6, 1))  # back from a pause: not a new volunteer
    stage(p.m2, "enquiry", on=date(2025, 3, 1))
    stage(p.m2, "active", on=date(2025, 5, 10))
    stage(p.m3, "active", on=date(2023, 1, 1))
    stage(p.f1, "active", on=date(2025, 1, 1))
    train = services.volunteers.record_training
    train(p.m2, module="Boundaries", on=date(2025, 4, 20), duration_minutes=180, completed=True)
    train(p.m2, module="Self care", on=date(2025, 4, 27), duration_minutes=120, completed=False)
    train(p.m1, module="Peer values", on=date(2024, 12, 1), duration_minutes=60, completed=True)
    supervise = services.volunteers.record_supervision
    supervise(p.m1, on=date(2025, 8, 1), mode="phone", duration_minutes=50)
    supervise(p.m2, on=date(2026, 3, 31), mode="video", duration_minutes=40)
    supervise(p.m1, on=date(2026, 4, 2), mode="phone", duration_minutes=60)

    log = services.sessions.log
    # P4: M3 with A, ended the day before the period: neither active nor ended in it.
    p4 = services.pairings.propose(PairingPlan(p.m3, p.a, proposed_on=date(2024, 1, 10))).id
    services.pairings.activate(p4, on=date(2024, 1, 15))
    log(p4, SessionEntry(date(2024, 2, 1)))
    services.pairings.end(p4, Ending("mentor_withdrew", False, True), on=date(2025, 3, 31))
    stage(p.m3, "left", on=date(2025, 12, 1), reason="Moved away")

    # P1: M1 with A, started before the period and still going.
    p1 = services.pairings.propose(PairingPlan(p.m1, p.a, proposed_on=date(2024, 9, 1))).id
    services.pairings.activate(p1, on=date(2024, 9, 15))
    log(p1, SessionEntry(date(2024, 10, 1)))  # before the period
    cancelled_before = log(p1, SessionEntry(date(2025, 3, 20))).id
    services.sessions.cancel(cancelled_before, SessionStatus.CANCELLED_BY_MENTOR)
    log(p1, SessionEntry(date(2025, 4, 1), duration_minutes=60, mode="face_to_face"))  # first day
    cancelled = log(p1, SessionEntry(date(2025, 6, 1))).id
    services.sessions.cancel(cancelled, SessionStatus.CANCELLED_BY_MENTEE)
    planned = log(p1, SessionEntry(date(2025, 7, 1), status="planned")).id
    services.sessions.rearrange(
        planned,
        SessionEntry(date(2025, 7, 8), status="held", duration_minutes=45, mode=MeetingMode.VIDEO),
    )
    held = log(p1, SessionEntry(date(2025, 8, 15), status="planned")).id
    services.sessions.raise_concern(
        ConcernDetails(date(2025, 8, 15), "Worried about housing", about_person_id=p.a),
        session_id=held,
    )
    services.sessions.cancel(held, SessionStatus.DID_NOT_ATTEND)
    log(p1, SessionEntry(date(2026, 3, 31), duration_minutes=90, mode="phone"))  # last day
    log(p1, SessionEntry(date(2026, 4, 10)))  # after the period
    services.sessions.raise_concern(ConcernDetails(date(2025, 3, 1), "Before the period"))

    # P2: M2 with B as a carer, started and ended (as planned) in the period.
    p2 = services.pairings.propose(
        PairingPlan(p.m2, p.b, supported_as="carer", proposed_on=date(2025, 5, 10))
    ).id
    services.pairings.activate(p2, on=date(2025, 5, 12))
    log(p2, SessionEntry(date(2025, 5, 20), duration_minutes=60, mode="walk_and_talk"))
    services.pairings.end(p2, Ending("completed", True, False), on=date(2025, 9, 1))

    # P3: M1 with E; the only session was missed; ended with no contact.
    p3 = services.pairings.propose(PairingPlan(p.m1, p.e, proposed_on=date(2025, 10, 1))).id
    services.pairings.activate(p3, on=date(2025, 10, 5))
    missed = log(p3, SessionEntry(date(2025, 10, 20))).id
    services.sessions.cancel(missed, SessionStatus.DID_NOT_ATTEND)
    services.pairings.end(p3, Ending("no_contact", False, False), on=date(2026, 2, 1))

    # A drop-in group: one meeting the day before the period, two in it.
    group = services.groups.create(GroupDetails("Tuesday Drop-in", usual_duration_minutes=120)).id
    services.groups.set_facilitators(group, [p.f1])
    services.groups.hold_meeting(
        group,
        MeetingRecord(
            date(2025, 3, 31), attendee_ids=[p.c], unnamed_attendees=2, facilitator_ids=[p.f1, p.m3]
        ),
    )
    services.groups.hold_meeting(
        group, MeetingRecord(date(2025, 6, 10), attendee_ids=[p.b, p.c], unnamed_attendees=3)
    )
    services.groups.hold_meeting(
        group,
        MeetingRecord(
            date(2025, 11, 10),
            duration_minutes=90,
            attendee_ids=[p.c],
            facilitator_ids=[p.f1, p.m2],
        ),
    )

    # Outcome scores (no service records them yet, so written directly).
    scores = [
        ("Wellbeing", p.a, 30, 40),
        ("Wellbeing", p.b, 20, 25),
        ("Wellbeing", p.c, 40, 38),
        ("Wellbeing", p.d, 10, 20),
        ("Wellbeing", p.e, 25, 27),
        ("Confidence", p.a, 3, 5),
    ]
    with services.db.transaction() as session:
        for measure, person, before, after in scores:
            session.add(
                OutcomeScore(
                    person_id=person,
                    measure=measure,
                    timing="before",
                    score=before,
                    scored_on=date(2025, 4, 10),
                )
            )
            session.add(
                OutcomeScore(
                    person_id=person,
                    measure=measure,
                    timing="after",
                    score=after,
                    scored_on=date(2026, 3, 1),
                )
            )
        # Before the period: ignored (and so is this person's after score, alone in it).
        session.add(
            OutcomeScore(
                person_id=p.m1,
                measure="Wellbeing",
                timing="before",
                score=1,
                scored_on=date(2025, 3, 1),
            )
        )
        session.add(
            OutcomeScore(
                person_id=p.m1,
                measure="Wellbeing",
                timing="after",
                score=50,
                scored_on=date(2025, 6, 1),
            )
        )
    return p
