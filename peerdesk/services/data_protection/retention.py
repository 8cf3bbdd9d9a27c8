"""Retention: how long each kind of record is kept after the last contact, and who is past it.

A person past their date is shown on Today for review: anonymise them (the erasure service:
their history still counts in figures, but no longer names them), or keep them with a reason.
The reason is written into the person's notes with the date to look again (no extra table);
`KEPT_PATTERN` reads it back.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session, select

from peerdesk.data.models import Person, RetentionRule, utc_now
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.people.views import PersonView
from peerdesk.vocabulary import RecordKind, Role

#: Years to keep after the last contact, unless the coordinator sets otherwise.
DEFAULT_KEEP_YEARS: dict[RecordKind, int] = {
    RecordKind.MENTEE: 6,
    RecordKind.VOLUNTEER: 6,
    RecordKind.GROUP_MEMBER: 3,
    RecordKind.REFERRAL_NOT_TAKEN_FORWARD: 2,
}

#: What each rule covers, in the coordinator's words (settings and docs show this).
RULE_MEANING: dict[RecordKind, str] = {
    RecordKind.MENTEE: "People supported one to one (mentees and carers)",
    RecordKind.VOLUNTEER: "Volunteers (mentors and facilitators), including their checks "
    "and training",
    RecordKind.GROUP_MEMBER: "People who only came to groups",
    RecordKind.REFERRAL_NOT_TAKEN_FORWARD: "People referred whose referral was not taken "
    "forward, and who were never supported",
}

_ROLE_KINDS = {
    Role.MENTEE.value: RecordKind.MENTEE,
    Role.CARER.value: RecordKind.MENTEE,
    Role.MENTOR.value: RecordKind.VOLUNTEER,
    Role.FACILITATOR.value: RecordKind.VOLUNTEER,
    Role.GROUP_MEMBER.value: RecordKind.GROUP_MEMBER,
}

KEPT_PATTERN = re.compile(
    r"Kept past the retention date on \d{4}-\d{2}-\d{2}; look again on "
    r"(\d{4}-\d{2}-\d{2})"
)

#: Every date that shows contact with a person: (SQL giving person_id, day).
_CONTACT_SQL = """
SELECT p.id AS id, date(p.created_at) AS day FROM person p
UNION ALL SELECT pr.mentee_id, s.session_date FROM mentoring_session s
    JOIN pairing pr ON pr.id = s.pairing_id
UNION ALL SELECT pr.mentor_id, s.session_date FROM mentoring_session s
    JOIN pairing pr ON pr.id = s.pairing_id
UNION ALL SELECT mentee_id, max(proposed_on, coalesce(end_date, proposed_on)) FROM pairing
UNION ALL SELECT mentor_id, max(proposed_on, coalesce(end_date, proposed_on)) FROM pairing
UNION ALL SELECT person_id, max(referral_date, coalesce(decided_on, referral_date),
    coalesce(closed_on, referral_date)) FROM referral
UNION ALL SELECT a.person_id, m.meeting_date FROM attendance a
    JOIN group_meeting m ON m.id = a.meeting_id
UNION ALL SELECT f.person_id, m.meeting_date FROM meeting_facilitator f
    JOIN group_meeting m ON m.id = f.meeting_id
