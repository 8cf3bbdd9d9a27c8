"""What the history service hands to screens and the command line: the change log in plain
words ("Address changed from 1 High St to 2 Low Rd, 3 March 2026, by Jo Smith"), never rows.

The UI imports this module (and the container), nothing else from the area.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Table

from peerdesk.services.people.record_tables import field_title, long_date, readable, table

#: One record of each table, as the coordinator says it ("Training record added").
RECORD_NAMES: dict[str, str] = {
    "person": "Person",
    "person_role": "Role",
    "person_condition": "Condition",
    "availability": "Availability",
    "meeting_mode_preference": "Way of meeting",
    "consent": "Consent",
    "consent_wording": "Consent wording",
    "referral": "Referral",
    "volunteer_profile": "Volunteer profile",
    "volunteer_stage_change": "Volunteer journey step",
    "disclosure_check": "Disclosure check",
    "volunteer_reference": "Reference",
    "training_record": "Training record",
    "training_module": "Training module",
    "training_session": "Training session",
    "training_session_module": "Module of a training session",
    "supervision": "Supervision",
    "supervision_pairing": "Pairing discussed in supervision",
    "expense_claim": "Expense claim",
    "expense_line": "Expense claim line",
    "project": "Project",
    "outcome_score": "Outcome scores",
    "outcome_answer": "Outcome score answer",
    "pairing": "Pairing",
    "pairing_goal": "Pairing goal",
    "pairing_status_change": "Pairing status change",
    "mentoring_session": "Session",
    "review": "Review",
    "concern": "Concern",
    "concern_action": "Concern follow-up action",
    "erasure_hold": "Name kept in concerns after erasure",
    "peer_group": "Group",
    "group_member": "Group membership",
    "group_facilitator": "Group facilitator",
    "group_meeting": "Group meeting",
    "meeting_facilitator": "Meeting facilitator",
    "attendance": "Attendance",
    "condition": "Condition in the list",
    "organisation": "Settings",
    "retention_rule": "Retention rule",
    "subject_access_request": "Request to see their information",
    "erasure_log": "Erasure",
}

#: Columns the coordinator never sees change: bookkeeping stamped by the app itself.
HIDDEN_COLUMNS = frozenset({"id", "created_at", "updated_at", "recorded_at"})

#: Where the glossary's word is not the column's name made readable.
FIELD_TITLES: dict[str, str] = {
    "session_date": "Date",
    "scored_on": "Date scored",
    "given_on": "Date given",
    "withdrawn_on": "Date withdrawn",
    "review_on": "Review date",
    "wording_id": "Wording",
    "evidence_reference": "Evidence reference",
    "mentor_id": "Mentor",
    "mentee_id": "Mentee",
    "person_id": "Person",
    "pairing_id": "Pairing",
    "entered_in_error_on": "Date marked as entered in error",
    "entered_in_error_reason": "Why it was entered in error",
}


def record_name(table_name: str) -> str:
    return RECORD_NAMES.get(table_name, table_name.replace("_", " ").capitalize())


def column_title(column: str) -> str:
    return FIELD_TITLES.get(column, field_title(column))


def _table(name: str) -> Table | None:
    try:
        return table(name)
    except KeyError:
        return None


def value_words(table_name: str, column: str, value: Any) -> str:
    """A logged value as people read it: dates in full, vocabulary labels, yes or no."""
    if value is None or value == "":
        return ""
    source = _table(table_name)
    kind = source.c[column].type if source is not None and column in source.c else None
    if isinstance(value, str) and isinstance(kind, DateTime):
        try:
            return readable(datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, str) and isinstance(kind, Date):
        try:
            return readable(date.fromisoformat(value))
        except ValueError:
            return value
    if column == "pairing_id" and isinstance(value, int):
        return f"P{value:04d}"
    return readable(value)


@dataclass(frozen=True)
class FieldChange:
    """One column of one record: its old and new value, as stored and in words."""

    column: str
    title: str
    old: Any
    new: Any
    old_words: str
    new_words: str

    @property
    def words(self) -> str:
        if not self.old_words:
            return f"{self.title} set to {self.new_words}"
        if not self.new_words:
            return f"{self.title} cleared (was {self.old_words})"
        return f"{self.title} changed from {self.old_words} to {self.new_words}"


@dataclass(frozen=True)
class ChangeLine:
    """One record added, changed or removed, in one change set."""

    change_set_id: int
    table_name: str
    #: The record's primary key, as logged: {"id": 12}, or every key column.
    key: dict[str, Any]
    action: str
    fields: tuple[FieldChange, ...]
    made_at: datetime
    changed_by: str
    reason: str

    @property
    def record_id(self) -> int | None:
        value = self.key.get("id")
        return value if isinstance(value, int) else None

    @property
    def record(self) -> str:
        """The record as people name it: "Training record 12", "Pairing P0042"."""
        name = record_name(self.table_name)
        if self.table_name == "pairing" and self.record_id is not None:
            return f"{name} P{self.record_id:04d}"
        return f"{name} {'/'.join(str(v) for v in self.key.values())}"

    @property
    def words(self) -> list[str]:
        """What happened, without when or who: one phrase per changed field for a change."""
        name = record_name(self.table_name)
        why = f": {self.reason}" if self.reason else ""
        if self.action == "insert":
            return [f"{name} added"]
        if self.action == "delete":
            return [f"{name} removed{why}"]
        shown = [f.words for f in self.fields if f.column not in HIDDEN_COLUMNS]
        return shown or [f"{name} changed"]

    @property
    def sentences(self) -> list[str]:
        """ "Address changed from 1 High St to 2 Low Rd, 3 March 2026, by Jo Smith"."""
        tail = f", {long_date(self.made_at.date())}, by {self.changed_by}"
        return [f"{words}{tail}" for words in self.words]


@dataclass(frozen=True)
class ChangeSetView:
    """One unit of work in the history: when, who, why, and every record it touched."""

    id: int
    made_at: datetime
    changed_by: str
    reason: str
    description: str
    kind: str
    undoes_id: int | None
    lines: tuple[ChangeLine, ...]

    @property
    def when_text(self) -> str:
        return long_date(self.made_at.date())

    @property
    def summary(self) -> str:
        """The change set in a few words: its description, or what its first line says."""
        if self.description:
            return self.description
        for line in self.lines:
            return line.words[0]
        return "No changes"


def field_changes(table_name: str, changes_json: str) -> tuple[FieldChange, ...]:
    changes: dict[str, list[Any]] = json.loads(changes_json)
    return tuple(
        FieldChange(
            column=column,
            title=column_title(column),
            old=old,
            new=new,
            old_words=value_words(table_name, column, old),
            new_words=value_words(table_name, column, new),
        )
        for column, (old, new) in sorted(changes.items())
    )
