"""Erasure: remove a person's personal data everywhere, keeping the counted history.

What happens to each table that refers to a person is decided in `PERSON_TABLES` (a test
fails if a table is added without a decision):

- the person row stays as an anonymised stub ("Erased person", nothing else), so that past
  figures still count the sessions, attendances and pairings, and so that SQLite never gives the
  number to somebody new (a restored backup could otherwise erase the wrong person);
- what describes the person (contact details, conditions, consents, checks, references) is
  deleted; what is counted (dates, durations, statuses) is kept; free text is cleared;
- free text in records linked to them (session notes of their pairings, reviews, concerns
  about them) is cleared, and their name is removed from every other free-text field it
  appears in (group meeting notes, supervision notes...).

The change log's entries about them are emptied or scrubbed the same way
(`erasure_history`), leaving one anonymous "Erased on DATE" change set.

With secure_delete on, the old text is overwritten; a WAL checkpoint then moves it out of the
write-ahead log, so the erased words are no longer in the database files. The erasure log keeps
ids and dates only, so that restoring an older backup can erase the same people again.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic_core import PydanticUndefined
from sqlalchemy import Table, and_, or_, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from peerdesk.data.models import ErasureLogEntry, Person, utc_now
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.data_protection import erasure_history
from peerdesk.services.data_protection.concern_retention import keeping_concerns as keep
from peerdesk.services.people.record_tables import (
    person_reference_columns,
    table,
    text_columns,
    title_for,
)
from peerdesk.services.safety.backups import make_backup

log = logging.getLogger(__name__)

ERASED_FIRST_NAME = "Erased"
ERASED_LAST_NAME = "person"
#: Put where a column may not be blank (a concern's "what", a reason not taken forward).
ERASED_TEXT = "[erased]"
NAME_REMOVED = "[name removed]"
#: Text columns a CHECK constraint keeps non-blank when they were filled in.
REQUIRED_TEXT = frozenset({"what", "not_taken_forward_reason"})


@dataclass(frozen=True)
class Policy:
    """What erasure does with a table's rows about the person."""

    delete: bool = False
    #: Free-text columns to clear (to "" or, where required, to ERASED_TEXT).
    clear: tuple[str, ...] = ()


#: Every table with a reference to a person, and what erasing that person does to it.
PERSON_TABLES: dict[str, Policy] = {
    "person_role": Policy(clear=("cared_for_relationship",)),
    "person_condition": Policy(delete=True),
    "availability": Policy(delete=True),
    "meeting_mode_preference": Policy(delete=True),
    "consent": Policy(delete=True),
    "subject_access_request": Policy(),  # ids and dates only
    "referral": Policy(
        clear=(
            "referrer_name",
            "referrer_organisation",
            "referrer_relationship",
            "referrer_contact",
            "cared_for_condition",
            "cared_for_relationship",
            "other_professionals",
            "risks",
            "support_network",
            "hopes",
            "not_taken_forward_reason",
            "assessment_notes",
            "signposted_to",
            "close_reason",
            "reopen_reason",
        )
    ),
    "volunteer_profile": Policy(clear=("lived_experience", "skills", "interests")),
    "volunteer_stage_change": Policy(clear=("reason",)),
    "disclosure_check": Policy(delete=True),
    "volunteer_reference": Policy(delete=True),
    "training_record": Policy(),  # module, date and hours: counted as volunteer training
    "training_session": Policy(),  # the sessions they ran: dates and hours only
    "supervision": Policy(clear=("concerns", "wellbeing", "training_needs", "actions")),
    "expense_claim": Policy(clear=("notes",)),  # amounts stay in the accounts
    "outcome_score": Policy(),  # numbers only; anonymous once the person is
    "pairing": Policy(clear=("usual_place", "closure_note")),
    "concern": Policy(clear=("what", "who_was_told", "action_taken")),
    "group_facilitator": Policy(),
    "group_member": Policy(),
    "meeting_facilitator": Policy(),
    "attendance": Policy(),
}

