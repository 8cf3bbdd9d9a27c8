"""The shared conditions list: its entries, their families, and keeping it tidy.

One list for everyone (Settings ▸ Conditions). A person's conditions are links to its entries;
typing a name the list does not have adds an entry (`people.service.replace_conditions`). A
family is a name on its entries (one level only): "Type 1 diabetes" and "Type 2 diabetes" are
in "Diabetes", and an entry named "Diabetes" is in that family too, so matching can see a
mentor who lives with diabetes as close to a mentee with type 2 diabetes. Names are unique
whatever their case. Every change is one transaction; a refused change changes nothing.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from peerdesk.data.models import Condition, PersonCondition
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.people.views import ConditionItem, ConditionsList

#: The families a new database starts with (migration 0005 seeds the same; the demo uses it).
SEEDED_FAMILIES = {
    "Diabetes": ("Type 1 diabetes", "Type 2 diabetes"),
    "Mental health": ("Anxiety", "Depression", "Bipolar disorder"),
}


def seeded_family(name: str) -> str:
    """The seeded family of `name` ("" when none): for lists written without the services."""
    for family, members in SEEDED_FAMILIES.items():
        if name.casefold() in (m.casefold() for m in members):
            return family
    return ""


class ConditionsService(Service):
    def listing(self) -> ConditionsList:
        with self.db.session() as session:
            return _listing(session)

    def add(self, name: str, family: str = "") -> ConditionItem:
        with self.db.transaction() as session:
            cleaned = _checked_name(session, name, None)
            condition = Condition(name=cleaned)
            condition.family = _checked_family(session, condition, family)
            session.add(condition)
            session.flush()
            return _item(session, condition)

    def change_name(self, condition_id: int, name: str) -> ConditionItem:
        """A new name for an entry: everyone who has it keeps it, under the new name.

        An entry named like a family takes the family's name with it, so its entries stay
        together under the new name.
        """
        with self.db.transaction() as session:
            condition = get_or_raise(session, Condition, condition_id, "condition")
            cleaned = _checked_name(session, name, condition_id)
            others = [c for c in session.exec(select(Condition)) if c.id != condition_id]
            families = _family_names(others)
            old = condition.name.casefold()
            names_family = old in families
            if (
                cleaned.casefold() != old
                and cleaned.casefold() in families
                and (condition.family or names_family)
            ):
                raise ValidationError(
                    f"“{families[cleaned.casefold()]}” is the name of a family, and "
                    f"“{condition.name}” is in a family or names one: families are one level "
                    "only, so please choose another name.",
                    "name",
                )
            for member in others:
                if names_family and member.family.casefold() == old:
                    member.family = cleaned
                    session.add(member)
            condition.name = cleaned
            session.add(condition)
            session.flush()
            return _item(session, condition)

    def set_family(self, condition_id: int, family: str) -> ConditionItem:
        """Put an entry in a family (an existing one, or a new name); "" takes it out."""
        with self.db.transaction() as session:
            condition = get_or_raise(session, Condition, condition_id, "condition")
            condition.family = _checked_family(session, condition, family)
            session.add(condition)
            session.flush()
            return _item(session, condition)

    def remove(self, condition_id: int) -> None:
        """Remove an entry nobody has recorded (merge it into another otherwise)."""
        with self.db.transaction() as session:
            condition = get_or_raise(session, Condition, condition_id, "condition")
            people = _people_counts(session).get(condition_id, 0)
            if people:
                someone = "1 person has" if people == 1 else f"{people} people have"
                raise ValidationError(
                    f"{someone} “{condition.name}” recorded, so it cannot be removed. Merge it "
                    "into another entry instead, and they will have that one.",
                    "condition",
                )
            session.delete(condition)

    def merge(self, condition_id: int, into_id: int) -> ConditionItem:
        """Give everyone who has one entry the other instead, then remove the first."""
        if condition_id == into_id:
            raise ValidationError("Please choose another entry to merge it into.", "into")
        with self.db.transaction() as session:
            source = get_or_raise(session, Condition, condition_id, "condition")
            target = get_or_raise(session, Condition, into_id, "condition")
            # A person who already has the target in the same way keeps that link only.
            both = select(PersonCondition.person_id, PersonCondition.link).where(
                PersonCondition.condition_id == into_id
            )
            for person_id, link in list(session.exec(both)):
                session.execute(
                    delete(PersonCondition).where(
                        col(PersonCondition.condition_id) == condition_id,
                        col(PersonCondition.person_id) == person_id,
                        col(PersonCondition.link) == link,
                    )
                )
            session.execute(
                update(PersonCondition)
                .where(col(PersonCondition.condition_id) == condition_id)
                .values(condition_id=into_id)
            )
            session.flush()
            session.delete(source)
            session.flush()
            return _item(session, target)


def _listing(session: Session) -> ConditionsList:
    conditions = list(session.exec(select(Condition)))
    counts = _people_counts(session)
    families = _family_names(conditions)
    entries = tuple(
        sorted(
            (_item_of(c, counts, families) for c in conditions),
            key=lambda e: (e.name.casefold(), e.id),
        )
    )
    return ConditionsList(
        entries=entries, families=tuple(sorted(families.values(), key=str.casefold))
    )


def _item(session: Session, condition: Condition) -> ConditionItem:
    counts = _people_counts(session)
    families = _family_names(list(session.exec(select(Condition))))
    return _item_of(condition, counts, families)


def _item_of(condition: Condition, counts: Counter[int], families: dict[str, str]) -> ConditionItem:
    assert condition.id is not None
    own = families.get(condition.name.casefold())
    return ConditionItem(
        id=condition.id,
        name=condition.name,
        family=condition.family or (own or ""),
        people=counts.get(condition.id, 0),
        is_family_name=own is not None,
    )


def _family_names(conditions: list[Condition]) -> dict[str, str]:
    """casefold → the family's name as first written, for every family with an entry in it."""
    found: dict[str, str] = {}
    for condition in sorted(conditions, key=lambda c: c.id or 0):
        if condition.family:
            found.setdefault(condition.family.casefold(), condition.family)
    return found


