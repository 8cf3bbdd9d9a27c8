"""A referral's own fields once the referral service has checked them (`ReferralService.
validated`): plain values, kept apart from the service so checking costs no database object."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from peerdesk.data.models import Referral
from peerdesk.vocabulary import ReferralStatus


@dataclass(slots=True)
class CheckedReferral:
    """A referral's own fields as `ReferralService.validated` checked them: plain values, so
    checking costs no database object (an import checks one per row); `record()` makes the
    row to save."""

    referral_date: date
    source: str
    support_as: str
    referrer_name: str
    referrer_organisation: str
    referrer_relationship: str
    referrer_contact: str
    person_agreed: bool
    cared_for_condition: str
    cared_for_relationship: str
    other_professionals: str
    risks: str
    support_network: str
    hopes: str
    wants_same_condition: bool
    project_id: int | None
    #: Where it stands: new, unless an import reads a later status from the sheet.
    status: str = ReferralStatus.NEW.value
    assessed_on: date | None = None
    decided_on: date | None = None
    closed_on: date | None = None
    not_taken_forward_reason: str = ""
    signposted_to: str = ""

    def record(self, person_id: int = 0) -> Referral:
        """A new, unsaved Referral holding these values."""
        return Referral(person_id=person_id, **{f.name: getattr(self, f.name) for f in _CHECKED})


_CHECKED = fields(CheckedReferral)