#: Records hanging off the person's pairings: (table, column holding the pairing, policy).
PAIRING_RECORDS: tuple[tuple[str, str, Policy], ...] = (
    ("mentoring_session", "pairing_id", Policy(clear=("note", "actions", "place"))),
    ("pairing_goal", "pairing_id", Policy(delete=True)),
    ("pairing_status_change", "pairing_id", Policy(clear=("note",))),
    (
        "review",
        "pairing_id",
        Policy(
            clear=(
                "progress_goal_1",
                "progress_goal_2",
                "progress_goal_3",
                "what_is_working",
                "concerns",
            )
        ),
    ),
)
CONCERN_POLICY = PERSON_TABLES["concern"]
#: The lines of the person's expense claims: what each was for goes, the amounts stay.
CLAIM_LINE_POLICY = Policy(clear=("description",))


@dataclass
class ErasureReport:
    """What an erasure removed (or, for a preview, would remove): counts only, no names."""

    person_id: int
    erased_on: date
    deleted: Counter[str] = field(default_factory=Counter)
    cleared: Counter[str] = field(default_factory=Counter)
    names_removed: int = 0
    backup: Path | None = None
    checkpointed: bool = False

    def lines(self) -> list[str]:
        """What goes, in plain English, for the confirmation and the report."""
        lines = [
            "Their name, contact details, date of birth, equality answers, needs and notes "
            '(the record stays only as an unnamed "Erased person" so past figures still add up)'
        ]
        for name, count in sorted(self.deleted.items()):
            lines.append(f"{title_for(name)}: {count} deleted")
        for name, count in sorted(self.cleared.items()):
            lines.append(f"{title_for(name)}: the written notes of {count} cleared")
        if self.names_removed:
            lines.append(
                f"Their name removed from {self.names_removed} other note"
                f"{'s' if self.names_removed != 1 else ''}"
            )
        return lines


class ErasureService(Service):
    def preview(self, person_id: int) -> ErasureReport:
        """What erasing would remove, worked out by erasing and then rolling back."""
        with self.db.session() as session:
            try:
                return _erase(session, person_id, self.today())
            finally:
                session.rollback()

    def erase(self, person_id: int, *, backup_dir: Path | None = None) -> ErasureReport:
        """Erase the person everywhere, after a backup into `backup_dir` when one is given."""
        backup = self._backup(backup_dir, "before-erasure") if backup_dir else None
        with self.db.transaction(kind="erasure") as session, keep(session, person_id, self.today()):
            erased = _gather(session, person_id)
            report = _erase(session, person_id, self.today())
            _log(session, [person_id], self.today())
            erasure_history.scrub(session, erased, self.today())
        report.backup = backup
        report.checkpointed = self.checkpoint()
        log.info(
            "person %s erased: %s rows deleted, %s cleared, %s mentions removed",
            person_id,
            sum(report.deleted.values()),
            sum(report.cleared.values()),
            report.names_removed,
        )
        return report

    def erased_ids(self) -> list[int]:
        with self.db.session() as session:
            return sorted(set(session.exec(select(ErasureLogEntry.person_id))))

    def erasure_log(self) -> list[tuple[int, date]]:
        with self.db.session() as session:
            rows = session.exec(select(ErasureLogEntry).order_by(col(ErasureLogEntry.erased_on)))
            return [(row.person_id, row.erased_on) for row in rows]

    def reapply(self, person_ids: list[int]) -> int:
        """Erase again any of these people still present (after restoring an older backup).

        Every id is written to the log. An id with no person (the backup is older than the
        person) gets an empty "Erased person" stub, so the number is never given to someone new.
        Returns how many people had data erased again.
        """
        today = self.today()
        erased = 0
        with self.db.transaction(kind="erasure") as session:
            _log(session, list(person_ids), today)
            for person_id in dict.fromkeys(person_ids):
                person = session.get(Person, person_id)
                if person is None:
                    session.add(_stub(Person(id=person_id, first_name=ERASED_FIRST_NAME), today))
                elif not is_stub(person) or _has_personal_data(session, person_id):
                    # As at the first erasure: concerns still in their keeping period stay.
                    with keep(session, person_id, today):
                        found = _gather(session, person_id)
                        _erase(session, person_id, today)
                        erasure_history.scrub(session, found, today)
                    erased += 1
        if erased:
            self.checkpoint()
        log.info("erasure log re-applied: %s of %s people erased again", erased, len(person_ids))
        return erased

    def checkpoint(self) -> bool:
        """Move everything out of the write-ahead log and empty it; True when complete."""
        raw = self.db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            row = cursor.fetchone()
            busy = int(row[0]) if row else 1
            cursor.close()
        finally:
            raw.close()
        if busy:
            log.warning("WAL checkpoint after erasure was blocked by another reader")
        return not busy

    def _backup(self, backup_dir: Path, why: str) -> Path:
        # Named and recorded like every backup, so it is listed, rotated and encrypted too.
        return make_backup(self.db, backup_dir, why, datetime.now())