def _people_counts(session: Session) -> Counter[int]:
    rows = session.exec(
        select(
            PersonCondition.condition_id, func.count(func.distinct(PersonCondition.person_id))
        ).group_by(col(PersonCondition.condition_id))
    )
    return Counter({condition_id: count for condition_id, count in rows})


def _checked_name(session: Session, name: str, condition_id: int | None) -> str:
    cleaned = v.required_text(name, "name", "the condition's name")
    if "," in cleaned:
        # The person dialog lists a person's conditions separated by commas.
        raise ValidationError(
            "A condition's name cannot contain a comma: conditions are listed with commas "
            "between them.",
            "name",
        )
    for other in session.exec(select(Condition)):
        if other.id != condition_id and other.name.casefold() == cleaned.casefold():
            raise ValidationError(
                f"“{other.name}” is already in the list: please use that entry, or choose "
                "another name.",
                "name",
            )
    return cleaned


def _checked_family(session: Session, condition: Condition, family: str) -> str:
    """The family to store on `condition`: spelt as already in use, "" for none.

    One level only: an entry that names a family cannot go in another, and an entry in a
    family cannot name one.
    """
    wanted = v.short_text(family, "family", "the family's name")
    if "," in wanted:
        raise ValidationError("A family's name cannot contain a comma.", "family")
    if not wanted or wanted.casefold() == condition.name.casefold():
        # Named like the family already: it is in it without saying so.
        return ""
    others = [c for c in session.exec(select(Condition)) if c.id != condition.id]
    if condition.id is not None and any(
        c.family.casefold() == condition.name.casefold() for c in others
    ):
        members = sorted(
            (c.name for c in others if c.family.casefold() == condition.name.casefold()),
            key=str.casefold,
        )
        raise ValidationError(
            f"“{condition.name}” is the name of a family ({', '.join(members)}), so it cannot "
            "also be in another one. Take those entries out of it first.",
            "family",
        )
    families = _family_names(others)
    if wanted.casefold() in families:
        return families[wanted.casefold()]
    named = next((c for c in others if c.name.casefold() == wanted.casefold()), None)
    if named is not None:
        if named.family:
            raise ValidationError(
                f"“{named.name}” is itself in the family “{named.family}”: families are one "
                "level only, so please choose that family instead.",
                "family",
            )
        return named.name
    return wanted
