"""People: add, update, archive, roles, conditions, availability, and the people list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import date

from sqlalchemy import delete
from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Availability,
    Condition,
    MeetingModePreference,
    Person,
    PersonCondition,
    PersonRole,
    utc_now,
)
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import get_or_raise
from peerdesk.services.people.availability import checked_availability, replace_availability
from peerdesk.services.people.pairings_of_person import latest_referral, pairings_of_person
from peerdesk.services.people.role_corrections import RoleCorrections
from peerdesk.services.people.views import (
    ConditionEntry,
    PersonDetails,
    PersonPairings,
    PersonRow,
    PersonView,
    ReferralSummary,
    RoleView,
)
from peerdesk.vocabulary import (
    ConditionLink,
    Gender,
    MeetingMode,
    PartOfDay,
    Role,
    Weekday,
    YesNoPreferNot,
)

__all__ = ["ConditionEntry", "PeopleService", "PersonDetails", "PersonRow", "PersonView"]


class PeopleService(RoleCorrections):
    # -- reading -------------------------------------------------------------------------
    def get(self, person_id: int) -> PersonView:
        with self.db.session() as session:
            return PersonView.of(get_or_raise(session, Person, person_id, "person"))

    def roles(self, person_id: int, *, current_only: bool = True) -> list[RoleView]:
        with self.db.session() as session:
            query = select(PersonRole).where(PersonRole.person_id == person_id)
            if current_only:
                query = query.where(col(PersonRole.ended_on).is_(None))
            return [
                RoleView.of(r) for r in session.exec(query.order_by(col(PersonRole.started_on)))
            ]

    def pairings(self, person_id: int) -> PersonPairings:
        """Their pairings with held sessions counted (one query) and their latest sessions."""
        return pairings_of_person(self.db, person_id)

    def latest_referral(self, person_id: int) -> ReferralSummary | None:
        return latest_referral(self.db, person_id)

    def conditions(self, person_id: int) -> list[ConditionEntry]:
        with self.db.session() as session:
            rows = session.exec(
                select(Condition.name, PersonCondition.link)
                .join(PersonCondition, col(PersonCondition.condition_id) == col(Condition.id))
                .where(PersonCondition.person_id == person_id)
                .order_by(col(Condition.name))
            )
            return [ConditionEntry(name, ConditionLink(link)) for name, link in rows]

    def availability(self, person_id: int) -> list[tuple[Weekday, PartOfDay]]:
        with self.db.session() as session:
            rows = session.exec(select(Availability).where(Availability.person_id == person_id))
            order = {day: i for i, day in enumerate(Weekday)}
            slots = [(Weekday(r.weekday), PartOfDay(r.part_of_day)) for r in rows]
            return sorted(slots, key=lambda s: (order[s[0]], list(PartOfDay).index(s[1])))

    def meeting_modes(self, person_id: int) -> list[MeetingMode]:
        with self.db.session() as session:
            rows = session.exec(
                select(MeetingModePreference).where(MeetingModePreference.person_id == person_id)
            )
            return sorted((MeetingMode(r.mode) for r in rows), key=list(MeetingMode).index)

    def condition_names(self) -> list[str]:
        with self.db.session() as session:
            return list(session.exec(select(Condition.name).order_by(col(Condition.name))))

    def areas(self) -> list[str]:
        with self.db.session() as session:
            rows = session.exec(
                select(Person.area)
                .where(col(Person.area) != "")
                .distinct()
                .order_by(col(Person.area))
            )
            return list(rows)

    def list_rows(self, *, include_archived: bool = True) -> list[PersonRow]:
        """Every person as a list row, in one query (the People list holds 10,000 easily)."""
        rows: list[PersonRow] = []
        # Plain tuples straight from the driver: at 10,000 people, building rows through
        # SQLAlchemy's attribute access cost more than the query itself (bench/search.py).
        with self.db.session() as session:
            result = session.connection().exec_driver_sql(_PEOPLE_LIST_SQL)
            for (
                person_id,
                first_name,
                last_name,
                preferred_name,
                area,
                postcode,
                phone,
                email,
                archived_on,
                roles,
                conditions,
                stage,
                active_pairings,
                waiting,
            ) in result:
                archived = archived_on is not None
                if archived and not include_archived:
                    continue
                rows.append(
                    PersonRow(
                        id=person_id,
                        name=f"{preferred_name or first_name} {last_name}".strip(),
                        roles=tuple(sorted(set(roles.split(",")) - {""})) if roles else (),
                        status=_list_status(archived, stage, active_pairings, waiting),
                        area=area,
                        postcode=postcode,
                        phone=phone,
                        email=email,
                        conditions=tuple(sorted(set(conditions.split("|")) - {""}))
                        if conditions
                        else (),
                        archived=archived,
                    )
                )
        return rows

    # -- writing -------------------------------------------------------------------------
    def add(
        self,
        details: PersonDetails,
        *,
        roles: list[Role] | None = None,
        conditions: list[ConditionEntry] | None = None,
    ) -> PersonView:
        """Add a person with their first roles and conditions, all in one transaction."""
        cleaned = self._validate(details)
        role_list = [v.one_of(role, Role, "roles", "a role") for role in roles or []]
        with self.db.transaction() as session:
            person = Person(**{f.name: getattr(cleaned, f.name) for f in fields(PersonDetails)})
            session.add(person)
            session.flush()
            assert person.id is not None
            for role in dict.fromkeys(role_list):
                session.add(PersonRole(person_id=person.id, role=role, started_on=self.today()))
            if conditions:
                replace_conditions(session, person.id, conditions)
            session.flush()
            session.refresh(person)
            return PersonView.of(person)

    def update(
        self,
        person_id: int,
        details: PersonDetails,
        *,
        conditions: list[ConditionEntry] | None = None,
    ) -> PersonView:
        """Save edited details (and, when given, the conditions) in one transaction."""
        cleaned = self._validate(details)
        with self.db.transaction() as session:
            person = get_or_raise(session, Person, person_id, "person")
            for f in fields(PersonDetails):
                setattr(person, f.name, getattr(cleaned, f.name))
            person.updated_at = utc_now()
            session.add(person)
            if conditions is not None:
                replace_conditions(session, person_id, conditions)
            session.flush()
            session.refresh(person)
            return PersonView.of(person)

    def add_role(
        self,
        person_id: int,
        role: Role | str,
        *,
        started_on: date | None = None,
        cared_for_relationship: str = "",
    ) -> RoleView:
        role = v.one_of(role, Role, "role", "a role")
        with self.db.transaction() as session:
            get_or_raise(session, Person, person_id, "person")
            existing = session.exec(
                select(PersonRole).where(
                    PersonRole.person_id == person_id,
                    PersonRole.role == role.value,
                    col(PersonRole.ended_on).is_(None),
                )
            ).first()
            if existing is not None:
                return RoleView.of(existing)
            record = PersonRole(
                person_id=person_id,
                role=role.value,
                started_on=started_on or self.today(),
                cared_for_relationship=v.short_text(
                    cared_for_relationship, "cared_for_relationship", "the relationship"
                ),
            )
            session.add(record)
            session.flush()
            session.refresh(record)
            return RoleView.of(record)

    def end_role(self, person_id: int, role: Role | str, *, ended_on: date | None = None) -> None:
        role = v.one_of(role, Role, "role", "a role")
        ended = ended_on or self.today()
        with self.db.transaction() as session:
            records = session.exec(
                select(PersonRole).where(
                    PersonRole.person_id == person_id,
                    PersonRole.role == role.value,
                    col(PersonRole.ended_on).is_(None),
                )
            ).all()
            if not records:
                raise ValidationError(
                    f"This person is not currently a {role.label.lower()}.", "role"
                )
            for record in records:
                if ended < record.started_on:
                    raise ValidationError("A role cannot end before it started.", "ended_on")
                record.ended_on = ended
                session.add(record)

    def set_conditions(self, person_id: int, conditions: list[ConditionEntry]) -> None:
        with self.db.transaction() as session:
            get_or_raise(session, Person, person_id, "person")
            replace_conditions(session, person_id, conditions)

    def set_availability(
        self,
        person_id: int,
        slots: Iterable[tuple[Weekday | str, PartOfDay | str]],
        modes: Iterable[MeetingMode | str],
    ) -> None:
        """Replace when they can meet and how, all at once; nothing ticked clears both."""
        checked = checked_availability(slots, modes)
        with self.db.transaction() as session:
            get_or_raise(session, Person, person_id, "person")
            replace_availability(session, person_id, checked)

    def archive(self, person_id: int) -> None:
        """Archive rather than delete: the record stays for history and figures."""
        with self.db.transaction() as session:
            person = get_or_raise(session, Person, person_id, "person")
            person.archived_on = self.today()
            session.add(person)

    def unarchive(self, person_id: int) -> None:
        with self.db.transaction() as session:
            person = get_or_raise(session, Person, person_id, "person")
            person.archived_on = None
            session.add(person)

    # -- validation ----------------------------------------------------------------------
    def validated(self, details: PersonDetails) -> PersonDetails:
        """The details as they would be saved (trimmed, checked), or ValidationError: for a
        service that saves a person together with something else (a referral)."""
        return self._validate(details)

    def _validate(self, d: PersonDetails) -> PersonDetails:
        today = self.today()
        v.date_of_birth(d.date_of_birth, today)
        age_min, age_max = d.preferred_mentor_age_min, d.preferred_mentor_age_max
        for value, name in (
            (age_min, "preferred_mentor_age_min"),
            (age_max, "preferred_mentor_age_max"),
        ):
            if value is not None and not 16 <= value <= 110:
                raise ValidationError("A preferred age should be between 16 and 110.", name)
        if age_min is not None and age_max is not None and age_min > age_max:
            raise ValidationError(
                "The youngest preferred age is above the oldest: please swap them.",
                "preferred_mentor_age_min",
            )
        gender = v.optional_one_of(d.gender, Gender, "gender", "a gender")
        preferred = v.optional_one_of(
            d.preferred_mentor_gender, Gender, "preferred_mentor_gender", "a preferred gender"
        )
        disability = v.optional_one_of(d.disability, YesNoPreferNot, "disability", "an answer")
        carer = v.optional_one_of(d.carer_status, YesNoPreferNot, "carer_status", "an answer")
        return PersonDetails(
            first_name=v.required_text(d.first_name, "first_name", "a first name"),
            last_name=v.short_text(d.last_name, "last_name", "the last name"),
            preferred_name=v.short_text(d.preferred_name, "preferred_name", "the preferred name"),
            pronouns=v.short_text(d.pronouns, "pronouns", "the pronouns"),
            date_of_birth=d.date_of_birth,
            gender=gender.value if gender else None,
            ethnicity=v.short_text(d.ethnicity, "ethnicity", "the ethnicity") or None,
            disability=disability.value if disability else None,
            carer_status=carer.value if carer else None,
            area=v.short_text(d.area, "area", "the area"),
            address=v.long_text(d.address, "address", "the address"),
            postcode=v.postcode(d.postcode),
            phone=v.phone(d.phone),
            email=v.email(d.email),
            gp_practice=v.short_text(d.gp_practice, "gp_practice", "the GP practice"),
            languages=v.short_text(d.languages, "languages", "the languages"),
            emergency_contact=v.long_text(
                d.emergency_contact, "emergency_contact", "the emergency contact"
            ),
            access_needs=v.long_text(d.access_needs, "access_needs", "the access needs"),
            energy_needs=v.long_text(d.energy_needs, "energy_needs", "the energy needs"),
            needs_large_print=bool(d.needs_large_print),
            preferred_mentor_gender=preferred.value if preferred else None,
            preferred_mentor_age_min=age_min,
            preferred_mentor_age_max=age_max,
            notes=v.long_text(d.notes, "notes", "the notes"),
            is_staff=bool(d.is_staff),
        )


def replace_conditions(session: Session, person_id: int, entries: list[ConditionEntry]) -> None:
    checked: set[tuple[str, ConditionLink]] = set()
    for entry in entries:
        name = v.required_text(entry.name, "conditions", "the condition's name")
        checked.add((name, v.one_of(entry.link, ConditionLink, "conditions", "how it applies")))
    session.exec(delete(PersonCondition).where(col(PersonCondition.person_id) == person_id))
    # One shared list, names unique whatever their case: "type 2 diabetes" typed is the
    # entry "Type 2 diabetes"; a name the list does not have becomes a new entry.
    known: dict[str, int] = {}
    for condition_id, known_name in session.exec(
        select(Condition.id, Condition.name).order_by(col(Condition.id))
    ):
        if condition_id is not None:
            known.setdefault(known_name.casefold(), condition_id)
    links: set[tuple[int, ConditionLink]] = set()
    for name, link in checked:
        if name.casefold() not in known:
            condition = Condition(name=name)
            session.add(condition)
            session.flush()
            assert condition.id is not None
            known[name.casefold()] = condition.id
        links.add((known[name.casefold()], link))
    for condition_id, link in links:
        session.add(PersonCondition(person_id=person_id, condition_id=condition_id, link=link))


def _list_status(archived: bool, stage: str | None, active_pairings: int, waiting: int) -> str:
    if archived:
        return "Archived"
    if active_pairings:
        return "Paired"
    if waiting:
        return "Waiting for a mentor"
    if stage:
        return f"Volunteer: {stage.replace('_', ' ')}"
    return "Current"


_PEOPLE_LIST_SQL = """
SELECT p.id, p.first_name, p.last_name, p.preferred_name, p.area, p.postcode, p.phone,
       p.email, p.archived_on,
       (SELECT group_concat(r.role) FROM person_role r
         WHERE r.person_id = p.id AND r.ended_on IS NULL) AS roles,
       (SELECT group_concat(c.name, '|') FROM person_condition pc
         JOIN condition c ON c.id = pc.condition_id WHERE pc.person_id = p.id) AS conditions,
       (SELECT s.stage FROM volunteer_stage_change s WHERE s.person_id = p.id
         ORDER BY s.changed_on DESC, s.id DESC LIMIT 1) AS stage,
       (SELECT count(*) FROM pairing pr WHERE (pr.mentee_id = p.id OR pr.mentor_id = p.id)
         AND pr.status IN ('active', 'paused', 'introduced')) AS active_pairings,
       (SELECT count(*) FROM referral rf WHERE rf.person_id = p.id
         AND rf.status IN ('new', 'assessed', 'accepted')
         AND NOT EXISTS (SELECT 1 FROM pairing pr2 WHERE pr2.mentee_id = p.id
                         AND pr2.status != 'ended' AND pr2.proposed_on >= rf.referral_date))
         AS waiting
FROM person p
ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id
"""
