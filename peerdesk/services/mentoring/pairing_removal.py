"""Removing a pairing entered in error, with what cannot stay without it.

A pairing's sessions, reviews, goals, status history and the notes that it was discussed in
supervision go with it, in the same transaction (one change set, with the reason). Concerns
raised in its sessions stay: a safeguarding record is never removed as a side effect; they
only lose the link to the session. `removal_effects` says all this in plain words before
anything is done, so the coordinator is asked once, knowing exactly what goes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, SQLModel, col, select

from peerdesk.data.models import (
    Concern,
    MentoringSession,
    Pairing,
    PairingGoal,
    PairingStatusChange,
    Review,
    SupervisionPairing,
)
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import remove_row

#: What goes with a pairing, and how to say how many.
_DEPENDENTS: tuple[tuple[type[SQLModel], str, str], ...] = (
    (MentoringSession, "session", "sessions"),
    (Review, "review", "reviews"),
    (PairingGoal, "goal", "goals"),
    (SupervisionPairing, "note that it was discussed in supervision", "such notes"),
)


def _count(number: int, one: str, many: str) -> str:
    return f"1 {one}" if number == 1 else f"{number} {many}"


def _stay(number: int) -> str:
    return "stays" if number == 1 else "stay"


class PairingRemoval(Service):
    """Remove a pairing with a reason (the PairingService has these)."""

    def removal_effects(self, pairing_id: int) -> list[str]:
        """What else would go with the pairing (and what stays), in plain words."""
        with self.db.session() as session:
            get_or_raise(session, Pairing, pairing_id, "pairing")
            lines = []
            for model, one, many in _DEPENDENTS:
                number = session.exec(
                    select(func.count()).select_from(model).where(model.pairing_id == pairing_id)  # type: ignore[attr-defined]
                ).one()
                if number:
                    lines.append(_count(number, one, many))
            concerns = session.exec(
                select(func.count())
                .select_from(Concern)
                .where(col(Concern.session_id).in_(_session_ids(pairing_id)))
            ).one()
            if concerns:
                lines.append(
                    f"{_count(concerns, 'concern', 'concerns')} raised in its sessions "
                    f"{_stay(concerns)} on record, no longer linked to a session"
                )
            return lines

    def remove_pairing(self, pairing_id: int, reason: str) -> str:
        """Remove a pairing entered in error and everything that belongs to it."""
        return remove_row(
            self.db,
            Pairing,
            pairing_id,
            what="pairing",
            reason=reason,
            describe=lambda p: f"Removed pairing P{p.id or 0:04d}",
            dependents=_belonging,
        )


def _session_ids(pairing_id: int) -> Any:
    return select(MentoringSession.id).where(MentoringSession.pairing_id == pairing_id)


def _belonging(session: Session, pairing: Pairing) -> list[SQLModel]:
    found: list[SQLModel] = []
    for model in (SupervisionPairing, Review, MentoringSession, PairingGoal, PairingStatusChange):
        found.extend(session.exec(select(model).where(model.pairing_id == pairing.id)))  # type: ignore[attr-defined]
    return found


class SessionRemoval(Service):
    """Remove a session entered in error (the SessionService has this)."""

    def session_removal_effects(self, session_id: int) -> list[str]:
        """What changes elsewhere when the session goes, in plain words."""
        with self.db.session() as session:
            get_or_raise(session, MentoringSession, session_id, "session")
            concerns = session.exec(
                select(func.count()).select_from(Concern).where(Concern.session_id == session_id)
            ).one()
        if not concerns:
            return []
        return [
            f"{_count(concerns, 'concern', 'concerns')} raised in it {_stay(concerns)} on "
            "record, no longer linked to a session"
        ]

    def remove_session(self, session_id: int, reason: str) -> str:
        return remove_row(
            self.db,
            MentoringSession,
            session_id,
            what="session",
            reason=reason,
            describe=lambda s: (
                f"Removed the session of {s.session_date.day} {s.session_date:%B %Y} "
                f"(pairing P{s.pairing_id:04d})"
            ),
        )

    def remove_concern(self, concern_id: int, reason: str) -> str:
        """Remove a concern entered in error (the wrong pairing, written twice). The history
        keeps what it said, with the reason, as for any removal."""
        return remove_row(
            self.db,
            Concern,
            concern_id,
            what="concern",
            reason=reason,
            describe=lambda c: f"Removed a concern raised on {c.raised_on.day} {c.raised_on:%B %Y}",
        )
