"""Demo references: the two referees each volunteer names on the journey (volunteer_rows
writes them) are given a contact and read: for most volunteers both arrived and were
satisfactory; for a few the second is still awaited or has arrived but is not yet read (so
the demo shows what readiness asks for when Settings wants two), and for anyone not yet
past the journey's checks the second is awaited and the first not yet read.

They draw from their own random source, seeded from the demo's, so this leaves every other
demo row of a seed as it was; the same seed always gives the same references."""

from __future__ import annotations

import random

from sqlalchemy import update
from sqlmodel import col, select

from peerdesk.data.models import VolunteerReference, VolunteerStageChange
from peerdesk.services.demo.state import BuilderState

#: The steps of a volunteer who has been through every check.
THROUGH = {"active", "paused", "left"}
#: How often a volunteer through the checks still waits for their second reference, and
#: how often it has arrived but is not yet read.
AWAITED, UNREAD = 0.12, 0.08


def write_reference_rows(state: BuilderState) -> None:
    """Read the demo's references (after the volunteers are written)."""
    state.flush()
    rng = random.Random(f"references-{state.rng.getstate()[1][:4]}")
    latest: dict[int, str] = {}
    for person_id, stage in state.s.exec(
        select(VolunteerStageChange.person_id, VolunteerStageChange.stage).order_by(
            col(VolunteerStageChange.changed_on), col(VolunteerStageChange.id)
        )
    ):
        latest[person_id] = stage
    references = state.s.exec(select(VolunteerReference).order_by(col(VolunteerReference.id))).all()
    # Through the connection, not the session: the rows are new in this change set, and the
    # history logs them once, as they end up (generator.py), not as inserts then updates.
    connection = state.s.connection()
    chance: dict[int, float] = {}
    for reference in references:
        person = reference.person_id
        second = person in chance
        if not second:
            chance[person] = rng.random()
        through = latest.get(person) in THROUGH
        values: dict[str, object] = {"contact": _contact(reference.referee_name)}
        if second and (not through or chance[person] < AWAITED):
            values |= {"received_on": None, "satisfactory": None}
        elif not through or (second and chance[person] < AWAITED + UNREAD):
            values |= {"satisfactory": None}
        else:
            values |= {"satisfactory": True}
        connection.execute(
            update(VolunteerReference)
            .where(col(VolunteerReference.id) == reference.id)
            .values(**values)
        )


def _contact(name: str) -> str:
    """A fictional email address (example.org is reserved for examples)."""
    return f"{name.lower().replace(' ', '.').replace(chr(39), '')}@example.org"
