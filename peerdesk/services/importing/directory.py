"""Finding people: likely duplicates of a new row, and the person a name or email refers to.

Both look at the people already recorded and at the people this import is adding, so a
pairing sheet can name a mentee that the people sheet of the same file brings in.

Every person is filed under a few keys (their folded email, their folded names, their name
with their date of birth) when they are known or planned, so a row is compared only with
people it could be, not with everyone before it: a 50,000-row file once took hours.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import select as sql_select
from sqlmodel import Session, col

from peerdesk.data.models import Person
from peerdesk.services.importing.model import Duplicate, PersonOp, PersonRef
from peerdesk.services.people.service import PersonDetails


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


#: What `_same_person` compares: first name, last name, date of birth, email.
Traits = tuple[str, str, date | None, str]


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    # Names repeat down a list (and each is folded again for every key it is filed under):
    # the same text folds once, and the rows share the one folded string (memory). Text
    # already folded (most emails) is kept as it is, not copied.
    folded = " ".join(text.casefold().split())
    return text if folded == text else folded


class _Filed:
    """Keys → the positions (known people first, then this file's, in order) filed under
    each, kept ascending so the earliest is first.

    Most keys hold one person: they hold the bare position, not a list of one (a list per
    key per person was a fifth of a 50,000-row preview's memory).
    """

    def __init__(self) -> None:
        self._filed: dict[Hashable, int | list[int]] = {}

    def add(self, key: Hashable, position: int) -> None:
        found = self._filed.get(key)
        if found is None:
            self._filed[key] = position
        elif isinstance(found, int):
            self._filed[key] = sorted((found, position))
        elif found[-1] < position:
            found.append(position)
        else:
            insort(found, position)

    def remove(self, key: Hashable, position: int) -> None:
        found = self._filed[key]
        if isinstance(found, int):
            del self._filed[key]
            return
        del found[bisect_left(found, position)]
        if len(found) == 1:
            self._filed[key] = found[0]

    def first(self, key: Hashable) -> int | None:
        found = self._filed.get(key)
        return found if found is None or isinstance(found, int) else found[0]

    def all(self, key: Hashable) -> list[int]:
        found = self._filed.get(key)
        if found is None:
            return []
        return [found] if isinstance(found, int) else found


class Directory:
    def __init__(self, session: Session) -> None:
        # The columns compared, not whole Person objects (thousands in a large database).
        query = sql_select(
            col(Person.id),
            col(Person.first_name),
            col(Person.last_name),
            col(Person.preferred_name),
            col(Person.date_of_birth),
            col(Person.email),
        ).order_by(col(Person.id))  # the order the whole table comes in: earliest first
        self.known = [
            Known(person_id or 0, first, last, preferred, born, email)
            for person_id, first, last, preferred, born, email in session.connection().execute(
                query
            )
        ]
        self.added: list[PersonOp] = []
        self._by_id = {k.id: k for k in self.known}
        self._filed = _Filed()
        for position, k in enumerate(self.known):
            self._file(
                position, k.first_name, k.last_name, k.preferred_name, k.date_of_birth, k.email
            )

    # -- filing ------------------------------------------------------------------------
    def add(self, op: PersonOp) -> None:
        """`op` is planned: later rows may be its duplicates, and links may name it."""
        position = len(self.known) + len(self.added)
        self.added.append(op)
        op.filed_at = position
        self._file_op(position, op.details)

    def replace_details(self, op: PersonOp, details: PersonDetails) -> None:
        """A later row updates planned `op` (name, date of birth or email may change)."""
        position = op.filed_at
        assert position is not None, "only a filed row is replaced"
        for key in _keys(*_traits_of(op.details)):
            self._filed.remove(key, position)
        op.details = details
        self._file_op(position, details)

    def _file_op(self, position: int, d: PersonDetails) -> None:
        self._file(position, d.first_name, d.last_name, d.preferred_name, d.date_of_birth, d.email)

    def _file(
        self, position: int, first: str, last: str, preferred: str, born: date | None, email: str
    ) -> None:
        for key in _keys(first, last, preferred, born, email):
            self._filed.add(key, position)

    def _at(self, position: int) -> tuple[Traits, Known | PersonOp]:
        if position < len(self.known):
            k = self.known[position]
            return (k.first_name, k.last_name, k.date_of_birth, k.email), k
        op = self.added[position - len(self.known)]
        d = op.details
        return (d.first_name, d.last_name, d.date_of_birth, d.email), op

    def name_of(self, ref: PersonRef) -> str:
        if isinstance(ref, PersonOp):
            return ref.display_name
        known = self._by_id.get(ref)
        return known.name if known else f"person {ref}"

    # -- duplicates --------------------------------------------------------------------
    def duplicate_of(self, op: PersonOp) -> tuple[Duplicate | None, PersonOp | None]:
        """A likely duplicate of `op`, and the earlier row of this file it matches, if any.

        The first match in order (the people recorded, then this file's rows), as comparing
        `op` with each in turn would find: every person `_same_person` could match is filed
        under one of the keys asked here, and everyone filed under them matches.
        """
        d = op.details
        mine: Traits = (d.first_name, d.last_name, d.date_of_birth, d.email)
        positions = [p for p in map(self._filed.first, _candidate_keys(*mine)) if p is not None]
        for position in sorted(positions):
            theirs, who = self._at(position)
            reason = _same_person(mine, theirs)
            if not reason:
                continue
            if isinstance(who, Known):
                return Duplicate(reason, who.name, person_id=who.id), None
            return Duplicate(reason, who.display_name, earlier_row=who.key[1]), who
        return None, None

    # -- references --------------------------------------------------------------------
    def find(self, text: str, email: str = "") -> list[PersonRef]:
        """Everyone `text` (a name or an email) could mean; `email` narrows it down."""
        wanted = _fold(text)
        wanted_email = _fold(email) or (wanted if "@" in wanted else "")
        if wanted_email:
            found = self._refs(self._filed.all(("email", wanted_email)))
            if found or "@" in wanted:
                return _unique(found)
        return _unique(self._refs(self._filed.all(("name", wanted))))

    def _refs(self, positions: list[int]) -> list[PersonRef]:
        """This file's people first, then those recorded, each in order."""
        split = bisect_left(positions, len(self.known))
        added = [self.added[p - len(self.known)] for p in positions[split:]]
        known = [self.known[p].id for p in positions[:split]]
        return [*added, *known]


def resolve(op_or_id: PersonRef) -> PersonRef:
    """An imported row that turned out to be someone already known refers to them."""
    if isinstance(op_or_id, PersonOp):
        if op_or_id.merged_into is not None:
            return resolve(op_or_id.merged_into)
        if op_or_id.existing_id is not None:
            return op_or_id.existing_id
    return op_or_id


def identity(ref: PersonRef) -> Hashable:
    """A key equal for the same person: an id, or the very same planned row."""
    return ("op", id(ref)) if isinstance(ref, PersonOp) else ("id", ref)


def _unique(refs: list[PersonRef]) -> list[PersonRef]:
    result: list[PersonRef] = []
    seen: set[Hashable] = set()
    for ref in refs:
        target = resolve(ref)
        if identity(target) not in seen:
            seen.add(identity(target))
            result.append(target)
    return result


def _traits_of(d: PersonDetails) -> tuple[str, str, str, date | None, str]:
    return d.first_name, d.last_name, d.preferred_name, d.date_of_birth, d.email


def _keys(first: str, last: str, preferred: str, born: date | None, email: str) -> set[Hashable]:
    """Every key a person is filed under (see `_candidate_keys` for what each is for)."""
    name = (_fold(first), _fold(last))
    keys: set[Hashable] = {("name", n) for n in _names(first, last, preferred)}
    if email:
        keys.add(("email", _fold(email)))
    if born:
        keys.add(("born", name, born))
    else:
        keys.add(("no date", name, bool(email)))
    keys.add(("any date", name, bool(email)))
    return keys


def _candidate_keys(first: str, last: str, born: date | None, email: str) -> list[Hashable]:
    """The keys under which everyone `_same_person` matches with these traits is filed.

    Its rules, turned round: the same email (both given); or the same folded name and, with
    both dates of birth given, the same date; with one missing, a match unless both have
    (different) emails.
    """
    name = (_fold(first), _fold(last))
    keys: list[Hashable] = [("email", _fold(email))] if email else []
    if born:
        keys += [("born", name, born), ("no date", name, False)]
        if not email:
            keys.append(("no date", name, True))
    else:
        keys.append(("any date", name, False))
        if not email:
            keys.append(("any date", name, True))
    return keys


def _names(first: str, last: str, preferred: str) -> set[str]:
    names = {_fold(f"{first} {last}"), _fold(f"{last}, {first}"), _fold(f"{last} {first}")}
    if preferred:
        names.add(_fold(f"{preferred} {last}"))
    return names


def _same_person(a: Traits, b: Traits) -> str | None:
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
