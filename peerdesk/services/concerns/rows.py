"""Reading concerns: building `ConcernRecord` views and putting a list in its order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import Concern, ConcernAction, Pairing, PeerGroup, Person
from peerdesk.services.concerns.views import LEVEL_RANK, ConcernActionView, ConcernRecord
from peerdesk.services.data_protection import concern_retention


def in_words(value: date) -> str:
    """3 March 2026."""
    return f"{value.day} {value:%B %Y}"


def pairing_label(session: Session, pairing: Pairing) -> str:
    mentor, mentee = session.get(Person, pairing.mentor_id), session.get(Person, pairing.mentee_id)
    names = [p.display_name for p in (mentor, mentee) if p is not None]
    return "Pairing: " + " with ".join(names)


def about(session: Session, concern: Concern) -> str:
    """Who or what the concern is about, in plain words (person, then pairing, then group)."""
    parts: list[str] = []
    if concern.about_person_id is not None:
        person = session.get(Person, concern.about_person_id)
        # An erased person's name is kept in concerns about them until the hold ends.
        held = concern_retention.held_name(session, concern.about_person_id)
        parts.append(held or (person.display_name if person else "Erased person"))
    if concern.pairing_id is not None:
        pairing = session.get(Pairing, concern.pairing_id)
        if pairing is not None:
            parts.append(pairing_label(session, pairing))
    if concern.group_id is not None:
        group = session.get(PeerGroup, concern.group_id)
        if group is not None:
            parts.append(f"Group: {group.name}")
    return "; ".join(parts) or "Nobody recorded"


def records(session: Session, concerns: Iterable[Concern]) -> list[ConcernRecord]:
    chosen = list(concerns)
    ids = [c.id for c in chosen]
    actions: dict[int, list[ConcernActionView]] = {}
    for row in session.exec(
        select(ConcernAction)
        .where(col(ConcernAction.concern_id).in_(ids))
        .order_by(col(ConcernAction.id))
    ):
        actions.setdefault(row.concern_id, []).append(
            ConcernActionView(row.id or 0, row.concern_id, row.action, row.due_on, row.done_on)
        )
    return [_record(session, c, tuple(actions.get(c.id or 0, []))) for c in chosen]


def _record(session: Session, c: Concern, actions: tuple[ConcernActionView, ...]) -> ConcernRecord:
    return ConcernRecord(
        id=c.id or 0,
        raised_on=c.raised_on,
        about=about(session, c),
        about_person_id=c.about_person_id,
        pairing_id=c.pairing_id,
        group_id=c.group_id,
        session_id=c.session_id,
        group_meeting_id=c.group_meeting_id,
        category=c.category,
        level=c.level,
        what=c.what,
        action_taken=c.action_taken,
        who_was_told=c.who_was_told,
        referred_to=c.referred_to,
        referred_on=c.referred_on,
        referral_reference=c.referral_reference,
        outcome=c.outcome,
        closed_on=c.closed_on,
        actions=actions,
    )


def in_order(found: Sequence[ConcernRecord]) -> list[ConcernRecord]:
    """Open first, most serious first and then newest; then closed ones, newest first."""

    def key(r: ConcernRecord) -> tuple[int, int, int, int]:
        rank = LEVEL_RANK.get(r.level, 1) if r.is_open else 0
        return (0 if r.is_open else 1, rank, -r.raised_on.toordinal(), -r.id)

    return sorted(found, key=key)
