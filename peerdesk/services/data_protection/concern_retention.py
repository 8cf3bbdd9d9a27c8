"""Concern retention: a safeguarding record outlives an erasure for a while.

A concern is kept `organisation.concern_keep_years` (6) after it is closed, and always while
it is open. Erasing a person while a concern about them (or about one of their pairings) is
within that period erases everything else as usual, but
`keeping_concerns` puts the concern back as it was: its words, its follow-up actions and its
history keep the person's name. An `erasure_hold` row keeps their names and the date the
hold ends: the concern's closing date plus the keep years, or for a concern still open the
day of the erasure plus the keep years (moved on by the sweep once it closes later).

`release_holds(today)` is the sweep: once a hold's date has passed and every concern it
covers is closed and past its own period, the names are replaced with "Erased person" in
those concerns, their actions and their history, and the hold goes. It runs each time the
database is opened (`peerdesk.services.opening.open_services`).

The hold itself and the restoring are written through the connection, not the logged
session: a change log entry of them would hold the very names erasure takes out of it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, or_, select, update
from sqlmodel import Session, col
from sqlmodel import select as model_select

from peerdesk.data.models import (
    ChangeLogEntry,
    Concern,
    ConcernAction,
    ErasureHold,
    Organisation,
    Pairing,
    Person,
)

#: What a name becomes when the hold ends.
ERASED_PERSON = "Erased person"
#: The words of a concern and of an action that may name the person.
CONCERN_TEXT = (
    "what",
    "who_was_told",
    "action_taken",
    "outcome",
    "category",
    "referred_to",
    "referral_reference",
)
ACTION_TEXT = ("action",)
NUMBERS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@dataclass(frozen=True)
class KeptConcern:
    """A concern an erasure now would keep with the person's name, and until when."""

    concern_id: int
    raised_on: date
    closed_on: date | None
    keep_until: date
    keep_years: int

    def sentence(self) -> str:
        years = NUMBERS[self.keep_years] if self.keep_years < len(NUMBERS) else self.keep_years
        raised = _words(self.raised_on)
        if self.closed_on is None:
            return (
                f"A concern raised about them on {raised} is a safeguarding record and is still "
                f"open: their name stays in it while it is open and for {years} years after it "
                f"is closed (until {_words(self.keep_until)} at the earliest), and is then "
                f"replaced with '{ERASED_PERSON}'."
            )
        return (
            f"A concern raised about them on {raised} is a safeguarding record: their name "
            f"stays in it until {_words(self.keep_until)}, {years} years after it was closed, "
            f"and is then replaced with '{ERASED_PERSON}'."
        )


def keep_years(session: Session) -> int:
    found = session.scalars(select(Organisation)).first()
    return found.concern_keep_years if found is not None else 6


def kept_concerns(session: Session, person_id: int, today: date) -> list[KeptConcern]:
    """The concerns an erasure of the person on `today` would keep, oldest first."""
    years = keep_years(session)
    kept = []
    for concern in _their_concerns(session, person_id):
        until = add_years(concern.closed_on or today, years)
        if concern.closed_on is None or until >= today:
            kept.append(
                KeptConcern(concern.id or 0, concern.raised_on, concern.closed_on, until, years)
            )
    return sorted(kept, key=lambda k: (k.raised_on, k.concern_id))


@contextmanager
def keeping_concerns(session: Session, person_id: int, today: date) -> Iterator[None]:
    """Around an erasure: afterwards, the concerns still within their period are as they
    were (words, actions, history) and a hold keeps the names until the period ends."""
    kept = kept_concerns(session, person_id, today)
    person = session.get(Person, person_id)
    if not kept or person is None:
        yield
        return
    names = _names(person)
    snapshot = _snapshot(session, [k.concern_id for k in kept])
    yield
    _restore(session, snapshot)
    connection = session.connection()
    connection.execute(
        insert(ErasureHold.__table__).values(  # type: ignore[attr-defined]
            person_id=person_id,
            names=json.dumps(names),
            hold_until=max(k.keep_until for k in kept),
        )
    )


def release_holds(session: Session, today: date) -> int:
    """Replace the held names with "Erased person" where the period has ended; returns how
    many holds were released (a count only: nothing personal is logged)."""
    holds = ErasureHold.__table__  # type: ignore[attr-defined]
    connection = session.connection()
    released = 0
    years = keep_years(session)
    for hold_id, person_id, names_json in connection.execute(
        select(holds.c.id, holds.c.person_id, holds.c.names).where(holds.c.hold_until < today)
    ).all():
        concerns = _their_concerns(session, person_id)
        if any(c.closed_on is None for c in concerns):
            continue  # an open concern is always kept
        until = max([add_years(c.closed_on, years) for c in concerns if c.closed_on] or [today])
        if until >= today:
            # A concern closed after the erasure: the hold runs to its own period's end.
            connection.execute(update(holds).where(holds.c.id == hold_id).values(hold_until=until))
            continue
        pattern = _pattern(json.loads(names_json))
        snapshot = _snapshot(session, [c.id or 0 for c in concerns])
        _restore(session, snapshot.replaced(pattern))
        connection.execute(delete(holds).where(holds.c.id == hold_id))
        released += 1
    return released


