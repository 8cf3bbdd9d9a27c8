"""`ExportService`: the people and sessions lists as XLSX or CSV, so data can always leave.

The headings are the ones the importer recognises, so an exported list imports back as it
was. Every text cell is neutralised so a spreadsheet never runs it as a formula.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from peerdesk import files
from peerdesk.data.models import (
    Condition,
    MentoringSession,
    Pairing,
    Person,
    PersonCondition,
    PersonRole,
)
from peerdesk.errors import ValidationError
from peerdesk.services.base import Service
from peerdesk.services.importing.fields import FIELDS, REFERRAL_FIELDS, SheetKind
from peerdesk.services.importing.spreadsheet_safety import neutralise
from peerdesk.vocabulary import Gender, MeetingMode, Role, SessionStatus, YesNoPreferNot

log = logging.getLogger(__name__)

Cell = str | int | date | None
FORMATS = ("xlsx", "csv")
#: A person's own details: the pairing and referral columns an import reads are not theirs.
_PEOPLE_COLUMNS = tuple(
    s.key
    for s in FIELDS[SheetKind.PEOPLE]
    if s.key not in {"full_name", "mentor", "paired_on"} | REFERRAL_FIELDS
)
_SESSION_COLUMNS = (
    "mentor",
    "mentee",
    "session_date",
    "status",
    "duration_minutes",
    "mode",
    "place",
    "note",
)


def format_for(path: Path, fmt: str | None) -> str:
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise ValidationError("Choose XLSX or CSV for the export.", "format")
    return chosen


class ExportService(Service):
    def people(self, path: Path, fmt: str | None = None, *, include_archived: bool = True) -> int:
        """Write every person (archived too, marked) to `path`; returns how many."""
        labels = {s.key: s.label for s in FIELDS[SheetKind.PEOPLE]}
        headings = [labels[k] for k in _PEOPLE_COLUMNS] + ["Archived on"]
        with self.db.session() as session:
            roles, conditions = _roles(session), _conditions(session)
            everyone = session.exec(
                select(Person).order_by(
                    col(Person.last_name), col(Person.first_name), col(Person.id)
                )
            ).all()
        rows = [
            _person_row(p, roles.get(p.id or 0, []), conditions.get(p.id or 0, []))
            for p in everyone
            if include_archived or p.archived_on is None
        ]
        _write(path, format_for(path, fmt), "People", headings, rows)
        log.info("people exported: %d rows", len(rows))
        return len(rows)

    def sessions(self, path: Path, fmt: str | None = None) -> int:
        labels = {s.key: s.label for s in FIELDS[SheetKind.SESSIONS]}
        headings = [labels[k] for k in _SESSION_COLUMNS]
        with self.db.session() as session:
            people = {p.id: p for p in session.exec(select(Person))}
            pairings = {p.id: p for p in session.exec(select(Pairing))}
            rows: list[list[Cell]] = []
            for record in session.exec(
                select(MentoringSession).order_by(
                    col(MentoringSession.session_date), col(MentoringSession.id)
                )
            ):
                pairing = pairings[record.pairing_id]
                rows.append(
                    [
                        _name(people.get(pairing.mentor_id)),
                        _name(people.get(pairing.mentee_id)),
                        record.session_date,
                        SessionStatus(record.status).label,
                        record.duration_minutes,
                        MeetingMode(record.mode).label,
                        record.place,
                        record.note,
                    ]
                )
        _write(path, format_for(path, fmt), "Sessions", headings, rows)
        log.info("sessions exported: %d rows", len(rows))
        return len(rows)


def _name(person: Person | None) -> str:
    return f"{person.first_name} {person.last_name}".strip() if person else ""


def _roles(session: Session) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    for role in session.exec(select(PersonRole).where(col(PersonRole.ended_on).is_(None))):
        labels = result.setdefault(role.person_id, [])
        label = Role(role.role).label
        if label not in labels:
            labels.append(label)
    return result


def _conditions(session: Session) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    rows = session.exec(
        select(PersonCondition.person_id, Condition.name)
        .join(Condition, col(Condition.id) == col(PersonCondition.condition_id))
        .order_by(col(Condition.name))
    )
    for person_id, name in rows:
        result.setdefault(person_id, []).append(name)
    return result


def _person_row(person: Person, roles: list[str], conditions: list[str]) -> list[Cell]:
    row: list[Cell] = []
    for key in _PEOPLE_COLUMNS:
        if key == "roles":
            row.append(", ".join(roles))
        elif key == "conditions":
            row.append("; ".join(conditions))
        elif key == "started_on":
            row.append(None)
        elif key == "gender":
            row.append(Gender(person.gender).label if person.gender else "")
        elif key in ("disability", "carer_status"):
            value = getattr(person, key)
            row.append(YesNoPreferNot(value).label if value else "")
        elif key == "needs_large_print":
            row.append("Yes" if person.needs_large_print else "")
        else:
            value = getattr(person, key)
            row.append(value if value is not None else "")
    row.append(person.archived_on)
    return row


def _safe(value: Cell) -> Cell:
    return neutralise(value) if isinstance(value, str) else value


def _xlsx_safe(value: Cell) -> Cell:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        return _safe(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _write(
    path: Path, fmt: str, title: str, headings: Sequence[str], rows: list[list[Cell]]
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(headings)
        for row in rows:
            writer.writerow(
                [
                    "" if v is None else v.isoformat() if isinstance(v, date) else _safe(v)
                    for v in row
                ]
            )
        files.write_text(path, text.getvalue(), encoding="utf-8-sig", newline="")
    else:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = title
        sheet.append(list(headings))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_xlsx_safe(v) for v in row])
        for column in sheet.iter_cols(min_row=2):
            for cell in column:
                if isinstance(cell.value, date):
                    cell.number_format = "DD/MM/YYYY"
        for column in sheet.iter_cols(min_row=1, max_row=1):
            sheet.column_dimensions[column[0].column_letter].width = max(
                12, len(str(column[0].value)) + 4
            )
        sheet.freeze_panes = "A2"
        with files.atomic_path(path) as temporary:
            book.save(temporary)
