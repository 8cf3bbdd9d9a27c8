"""Subject access: "Everything we hold about this person", and the month to answer in.

The export gathers every row of every table that refers to the person (found from the schema's
foreign keys, so nothing is missed), the records hanging off those (the sessions of their
pairings, the concerns raised in them), the reference data that explains them (the wording of
each consent, group names), the history of their records (who changed what, when and why), and
the supplementary information UK GDPR requires.
"""

from __future__ import annotations

import calendar
import contextlib
import json
import logging
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from peerdesk import files
from peerdesk.data.models import Organisation, Person, SubjectAccessRequest
from peerdesk.errors import PeerdeskError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.data_protection.bank_holidays import (
    Region,
    is_working_day,
    region_for_postcode,
)
from peerdesk.services.data_protection.retention import RULE_MEANING, retention_rules
from peerdesk.services.history import ChangeSetView, HistoryService
from peerdesk.services.people.record_tables import (
    PERSON_TABLE,
    TABLE_TITLES,
    children_of,
    person_reference_columns,
    plain,
    table,
)
from peerdesk.vocabulary import ConsentKind, RecordKind

log = logging.getLogger(__name__)

EXPORT_FORMAT = "peerdesk subject access export"
PDF_NAME = "everything-we-hold.pdf"
JSON_NAME = "everything-we-hold.json"
#: Reference tables looked up so that the records can be understood (in this order).
EXPLAINING_TABLES = ("consent_wording", "condition", "group_meeting", "peer_group")
#: How far to follow records hanging off the person's own (pairing → session → concern).
CHILD_DEPTH = 2


def due_date(received_on: date, region: Region | None = None) -> date:
    """The ICO's one calendar month: the same day next month, or that month's last day when it
    has no such day; moved to the next working day if it falls on a weekend or bank holiday."""
    year, month = (
        (received_on.year + 1, 1)
        if received_on.month == 12
        else (
            received_on.year,
            received_on.month + 1,
        )
    )
    last_day = calendar.monthrange(year, month)[1]
    due = date(year, month, min(received_on.day, last_day))
    while not is_working_day(due, region):
        due += timedelta(days=1)
    return due


@dataclass(frozen=True)
class SubjectAccessExport:
    folder: Path
    pdf: Path
    json: Path
    record_count: int


@dataclass(frozen=True)
class RequestRow:
    """A subject access request with the name it concerns (for lists and Today)."""

    id: int
    person_id: int | None
    name: str
    received_on: date
    due_on: date
    answered_on: date | None


