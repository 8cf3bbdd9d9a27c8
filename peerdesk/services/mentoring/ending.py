"""What ending a pairing does to its session log: sessions still planned after the end date
will not happen, and are cancelled (taken off the plan) only when the ending says so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import MentoringSession
from peerdesk.services.mentoring.rows import PlannedSessionsAfterEnd
from peerdesk.vocabulary import SessionStatus


@dataclass(frozen=True)
class Ending:
    """How a pairing ended, as the coordinator answers it (checked by `ending_values`)."""

    reason: str
    ended_as_planned: bool
    wants_new_pairing: bool
    note: str = ""


def cancel_planned_after(session: Session, pairing_id: int, when: date, *, confirmed: bool) -> None:
    """Take the sessions planned after the ending off the plan, once the caller has said so.
    They were never held, so no figure changes; a session rearranged to one of them stays
    rearranged, no longer pointing at a date that will not happen."""
    planned = planned_after(session, pairing_id, when)
    if not planned:
        return
    if not confirmed:
        raise PlannedSessionsAfterEnd(tuple(s.session_date for s in planned))
    ids = [s.id for s in planned]
    for origin in session.exec(
        select(MentoringSession).where(col(MentoringSession.rearranged_to_id).in_(ids))
    ):
        origin.rearranged_to_id = None
        session.add(origin)
    session.flush()
    for record in planned:
        session.delete(record)


def planned_after(session: Session, pairing_id: int, on: date) -> list[MentoringSession]:
    return list(
        session.exec(
            select(MentoringSession)
            .where(
                MentoringSession.pairing_id == pairing_id,
                MentoringSession.status == SessionStatus.PLANNED.value,
                col(MentoringSession.session_date) > on,
            )
            .order_by(col(MentoringSession.session_date), col(MentoringSession.id))
        )
    )
