"""Pieces several forms share: who a form is about, and office-use boxes."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.layout import Field, Kit
from peerdesk.vocabulary import MeetingFrequency, MeetingMode

#: Tick-box options shared with the service that pre-fills them (vocabulary labels).
MODES = [mode.label for mode in MeetingMode]
FREQUENCIES = [frequency.label for frequency in MeetingFrequency]
YES_NO = ("Yes", "No")


def pairing_names(kit: Kit) -> list[Flowable]:
    """Mentor, mentee and the pairing reference: all a pairing's paperwork needs to say who."""
    return kit.fields(
        Field("Mentor", "mentor_name", 2),
        Field("Mentee", "mentee_name", 2),
        Field("Pairing reference", "pairing_reference", 1),
    )


def person_name(kit: Kit, label: str = "Name") -> list[Flowable]:
    return kit.fields(Field(label, "person_name"))


def office_use(kit: Kit, *fields: Field) -> list[Flowable]:
    parts: list[Flowable] = [*kit.heading("For office use")]
    parts += kit.fields(*fields)
    return parts
