"""A volunteer's references: add, edit (satisfactory yes, no or not read yet), remove with a
reason; what is still missing before pairing when Settings asks for references; and the
Settings ▸ Volunteers and safeguarding numbers (references needed, years a concern is kept).

Each write is one change set, so it shows in History with its description (and a removal
with its reason).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from peerdesk.data.models import Organisation, Person, VolunteerReference
from peerdesk.errors import ValidationError
from peerdesk.forms.catalogue import get_form
from peerdesk.forms.document import render_pdf
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import apply_fields, change_set, remove_row
from peerdesk.services.printing import reference_data
from peerdesk.services.printing.service import PrintingService, with_coordinator
from peerdesk.services.volunteers.views import ReferenceView, SafeguardingSettings

__all__ = ["ReferenceService", "reference_fields", "reference_gaps"]

#: Settings' limits (the database refuses anything outside them too).
MOST_REFERENCES = 5
KEEP_YEARS = (1, 100)


def reference_fields(
    today: date,
    *,
    referee_name: str,
    relationship: str,
    contact: str,
    requested_on: date | None,
    received_on: date | None,
    satisfactory: bool | None,
) -> dict[str, Any]:
    """A reference's values, checked (adding and editing alike)."""
    v.not_in_future(requested_on, today, "requested_on", "the date it was asked for")
    v.not_in_future(received_on, today, "received_on", "the date it arrived")
    v.on_or_after(
        received_on,
        requested_on,
        "received_on",
        "A reference cannot arrive before it was asked for.",
    )
    if satisfactory is not None and received_on is None:
        # Nobody can judge a reference that has not arrived: say when it came first.
        raise ValidationError(
            "Please enter the date the reference arrived before saying whether it was "
            "satisfactory.",
            "received_on",
        )
    return {
        "referee_name": v.required_text(referee_name, "referee_name", "the referee's name"),
        "relationship": v.short_text(relationship, "relationship", "the relationship"),
        "contact": v.short_text(contact, "contact", "the referee's contact"),
        "requested_on": requested_on,
        "received_on": received_on,
        "satisfactory": satisfactory,
    }


def reference_gaps(session: Session, person_id: int, required: int) -> list[str]:
    """What is missing before pairing, in plain words ([] when enough references are in).

    `required` is the organisation's `references_required`; 0 means references are not
    asked for, so nothing is missing. Only a reference received and read as satisfactory
    counts; one found unsatisfactory is named, as the coordinator must look at it.
    """
    if required <= 0:
        return []
    rows = session.exec(
        select(VolunteerReference).where(col(VolunteerReference.person_id) == person_id)
    ).all()
    good = sum(1 for r in rows if r.received_on is not None and r.satisfactory is True)
    gaps: list[str] = []
    if good < required:
        gaps.append(f"references: {good} of {required} received and satisfactory")
    unread = sum(1 for r in rows if r.received_on is not None and r.satisfactory is None)
    if good < required and unread:
        gaps.append(f"{_count(unread, 'reference')} received but not yet read")
    poor = sum(1 for r in rows if r.satisfactory is False)
    if poor:
        gaps.append(f"{_count(poor, 'reference')} not satisfactory")
    return gaps


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class ReferenceService(Service):
    # -- references ----------------------------------------------------------------------
    def references(self, person_id: int) -> list[ReferenceView]:
        with self.db.session() as session:
            rows = session.exec(
                select(VolunteerReference)
                .where(col(VolunteerReference.person_id) == person_id)
                .order_by(col(VolunteerReference.id))
            ).all()
            return [ReferenceView.of(row) for row in rows]

    def get(self, reference_id: int) -> ReferenceView:
        with self.db.session() as session:
            return ReferenceView.of(
                get_or_raise(session, VolunteerReference, reference_id, "reference")
            )

    def add(
        self,
        person_id: int,
        *,
        referee_name: str,
        relationship: str = "",
        contact: str = "",
        requested_on: date | None = None,
        received_on: date | None = None,
        satisfactory: bool | None = None,
    ) -> ReferenceView:
        fields = reference_fields(
            self.today(),
            referee_name=referee_name,
            relationship=relationship,
            contact=contact,
            requested_on=requested_on,
            received_on=received_on,
            satisfactory=satisfactory,
        )
        description = f"Added a reference from {fields['referee_name']}"
        with change_set(self.db, description=description) as session:
            get_or_raise(session, Person, person_id, "person")
            row = VolunteerReference(person_id=person_id, **fields)
            session.add(row)
            session.flush()
            session.refresh(row)
            return ReferenceView.of(row)

    def update(
        self,
        reference_id: int,
        *,
        referee_name: str,
        relationship: str = "",
        contact: str = "",
        requested_on: date | None = None,
        received_on: date | None = None,
        satisfactory: bool | None = None,
    ) -> ReferenceView:
        fields = reference_fields(
            self.today(),
            referee_name=referee_name,
            relationship=relationship,
            contact=contact,
            requested_on=requested_on,
            received_on=received_on,
            satisfactory=satisfactory,
        )
        description = f"Edited the reference from {fields['referee_name']}"
        with change_set(self.db, description=description) as session:
            row = apply_fields(
                get_or_raise(session, VolunteerReference, reference_id, "reference"), fields
            )
            session.flush()
            return ReferenceView.of(row)

    def remove(self, reference_id: int, reason: str) -> str:
        return remove_row(
            self.db,
            VolunteerReference,
            reference_id,
            what="reference",
            reason=reason,
            describe=lambda r: f"Removed the reference from {r.referee_name}",
        )

    def request_letter(self, reference_id: int, *, large_print: bool = False) -> bytes:
        """The reference request letter to this reference's referee, as PDF bytes."""
        spec = get_form("reference-request")
        assert spec is not None  # the catalogue always has it
        organisation = PrintingService(self.db, self._today).organisation_info()
        with self.db.session() as session:
            data = reference_data.reference_request(session, reference_id, self.today())
        data = with_coordinator(data, organisation.coordinator_name, organisation.coordinator_role)
        return render_pdf(spec, data, organisation, large_print=large_print)

    def gaps(self, person_id: int) -> list[str]:
        """What references are still missing for this volunteer, as Settings asks."""
        with self.db.session() as session:
            get_or_raise(session, Person, person_id, "person")
            return reference_gaps(session, person_id, _required(session))

    # -- Settings ▸ Volunteers and safeguarding ------------------------------------------
    def settings(self) -> SafeguardingSettings:
        with self.db.session() as session:
            org = session.exec(select(Organisation)).first()
            if org is None:
                return SafeguardingSettings()
            return SafeguardingSettings(org.references_required, org.concern_keep_years)

    def save_settings(self, settings: SafeguardingSettings) -> SafeguardingSettings:
        """Save both numbers in one change set (refused whole if either is out of range)."""
        if not 0 <= settings.references_required <= MOST_REFERENCES:
            raise ValidationError(
                f"References needed must be between 0 (not asked) and {MOST_REFERENCES}.",
                "references_required",
            )
        low, high = KEEP_YEARS
        if not low <= settings.concern_keep_years <= high:
            raise ValidationError(
                f"Concerns must be kept for between {low} and {high} years after they close.",
                "concern_keep_years",
            )
        description = "Changed the references needed and how long concerns are kept"
        with change_set(self.db, description=description) as session:
            org = session.exec(select(Organisation)).first()
            if org is None:
                raise ValidationError("Please save the organisation's details first.", None)
            apply_fields(
                org,
                {
                    "references_required": settings.references_required,
                    "concern_keep_years": settings.concern_keep_years,
                },
            )
        return self.settings()


def _required(session: Session) -> int:
    org = session.exec(select(Organisation)).first()
    return org.references_required if org is not None else 0
