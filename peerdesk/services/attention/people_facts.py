"""Who is who today, for the attention rules: active mentors and supported people.

Worked out in a few whole-table queries (not one query per person) so Today stays quick with
thousands of people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import Person, PersonRole, VolunteerStageChange
from peerdesk.services.attention.base import AttentionContext
from peerdesk.vocabulary import Role, VolunteerStage

#: Roles of a person the organisation supports (they need a health-information consent).
SUPPORTED_ROLES = (Role.MENTEE.value, Role.CARER.value)
#: Roles of a volunteer (disclosure checks, confidentiality, supervision).
VOLUNTEER_ROLES = (Role.MENTOR.value, Role.FACILITATOR.value)


@dataclass(frozen=True)
class PersonFacts:
    names: dict[int, str]
    roles: dict[int, set[str]]
    #: Latest volunteer stage and the day it was reached.
    stages: dict[int, tuple[VolunteerStage, date]]

    def name(self, person_id: int | None) -> str:
        if person_id is None:
            return "someone not recorded"
        return self.names.get(person_id, "someone no longer on record")

    def is_active_mentor(self, person_id: int) -> bool:
        stage = self.stages.get(person_id)
        return (
            Role.MENTOR.value in self.roles.get(person_id, set())
            and stage is not None
            and stage[0] is VolunteerStage.ACTIVE
        )

    def active_mentors(self) -> list[int]:
        return sorted(pid for pid in self.names if self.is_active_mentor(pid))

    def current_volunteers(self) -> list[int]:
        """Mentors and facilitators who have not left (checks matter from recruitment on)."""
        found = []
        for pid in self.names:
            if not self.roles.get(pid, set()) & set(VOLUNTEER_ROLES):
                continue
            stage = self.stages.get(pid)
            if stage is not None and stage[0] is VolunteerStage.LEFT:
                continue
            found.append(pid)
        return sorted(found)

    def supported_people(self) -> list[int]:
        return sorted(
            pid for pid in self.names if self.roles.get(pid, set()) & set(SUPPORTED_ROLES)
        )


def person_facts(session: Session, context: AttentionContext | None = None) -> PersonFacts:
    """Names, current roles and volunteer stages of everyone not archived.

    With a `context`, worked out once and shared by every rule looking at Today together.
    """
    if context is not None:
        if "person_facts" not in context.shared:
            context.shared["person_facts"] = person_facts(session)
        facts: PersonFacts = context.shared["person_facts"]
        return facts
    names: dict[int, str] = {}
    for pid, first, preferred, last in session.exec(
        select(Person.id, Person.first_name, Person.preferred_name, Person.last_name).where(
            col(Person.archived_on).is_(None)
        )
    ):
        assert pid is not None
        names[pid] = f"{preferred or first} {last}".strip()
    roles: dict[int, set[str]] = {}
    for pid, role in session.exec(
        select(PersonRole.person_id, PersonRole.role).where(col(PersonRole.ended_on).is_(None))
    ):
        if pid in names:
            roles.setdefault(pid, set()).add(role)
    stages: dict[int, tuple[VolunteerStage, date]] = {}
    for pid, stage, changed_on in session.exec(
        select(
            col(VolunteerStageChange.person_id),
            col(VolunteerStageChange.stage),
            col(VolunteerStageChange.changed_on),
        ).order_by(col(VolunteerStageChange.changed_on), col(VolunteerStageChange.id))
    ):
        if pid in names:
            stages[pid] = (VolunteerStage(stage), changed_on)
    return PersonFacts(names=names, roles=roles, stages=stages)


def when(day: date) -> str:
    """A date as the coordinator reads it: 3 July 2026."""
    return f"{day.day} {day:%B %Y}"


def days_phrase(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def wait_phrase(days: int) -> str:
    """A long wait in the unit people use: days, then weeks, then months."""
    if days < 56:
        return days_phrase(days)
    if days < 365:
        return f"{days // 7} weeks"
    return f"{days * 12 // 365} months"