class SubjectAccessService(Service):
    # -- requests ------------------------------------------------------------------------
    def region(self) -> Region | None:
        """Whose bank holidays count: told from the organisation's postcode, if set."""
        with self.db.session() as session:
            organisation = session.exec(select(Organisation)).first()
        return region_for_postcode(organisation.postcode) if organisation else None

    def due_date_for(self, received_on: date) -> date:
        return due_date(received_on, self.region())

    def record_request(self, person_id: int, received_on: date | None = None) -> RequestRow:
        received = received_on or self.today()
        v.not_in_future(received, self.today(), "received_on", "the date the request came")
        due = self.due_date_for(received)
        with self.db.transaction() as session:
            person = get_or_raise(session, Person, person_id, "person")
            request = SubjectAccessRequest(person_id=person_id, received_on=received, due_on=due)
            session.add(request)
            session.flush()
            session.refresh(request)
            log.info("subject access request %s recorded for person %s", request.id, person_id)
            return _row(request, person.display_name)

    def mark_answered(self, request_id: int, on: date | None = None) -> RequestRow:
        answered = on or self.today()
        v.not_in_future(answered, self.today(), "answered_on", "the date it was answered")
        with self.db.transaction() as session:
            request = get_or_raise(session, SubjectAccessRequest, request_id, "request")
            v.on_or_after(
                answered,
                request.received_on,
                "answered_on",
                "A request cannot be answered before it was received.",
            )
            request.answered_on = answered
            session.add(request)
            session.flush()
            return _row(request, _name(session, request.person_id))

    def mark_all_answered(self, person_id: int, on: date | None = None) -> list[RequestRow]:
        """Mark every request of theirs not yet answered as answered, in one transaction:
        all of them or, if one cannot be (answered before it came), none."""
        answered = on or self.today()
        v.not_in_future(answered, self.today(), "answered_on", "the date it was answered")
        with self.db.transaction() as session:
            name = _name(session, person_id)
            waiting = session.exec(
                select(SubjectAccessRequest)
                .where(
                    SubjectAccessRequest.person_id == person_id,
                    col(SubjectAccessRequest.answered_on).is_(None),
                )
                .order_by(col(SubjectAccessRequest.received_on).desc())
            ).all()
            for request in waiting:
                v.on_or_after(
                    answered,
                    request.received_on,
                    "answered_on",
                    "A request cannot be answered before it was received.",
                )
                request.answered_on = answered
                session.add(request)
            session.flush()
            log.info("%d subject access requests marked answered", len(waiting))
            return [_row(request, name) for request in waiting]

    def requests_for(self, person_id: int) -> list[RequestRow]:
        with self.db.session() as session:
            name = _name(session, person_id)
            rows = session.exec(
                select(SubjectAccessRequest)
                .where(SubjectAccessRequest.person_id == person_id)
                .order_by(col(SubjectAccessRequest.received_on).desc())
            )
            return [_row(request, name) for request in rows]

    def open_requests(self) -> list[RequestRow]:
        with self.db.session() as session:
            return open_requests(session)

    # -- the export ----------------------------------------------------------------------
    def collect(self, person_id: int) -> dict[str, Any]:
        """Everything held about the person, as plain JSON-ready data."""
        with self.db.session() as session:
            person = get_or_raise(session, Person, person_id, "person")
            records = _direct_records(session, person_id)
            related = _related_records(session, records)
            others = _other_people(session, person_id, records, related)
            organisation = session.exec(select(Organisation)).first()
            rules = retention_rules(session)
            recipients = sorted(
                {
                    row["third_party"]
                    for row in records.get("consent", [])
                    if row["kind"] == ConsentKind.SHARING.value and row["third_party"]
                }
            )
        count = sum(len(rows) for rows in records.values())
        return {
            "format": EXPORT_FORMAT,
            "format_version": 1,
            "generated_on": self.today().isoformat(),
            "person_id": person_id,
            "name": person.display_name,
            "record_count": count,
            "records": records,
            "related_records": related,
            "other_people": others,
            "supplementary_information": supplementary_information(organisation, rules, recipients),
            "history": history_of(HistoryService(self.db, self._today).for_person(person_id)),
        }

    def export(self, person_id: int, out_dir: Path) -> SubjectAccessExport:
        """Write the PDF and the JSON into a new folder inside `out_dir`."""
        from peerdesk.services.data_protection.subject_access_pdf import (
            write_pdf,  # PDF drawing loads slowly
        )

        data = self.collect(person_id)
        folder = out_dir / f"everything-we-hold-person-{person_id}-{self.today():%Y-%m-%d}"
        made = _missing_folders(out_dir)
        # Both files are written into a hidden folder first and moved in when both are whole:
        # a full disk or a failed PDF leaves neither a half export nor an empty folder.
        partial = out_dir / f".{folder.name}.partial"
        try:
            partial.mkdir(parents=True, exist_ok=True)
            files.write_text(
                partial / JSON_NAME, json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)
            )
            write_pdf(data, partial / PDF_NAME)
            folder.mkdir(exist_ok=True)
            for name in (JSON_NAME, PDF_NAME):
                files.move(partial / name, folder / name)
            partial.rmdir()
        except OSError as error:
            shutil.rmtree(partial, ignore_errors=True)
            for made_folder in made:  # deepest first; only the ones this export made
                with contextlib.suppress(OSError):
                    made_folder.rmdir()
            raise PeerdeskError(
                f"The export could not be written to {out_dir} ({error.strerror or 'error'}). "
                "Check the folder exists, is not read-only, and the disk has space. Nothing "
                "was left behind."
            ) from error
        json_path, pdf_path = folder / JSON_NAME, folder / PDF_NAME
        log.info("subject access export for person %s: %s records", person_id, data["record_count"])
        return SubjectAccessExport(folder, pdf_path, json_path, int(data["record_count"]))


