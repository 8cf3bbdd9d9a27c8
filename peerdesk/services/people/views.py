"""What the people services hand to screens and the command line: plain frozen records, never
database rows. The UI imports this module (and the container), nothing else from the area."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from peerdesk.vocabulary import ConditionLink, Role


@dataclass(slots=True)
class PersonDetails:
    """Everything about a person that the add/edit dialog and the importer can set.

    Slots: an import holds one per row until its preview is shown."""

    first_name: str
    last_name: str = ""
    preferred_name: str = ""
    pronouns: str = ""
    date_of_birth: date | None = None
    gender: str | None = None
    ethnicity: str | None = None
    disability: str | None = None
    carer_status: str | None = None
    area: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    gp_practice: str = ""
    languages: str = ""
    emergency_contact: str = ""
    access_needs: str = ""
    energy_needs: str = ""
    needs_large_print: bool = False
    preferred_mentor_gender: str | None = None
    preferred_mentor_age_min: int | None = None
    preferred_mentor_age_max: int | None = None
    notes: str = ""
    #: A staff member: their time is not counted as volunteer time (docs/figures.md).
    is_staff: bool = False

    @classmethod
    def of(cls, person: Any) -> PersonDetails:
        """The details of a person (a `PersonView`, or a row inside the services)."""
        return cls(**{f.name: getattr(person, f.name) for f in fields(cls)})


@dataclass(frozen=True)
class PersonView:
    """One person as a screen shows them: their details, their id and whether archived."""

    id: int
    first_name: str
    last_name: str = ""
    preferred_name: str = ""
    pronouns: str = ""
    date_of_birth: date | None = None
    gender: str | None = None
    ethnicity: str | None = None
    disability: str | None = None
    carer_status: str | None = None
    area: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    gp_practice: str = ""
    languages: str = ""
    emergency_contact: str = ""
    access_needs: str = ""
    energy_needs: str = ""
    needs_large_print: bool = False
    preferred_mentor_gender: str | None = None
    preferred_mentor_age_min: int | None = None
    preferred_mentor_age_max: int | None = None
    notes: str = ""
    archived_on: date | None = None
    is_staff: bool = False

    @classmethod
    def of(cls, person: Any) -> PersonView:
        """Copied from a `Person` row while its session is open (the row stays inside)."""
        values = {f.name: getattr(person, f.name) for f in fields(cls)}
        values["id"] = person.id or 0
        return cls(**values)

    @property
    def display_name(self) -> str:
        """The name they use: the same words as the `Person` row's `display_name`."""
        first = self.preferred_name or self.first_name
        return f"{first} {self.last_name}".strip()

    @property
    def archived(self) -> bool:
        return self.archived_on is not None

    @property
    def details(self) -> PersonDetails:
        return PersonDetails.of(self)


@dataclass(frozen=True)
class RoleView:
    """A role a person holds (or held, with `ended_on`). `role` is the vocabulary value."""

    id: int
    person_id: int
    role: str
    started_on: date
    ended_on: date | None = None
    cared_for_relationship: str = ""

    @classmethod
    def of(cls, record: Any) -> RoleView:
        return cls(
            id=record.id or 0,
            person_id=record.person_id,
            role=record.role,
            started_on=record.started_on,
            ended_on=record.ended_on,
            cared_for_relationship=record.cared_for_relationship,
        )

    @property
    def label(self) -> str:
        return Role(self.role).label


@dataclass(frozen=True)
class ConditionEntry:
    name: str
    link: ConditionLink = ConditionLink.LIVES_WITH


@dataclass(frozen=True)
class ConditionItem:
    """One entry of the shared conditions list (Settings ▸ Conditions).

    `family` is the family it is in: its own family name, or its name when it is named like a
    family (an entry "Diabetes" is in the family "Diabetes"); empty when in no family.
    `is_family_name` says other entries are in a family of that name (so it cannot itself be
    put in a family). `people` counts the people who have it recorded, in any way.
    """

    id: int
    name: str
    family: str
    people: int
    is_family_name: bool = False

    @property
    def can_remove(self) -> bool:
        return self.people == 0


@dataclass(frozen=True)
class ConditionsList:
    """The whole list, by name, with the family names in use (for choosing a family)."""

    entries: tuple[ConditionItem, ...]
    families: tuple[str, ...]

    @property
    def choices(self) -> tuple[str, ...]:
        """What a condition input offers: every entry and every family name, once each."""
        seen: dict[str, str] = {}
        for name in (*(e.name for e in self.entries), *self.families):
            seen.setdefault(name.casefold(), name)
        return tuple(sorted(seen.values(), key=str.casefold))


#: Everything but the digits of a phone number (searching "07700 900123" as "07700900123").
_NOT_DIGITS = re.compile(r"\D+")


@dataclass(frozen=True)
class PersonRow:
    """One line of the People list: enough to show, search and filter, nothing more."""

    id: int
    name: str
    roles: tuple[str, ...]
    status: str
    area: str
    postcode: str
    phone: str
    email: str
    conditions: tuple[str, ...] = field(default=())
    archived: bool = False

    @property
    def search_text(self) -> str:
        digits = _NOT_DIGITS.sub("", self.phone)
        postcode = self.postcode.replace(" ", "")
        return f"{self.name} {digits} {self.email} {self.postcode} {postcode}".casefold()


@dataclass(frozen=True)
class PersonPairing:
    """One of a person's pairings, seen from their side, with its held sessions counted."""

    id: int
    other_id: int
    other_name: str
    as_mentor: bool
    status: str
    proposed_on: date
    start_date: date | None
    sessions_held: int


@dataclass(frozen=True)
class PersonSession:
    """One session of one of a person's pairings (the person page lists the latest)."""

    id: int
    pairing_id: int
    session_date: date
    other_name: str
    status: str


@dataclass(frozen=True)
class PersonPairings:
    """A person's pairings (newest proposed first) and their latest sessions (newest first)."""

    pairings: tuple[PersonPairing, ...]
    recent_sessions: tuple[PersonSession, ...]


@dataclass(frozen=True)
class ReferralSummary:
    """A person's latest referral, as the person page shows it, and how many came before."""

    id: int
    referral_date: date
    source: str
    status: str
    referrer_name: str
    referrer_organisation: str
    hopes: str
    earlier: int

    @property
    def referrer(self) -> str:
        """Who referred them, in one line ("" when they referred themselves)."""
        return ", ".join(p for p in (self.referrer_name, self.referrer_organisation) if p)


__all__ = [
    "ConditionEntry",
    "ConditionItem",
    "ConditionsList",
    "PersonDetails",
    "PersonPairing",
    "PersonPairings",
    "PersonRow",
    "PersonSession",
    "PersonView",
    "ReferralSummary",
    "RoleView",
]
