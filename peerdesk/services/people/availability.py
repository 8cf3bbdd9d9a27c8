"""When and how a person can meet: checked once, written in the caller's transaction, so the
person dialog, the availability window and a new referral store it the same way."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete
from sqlmodel import Session, col

from peerdesk.data.models import Availability, MeetingModePreference
from peerdesk.services import validation as v
from peerdesk.vocabulary import MeetingMode, PartOfDay, Weekday

#: The slots (day, part of the day) and ways to meet, as they will be stored.
CheckedAvailability = tuple[set[tuple[Weekday, PartOfDay]], set[MeetingMode]]


def checked_availability(
    slots: Iterable[tuple[Weekday | str, PartOfDay | str]],
    modes: Iterable[MeetingMode | str],
) -> CheckedAvailability:
    """Refuse an unknown day, part of the day or way to meet before anything is written."""
    checked_slots = {
        (
            v.one_of(day, Weekday, "availability", "a day"),
            v.one_of(part, PartOfDay, "availability", "a part of the day"),
        )
        for day, part in slots
    }
    checked_modes = {
        v.one_of(mode, MeetingMode, "meeting_modes", "a way to meet") for mode in modes
    }
    return checked_slots, checked_modes


def replace_availability(session: Session, person_id: int, checked: CheckedAvailability) -> None:
    """Replace what is recorded; nothing ticked clears both."""
    slots, modes = checked
    session.exec(delete(Availability).where(col(Availability.person_id) == person_id))
    session.exec(
        delete(MeetingModePreference).where(col(MeetingModePreference.person_id) == person_id)
    )
    for day, part in slots:
        session.add(Availability(person_id=person_id, weekday=day, part_of_day=part))
    for mode in modes:
        session.add(MeetingModePreference(person_id=person_id, mode=mode))