def history_of(views: list[ChangeSetView]) -> list[dict[str, Any]]:
    """The history of their records (see `HistoryService.for_person`), oldest first: when,
    who, why, and each record's change in words and as stored values."""
    return [
        {
            "when": view.made_at.isoformat(),
            "changed_by": view.changed_by,
            "description": view.description,
            "reason": view.reason,
            "kind": view.kind,
            "changes": [
                {
                    "record": line.record,
                    "action": line.action,
                    "words": line.words,
                    "fields": {f.column: [f.old, f.new] for f in line.fields},
                }
                for line in view.lines
            ],
        }
        for view in views
    ]


def open_requests(session: Session) -> list[RequestRow]:
    rows = session.exec(
        select(SubjectAccessRequest)
        .where(col(SubjectAccessRequest.answered_on).is_(None))
        .order_by(col(SubjectAccessRequest.due_on))
    )
    return [_row(request, _name(session, request.person_id)) for request in rows]


def _row(request: SubjectAccessRequest, name: str) -> RequestRow:
    assert request.id is not None
    return RequestRow(
        id=request.id,
        person_id=request.person_id,
        name=name,
        received_on=request.received_on,
        due_on=request.due_on,
        answered_on=request.answered_on,
    )


def _name(session: Session, person_id: int | None) -> str:
    person = session.get(Person, person_id) if person_id is not None else None
    return person.display_name if person else "A person since erased"


def _rows(session: Session, source: Table, condition: Any) -> list[dict[str, Any]]:
    query = sa_select(source).where(condition).order_by(*source.primary_key.columns)
    return [
        {key: plain(value) for key, value in row._mapping.items()}
        for row in session.connection().execute(query)
    ]


def _key(name: str, row: dict[str, Any]) -> tuple[Any, ...]:
    return (name, *(row[column.name] for column in table(name).primary_key.columns))


def _direct_records(session: Session, person_id: int) -> dict[str, list[dict[str, Any]]]:
    person = table(PERSON_TABLE)
    records = {PERSON_TABLE: _rows(session, person, person.c.id == person_id)}
    for name, columns in person_reference_columns().items():
        source = table(name)
        records[name] = _rows(session, source, or_(*(source.c[c] == person_id for c in columns)))
    order = list(TABLE_TITLES)
    return dict(sorted(records.items(), key=lambda item: _position(order, item[0])))


def _position(order: list[str], name: str) -> tuple[int, str]:
    return (order.index(name) if name in order else len(order), name)