UNION ALL SELECT person_id, coalesce(left_on, joined_on) FROM group_member
UNION ALL SELECT person_id, coalesce(ended_on, started_on) FROM person_role
UNION ALL SELECT person_id, changed_on FROM volunteer_stage_change
UNION ALL SELECT person_id, training_date FROM training_record
UNION ALL SELECT mentor_id, supervision_date FROM supervision
UNION ALL SELECT person_id, coalesce(paid_on, submitted_on) FROM expense_claim
UNION ALL SELECT person_id, coalesce(withdrawn_on, given_on) FROM consent
UNION ALL SELECT person_id, scored_on FROM outcome_score
"""


@dataclass(frozen=True)
class RuleRow:
    kind: RecordKind
    keep_years: int
    meaning: str
    is_default: bool


@dataclass(frozen=True)
class RetentionDue:
    """A person whose records are past the retention date, for review."""

    person_id: int
    name: str
    kinds: tuple[RecordKind, ...]
    last_contact: date
    keep_years: int
    review_on: date


def retention_rules(session: Session) -> dict[RecordKind, int]:
    """The years to keep each kind of record: the coordinator's settings over the defaults."""
    rules = dict(DEFAULT_KEEP_YEARS)
    for rule in session.exec(select(RetentionRule)):
        if rule.record_kind in RecordKind.values():
            rules[RecordKind(rule.record_kind)] = rule.keep_years
    return rules


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def kept_until(notes: str) -> date | None:
    """The latest "look again" date written by keep-with-reason, if any."""
    found = [date.fromisoformat(match) for match in KEPT_PATTERN.findall(notes or "")]
    return max(found) if found else None


class RetentionService(Service):
    def rules(self) -> list[RuleRow]:
        with self.db.session() as session:
            saved = {
                rule.record_kind: rule.keep_years for rule in session.exec(select(RetentionRule))
            }
        return [
            RuleRow(
                kind=kind,
                keep_years=saved.get(kind.value, default),
                meaning=RULE_MEANING[kind],
                is_default=kind.value not in saved,
            )
            for kind, default in DEFAULT_KEEP_YEARS.items()
        ]

    def set_rule(self, kind: RecordKind | str, keep_years: int) -> None:
        kind = v.one_of(kind, RecordKind, "record_kind", "the kind of record")
        if not 1 <= int(keep_years) <= 100:
            raise ValidationError("Please keep records for between 1 and 100 years.", "keep_years")
        with self.db.transaction() as session:
            rule = session.get(RetentionRule, kind.value)
            if rule is None:
                rule = RetentionRule(record_kind=kind.value, keep_years=int(keep_years))
            rule.keep_years = int(keep_years)
            session.add(rule)

    def due_for_review(self, on: date | None = None) -> list[RetentionDue]:
        with self.db.session() as session:
            return due_for_review(session, on or self.today())

    def due_for_person(self, person_id: int) -> RetentionDue | None:
        """The person's retention review, if their records are past the date."""
        with self.db.session() as session:
            found = due_for_review(session, self.today(), person_id)
        return found[0] if found else None

    def keep(self, person_id: int, reason: str, until: date | None = None) -> PersonView:
        """Keep a person's records past the date, saying why, until `until` (a year by default)."""
        reason = v.required_text(reason, "reason", "the reason for keeping the records")
        today = self.today()
        look_again = until or add_years(today, 1)
        if look_again <= today:
            raise ValidationError("The date to look again should be in the future.", "until")
        line = (
            f"Kept past the retention date on {today.isoformat()}; look again on "
            f"{look_again.isoformat()}. Reason: {reason}"
        )
        with self.db.transaction() as session:
            person = get_or_raise(session, Person, person_id, "person")
            person.notes = f"{person.notes}\n{line}".strip()
            v.long_text(person.notes, "notes", "the notes")
            person.updated_at = utc_now()
            session.add(person)
            session.flush()
            session.refresh(person)
            return PersonView.of(person)

    def anonymise(self, person_id: int, *, backup_dir: Path | None = None) -> object:
        """Anonymise a person past their date: the same as erasing them (history still counts)."""
        from peerdesk.services.data_protection.erasure import ErasureService

        return ErasureService(self.db, self._today).erase(person_id, backup_dir=backup_dir)


def due_for_review(
    session: Session, today: date, person_id: int | None = None
) -> list[RetentionDue]:
    """Everyone past their retention date (or just `person_id`, for their page).

    SQLite works out each person's last contact and returns only those whose last contact
    is older than the shortest rule allows; only they are read as people and checked.
    """
    rules = retention_rules(session)
    last = _last_contacts(session, rules, today, person_id)
    if not last:
        return []
    ids = {"ids": json.dumps(sorted(last))}
    found = _past_their_date(session, ids, last, _record_kinds(session, ids), rules, today)
    found.sort(key=lambda due: (due.review_on, due.person_id))
    return found


