"""The words of the readable subject access PDF, "Everything we hold about you": every record
as labels and values a person can read (names for the people and records it points to,
pounds, dates in words), then the information the law says they must be given. The PDF itself
is drawn by `peerdesk.forms.reports.subject_access`."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from peerdesk import files
from peerdesk.forms.reports.subject_access import (
    Information,
    RecordKind,
    SubjectAccessDocument,
    write_subject_access_pdf,
)
from peerdesk.services.people.record_tables import (
    PERSON_TABLE,
    field_title,
    readable,
    table,
    title_for,
)

#: Columns that only repeat who the record is about, or are internal bookkeeping.
_HIDDEN = {"person_id", "about_person_id", "recorded_at", "created_at", "updated_at"}

#: The information the law says must be given, in the order it is printed.
_INFORMATION = (
    ("purposes", "Why we keep it"),
    ("lawful_basis", "The law that allows it"),
    ("categories_of_data", "What we keep"),
    ("recipients", "Who it is shared with"),
    ("international_transfers", "Outside the UK"),
    ("retention", "How long we keep it"),
    ("source", "Where it came from"),
    ("automated_decisions", "Decisions made by computer"),
    ("rights", "Your rights"),
    ("complaints", "How to complain"),
)

#: A kind of record with this many columns or fewer prints as one table, a row a record.
_COMPACT_COLUMNS = 4


def write_pdf(data: dict[str, Any], path: Path) -> Path:
    """The PDF of the collected export `data` (see `SubjectAccessService.collect`), written
    whole (see `peerdesk.files`)."""
    document = document_of(data)
    with files.atomic_path(path) as temporary:
        write_subject_access_pdf(document, temporary)
    return path


def document_of(data: dict[str, Any]) -> SubjectAccessDocument:
    supplementary = data["supplementary_information"]
    organisation = supplementary["controller"]["name"]
    words = _Words(data)
    sections = tuple(
        (heading, tuple(words.kind(name, rows) for name, rows in section.items()))
        for heading, section in (
            ("Your records", data["records"]),
            ("Records linked to yours", data["related_records"]),
        )
    )
    information = tuple(
        Information(
            heading,
            tuple(value) if isinstance(value, list) else (value,),
            bulleted=isinstance(value, list),
        )
        for key, heading in _INFORMATION
        for value in [supplementary[key]]
    )
    return SubjectAccessDocument(
        name=data["name"],
        organisation=organisation,
        holder="we hold" if organisation == "The organisation" else f"{organisation} holds",
        prepared_on=readable(_date(data["generated_on"])),
        sections=sections,
        information=information,
        contact=supplementary["controller"]["contact"] or "The coordinator of the organisation.",
        history=_history(data.get("history", [])),
    )


def _history(change_sets: list[dict[str, Any]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each change set as "3 March 2026, by Jo Smith: End of pairing P0042" and its changes
    in words ("Address changed from 1 High St to 2 Low Rd"), with the reason given."""
    found = []
    for change_set in change_sets:
        when = readable(datetime.fromisoformat(change_set["when"]).date())
        heading = f"{when}, by {change_set['changed_by']}"
        if change_set["description"]:
            heading += f": {change_set['description']}"
        lines = [words for change in change_set["changes"] for words in change["words"]]
        if change_set["reason"] and not any(line.endswith(change_set["reason"]) for line in lines):
            lines.append(f"Reason given: {change_set['reason']}")
        found.append((heading, tuple(lines)))
    return tuple(found)


class _Words:
    """Values as a person reads them: "You", other people's names, what a record points to."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.subject_id = data["person_id"]
        self.others: dict[str, str] = data.get("other_people", {})
        self.described = _descriptions(data)

    def kind(self, name: str, rows: list[dict[str, Any]]) -> RecordKind:
        title = title_for(name)
        columns = self.visible(name, rows)
        if rows and len(columns) <= _COMPACT_COLUMNS:
            return RecordKind(
                title,
                len(rows),
                header=tuple(field_title(c) if c != "id" else "Record" for c in columns),
                rows=tuple(
                    tuple(self.value_of(name, c, row.get(c)) for c in columns) for row in rows
                ),
            )
        return RecordKind(title, len(rows), records=tuple(self.record(name, r) for r in rows))

    def record(self, name: str, row: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        return tuple(
            (
                "Record number" if column == "id" else field_title(column),
                self.value_of(name, column, value),
            )
            for column, value in row.items()
            if column not in _HIDDEN and value is not None and value != ""
        )

    def value_of(self, name: str, column: str, value: Any) -> str:
        key = table(name).c[column].foreign_keys if column in table(name).c else set()
        for foreign in key:
            target = foreign.column.table.name
            if target == PERSON_TABLE:
                if value == self.subject_id:
                    return "You"
                return self.others.get(str(value), f"Person {value}")
            if (target, value) in self.described:
                return self.described[(target, value)]
        if column.endswith("_pence") and isinstance(value, int):
            return f"£{value / 100:.2f}"
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            return readable(_date(value))
        return readable(value)

    @staticmethod
    def visible(name: str, rows: list[dict[str, Any]]) -> list[str]:
        columns = [c.name for c in table(name).columns if c.name not in _HIDDEN]
        return [c for c in columns if any(row.get(c) not in (None, "") for row in rows)]


def _descriptions(data: dict[str, Any]) -> dict[tuple[str, Any], str]:
    """Words for the records other records point to: "Tuesday Group, 4 March 2025"."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for section in (data["records"], data["related_records"]):
        for name, found in section.items():
            rows.setdefault(name, []).extend(found)
    words: dict[tuple[str, Any], str] = {}
    for row in rows.get("peer_group", []):
        words[("peer_group", row["id"])] = row["name"]
    for row in rows.get("condition", []):
        words[("condition", row["id"])] = row["name"]
    for row in rows.get("consent_wording", []):
        words[("consent_wording", row["id"])] = f"Version {row['version']}: “{row['text']}”"
    for row in rows.get("group_meeting", []):
        group = words.get(("peer_group", row["group_id"]), "Group")
        words[("group_meeting", row["id"])] = f"{group}, {readable(_date(row['meeting_date']))}"
    for row in rows.get("pairing", []):
        words[("pairing", row["id"])] = f"Pairing P{row['id']:04d}"
    for row in rows.get("mentoring_session", []):
        words[("mentoring_session", row["id"])] = (
            f"Session of {readable(_date(row['session_date']))}"
        )
    for row in rows.get("supervision", []):
        words[("supervision", row["id"])] = (
            f"Supervision of {readable(_date(row['supervision_date']))}"
        )
    return words


def _date(value: str) -> date:
    return date.fromisoformat(value)
