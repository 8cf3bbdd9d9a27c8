"""What a reference request letter needs: the referee, their contact, the volunteer's name
and how the referee knows them. Nothing about the volunteer's health or lived experience."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from peerdesk.data.models import Person, VolunteerReference
from peerdesk.forms.data import FormData
from peerdesk.services.base import get_or_raise
from peerdesk.services.printing import text as t


def reference_request(session: Session, reference_id: int, today: date) -> FormData:
    """The letter's data for one reference (NotFoundError, in plain words, if it is gone)."""
    reference = get_or_raise(session, VolunteerReference, reference_id, "reference")
    volunteer = session.get(Person, reference.person_id)
    return FormData(
        fields={
            "letter_date": t.day(today),
            "recipient_name": reference.referee_name,
            "recipient_contact": reference.contact,
            "relationship": reference.relationship,
            "volunteer_name": t.name(volunteer),
        }
    )