def is_stub(person: Person) -> bool:
    return (
        person.first_name == ERASED_FIRST_NAME
        and person.last_name == ERASED_LAST_NAME
        and not person.email
        and not person.phone
        and not person.address
        and not person.notes
        and person.date_of_birth is None
    )


def _has_personal_data(session: Session, person_id: int) -> bool:
    for name, policy in PERSON_TABLES.items():
        if not policy.delete:
            continue
        source = table(name)
        columns = person_reference_columns()[name]
        query = sa_select(source).where(or_(*(source.c[c] == person_id for c in columns)))
        if session.connection().execute(query.limit(1)).first() is not None:
            return True
    return False


def _gather(session: Session, person_id: int) -> erasure_history.Erased:
    """Who the person is and which records are theirs, for erasing their history."""
    person = get_or_raise(session, Person, person_id, "person")
    return erasure_history.gather(session, person, _names(person))


def _log(session: Session, person_ids: list[int], today: date) -> None:
    logged = set(session.exec(select(ErasureLogEntry.person_id)))
    for person_id in dict.fromkeys(person_ids):
        if person_id not in logged:
            session.add(ErasureLogEntry(person_id=person_id, erased_on=today))


def _stub(person: Person, today: date) -> Person:
    """Blank every detail of the person; only the number and the record's dates stay."""
    for name, info in Person.model_fields.items():
        if name in {"id", "created_at", "updated_at", "first_name"}:
            continue
        setattr(person, name, None if info.default is PydanticUndefined else info.default)
    person.first_name = ERASED_FIRST_NAME
    person.last_name = ERASED_LAST_NAME
    person.archived_on = today
    person.updated_at = utc_now()
    return person


def _names(person: Person) -> list[str]:
    """The ways the person may have been written: full names first, then single names."""
    first, preferred, last = person.first_name, person.preferred_name, person.last_name
    full = [f"{given} {last}" for given in (first, preferred) if given and last]
    single = [name for name in (first, preferred, last) if name and len(name) >= 2]
    return [name.strip() for name in (*full, *single) if name.strip()]


def _cleared(column: str) -> str:
    """What a cleared column holds: "" or, where it may not be blank, ERASED_TEXT."""
    return ERASED_TEXT if column in REQUIRED_TEXT else ""


def _clear(session: Session, source: Table, condition: Any, policy: Policy) -> int:
    """Clear the policy's text columns on matching rows; returns the rows that had text still
    to clear (a row cleared a moment ago through another link, e.g. a concern about the
    person raised in their own pairing's session, is not counted twice)."""
    if not policy.clear:
        return 0
    connection = session.connection()
    has_text = or_(
        *(and_(source.c[name] != "", source.c[name] != _cleared(name)) for name in policy.clear)
    )
    count = len(
        connection.execute(sa_select(*source.primary_key.columns).where(condition, has_text)).all()
    )
    for name in policy.clear:
        column = source.c[name]
        value = _cleared(name)
        connection.execute(
            update(source).where(condition, column != "", column != value).values({name: value})
        )
    return count


def _erase(session: Session, person_id: int, today: date) -> ErasureReport:
    person = get_or_raise(session, Person, person_id, "person")
    names = _names(person)
    report = ErasureReport(person_id=person_id, erased_on=today)
    connection = session.connection()
    references = person_reference_columns()
    for name, columns in references.items():
        source = table(name)
        about = or_(*(source.c[c] == person_id for c in columns))
        policy = PERSON_TABLES[name]
        if policy.delete:
            deleted = connection.execute(source.delete().where(about)).rowcount
            if deleted:
                report.deleted[name] += deleted
        elif cleared := _clear(session, source, about, policy):
            report.cleared[name] += cleared
    claims, lines = table("expense_claim"), table("expense_line")
    theirs = lines.c.claim_id.in_(sa_select(claims.c.id).where(claims.c.person_id == person_id))
    if cleared := _clear(session, lines, theirs, CLAIM_LINE_POLICY):
        report.cleared["expense_line"] += cleared
    pairings = table("pairing")
    pairing_ids = [
        row.id
        for row in connection.execute(
            sa_select(pairings.c.id).where(
                or_(pairings.c.mentor_id == person_id, pairings.c.mentee_id == person_id)
            )
        )
    ]
    if pairing_ids:
        for name, column, policy in PAIRING_RECORDS:
            source = table(name)
            linked = source.c[column].in_(pairing_ids)
            if policy.delete:
                deleted = connection.execute(source.delete().where(linked)).rowcount
                if deleted:
                    report.deleted[name] += deleted
            elif cleared := _clear(session, source, linked, policy):
                report.cleared[name] += cleared
        sessions = table("mentoring_session")
        concerns = table("concern")
        in_sessions = concerns.c.session_id.in_(
            sa_select(sessions.c.id).where(sessions.c.pairing_id.in_(pairing_ids))
        )
        if cleared := _clear(session, concerns, in_sessions, CONCERN_POLICY):
            report.cleared["concern"] += cleared
    _stub(person, today)
    session.add(person)
    session.flush()
    report.names_removed = _remove_names(session, names, person_id)
    session.flush()
    return report