def holds_due(session: Session, today: date) -> bool:
    """Whether any hold's date has passed (the sweep then looks at each)."""
    holds = ErasureHold.__table__  # type: ignore[attr-defined]
    query = select(holds.c.id).where(holds.c.hold_until < today).limit(1)
    return session.connection().execute(query).first() is not None


def held_name(session: Session, person_id: int) -> str | None:
    """The name an erased person is still shown by in concerns about them (held), or None."""
    row = (
        session.connection()
        .execute(
            select(ErasureHold.__table__.c.names).where(  # type: ignore[attr-defined]
                ErasureHold.__table__.c.person_id == person_id  # type: ignore[attr-defined]
            )
        )
        .first()
    )
    names = json.loads(row[0]) if row is not None else []
    return str(names[0]) if names else None


def add_years(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# -- what is kept ------------------------------------------------------------------------
@dataclass
class _Snapshot:
    concerns: dict[int, dict[str, Any]]
    actions: dict[int, dict[str, Any]]
    history: dict[int, str]

    def replaced(self, pattern: re.Pattern[str] | None) -> _Snapshot:
        def sub(value: Any) -> Any:
            if pattern is None or not isinstance(value, str):
                return value
            return pattern.sub(ERASED_PERSON, value)

        history = {}
        for entry_id, text in self.history.items():
            values = json.loads(text)
            for column, pair in values.items():
                values[column] = [sub(v) for v in pair] if isinstance(pair, list) else sub(pair)
            history[entry_id] = json.dumps(values, sort_keys=True)
        return _Snapshot(
            {k: {c: sub(v) for c, v in row.items()} for k, row in self.concerns.items()},
            {k: {c: sub(v) for c, v in row.items()} for k, row in self.actions.items()},
            history,
        )


def _snapshot(session: Session, concern_ids: list[int]) -> _Snapshot:
    connection = session.connection()
    concerns = Concern.__table__  # type: ignore[attr-defined]
    actions = ConcernAction.__table__  # type: ignore[attr-defined]
    entries = ChangeLogEntry.__table__  # type: ignore[attr-defined]
    concern_rows = {
        row["id"]: {c: row[c] for c in CONCERN_TEXT}
        for row in connection.execute(
            select(concerns).where(concerns.c.id.in_(concern_ids))
        ).mappings()
    }
    action_rows = {
        row["id"]: {c: row[c] for c in ACTION_TEXT}
        for row in connection.execute(
            select(actions).where(actions.c.concern_id.in_(concern_ids))
        ).mappings()
    }
    keys = [("concern", i) for i in concern_rows] + [("concern_action", i) for i in action_rows]
    history: dict[int, str] = {}
    if keys:
        wanted = or_(
            *(
                (entries.c.table_name == name) & (entries.c.record_key == json.dumps({"id": i}))
                for name, i in keys
            )
        )
        for entry_id, changes in connection.execute(
            select(entries.c.id, entries.c.changes).where(wanted)
        ).all():
            history[entry_id] = changes
    return _Snapshot(concern_rows, action_rows, history)


def _restore(session: Session, snapshot: _Snapshot) -> None:
    session.flush()
    connection = session.connection()
    concerns = Concern.__table__  # type: ignore[attr-defined]
    actions = ConcernAction.__table__  # type: ignore[attr-defined]
    entries = ChangeLogEntry.__table__  # type: ignore[attr-defined]
    for concern_id, values in snapshot.concerns.items():
        connection.execute(update(concerns).where(concerns.c.id == concern_id).values(values))
    for action_id, values in snapshot.actions.items():
        connection.execute(update(actions).where(actions.c.id == action_id).values(values))
    for entry_id, changes in snapshot.history.items():
        connection.execute(update(entries).where(entries.c.id == entry_id).values(changes=changes))
    session.expire_all()


def _their_concerns(session: Session, person_id: int) -> list[Concern]:
    pairings = model_select(Pairing.id).where(
        or_(col(Pairing.mentor_id) == person_id, col(Pairing.mentee_id) == person_id)
    )
    query = model_select(Concern).where(
        or_(col(Concern.about_person_id) == person_id, col(Concern.pairing_id).in_(pairings))
    )
    return list(session.exec(query))


def _names(person: Person) -> list[str]:
    """The ways the person may have been written: full names first, then single names (as
    erasure finds them)."""
    first, preferred, last = person.first_name, person.preferred_name, person.last_name
    full = [f"{given} {last}" for given in (first, preferred) if given and last]
    single = [name for name in (first, preferred, last) if name and len(name) >= 2]
    return list(dict.fromkeys(name.strip() for name in (*full, *single) if name.strip()))


def _pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in ordered) + r")\b", re.IGNORECASE)


def _words(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
