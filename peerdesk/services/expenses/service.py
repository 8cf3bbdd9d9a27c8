"""`ExpenseService`: volunteers' expense claims, from submitted to approved to paid.

Every write is one transaction (one change set in History). Saving or approving a claim works
out again the mileage of the volunteer's unpaid claims in the tax years it touches, with the
rates in Settings at that moment (`ledger.recalculate`); a paid claim never changes, and
cannot be edited (only removed with a reason, or undone).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from peerdesk.data.models import (
    ChangeLogEntry,
    ExpenseClaim,
    ExpenseLine,
    Organisation,
    Person,
    PersonRole,
    Project,
)
from peerdesk.errors import ValidationError
from peerdesk.forms.catalogue import get_form
from peerdesk.forms.document import render_pdf
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import apply_fields, change_set, removal_reason
from peerdesk.services.expenses import export, ledger
from peerdesk.services.expenses.ledger import in_words
from peerdesk.services.expenses.totals import month_totals, volunteer_totals
from peerdesk.services.expenses.views import (
    ClaimView,
    ExportSummary,
    LineInput,
    LineView,
    MileageSettings,
    MonthTotal,
    VolunteerChoice,
    VolunteerTotal,
)
from peerdesk.services.history.views import ChangeSetView
from peerdesk.services.printing import person_data
from peerdesk.services.printing.service import PrintingService, with_coordinator
from peerdesk.vocabulary import ClaimStatus, Role

#: The roles whose holders may claim expenses.
CLAIMING_ROLES = (Role.MENTOR.value, Role.FACILITATOR.value)
PAID_REFUSAL = (
    "Claim {id} has been paid, so it cannot be changed. If it was entered wrongly, remove it "
    "with a reason (or undo the payment) and enter it again."
)


class ExpenseService(Service):
    # -- reading -------------------------------------------------------------------------
    def volunteers(self) -> list[VolunteerChoice]:
        """Everyone who holds or held the mentor or facilitator role, by name."""
        with self.db.session() as session:
            people = session.exec(
                select(Person)
                .where(col(Person.id).in_(_claimers(session)))
                .order_by(col(Person.first_name), col(Person.last_name), col(Person.id))
            ).all()
            return [VolunteerChoice(p.id or 0, p.display_name) for p in people]

    def projects(self) -> list[tuple[int, str]]:
        """The projects a new claim may carry (not ended), by name: (id, name)."""
        with self.db.session() as session:
            return [
                (p.id or 0, p.name)
                for p in session.exec(
                    select(Project)
                    .where(col(Project.ended_on).is_(None))
                    .order_by(col(Project.name))
                )
            ]

    def claims(
        self, *, status: ClaimStatus | str | None = None, person_id: int | None = None
    ) -> list[ClaimView]:
        """Claims, newest submitted first, optionally of one status or one volunteer."""
        with self.db.session() as session:
            query = select(ExpenseClaim)
            if status:
                query = query.where(ExpenseClaim.status == ClaimStatus(status).value)
            if person_id is not None:
                query = query.where(ExpenseClaim.person_id == person_id)
            query = query.order_by(
                col(ExpenseClaim.submitted_on).desc(), col(ExpenseClaim.id).desc()
            )
            return ledger.claim_views(session, session.exec(query).all())

    def claim(self, claim_id: int) -> ClaimView:
        with self.db.session() as session:
            return ledger.claim_views(
                session, [get_or_raise(session, ExpenseClaim, claim_id, "expense claim")]
            )[0]

    def history(self, claim_id: int) -> list[ChangeSetView]:
        """Every change set that touched the claim or any line it has or had (an edit may
        change only lines, a removal takes them all), oldest first."""
        # Here, not at the top: importing the history service imports this one (a cycle).
        from peerdesk.services.history.service import change_set_views

        with self.db.session() as session:
            key = json.dumps({"id": claim_id})
            entries = list(
                session.exec(
                    select(ChangeLogEntry).where(
                        ChangeLogEntry.table_name == "expense_claim",
                        ChangeLogEntry.record_key == key,
                    )
                )
            )
            # A line's insert and delete name its claim ("claim_id": [null, 5] or [5, null]);
            # the text search narrows the many lines down, the JSON check makes sure.
            lines = session.exec(
                select(ChangeLogEntry).where(
                    ChangeLogEntry.table_name == "expense_line",
                    col(ChangeLogEntry.action).in_(("insert", "delete")),
                    col(ChangeLogEntry.changes).contains(f"{claim_id}"),
                )
            ).all()
            ours = {
                e.record_key for e in lines if claim_id in json.loads(e.changes).get("claim_id", [])
            }
            if ours:
                entries += session.exec(
                    select(ChangeLogEntry).where(
                        ChangeLogEntry.table_name == "expense_line",
                        col(ChangeLogEntry.record_key).in_(ours),
                    )
                ).all()
            return change_set_views(session, entries)

    def preview(
        self, person_id: int | None, lines: Sequence[LineInput], claim_id: int | None = None
    ) -> list[LineView]:
        """The lines worked out as saving them now would (nothing is written); with no
        volunteer chosen yet, as if nothing were counted before them."""
        with self.db.session() as session:
            return ledger.preview(session, person_id or 0, lines, claim_id)

    def claim_form(self, claim_id: int, *, large_print: bool = False) -> bytes:
        """The expenses claim form filled in with this claim's lines, as PDF bytes."""
        spec = get_form("expenses")
        assert spec is not None  # the catalogue always has it
        organisation = PrintingService(self.db, self._today).organisation_info()
        with self.db.session() as session:
            data = person_data.expense_claim(session, claim_id, self.today(), organisation)
        data = with_coordinator(data, organisation.coordinator_name, organisation.coordinator_role)
        return render_pdf(spec, data, organisation, large_print=large_print)

    def month_totals(self, claims: Sequence[ClaimView] | None = None) -> list[MonthTotal]:
        return month_totals(self.claims() if claims is None else claims)

    def volunteer_totals(self, claims: Sequence[ClaimView] | None = None) -> list[VolunteerTotal]:
        return volunteer_totals(self.claims() if claims is None else claims)

    def export(self, start: date, end: date, fmt: str, out: Path) -> ExportSummary:
        """Write the treasurer's file: the lines dated from `start` to `end` (both included)."""
        if end < start:
            raise ValidationError("The end date is before the start date: please swap them.", "to")
        with self.db.session() as session:
            rows = export.rows_between(session, start, end)
        return export.write(rows, fmt, out)

    # -- mileage settings ----------------------------------------------------------------
    def mileage_settings(self) -> MileageSettings:
        with self.db.session() as session:
            r = ledger.rates(session)
            return MileageSettings(r.rate_pence, r.reduced_rate_pence, r.threshold_miles)

    def save_mileage_settings(self, settings: MileageSettings) -> MileageSettings:
        """Save the three mileage settings (past paid claims keep the rates they were paid at)."""
        for value, field, label, most in (
            (settings.rate_pence, "rate_pence", "The mileage rate", 500),
            (settings.reduced_rate_pence, "reduced_rate_pence", "The reduced rate", 500),
            (settings.threshold_miles, "threshold_miles", "The threshold", 1_000_000),
        ):
            if not 0 <= value <= most:
                raise ValidationError(f"{label} must be between 0 and {most:,}.", field)
        if settings.reduced_rate_pence > settings.rate_pence:
            raise ValidationError(
                "The reduced rate cannot be more than the rate for the first miles.",
                "reduced_rate_pence",
            )
        with change_set(self.db, description="Changed the mileage rates") as session:
            org = session.exec(select(Organisation)).first()
            if org is None:
                raise ValidationError("Set up the organisation first (Settings).", None)
            apply_fields(
                org,
                {
                    "mileage_rate_pence": settings.rate_pence,
                    "mileage_reduced_rate_pence": settings.reduced_rate_pence,
                    "mileage_threshold_miles": settings.threshold_miles,
                },
            )
        return self.mileage_settings()

    # -- writing -------------------------------------------------------------------------
    def add_claim(
        self,
        person_id: int,
        *,
        submitted_on: date,
        lines: Sequence[LineInput],
        notes: str = "",
        project_id: int | None = None,
    ) -> ClaimView:
        """A new claim (submitted), with its lines; its mileage is worked out now."""
        with self.db.session() as reading:
            _check_claimer(reading, person_id)
        checked = self._checked(submitted_on, lines)
        description = f"Added an expense claim submitted on {in_words(submitted_on)}"
        with change_set(self.db, description=description) as session:
            claim = ExpenseClaim(
                person_id=person_id,
                submitted_on=submitted_on,
                notes=v.long_text(notes, "notes", "the notes"),
                project_id=_project(session, project_id),
            )
            session.add(claim)
            session.flush()
            for fields in checked:
                session.add(ExpenseLine(claim_id=claim.id or 0, **fields))
            ledger.recalculate(session, person_id, [f["line_date"] for f in checked])
            return ledger.claim_views(session, [claim])[0]

    def update_claim(
        self,
        claim_id: int,
        *,
        person_id: int,
        submitted_on: date,
        lines: Sequence[LineInput],
        notes: str = "",
        project_id: int | None = None,
        reason: str = "",
    ) -> ClaimView:
        """Correct an unpaid claim and its lines (lines keep their number when edited)."""
        checked = self._checked(submitted_on, lines)
        description = f"Edited expense claim {claim_id}"
        with change_set(self.db, reason=reason.strip(), description=description) as session:
            claim = _unpaid(session, claim_id)
            if person_id != claim.person_id:
                _check_claimer(session, person_id)
            if claim.approved_on is not None and claim.approved_on < submitted_on:
                raise ValidationError(
                    f"The claim was approved on {in_words(claim.approved_on)}, so it cannot "
                    "have been submitted after that.",
                    "submitted_on",
                )
            old = list(session.exec(select(ExpenseLine).where(ExpenseLine.claim_id == claim_id)))
            days = [line.line_date for line in old] + [f["line_date"] for f in checked]
            old_person = claim.person_id
            apply_fields(
                claim,
                {
                    "person_id": person_id,
                    "submitted_on": submitted_on,
                    "notes": v.long_text(notes, "notes", "the notes"),
                    "project_id": _project(session, project_id),
                },
            )
            _replace_lines(session, claim_id, old, lines, checked)
            ledger.recalculate(session, person_id, days)
            if old_person != person_id:
                ledger.recalculate(session, old_person, days)
            return ledger.claim_views(session, [claim])[0]

    def approve(self, claim_id: int, on: date) -> ClaimView:
        """Approve a submitted claim: its miles now count towards the threshold, so the
        volunteer's later unpaid claims in the tax year are worked out again."""
        v.not_in_future(on, self.today(), "approved_on", "the date approved")
        description = f"Approved expense claim {claim_id} on {in_words(on)}"
        with change_set(self.db, description=description) as session:
            claim = get_or_raise(session, ExpenseClaim, claim_id, "expense claim")
            if claim.status != ClaimStatus.SUBMITTED.value:
                raise ValidationError(
                    f"Claim {claim_id} is already {ClaimStatus(claim.status).label.lower()}.",
                    "status",
                )
            if on < claim.submitted_on:
                raise ValidationError(
                    "A claim cannot be approved before it was submitted "
                    f"({in_words(claim.submitted_on)}).",
                    "approved_on",
                )
            claim.status, claim.approved_on = ClaimStatus.APPROVED.value, on
            session.add(claim)
            days = [
                line.line_date
                for line in session.exec(
                    select(ExpenseLine).where(ExpenseLine.claim_id == claim_id)
                )
            ]
            ledger.recalculate(session, claim.person_id, days)
            return ledger.claim_views(session, [claim])[0]

    def mark_paid(self, claim_id: int, on: date, how: str) -> ClaimView:
        """Record an approved claim as paid, on a date and how. Its lines never change again."""
        v.not_in_future(on, self.today(), "paid_on", "the date paid")
        paid_how = v.required_text(how, "paid_how", "how it was paid (bank transfer, say)")
        description = f"Paid expense claim {claim_id} on {in_words(on)} ({paid_how})"
        with change_set(self.db, description=description) as session:
            claim = get_or_raise(session, ExpenseClaim, claim_id, "expense claim")
            if claim.status != ClaimStatus.APPROVED.value or claim.approved_on is None:
                raise ValidationError(
                    f"Claim {claim_id} must be approved before it is paid."
                    if claim.status == ClaimStatus.SUBMITTED.value
                    else f"Claim {claim_id} has already been paid.",
                    "status",
                )
            if on < claim.approved_on:
                raise ValidationError(
                    "A claim cannot be paid before it was approved "
                    f"({in_words(claim.approved_on)}).",
                    "paid_on",
                )
            claim.status, claim.paid_on, claim.paid_how = ClaimStatus.PAID.value, on, paid_how
            session.add(claim)
            return ledger.claim_views(session, [claim])[0]

    def remove_claim(self, claim_id: int, reason: str) -> str:
        """Remove a claim entered in error, and its lines, with a reason (one change set).
        If it counted towards the threshold, the volunteer's unpaid claims are worked out
        again."""
        why = removal_reason(reason)
        with self.db.session() as reading:
            found = get_or_raise(reading, ExpenseClaim, claim_id, "expense claim")
            description = (
                f"Removed expense claim {claim_id} submitted on {in_words(found.submitted_on)}"
            )
        with change_set(self.db, reason=why, description=description) as session:
            claim = get_or_raise(session, ExpenseClaim, claim_id, "expense claim")
            lines = list(session.exec(select(ExpenseLine).where(ExpenseLine.claim_id == claim_id)))
            person_id = claim.person_id
            for line in lines:
                session.delete(line)
            session.flush()
            session.delete(claim)
            ledger.recalculate(session, person_id, [line.line_date for line in lines])
            return description

    def _checked(self, submitted_on: date, lines: Sequence[LineInput]) -> list[dict[str, Any]]:
        v.not_in_future(submitted_on, self.today(), "submitted_on", "the date submitted")
        if not lines:
            raise ValidationError("A claim needs at least one line.", "lines")
        return [ledger.line_fields(line, submitted_on, n) for n, line in enumerate(lines, 1)]


