"""Erasure of a person's history: the change log must not keep what erasure removed.

The change log holds old values, so without this an erased name would live on in it. Three
steps, in the erasure's own transaction:

- the history of the person's own records (their person row, every row that refers to them,
  and the records of their pairings) is emptied: the entries stay, saying only that a record
  was added, changed or removed, with no values;
- every other entry (and every change set's reason and description) has the person's full
  names, e-mail address, phone number and address replaced, as erasure does in notes; in
  entries for records linked to them (the meetings they attended, the supervisions that
  discussed their pairings) their single names too, where written with a capital;
- the erasure's own entries are removed, leaving one anonymous "Erased on DATE" change set.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlmodel import Session

from peerdesk.data.change_log import current_change_set, record_key
from peerdesk.data.models import ChangeLogEntry, ChangeSet, Person
from peerdesk.services.figures.period import long_date
from peerdesk.services.people.record_tables import person_reference_columns, table

NAME_REMOVED = "[name removed]"
DETAIL_REMOVED = "[erased]"


@dataclass
class Erased:
    """What identifies the person, read before their record is blanked."""

    person_id: int
    full_names: list[str]
    single_names: list[str]
    details: list[str]
    pairing_ids: set[int] = field(default_factory=set)
    #: (table, record key) of their own records, found before erasure deletes any.
    own: set[tuple[str, str]] = field(default_factory=set)
    #: (table, record key) of records linked to them (meetings, supervisions).
    linked: set[tuple[str, str]] = field(default_factory=set)


def key_of(name: str, value: int) -> str:
    """The change log's key of a record with a single "id" key."""
    return json.dumps({"id": value}, sort_keys=True)


def gather(session: Session, person: Person, names: list[str]) -> Erased:
    """Read who the person is and which records are theirs, before anything is erased."""
    assert person.id is not None
    person_id = person.id
    details = [
        value.strip()
        for value in (person.email, person.phone, person.address)
        if value and len(value.strip()) >= 5
    ]
    erased = Erased(
        person_id=person_id,
        full_names=[n for n in names if " " in n],
        single_names=[n for n in names if " " not in n],
        details=details,
    )
    erased.own.add(("person", key_of("person", person_id)))
    connection = session.connection()
    for name, columns in person_reference_columns().items():
        source = table(name)
        where = or_(*(source.c[c] == person_id for c in columns))
        for row in connection.execute(select(source).where(where)).mappings():
            erased.own.add((name, _key(name, row)))
            if name == "pairing":
                erased.pairing_ids.add(int(row["id"]))
    for name, row in _pairing_records(session, erased.pairing_ids):
        erased.own.add((name, _key(name, row)))
    for name, row in _parts_of_their_records(session, person_id):
        erased.own.add((name, _key(name, row)))
    attended = select(table("attendance").c.meeting_id).where(
        table("attendance").c.person_id == person_id
    )
    for (meeting_id,) in connection.execute(attended):
        erased.linked.add(("group_meeting", key_of("group_meeting", meeting_id)))
    return erased


def _pairing_records(session: Session, pairing_ids: set[int]) -> Iterable[tuple[str, Any]]:
    if not pairing_ids:
        return []
    found: list[tuple[str, Any]] = []
    for name in ("mentoring_session", "pairing_goal", "pairing_status_change", "review"):
        source = table(name)
        query = select(source).where(source.c.pairing_id.in_(pairing_ids))
        found.extend((name, row) for row in session.connection().execute(query).mappings())
    return found


#: Records that belong to one of the person's records: (table, its column, the parent table).
PARTS = (
    ("expense_line", "claim_id", "expense_claim"),
    ("outcome_answer", "score_id", "outcome_score"),
)


def _parts_of_their_records(session: Session, person_id: int) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for name, column, parent in PARTS:
        source, owner = table(name), table(parent)
        theirs = select(owner.c.id).where(owner.c.person_id == person_id)
        query = select(source).where(source.c[column].in_(theirs))
        found.extend((name, row) for row in session.connection().execute(query).mappings())
    return found


def _key(name: str, row: Any) -> str:
    return record_key(table(name), row)