def _remove_names(session: Session, names: list[str], person_id: int) -> int:
    """Replace the person's names in free text: full names in every table; a single name
    (too common to remove from everyone's notes) only in notes linked to them."""
    full = [name for name in names if " " in name]
    changed = 0
    if full:
        everywhere = [table(name) for name in sorted(_all_tables())]
        changed += _replace(session, everywhere, full, None, capitalised_only=False)
    meetings = (
        sa_select(table("attendance").c.meeting_id)
        .where(table("attendance").c.person_id == person_id)
        .union(
            sa_select(table("meeting_facilitator").c.meeting_id).where(
                table("meeting_facilitator").c.person_id == person_id
            )
        )
    )
    pairings = table("pairing")
    discussed = sa_select(table("supervision_pairing").c.supervision_id).where(
        table("supervision_pairing").c.pairing_id.in_(
            sa_select(pairings.c.id).where(
                or_(pairings.c.mentor_id == person_id, pairings.c.mentee_id == person_id)
            )
        )
    )
    linked = {
        "group_meeting": table("group_meeting").c.id.in_(meetings),
        "supervision": table("supervision").c.id.in_(discussed),
        "concern": table("concern").c.group_meeting_id.in_(meetings),
    }
    for name, condition in linked.items():
        changed += _replace(session, [table(name)], names, condition, capitalised_only=True)
    return changed


def _replace(
    session: Session,
    sources: list[Table],
    names: list[str],
    condition: Any,
    *,
    capitalised_only: bool,
) -> int:
    """Replace the names in any case, whatever case the person was stored in ("ANNA" finds
    "Anna"); with `capitalised_only`, only where written with a capital, so that a single name
    such as Will or Hope leaves "will" and "hope" alone."""
    if not names:
        return 0
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )

    def removed(match: re.Match[str]) -> str:
        found = match.group(0)
        return NAME_REMOVED if not capitalised_only or found[0].isupper() else found

    changed = 0
    connection = session.connection()
    for source in sources:
        keys = list(source.primary_key.columns)
        for column in text_columns(source.name):
            c = source.c[column]
            query = sa_select(*keys, c).where(
                or_(*(c.contains(_like_fragment(name), autoescape=True) for name in names))
            )
            if condition is not None:
                query = query.where(condition)
            for row in connection.execute(query).all():
                value = row[-1]
                new_value = pattern.sub(removed, value)
                if new_value == value:
                    continue
                where = [key == row[i] for i, key in enumerate(keys)]
                connection.execute(update(source).where(*where).values({column: new_value}))
                changed += 1
    return changed


def _like_fragment(name: str) -> str:
    """The longest run of `name` that SQLite's LIKE finds in every spelling the pattern above
    matches, to narrow the rows down (the pattern decides). LIKE ignores case only for A to Z,
    so "Zoë" would miss "ZOË"; and the pattern also matches i written ı or İ, s written ſ and
    k written as the Kelvin sign, so "Aylin" would miss "Aylın". Those letters split the run;
    an empty run narrows nothing (every row is read)."""
    return max(re.split(r"[^\x00-\x7f]+|[iIsSkK]", name), key=len)


def _all_tables() -> list[str]:
    from sqlmodel import SQLModel

    # The history is erased by `erasure_history`, which knows its JSON (and counts no notes).
    skipped = {"alembic_version", "change_log", "change_set"}
    return [name for name in SQLModel.metadata.tables if name not in skipped]