def _claimers(session: Session) -> set[int]:
    return set(
        session.exec(
            select(PersonRole.person_id).where(col(PersonRole.role).in_(CLAIMING_ROLES))
        ).all()
    )


def _check_claimer(session: Session, person_id: int) -> None:
    get_or_raise(session, Person, person_id, "person")
    if person_id not in _claimers(session):
        raise ValidationError(
            "Only volunteers (mentors and group facilitators) can claim expenses here.",
            "person",
        )


def _project(session: Session, project_id: int | None) -> int | None:
    if project_id is not None:
        get_or_raise(session, Project, project_id, "project")
    return project_id


def _unpaid(session: Session, claim_id: int) -> ExpenseClaim:
    claim = get_or_raise(session, ExpenseClaim, claim_id, "expense claim")
    if claim.status == ClaimStatus.PAID.value:
        raise ValidationError(PAID_REFUSAL.format(id=claim_id), "status")
    return claim


def _replace_lines(
    session: Session,
    claim_id: int,
    old: list[ExpenseLine],
    lines: Sequence[LineInput],
    checked: list[dict[str, Any]],
) -> None:
    """Edit the lines kept (by number), delete those left out, add the new ones."""
    by_id = {line.id: line for line in old}
    kept = {line.line_id for line in lines if line.line_id in by_id}
    for line in old:
        if line.id not in kept:
            session.delete(line)
    for entered, fields in zip(lines, checked, strict=True):
        if entered.line_id in kept:
            apply_fields(by_id[entered.line_id], dict(fields))
        else:
            session.add(ExpenseLine(claim_id=claim_id, **fields))
    session.flush()
