"""Putting right a referral's details (`ReferralService.update_details`): which fields an
edit may change, and the one check an edit needs beyond those of taking a referral."""

from __future__ import annotations

from datetime import date

from peerdesk.data.models import Referral
from peerdesk.errors import ValidationError

#: What `update_details` may change: what was entered when the referral was taken (never
#: its person, status or steps).
DETAIL_FIELDS = (
    "referral_date",
    "source",
    "support_as",
    "referrer_name",
    "referrer_organisation",
    "referrer_relationship",
    "referrer_contact",
    "person_agreed",
    "cared_for_condition",
    "cared_for_relationship",
    "other_professionals",
    "risks",
    "support_network",
    "hopes",
    "wants_same_condition",
    "project_id",
)


def refuse_date_after_steps(referral: Referral, received: date) -> None:
    """A referral is received before any step is taken on it: a corrected date may not
    move after its first dated step (the steps would then read as before it came in)."""
    steps = [
        d
        for d in (
            referral.assessed_on,
            referral.decided_on,
            referral.closed_on,
            referral.reopened_on,
        )
        if d is not None
    ]
    if steps and received > min(steps):
        first = min(steps)
        raise ValidationError(
            f"The referral date cannot be after its first step ({first.day} {first:%B %Y}).",
            "referral_date",
        )
