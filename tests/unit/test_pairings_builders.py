"""Builders shared by the pairing, session, review and matching tests (no tests here)."""

from __future__ import annotations

from datetime import date, timedelta

from peerdesk.data.models import VolunteerProfile
from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.service import ConditionEntry, PersonDetails
from peerdesk.vocabulary import (
    ConditionLink,
    ConsentKind,
    DisclosureLevel,
    DisclosureScheme,
    Role,
    VolunteerStage,
)

LONG_AGO = date(2025, 1, 6)


def organisation(services: Services) -> None:
    services.organisation.save(OrganisationDetails(name="Far North Peer Support"))


def confidentiality(services: Services, person_id: int, on: date = LONG_AGO) -> None:
    services.consents.record(
        person_id,
        ConsentEntry(
            kind=ConsentKind.CONFIDENTIALITY,
            given_on=on,
            method="verbal",
            recorded_by="Coordinator",
        ),
    )


def ready_mentor(
    services: Services,
    first_name: str,
    *,
    condition: str = "ME/CFS",
    area: str = "Highland",
    capacity: int = 2,
    slots: list[tuple[str, str]] | None = None,
    modes: list[str] | None = None,
) -> int:
    """A mentor who may be paired now: active, trained, checked, agreed to confidentiality."""
    person = services.people.add(
        PersonDetails(first_name=first_name, last_name="Mentor", area=area),
        roles=[Role.MENTOR],
        conditions=[ConditionEntry(condition, ConditionLink.LIVED_EXPERIENCE)],
    )
    assert person.id is not None
    for offset, stage in enumerate((VolunteerStage.ENQUIRY, VolunteerStage.ACTIVE)):
        services.volunteers.record_stage(person.id, stage, on=LONG_AGO + timedelta(days=offset))
    services.volunteers.set_profile(person.id, max_mentees=capacity)
    services.volunteers.record_training(
        person.id, module="Self care", on=LONG_AGO, duration_minutes=120, completed=True
    )
    # Trained as mentors were before modules were tracked (0008): every core module counts
    # as done on LONG_AGO, and no refresher (36 months) has fallen due by TODAY.
    with services.db.transaction() as session:
        profile = session.get(VolunteerProfile, person.id)
        assert profile is not None
        profile.legacy_trained_on = LONG_AGO
        session.add(profile)
    services.volunteers.add_disclosure_check(
        person.id,
        scheme=DisclosureScheme.PVG,
        level=DisclosureLevel.PVG_SCHEME_RECORD,
        issue_date=LONG_AGO,
        renewal_date=LONG_AGO + timedelta(days=3 * 365),
    )
    confidentiality(services, person.id)
    services.people.set_availability(
        person.id, slots or [("tue", "morning")], modes or ["phone", "face_to_face"]
    )
    return person.id


def waiting_mentee(
    services: Services,
    first_name: str = "Morag",
    *,
    condition: str = "ME/CFS",
    area: str = "Highland",
    referral_status: str = "accepted",
) -> int:
    person = services.people.add(
        PersonDetails(first_name=first_name, last_name="Mentee", area=area),
        roles=[Role.MENTEE],
        conditions=[ConditionEntry(condition, ConditionLink.LIVES_WITH)],
    )
    assert person.id is not None
    referral = services.referrals.start(
        person.id, ReferralDetails(referral_date=LONG_AGO, source="self")
    )
    assert referral.id is not None
    if referral_status in ("assessed", "accepted"):
        services.referrals.assess(referral.id, on=LONG_AGO + timedelta(days=2))
    if referral_status == "accepted":
        services.referrals.accept(referral.id, on=LONG_AGO + timedelta(days=3))
    services.people.set_availability(person.id, [("tue", "morning")], ["phone"])
    return person.id


def active_pairing(
    services: Services,
    *,
    started: date = date(2026, 1, 5),
    frequency: str = "weekly",
    mentor_name: str = "Iain",
    mentee_name: str = "Morag",
) -> int:
    mentor = ready_mentor(services, mentor_name)
    mentee = waiting_mentee(services, mentee_name)
    confidentiality(services, mentee)
    pairing = services.pairings.propose(
        PairingPlan(
            mentor_id=mentor,
            mentee_id=mentee,
            proposed_on=started - timedelta(days=14),
            meeting_frequency=frequency,
            usual_mode="phone",
            usual_duration_minutes=45,
            goals=("Pace activities", "Go to the library again"),
        )
    )
    assert pairing.id is not None
    services.pairings.introduce(pairing.id, on=started - timedelta(days=7))
    services.pairings.activate(pairing.id, on=started)
    return pairing.id


def table_snapshot(services: Services, *tables: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the named tables, to show that a refused call changed nothing."""
    with services.db.engine.connect() as connection:
        return {
            name: [
                tuple(row)
                for row in connection.exec_driver_sql(f"SELECT * FROM {name} ORDER BY 1, 2")
            ]
            for name in tables
        }