def _related_records(
    session: Session, records: dict[str, list[dict[str, Any]]]
) -> dict[str, list[dict[str, Any]]]:
    seen = {_key(name, row) for name, rows in records.items() for row in rows}
    related: dict[str, list[dict[str, Any]]] = {}

    def add(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        fresh = [row for row in rows if _key(name, row) not in seen]
        seen.update(_key(name, row) for row in fresh)
        if fresh:
            related.setdefault(name, []).extend(fresh)
        return fresh

    level = {
        name: {row["id"] for row in rows}
        for name, rows in records.items()
        if name != PERSON_TABLE and "id" in table(name).c
    }
    for _depth in range(CHILD_DEPTH):
        following: dict[str, set[int]] = {}
        for parent, ids in level.items():
            if not ids:
                continue
            for child, columns in children_of(parent).items():
                if child == PERSON_TABLE:
                    continue
                source = table(child)
                found = add(
                    child, _rows(session, source, or_(*(source.c[c].in_(ids) for c in columns)))
                )
                if "id" in source.c:
                    following.setdefault(child, set()).update(row["id"] for row in found)
        level = following
    for wanted in EXPLAINING_TABLES:
        wanted_ids: set[int] = set()
        for name, rows in [*records.items(), *related.items()]:
            for key in table(name).foreign_keys:
                if key.column.table.name == wanted:
                    wanted_ids.update(row[key.parent.name] for row in rows if row[key.parent.name])
        if wanted_ids:
            source = table(wanted)
            add(wanted, _rows(session, source, source.c.id.in_(wanted_ids)))
    order = list(TABLE_TITLES)
    return dict(sorted(related.items(), key=lambda item: _position(order, item[0])))


def _other_people(
    session: Session,
    person_id: int,
    records: dict[str, list[dict[str, Any]]],
    related: dict[str, list[dict[str, Any]]],
) -> dict[str, str]:
    """Names of the other people the records mention by number (a mentor, a mentee)."""
    ids: set[int] = set()
    for name, rows in [*records.items(), *related.items()]:
        for key in table(name).foreign_keys:
            if key.column.table.name == PERSON_TABLE:
                ids.update(row[key.parent.name] for row in rows if row[key.parent.name])
    ids.discard(person_id)
    if not ids:
        return {}
    people = session.exec(select(Person).where(col(Person.id).in_(ids)))
    return {str(person.id): person.display_name for person in people}


def supplementary_information(
    organisation: Organisation | None, rules: dict[RecordKind, int], recipients: list[str]
) -> dict[str, Any]:
    """What UK GDPR Article 15 says a person must be told besides the records themselves."""
    name = organisation.name if organisation else ""
    contact = ", ".join(
        part
        for part in (
            organisation.address.replace("\n", ", ") if organisation else "",
            organisation.postcode if organisation else "",
            organisation.email if organisation else "",
            organisation.phone if organisation else "",
        )
        if part
    )
    return {
        "controller": {"name": name or "The organisation", "contact": contact},
        "purposes": [
            "To offer you peer support: matching you with a mentor or a group, arranging and "
            "recording meetings, and keeping in touch with you.",
            "To keep you and others safe: recording and acting on safeguarding or wellbeing "
            "concerns.",
            "To support and supervise volunteers, and to pay their expenses.",
            "To report anonymous, counted figures to the organisation's funders (no one is "
            "named in them, and small numbers are hidden).",
        ],
        "lawful_basis": [
            "Legitimate interests, or your consent where we asked for it (UK GDPR Article 6).",
            "Information about your health is kept with your explicit consent, or where the "
            "law allows it to protect someone at risk (UK GDPR Article 9).",
        ],
        "categories_of_data": [
            "Contact details, equality monitoring answers you chose to give, the conditions "
            "you live with or have experience of, your availability and needs, and the notes "
            "of meetings and support.",
        ],
        "recipients": (
            [f"{recipient} (only as you agreed; see your consents)" for recipient in recipients]
            or ["No one outside the organisation."]
        )
        + [
            "We would share information without consent only where the law requires it or "
            "someone is at risk of serious harm.",
        ],
        "international_transfers": "None: the records are kept on the organisation's own "
        "computer in the UK.",
        "retention": [
            f"{RULE_MEANING[kind]}: kept for {years} years after the last contact, then anonymised."
            for kind, years in rules.items()
        ],
        "source": "From you, or from the person or organisation that referred you (shown in "
        "your referral records).",
        "automated_decisions": "None: no decision about you is made by a computer alone.",
        "rights": [
            "To see the information we hold about you (this document).",
            "To have it corrected if it is wrong.",
            "To have it erased, or its use restricted, in many circumstances.",
            "To object to how it is used, and to withdraw any consent at any time (this does "
            "not affect what was done before).",
            "To receive it in a machine-readable form (the JSON file with this document).",
        ],
        "complaints": "If you are unhappy with how we have used your information, please tell "
        f"us first ({', '.join(part for part in (name, contact) if part) or 'the coordinator'}). You can also complain to the "
        "Information Commissioner's Office: ico.org.uk/make-a-complaint, telephone 0303 123 "
        "1113, or ICO, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF.",
    }


def _missing_folders(folder: Path) -> list[Path]:
    """The folders an export into `folder` would create, deepest first (to remove on failure)."""
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing
