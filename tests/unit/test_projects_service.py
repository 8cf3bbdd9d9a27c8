"""Projects (issue 21, point 3): named, renamed, ended, removed only when no record carries
them; each change one change set in History; "none" is not a project's name."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.groups.service import GroupDetails
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import Role
from tests.conftest import TODAY


def test_a_project_is_added_renamed_ended_and_each_change_is_in_history(
    services: Services,
) -> None:
    project = services.projects.add("  Mentoring (Lottery) ")
    assert project.name == "Mentoring (Lottery)" and project.is_open
    services.projects.change_name(
        project.id, "Mentoring (National Lottery)", reason="Funder's name"
    )
    ended = services.projects.end(project.id, on=date(2026, 3, 31))
    assert ended.ended_on == date(2026, 3, 31)
    assert ended.words == "Mentoring (National Lottery) (ended 31 March 2026)"
    history = services.history.for_record("project", project.id)
    assert [h.description for h in history] == [
        "Added project Mentoring (Lottery)",
        "Renamed project Mentoring (Lottery) to Mentoring (National Lottery)",
        "Ended project Mentoring (National Lottery)",
    ]
    assert history[1].reason == "Funder's name"


@pytest.mark.parametrize("name", ["none", "NONE", " None "])
def test_none_is_not_a_projects_name(services: Services, name: str) -> None:
    with pytest.raises(ValidationError, match="records with no project"):
        services.projects.add(name)
    assert services.projects.listing() == ()


def test_two_projects_cannot_share_a_name_whatever_its_case(services: Services) -> None:
    services.projects.add("HUG group")
    other = services.projects.add("Walk and talk")
    with pytest.raises(ValidationError, match="already"):
        services.projects.add("hug GROUP")
    with pytest.raises(ValidationError, match="already"):
        services.projects.change_name(other.id, "Hug Group")
    assert [p.name for p in services.projects.listing()] == ["HUG group", "Walk and talk"]


def test_an_ended_project_is_offered_only_to_the_records_that_carry_it(
    services: Services,
) -> None:
    hug = services.projects.add("HUG group")
    lottery = services.projects.add("Mentoring (Lottery)")
    group = services.groups.create(GroupDetails("Tuesday group", project_id=hug.id))
    services.projects.end(hug.id)
    assert [p.name for p in services.projects.choices()] == ["Mentoring (Lottery)"]
    assert [p.name for p in services.projects.choices(current=hug.id)] == [
        "Mentoring (Lottery)",
        "HUG group",
    ]
    # The group keeps its ended project when edited; a new group cannot be given it.
    details = services.groups.details(group.id)
    services.groups.update(group.id, details)
    assert services.groups.details(group.id).project_id == hug.id
    with pytest.raises(ValidationError, match="has ended"):
        services.groups.create(GroupDetails("Thursday group", project_id=hug.id))
    services.groups.create(GroupDetails("Thursday group", project_id=lottery.id))


def test_a_project_on_records_cannot_be_removed_and_says_where_it_is(services: Services) -> None:
    project = services.projects.add("HUG group")
    person = services.people.add(PersonDetails("Isla"))
    services.referrals.start(person.id, ReferralDetails(TODAY, "self", project_id=project.id))
    services.groups.create(GroupDetails("Tuesday group", project_id=project.id))
    services.groups.create(GroupDetails("Thursday group", project_id=project.id))
    assert services.projects.get(project.id).records == 3
    with pytest.raises(ValidationError, match="on 1 referral and 2 groups"):
        services.projects.remove(project.id, "entered in error")
    assert services.projects.find("hug group") is not None


def test_a_project_no_record_carries_is_removed_with_a_reason(services: Services) -> None:
    project = services.projects.add("Typo projetc")
    with pytest.raises(ValidationError):
        services.projects.remove(project.id, "  ")
    assert services.projects.find("Typo projetc") is not None
    services.projects.remove(project.id, "Entered in error")
    assert services.projects.listing() == ()
    [removal] = [
        h for h in services.history.for_record("project", project.id) if "Removed" in h.description
    ]
    assert removal.reason == "Entered in error"


def test_a_referral_carries_its_project_and_an_edit_can_change_it(services: Services) -> None:
    first = services.projects.add("Mentoring (Lottery)")
    second = services.projects.add("HUG group")
    person = services.people.add(PersonDetails("Isla"))
    referral = services.referrals.start(
        person.id, ReferralDetails(TODAY, "self", project_id=first.id)
    )
    assert referral.project_id == first.id
    changed = services.referrals.update_details(
        referral.id, ReferralDetails(TODAY, "self", project_id=second.id)
    )
    assert changed.project_id == second.id
    with pytest.raises(ValidationError, match="could not be found"):
        services.referrals.update_details(
            referral.id, ReferralDetails(TODAY, "self", project_id=9999)
        )
    assert services.referrals.get(referral.id).project_id == second.id


def test_a_pairing_takes_its_referrals_project_unless_another_is_chosen(
    services: Services,
) -> None:
    lottery = services.projects.add("Mentoring (Lottery)")
    hug = services.projects.add("HUG group")
    mentor = services.people.add(PersonDetails("Mo"), roles=[Role.MENTOR]).id
    mentee = services.people.add(PersonDetails("Isla")).id
    services.referrals.start(mentee, ReferralDetails(TODAY, "self", project_id=lottery.id))
    pairing = services.pairings.propose(PairingPlan(mentor, mentee))
    assert pairing.project_id == lottery.id
    # Changing the arrangements without a project keeps it; choosing one changes it.
    plan = PairingPlan(mentor, mentee, usual_place="Library")
    assert services.pairings.update_arrangements(pairing.id, plan).project_id == lottery.id
    plan = PairingPlan(mentor, mentee, project_id=hug.id)
    assert services.pairings.update_arrangements(pairing.id, plan).project_id == hug.id
    plan = PairingPlan(mentor, mentee, project_id=None)
    assert services.pairings.update_arrangements(pairing.id, plan).project_id is None
    other = services.people.add(PersonDetails("Cal")).id
    chosen = services.pairings.propose(PairingPlan(mentor, other, project_id=hug.id))
    assert chosen.project_id == hug.id
    assert services.projects.of_referral(mentee) == lottery.id