def scrub(session: Session, erased: Erased, today: date) -> int:
    """Empty, scrub and replace the history as the module docstring says. Returns how many
    entries were emptied or changed (a count only: nothing personal is logged)."""
    session.flush()
    references = person_reference_columns()
    everywhere = _pattern(erased.full_names + erased.details)
    nearby = _pattern(erased.single_names)
    changed = 0
    connection = session.connection()
    entries = ChangeLogEntry.__table__  # type: ignore[attr-defined]
    own = set(erased.own)
    rows = connection.execute(
        select(entries.c.id, entries.c.table_name, entries.c.record_key, entries.c.changes)
    ).all()
    # A record that once referred to them (since deleted or changed) is theirs too.
    for _id, name, key, text in rows:
        values = json.loads(text)
        columns = references.get(name, ()) + (("pairing_id",) if name != "pairing" else ())
        for column in columns:
            pair = values.get(column)
            if not isinstance(pair, list):
                continue
            if column == "pairing_id":
                if any(v in erased.pairing_ids for v in pair if isinstance(v, int)):
                    own.add((name, key))
            elif erased.person_id in pair:
                own.add((name, key))
    for entry_id, name, key, text in rows:
        if (name, key) in own:
            new_text = "{}" if text != "{}" else text
        else:
            new_text = _scrubbed(text, everywhere, nearby if (name, key) in erased.linked else None)
        if new_text != text:
            connection.execute(
                update(entries).where(entries.c.id == entry_id).values(changes=new_text)
            )
            changed += 1
    changed += _scrub_change_sets(session, everywhere)
    _leave_one_anonymous_set(session, today)
    return changed


def _pattern(words: list[str]) -> re.Pattern[str] | None:
    words = [w for w in words if w]
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in ordered) + r")\b", re.IGNORECASE)


def _scrubbed(text: str, everywhere: re.Pattern[str] | None, nearby: re.Pattern[str] | None) -> str:
    values = json.loads(text)
    for column, pair in values.items():
        values[column] = [_replace(v, everywhere, nearby) for v in pair]
    scrubbed = json.dumps(values, sort_keys=True)
    return scrubbed if scrubbed != json.dumps(json.loads(text), sort_keys=True) else text


def _replace(value: Any, everywhere: re.Pattern[str] | None, nearby: re.Pattern[str] | None) -> Any:
    if not isinstance(value, str):
        return value
    if everywhere is not None:
        value = everywhere.sub(NAME_REMOVED, value)
    if nearby is not None:
        value = nearby.sub(lambda m: NAME_REMOVED if m.group(0)[0].isupper() else m.group(0), value)
    return value


def _scrub_change_sets(session: Session, everywhere: re.Pattern[str] | None) -> int:
    if everywhere is None:
        return 0
    sets = ChangeSet.__table__  # type: ignore[attr-defined]
    connection = session.connection()
    changed = 0
    for set_id, reason, description in connection.execute(
        select(sets.c.id, sets.c.reason, sets.c.description)
    ).all():
        new_reason = everywhere.sub(NAME_REMOVED, reason)
        new_description = everywhere.sub(NAME_REMOVED, description)
        if (new_reason, new_description) != (reason, description):
            connection.execute(
                update(sets)
                .where(sets.c.id == set_id)
                .values(reason=new_reason, description=new_description)
            )
            changed += 1
    return changed


def _leave_one_anonymous_set(session: Session, today: date) -> None:
    """The erasure's own entries hold what it removed: they go; its change set stays, saying
    only when (the coordinator's description is replaced: it might name them)."""
    set_id = current_change_set(session)
    if set_id is None:
        return
    entries = ChangeLogEntry.__table__  # type: ignore[attr-defined]
    sets = ChangeSet.__table__  # type: ignore[attr-defined]
    connection = session.connection()
    connection.execute(delete(entries).where(entries.c.change_set_id == set_id))
    connection.execute(
        update(sets)
        .where(sets.c.id == set_id)
        .values(kind="erasure", reason="", description=f"Erased on {long_date(today)}")
    )
