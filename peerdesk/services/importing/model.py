"""What an import will do, row by row: the plan shown in the preview and then applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from peerdesk.data.models import MentoringSession, Referral
from peerdesk.services.importing.problems import Problem
from peerdesk.services.importing.settings import ImportSettings
from peerdesk.services.mentoring.referral_record import CheckedReferral
from peerdesk.services.people.service import ConditionEntry, PersonDetails
from peerdesk.vocabulary import Role


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIP = "skip"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return {
            "create": "Will be added",
            "update": "Will be updated",
            "unchanged": "Already there (no change)",
            "skip": "Skipped",
            "refused": "Has a problem",
        }[self.value]


class DuplicateChoice(StrEnum):
    """Like Anki's note import: what to do with a row that matches someone already there."""

    UPDATE = "update"
    SKIP = "skip"
    ADD = "add"

    @property
    def label(self) -> str:
        return {
            "update": "Update the existing record",
            "skip": "Skip this row",
            "add": "Add as a new person anyway",
        }[self.value]


RowKey = tuple[str, int]  # (sheet name, 1-based row number)


@dataclass
class Duplicate:
    """A likely duplicate: someone already recorded, or an earlier row of this file."""

    reason: str
    name: str
    person_id: int | None = None
    earlier_row: int | None = None


@dataclass(slots=True)
class PersonOp:
    key: RowKey
    details: PersonDetails
    fields_set: frozenset[str]
    roles: tuple[Role, ...]
    started_on: date
    conditions: tuple[ConditionEntry, ...]
    action: Action = Action.CREATE
    existing_id: int | None = None
    duplicate: Duplicate | None = None
    #: For an earlier row of this file that a later row is merged into.
    merged_into: PersonOp | None = None
    person_id: int | None = None  # set when applied
    #: Where the duplicate finder filed it (a field, not a table by id: memory).
    filed_at: int | None = None

    @property
    def display_name(self) -> str:
        first = self.details.preferred_name or self.details.first_name
        return f"{first} {self.details.last_name}".strip()


PersonRef = PersonOp | int


@dataclass
class ReferralOp:
    """The referral a people row describes, for the person that row turned out to be."""

    key: RowKey
    person: PersonRef
    #: Checked by the referral service's own rules (plain values: the preview makes no
    #: database object for it).
    checked: CheckedReferral
    description: str

    @cached_property
    def record(self) -> Referral:
        """The row to save, made when the import is applied; its person id is set then."""
        return self.checked.record()


@dataclass
class PairingOp:
    key: RowKey
    mentor: PersonRef
    mentee: PersonRef
    supported_as: str
    start_date: date
    end_date: date | None
    closure_reason: str | None
    usual_mode: str
    description: str
    action: Action = Action.CREATE
    pairing_id: int | None = None


PairingRef = PairingOp | int


@dataclass
class SessionOp:
    key: RowKey
    pairing: PairingRef
    #: Checked by the session service's own rules; its pairing id is set when applied.
    record: MentoringSession
    description: str
    action: Action = Action.CREATE


@dataclass
class AttendanceOp:
    key: RowKey
    group_name: str
    group_id: int | None
    meeting_date: date
    person: PersonRef
    description: str
    action: Action = Action.CREATE


@dataclass(frozen=True, slots=True)
class PlannedRow:
    """One line of the preview table."""

    sheet: str
    row: int
    what: str
    description: str
    action: Action
    duplicate: Duplicate | None = None
    choice: DuplicateChoice | None = None

    @property
    def key(self) -> RowKey:
        return (self.sheet, self.row)


@dataclass
class ImportPreview:
    """Everything the coordinator sees before saying yes (and the summary afterwards)."""

    file: Path
    settings: ImportSettings
    rows: list[PlannedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    committed: bool = False
    backup: Path | None = None

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]

    @property
    def can_import(self) -> bool:
        return not self.blocking and any(
            r.action in (Action.CREATE, Action.UPDATE) for r in self.rows
        )

    @property
    def duplicates(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.duplicate is not None and r.choice is not None]

    def count(self, name: str) -> int:
        return self.counts.get(name, 0)

    def summary_lines(self) -> list[str]:
        """The counts in words, e.g. "3 people will be added" (or "were added" afterwards)."""
        done = self.committed
        lines = []
        for key, one, many, verb in _SUMMARY:
            n = self.counts.get(key, 0)
            if not n:
                continue
            what = one if n == 1 else many
            if verb:
                tense = ("was" if n == 1 else "were") if done else "will be"
                lines.append(f"{n} {what} {tense} {verb}")
            else:
                lines.append(f"{n} {what}")
        return lines or ["Nothing to import."]


_SUMMARY = (
    ("people_created", "person", "people", "added"),
    ("people_updated", "person", "people", "updated"),
    ("people_skipped", "person", "people", "skipped (duplicates)"),
    ("people_unchanged", "person already there", "people already there", ""),
    ("referrals_created", "referral", "referrals", "added"),
    ("referrals_unchanged", "referral already there", "referrals already there", ""),
    ("pairings_created", "pairing", "pairings", "added"),
    ("sessions_created", "session", "sessions", "added"),
    ("groups_created", "group", "groups", "added"),
    ("meetings_created", "group meeting", "group meetings", "added"),
    ("attendance_created", "attendance", "attendances", "added"),
    (
        "links_unchanged",
        "pairing, session or attendance already there",
        "pairings, sessions or attendances already there",
        "",
    ),
    ("rows_refused", "row has a problem", "rows have problems", ""),
    ("totals_rows", "totals row left out", "totals rows left out", ""),
)