#: The people `ids` names (a JSON list), for the queries below.
_CHOSEN = "SELECT value FROM json_each(:ids)"


def _last_contacts(
    session: Session, rules: dict[RecordKind, int], today: date, person_id: int | None
) -> dict[int, date]:
    """Each not-erased person's last contact, for those whom the shortest rule may have passed."""
    # Nobody whose last contact is after this can be past any rule (a day's slack covers
    # 29 February); the exact date is checked by `_past_their_date`.
    latest_possible = add_years(today, -min(rules.values())) + timedelta(days=1)
    last_sql = (
        f"SELECT contact.id, max(substr(contact.day, 1, 10)) FROM ({_CONTACT_SQL}) AS contact "
        "WHERE contact.id IS NOT NULL AND contact.day IS NOT NULL"
    )
    arguments: dict[str, object] = {"latest": latest_possible.isoformat()}
    if person_id is not None:
        last_sql += " AND contact.id = :person"
        arguments["person"] = person_id
    last_sql += (
        " AND contact.id NOT IN (SELECT person_id FROM erasure_log WHERE person_id IS NOT NULL)"
        " GROUP BY contact.id HAVING max(substr(contact.day, 1, 10)) <= :latest"
    )
    return {
        holder: date.fromisoformat(day)
        for holder, day in session.connection().execute(text(last_sql), arguments)
    }


def _record_kinds(session: Session, ids: dict[str, str]) -> dict[int, set[RecordKind]]:
    """The kinds of record each chosen person has (their roles, a volunteer journey, or only
    referrals not taken forward), which decide how long their records are kept."""
    kinds: dict[int, set[RecordKind]] = defaultdict(set)
    for holder, role in session.connection().execute(
        text(f"SELECT person_id, role FROM person_role WHERE person_id IN ({_CHOSEN})"), ids
    ):
        kinds[holder].add(_ROLE_KINDS[role])
    for (holder,) in session.connection().execute(
        text(
            f"SELECT DISTINCT person_id FROM volunteer_stage_change WHERE person_id IN ({_CHOSEN})"
        ),
        ids,
    ):
        kinds[holder].add(RecordKind.VOLUNTEER)
    for (holder,) in session.connection().execute(
        text(
            f"SELECT person_id FROM referral WHERE person_id IN ({_CHOSEN}) GROUP BY person_id "
            "HAVING sum(status != 'not_taken_forward') = 0"
        ),
        ids,
    ):
        if not kinds[holder]:
            kinds[holder].add(RecordKind.REFERRAL_NOT_TAKEN_FORWARD)
    return kinds


def _past_their_date(
    session: Session,
    ids: dict[str, str],
    last: dict[int, date],
    kinds: dict[int, set[RecordKind]],
    rules: dict[RecordKind, int],
    today: date,
) -> list[RetentionDue]:
    """Of the chosen people, those past the longest rule that applies to them (the longest
    of all when none does) and not marked to be kept for longer."""
    longest = max(rules.values())
    found: list[RetentionDue] = []
    people = session.connection().execute(
        text(
            "SELECT id, first_name, preferred_name, last_name, notes FROM person "
            f"WHERE id IN ({_CHOSEN})"
        ),
        ids,
    )
    for pid, first, preferred, last_name, notes in people:
        applies = tuple(sorted(kinds.get(pid) or set(), key=list(RecordKind).index))
        years = max((rules[kind] for kind in applies), default=longest)
        review_on = add_years(last[pid], years)
        if review_on > today:
            continue
        kept = kept_until(notes)
        if kept is not None and kept > today:
            continue
        found.append(
            RetentionDue(
                person_id=pid,
                name=f"{preferred or first} {last_name}".strip(),
                kinds=applies,
                last_contact=last[pid],
                keep_years=years,
                review_on=review_on,
            )
        )
    return found
