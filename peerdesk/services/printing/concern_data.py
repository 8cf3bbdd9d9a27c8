"""What a concern record form prints: the concern, its referral, actions and outcome."""

from __future__ import annotations

from sqlmodel import Session

from peerdesk.data.models import Concern
from peerdesk.forms.data import FormData
from peerdesk.services.base import get_or_raise
from peerdesk.services.concerns import rows as concern_rows
from peerdesk.services.printing import text as t


def concern_record(session: Session, concern_id: int) -> FormData:
    """The form's data for one concern (NotFoundError, in plain words, if there is none)."""
    concern = get_or_raise(session, Concern, concern_id, "concern")
    (record,) = concern_rows.records(session, [concern])
    return FormData(
        fields={
            "about": record.about,
            "raised_on": t.day(record.raised_on),
            "category": record.category,
            "level": record.level_label,
            "what": record.what,
            "action_taken": record.action_taken,
            "who_was_told": record.who_was_told,
            "referred_to": record.referred_to,
            "referred_on": t.day(record.referred_on),
            "referral_reference": record.referral_reference,
            "outcome": record.outcome,
            "closed_on": t.day(record.closed_on),
        },
        rows={"actions": [(a.action, t.day(a.due_on), t.day(a.done_on)) for a in record.actions]},
    )
