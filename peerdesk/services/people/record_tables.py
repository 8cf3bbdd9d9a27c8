"""Which tables hold records about a person, found from the schema itself.

Subject access and erasure both start here, so a table added later that refers to a person is
included (or refused by a test until someone decides what erasure does with it).
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import String, Table
from sqlmodel import SQLModel

import peerdesk.data.models  # noqa: F401  (registers every table with the metadata)
from peerdesk.vocabulary import Labelled

PERSON_TABLE = "person"

#: Plain-English names of the tables, as the coordinator and the person read them.
TABLE_TITLES: dict[str, str] = {
    "person": "Personal details",
    "person_role": "Roles",
    "person_condition": "Conditions and lived experience",
    "availability": "Availability",
    "meeting_mode_preference": "Ways of meeting",
    "consent": "Consents",
    "consent_wording": "Wordings of the consents",
    "referral": "Referrals",
    "volunteer_profile": "Volunteer profile",
    "volunteer_stage_change": "Volunteer journey",
    "disclosure_check": "Disclosure checks (PVG or DBS)",
    "volunteer_reference": "References",
    "training_record": "Training",
    "training_module": "Training modules",
    "training_session": "Training sessions run",
    "training_session_module": "Modules of training sessions",
    "supervision": "Supervision meetings",
    "supervision_pairing": "Pairings discussed in supervision",
    "expense_claim": "Expense claims",
    "expense_line": "Expense claim lines",
    "project": "Projects",
    "outcome_score": "Outcome scores",
    "outcome_answer": "Outcome score answers",
    "pairing": "Pairings",
    "pairing_goal": "Pairing goals",
    "pairing_status_change": "Pairing history",
    "mentoring_session": "Sessions",
    "review": "Pairing reviews",
    "concern": "Concerns",
    "concern_action": "Concern follow-up actions",
    "peer_group": "Groups",
    "group_member": "Group membership",
    "group_facilitator": "Groups facilitated",
    "group_meeting": "Group meetings",
    "meeting_facilitator": "Group meetings facilitated",
    "attendance": "Group meeting attendance",
    "condition": "Conditions",
    "subject_access_request": "Requests to see this information",
}


def title_for(table: str) -> str:
    return TABLE_TITLES.get(table, table.replace("_", " ").capitalize())


@functools.cache
def person_reference_columns() -> dict[str, tuple[str, ...]]:
    """Every table with a foreign key to person.id, and the columns that hold it."""
    found: dict[str, list[str]] = {}
    for table in SQLModel.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name == PERSON_TABLE and key.column.name == "id":
                found.setdefault(table.name, []).append(key.parent.name)
    return {name: tuple(sorted(columns)) for name, columns in sorted(found.items())}


def table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def children_of(parent: str) -> dict[str, tuple[str, ...]]:
    """Tables with a foreign key to `parent`.id, and the columns that hold it."""
    found: dict[str, list[str]] = {}
    for candidate in SQLModel.metadata.sorted_tables:
        for key in candidate.foreign_keys:
            if key.column.table.name == parent and key.column.name == "id":
                found.setdefault(candidate.name, []).append(key.parent.name)
    return {name: tuple(columns) for name, columns in found.items()}


def text_columns(name: str) -> list[str]:
    """The free-text columns of a table (where a name could have been typed)."""
    return [
        column.name
        for column in table(name).columns
        if isinstance(getattr(column.type, "impl", column.type), String) and not column.foreign_keys
    ]


def plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO text, bytes left out."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value


@functools.cache
def _labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for vocabulary in Labelled.__subclasses__():
        for member in vocabulary:
            labels.setdefault(member.value, member.label)
    return labels


def readable(value: Any) -> str:
    """A value as words for the PDF: vocabulary labels, dates in full, yes/no."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return f"{value:%d %B %Y, %H:%M}"
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, str):
        return _labels().get(value, value)
    return str(value)


def long_date(day: date) -> str:
    """ "2 March 2026": no leading zero, on every platform."""
    return f"{day.day} {day:%B %Y}"


def field_title(column: str) -> str:
    words = column.removesuffix("_id").replace("_", " ")
    return words[:1].upper() + words[1:]
