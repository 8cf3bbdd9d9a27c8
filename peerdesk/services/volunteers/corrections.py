"""Correcting a volunteer's records: edit or remove (with a reason) a disclosure check, a
training record or a supervision.

The checks live here once, used by adding and editing alike, so an edit can save nothing
that adding would refuse. Each edit or removal is one transaction (one change set).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from peerdesk.data.models import DisclosureCheck, Supervision, SupervisionPairing, TrainingRecord
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import apply_fields, change_set, remove_row
from peerdesk.services.training.matrix import module_named
from peerdesk.services.volunteers.views import DisclosureCheckView, SupervisionView, TrainingView
from peerdesk.vocabulary import DisclosureLevel, DisclosureScheme, MeetingMode


def in_words(value: date) -> str:
    """3 March 2026: the date in a change set's description."""
    return f"{value.day} {value:%B %Y}"


def check_fields(
    today: date,
    *,
    scheme: DisclosureScheme | str,
    level: DisclosureLevel | str,
    issue_date: date,
    reference_number: str,
    renewal_date: date | None,
) -> dict[str, Any]:
    """A disclosure check's values, checked (adding and editing alike)."""
    scheme = v.one_of(scheme, DisclosureScheme, "scheme", "PVG or DBS")
    level = v.one_of(level, DisclosureLevel, "level", "the level of check")
    v.not_in_future(issue_date, today, "issue_date", "the issue date")
    v.on_or_after(
        renewal_date,
        issue_date,
        "renewal_date",
        "The renewal date cannot be before the issue date.",
    )
    return {
        "scheme": scheme.value,
        "level": level.value,
        "issue_date": issue_date,
        "renewal_date": renewal_date,
        "reference_number": v.short_text(
            reference_number, "reference_number", "the reference number"
        ),
    }


def training_fields(
    today: date, *, module: str, on: date, duration_minutes: int, completed: bool
) -> dict[str, Any]:
    """A training record's values, checked (adding and editing alike)."""
    v.not_in_future(on, today, "training_date", "the training date")
    return {
        "module": v.required_text(module, "module", "the training module"),
        "training_date": on,
        "duration_minutes": v.minutes(
            duration_minutes, "duration_minutes", "how long the training took", maximum=7 * 24 * 60
        ),
        "completed": completed,
    }


def supervision_fields(
    today: date,
    *,
    on: date,
    mode: MeetingMode | str,
    duration_minutes: int,
    concerns: str,
    wellbeing: str,
    training_needs: str,
    actions: str,
    next_date: date | None,
) -> dict[str, Any]:
    """A supervision's values, checked (adding and editing alike)."""
    mode = v.one_of(mode, MeetingMode, "mode", "how you met")
    v.not_in_future(on, today, "supervision_date", "the supervision date")
    v.on_or_after(next_date, on, "next_date", "The next supervision date should be after this one.")
    return {
        "supervision_date": on,
        "mode": mode.value,
        "duration_minutes": v.minutes(duration_minutes, "duration_minutes", "how long you met"),
        "concerns": v.long_text(concerns, "concerns", "the concerns"),
        "wellbeing": v.long_text(wellbeing, "wellbeing", "the wellbeing notes"),
        "training_needs": v.long_text(training_needs, "training_needs", "the training needs"),
        "actions": v.long_text(actions, "actions", "the actions"),
        "next_date": next_date,
    }


class VolunteerCorrections(Service):
    """Edit and remove for the volunteer's records (the VolunteerService has these)."""

    # -- disclosure checks ---------------------------------------------------------------
    def update_disclosure_check(
        self,
        check_id: int,
        *,
        scheme: DisclosureScheme | str,
        level: DisclosureLevel | str,
        issue_date: date,
        reference_number: str = "",
        renewal_date: date | None = None,
    ) -> DisclosureCheckView:
        fields = check_fields(
            self.today(),
            scheme=scheme,
            level=level,
            issue_date=issue_date,
            reference_number=reference_number,
            renewal_date=renewal_date,
        )
        description = f"Edited a disclosure check issued on {in_words(issue_date)}"
        with change_set(self.db, description=description) as session:
            check = apply_fields(
                get_or_raise(session, DisclosureCheck, check_id, "disclosure check"), fields
            )
            session.flush()
            return DisclosureCheckView.of(check)

    def remove_disclosure_check(self, check_id: int, reason: str) -> str:
        return remove_row(
            self.db,
            DisclosureCheck,
            check_id,
            what="disclosure check",
            reason=reason,
            describe=lambda c: (
                f"Removed the {DisclosureScheme(c.scheme).label} check issued on "
                f"{in_words(c.issue_date)}"
            ),
        )

    # -- training ------------------------------------------------------------------------
    def update_training(
        self, record_id: int, *, module: str, on: date, duration_minutes: int, completed: bool
    ) -> TrainingView:
        fields = training_fields(
            self.today(),
            module=module,
            on=on,
            duration_minutes=duration_minutes,
            completed=completed,
        )
        description = f"Edited training: {fields['module']}"
        with change_set(self.db, description=description) as session:
            row = get_or_raise(session, TrainingRecord, record_id, "training record")
            # A record mapped onto a module by 0008 keeps it while its recorded name stays.
            found = module_named(session, fields["module"])
            if found is not None or row.module != fields["module"]:
                fields["module_id"] = found
            record = apply_fields(row, fields)
            session.flush()
            return TrainingView.of(record)

    def remove_training(self, record_id: int, reason: str) -> str:
        return remove_row(
            self.db,
            TrainingRecord,
            record_id,
            what="training record",
            reason=reason,
            describe=lambda r: f"Removed training: {r.module} on {in_words(r.training_date)}",
        )

    # -- supervision ---------------------------------------------------------------------
    def update_supervision(
        self,
        supervision_id: int,
        *,
        on: date,
        mode: MeetingMode | str,
        duration_minutes: int,
        concerns: str | None = None,
        wellbeing: str = "",
        training_needs: str = "",
        actions: str = "",
        next_date: date | None = None,
    ) -> SupervisionView:
        """Change a supervision's details; `concerns` None keeps them (the dialog has none),
        and the pairings it discussed stay as they were."""
        with self.db.session() as reading:
            kept = get_or_raise(reading, Supervision, supervision_id, "supervision").concerns
        fields = supervision_fields(
            self.today(),
            on=on,
            mode=mode,
            duration_minutes=duration_minutes,
            concerns=kept if concerns is None else concerns,
            wellbeing=wellbeing,
            training_needs=training_needs,
            actions=actions,
            next_date=next_date,
        )
        description = f"Edited supervision on {in_words(on)}"
        with change_set(self.db, description=description) as session:
            record = apply_fields(
                get_or_raise(session, Supervision, supervision_id, "supervision"), fields
            )
            session.flush()
            return SupervisionView.of(record)

    def remove_supervision(self, supervision_id: int, reason: str) -> str:
        """Remove a supervision entered in error, with its links to the pairings discussed
        (the pairings stay)."""
        return remove_row(
            self.db,
            Supervision,
            supervision_id,
            what="supervision",
            reason=reason,
            describe=lambda s: f"Removed supervision on {in_words(s.supervision_date)}",
            dependents=_supervision_links,
        )


def _supervision_links(session: Session, row: Supervision) -> list[SupervisionPairing]:
    return list(
        session.exec(
            select(SupervisionPairing).where(col(SupervisionPairing.supervision_id) == row.id)
        )
    )
