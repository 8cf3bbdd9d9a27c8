"""Planning the referral a people row describes: read its cells, check them with the referral
service's own rules (`ReferralService._checked`, which opens no transaction), and decide
whether it is new, already there, or refused.

A row with a referral date gets one referral. A sheet with referral columns but no referral
date column imports none of them (a note says so), so a people sheet whose "Status" column
means something else still imports as before.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace
from datetime import date
from typing import Any

from sqlmodel import Session, select

from peerdesk.data.models import Referral
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.importing import values as val
from peerdesk.services.importing.directory import identity, resolve
from peerdesk.services.importing.fields import REFERRAL_FIELDS
from peerdesk.services.importing.model import (
    Action,
    DuplicateChoice,
    PersonOp,
    PersonRef,
    PlannedRow,
    ReferralOp,
    RowKey,
)
from peerdesk.services.importing.problems import Severity
from peerdesk.services.importing.rowreader import RowReader, SheetContext
from peerdesk.services.mentoring.referral_record import CheckedReferral
from peerdesk.services.mentoring.referral_views import OPEN_REFERRAL_STATUSES, status_words
from peerdesk.services.mentoring.referrals import ReferralDetails, ReferralService
from peerdesk.vocabulary import ReferralSource, ReferralStatus, Role, SupportedAs

#: The referral service's field names, and the import field (column) each is read from.
_COLUMN = {
    "referral_date": "referral_date",
    "source": "referral_source",
    "referrer_name": "referrer_name",
    "referrer_organisation": "referrer_organisation",
    "referrer_contact": "referrer_contact",
    "person_agreed": "person_agreed",
}
#: What a refused value is replaced by, so the rest of the row can still be checked.
_STAND_IN: dict[str, Any] = {
    "referrer_name": "",
    "referrer_organisation": "",
    "referrer_contact": "",
    "person_agreed": True,
}
_OPEN = {s.value for s in OPEN_REFERRAL_STATUSES}
_REFERRAL_KEYS = tuple(sorted(REFERRAL_FIELDS))


class ReferralPlanner:
    def __init__(
        self, session: Session, referrals: ReferralService, choices: dict[RowKey, DuplicateChoice]
    ) -> None:
        self.session = session
        self.referrals = referrals
        self.choices = choices
        self.ops: list[ReferralOp] = []
        #: The referrals planned so far for each person (`identity` of whom they are for),
        #: so a row looks up its person's instead of going through every one.
        self._planned: dict[Hashable, list[CheckedReferral]] = {}
        #: Notes said once per sheet (sheet name, what).
        self._noted: set[tuple[str, str]] = set()

    # -- reading a row ---------------------------------------------------------------------
    def read(
        self, context: SheetContext, reader: RowReader, roles: list[Role]
    ) -> CheckedReferral | None:
        """The row's referral, checked (problems go to `reader`), or None when it has none."""
        used = context.having(_REFERRAL_KEYS)
        if not used:
            return None
        if not context.has("referral_date"):
            self._note_once(
                context,
                reader.row,
                "no_date",
                "These referral columns were not imported because no column holds the referral "
                "date: " + ", ".join(context.column_of(k) for k in used) + ".",
            )
            return None
        errors = reader.errors
        cells: dict[str, Any] = {}
        failed: set[str] = set()  # unreadable cells (already reported), unlike empty ones
        for key in used:
            before = reader.errors
            cells[key] = reader.value(key)
            if reader.errors != before:
                failed.add(key)
        if cells.get("referral_date") is None:
            given = [k for k, value in cells.items() if value not in (None, "")]
            if given and reader.errors == errors:
                # A note, not a refusal: on a sheet of mentors and mentees, a mentor's row may
                # say how they heard of the service without being referred.
                context.problem(
                    "This row has referral details ("
                    + ", ".join(context.column_of(k) for k in given)
                    + ") but no referral date, so no referral is recorded for it. Add the date "
                    "the referral was received if there should be one.",
                    reader.row,
                    "referral_date",
                    Severity.WARNING,
                )
            return None
        details = self._details(context, reader, cells, roles, failed)
        record = self._checked(context, reader, details)
        if record is not None:
            self._status(context, reader, cells, record)
        return record if reader.errors == errors else None

    def _details(
        self,
        context: SheetContext,
        reader: RowReader,
        cells: dict[str, Any],
        roles: list[Role],
        failed: set[str],
    ) -> ReferralDetails:
        source = cells.get("referral_source")
        name = cells.get("referrer_name") or ""
        if source is None and name:
            # "Referred by: Self" or "Referred by: GP" names where it came from, not a person.
            extra = context.settings.values.get("referral_source", {})
            as_source = val.parse_mapped(name, val.REFERRAL_SOURCES, extra, "", "")
            if as_source.value:
                source, name = as_source.value, ""
        if source is None and "referral_source" in failed:
            source = ReferralSource.OTHER.value  # a stand-in: the row is refused anyway
        elif source is None:
            source = ReferralSource.OTHER.value
            self._note_once(
                context,
                reader.row,
                "no_source",
                "Referrals with no source are recorded as coming from \u201cOther\u201d.",
            )
        agreed = cells.get("person_agreed")
        if agreed is None:
            agreed = True
            if source != ReferralSource.SELF.value and "person_agreed" not in failed:
                self._note_once(
                    context,
                    reader.row,
                    "agreed",
                    "Referrals from someone other than the person are recorded as agreed to by "
                    "the person, as the referral was taken before. Add an \u201cAgreed to "
                    "referral\u201d column (yes or no) to say otherwise.",
                )
        carer = Role.CARER in roles and Role.MENTEE not in roles
        return ReferralDetails(
            referral_date=cells["referral_date"],
            source=source,
            support_as=(SupportedAs.CARER if carer else SupportedAs.MENTEE).value,
            referrer_name=name,
            referrer_organisation=cells.get("referrer_organisation") or "",
            referrer_contact=cells.get("referrer_contact") or "",
            person_agreed=bool(agreed),
        )

    def _checked(
        self, context: SheetContext, reader: RowReader, details: ReferralDetails
    ) -> CheckedReferral | None:
        """The referral service's own checks; every failing field is reported, not only the
        first (each is replaced by a stand-in and the rest checked again)."""
        for _ in range(len(_COLUMN) + 1):
            try:
                return self.referrals.validated(details)
            except ValidationError as error:
                name = error.field or ""
                column = _COLUMN.get(name, "")
                reader.fail(str(error), column if context.has(column) else "")
                if name == "referral_date":
                    details = replace(details, referral_date=context.today)
                elif name in _STAND_IN:
                    details = replace(details, **{name: _STAND_IN[name]})
                else:
                    return None
        return None

    def _status(
        self,
        context: SheetContext,
        reader: RowReader,
        cells: dict[str, Any],
        record: CheckedReferral,
    ) -> None:
        """The status the sheet gives, with the date it was reached and why, if it says."""
        status = ReferralStatus(cells.get("referral_status") or ReferralStatus.NEW)
        record.status = status.value
        when: date | None = cells.get("referral_status_date")
        if status is not ReferralStatus.NEW and when is not None:
            if when > context.today:
                reader.fail(
                    "The referral status date is in the future: please check it.",
                    "referral_status_date",
                )
            elif when < record.referral_date:
                reader.fail(
                    "The referral status date is before the referral date: please check it.",
                    "referral_status_date",
                )
            elif status is ReferralStatus.ASSESSED:
                record.assessed_on = when
            elif status is ReferralStatus.CLOSED:
                record.closed_on = when
            else:
                record.decided_on = when
        if status is not ReferralStatus.NOT_TAKEN_FORWARD:
            return
        reason = cells.get("not_taken_forward_reason") or ""
        if not reason.strip():
            reader.fail(
                "A referral not taken forward needs the reason: write it in a \u201cReason not "
                "taken forward\u201d column.",
                "referral_status",
            )
            return
        try:
            record.not_taken_forward_reason = v.long_text(
                reason, "not_taken_forward_reason", "the reason not taken forward"
            )
            record.signposted_to = v.short_text(
                cells.get("signposted_to"), "signposted_to", "where they were signposted"
            )
        except ValidationError as error:
            reader.fail(str(error), error.field or "")

    def _note_once(self, context: SheetContext, row: int, what: str, message: str) -> None:
        if (context.sheet.name, what) not in self._noted:
            self._noted.add((context.sheet.name, what))
            context.problem(message, row, severity=Severity.WARNING)

    # -- planning it for the person --------------------------------------------------------
    def plan(
        self, context: SheetContext, row: int, op: PersonOp, record: CheckedReferral
    ) -> PlannedRow:
        """What happens to the referral now the row's person is decided (new, an update, a
        duplicate skipped or merged)."""
        target = self._target(op)
        description = _describe(op, record)
        sheet, number = op.key
        if target is None:
            return PlannedRow(sheet, number, "Referral", description, Action.SKIP)
        earlier = self._referrals_of(target)
        if any(r.referral_date == record.referral_date for r in earlier):
            return PlannedRow(sheet, number, "Referral", description, Action.UNCHANGED)
        open_one = next((r for r in earlier if r.status in _OPEN), None)
        if record.status in _OPEN and open_one is not None:
            received = open_one.referral_date
            context.problem(
                f"{op.display_name} already has an open referral (received {received.day} "
                f"{received:%B %Y}, now \u201c{status_words(open_one.status)}\u201d): a person "
                "has one open referral at a time. Record its outcome first, or give this one "
                "its status.",
                row,
                "referral_date",
            )
            return PlannedRow(sheet, number, "Referral", description, Action.REFUSED)
        self.ops.append(ReferralOp(op.key, target, record, description))
        self._planned.setdefault(identity(resolve(target)), []).append(record)
        return PlannedRow(sheet, number, "Referral", description, Action.CREATE)

    def _target(self, op: PersonOp) -> PersonRef | None:
        """Who the referral is for, or None when the row is skipped."""
        if op.action is Action.SKIP:
            merged = op.merged_into is not None
            if not (merged and self.choices.get(op.key) is DuplicateChoice.UPDATE):
                return None
        return resolve(op)

    def _referrals_of(self, target: PersonRef) -> list[Referral | CheckedReferral]:
        """The person's referrals already recorded, and those this import gives them."""
        # Filed under whom each was for when planned: people are decided before their
        # referral, so whom a planned row resolves to does not change afterwards.
        found: list[Referral | CheckedReferral] = []
        if isinstance(target, int):
            recorded = self.session.exec(select(Referral).where(Referral.person_id == target))
            found.extend(recorded)
        return found + self._planned.get(identity(resolve(target)), [])


def _describe(op: PersonOp, record: CheckedReferral) -> str:
    received = record.referral_date
    source = ReferralSource(record.source).label
    who = ", ".join(x for x in (record.referrer_name, record.referrer_organisation) if x)
    status = status_words(record.status)
    return (
        f"{op.display_name}: received {received.day} {received:%B %Y}, "
        f"{source}{f' ({who})' if who else ''}; {status}"
    )
