"""Finding people: likely duplicates of a new row, and the person a name or email refers to.

Both look at the people already recorded and at the people this import is adding, so a
pairing sheet can name a mentee that the people sheet of the same file brings in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from peerdesk.data.models import Person
from peerdesk.services.importing.model import Duplicate, PersonOp, PersonRef


@dataclass(frozen=True)
class Known:
    id: int
    first_name: str
    last_name: str
    preferred_name: str
    date_of_birth: date | None
    email: str

    @property
    def name(self) -> str:
        return f"{self.preferred_name or self.first_name} {self.last_name}".strip()


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


class Directory:
    def __init__(self, session: Session) -> None:
        self.known = [
            Known(p.id or 0, p.first_name, p.last_name, p.preferred_name, p.date_of_birth, p.email)
            for p in session.exec(select(Person))
        ]
        self.added: list[PersonOp] = []
        self._by_id = {k.id: k for k in self.known}

    def name_of(self, ref: PersonRef) -> str:
        if isinstance(ref, PersonOp):
            return ref.display_name
        known = self._by_id.get(ref)
        return known.name if known else f"person {ref}"

    # -- duplicates --------------------------------------------------------------------
    def duplicate_of(self, op: PersonOp) -> tuple[Duplicate | None, PersonOp | None]:
        """A likely duplicate of `op`, and the earlier row of this file it matches, if any."""
        d = op.details
        for known in self.known:
            reason = _same_person(
                (d.first_name, d.last_name, d.date_of_birth, d.email),
                (known.first_name, known.last_name, known.date_of_birth, known.email),
            )
            if reason:
                return Duplicate(reason, known.name, person_id=known.id), None
        for other in self.added:
            o = other.details
            reason = _same_person(
                (d.first_name, d.last_name, d.date_of_birth, d.email),
                (o.first_name, o.last_name, o.date_of_birth, o.email),
            )
            if reason:
                return Duplicate(reason, other.display_name, earlier_row=other.key[1]), other
        return None, None

    # -- references --------------------------------------------------------------------
    def find(self, text: str, email: str = "") -> list[PersonRef]:
        """Everyone `text` (a name or an email) could mean; `email` narrows it down."""
        wanted = _fold(text)
        wanted_email = _fold(email) or (wanted if "@" in wanted else "")
        found: list[PersonRef] = []
        if wanted_email:
            found += [op for op in self.added if _fold(op.details.email) == wanted_email]
            found += [k.id for k in self.known if _fold(k.email) == wanted_email]
            if found or "@" in wanted:
                return _unique(found)
        for op in self.added:
            d = op.details
            if wanted in _names(d.first_name, d.last_name, d.preferred_name):
                found.append(op)
        for k in self.known:
            if wanted in _names(k.first_name, k.last_name, k.preferred_name):
                found.append(k.id)
        return _unique(found)


def resolve(op_or_id: PersonRef) -> PersonRef:
    """An imported row that turned out to be someone already known refers to them."""
    if isinstance(op_or_id, PersonOp):
        if op_or_id.merged_into is not None:
            return resolve(op_or_id.merged_into)
        if op_or_id.existing_id is not None:
            return op_or_id.existing_id
    return op_or_id


def _unique(refs: list[PersonRef]) -> list[PersonRef]:
    result: list[PersonRef] = []
    for ref in refs:
        target = resolve(ref)
        if not any(target is r or (isinstance(r, int) and r == target) for r in result):
            result.append(target)
    return result


def _names(first: str, last: str, preferred: str) -> set[str]:
    names = {_fold(f"{first} {last}"), _fold(f"{last}, {first}"), _fold(f"{last} {first}")}
    if preferred:
        names.add(_fold(f"{preferred} {last}"))
    return names


def _same_person(
    a: tuple[str, str, date | None, str], b: tuple[str, str, date | None, str]
) -> str | None:
    first_a, last_a, dob_a, email_a = a
    first_b, last_b, dob_b, email_b = b
    if email_a and email_b and _fold(email_a) == _fold(email_b):
        return "same email"
    if _fold(first_a) != _fold(first_b) or _fold(last_a) != _fold(last_b):
        return None
    if dob_a and dob_b:
        return "same name and date of birth" if dob_a == dob_b else None
    if email_a and email_b:
        return None  # different emails: two people who share a name
    return "same name (no date of birth to tell them apart)"
