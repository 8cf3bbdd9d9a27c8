"""Volunteer records come back as views, and who counts as a volunteer is decided once."""

from __future__ import annotations

from datetime import date

from peerdesk.services import Services
from peerdesk.services.people.views import PersonDetails
from peerdesk.services.volunteers.views import StageView, TrainingView
from peerdesk.vocabulary import Role, VolunteerStage


def test_a_current_mentor_or_facilitator_or_anyone_on_the_journey_is_a_volunteer(
    services: Services,
) -> None:
    mentor = services.people.add(PersonDetails(first_name="Iain"), roles=[Role.MENTOR]).id
    facilitator = services.people.add(PersonDetails(first_name="Fran"), roles=[Role.FACILITATOR]).id
    enquiring = services.people.add(PersonDetails(first_name="Eve"), roles=[Role.MENTEE]).id
    mentee = services.people.add(PersonDetails(first_name="Morag"), roles=[Role.MENTEE]).id
    former = services.people.add(PersonDetails(first_name="Flo"), roles=[Role.MENTOR]).id
    services.volunteers.record_stage(enquiring, VolunteerStage.ENQUIRY, on=date(2026, 5, 1))
    services.people.end_role(former, Role.MENTOR)
    assert services.volunteers.is_volunteer(mentor)
    assert services.volunteers.is_volunteer(facilitator)
    assert services.volunteers.is_volunteer(enquiring)
    assert not services.volunteers.is_volunteer(mentee)
    assert not services.volunteers.is_volunteer(former)


def test_journey_and_training_come_back_as_views(services: Services) -> None:
    person = services.people.add(PersonDetails(first_name="Iain"), roles=[Role.MENTOR]).id
    step = services.volunteers.record_stage(person, VolunteerStage.ENQUIRY, on=date(2026, 5, 1))
    trained = services.volunteers.record_training(
        person, module="Self care", on=date(2026, 5, 2), duration_minutes=90, completed=True
    )
    assert services.volunteers.journey(person) == [step]
    assert isinstance(step, StageView) and step.stage == "enquiry"
    assert services.volunteers.training(person) == [trained]
    assert isinstance(trained, TrainingView) and trained.duration_minutes == 90
