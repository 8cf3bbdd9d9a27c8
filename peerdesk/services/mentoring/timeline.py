"""The timeline of one pairing: status changes, sessions, reviews and concerns in date order."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.database import Database
from peerdesk.data.models import (
    Concern,
    MentoringSession,
    Pairing,
    PairingStatusChange,
    Review,
)
from peerdesk.services.base import get_or_raise
from peerdesk.services.mentoring.rows import TimelineEntry
from peerdesk.vocabulary import (
    ClosureReason,
    PairingStatus,
    ReviewDecision,
    SessionStatus,
    SupportedAs,
)

_KIND_ORDER = {"status": 0, "review": 1, "session": 2, "concern": 3}


def pairing_timeline(db: Database, pairing_id: int) -> list[TimelineEntry]:
    """Everything that happened in a pairing, oldest first."""
    with db.session() as session:
        pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
        sessions = list(
            session.exec(select(MentoringSession).where(MentoringSession.pairing_id == pairing_id))
        )
        entries = [
            *_status_entries(session, pairing),
            *_session_entries(sessions),
            *_review_entries(session, pairing_id),
            *_concern_entries(session, [s.id for s in sessions if s.id is not None]),
        ]
    entries.sort(key=lambda e: (e.on, _KIND_ORDER[e.kind], e.record_id))
    return entries


def _status_entries(session: Session, pairing: Pairing) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    previous: PairingStatus | None = None
    for change in session.exec(
        select(PairingStatusChange)
        .where(PairingStatusChange.pairing_id == pairing.id)
        .order_by(col(PairingStatusChange.changed_on), col(PairingStatusChange.id))
    ):
        status = PairingStatus(change.status)
        title = _status_title(status, pairing.supported_as)
        if status is PairingStatus.ACTIVE and previous is PairingStatus.PAUSED:
            title = "Pairing resumed"
        previous = status
        detail = change.note
        if change.status == PairingStatus.ENDED and pairing.closure_reason:
            detail = "; ".join(filter(None, [_ending_words(pairing), pairing.closure_note, detail]))
        entries.append(
            TimelineEntry(
                on=change.changed_on,
                kind="status",
                title=title,
                detail=detail,
                record_kind="pairing",
                record_id=pairing.id or 0,
            )
        )
    return entries


def _ending_words(pairing: Pairing) -> str:
    assert pairing.closure_reason is not None
    parts = [ClosureReason(pairing.closure_reason).label]
    if pairing.ended_as_planned is not None:
        parts.append("as planned" if pairing.ended_as_planned else "ended early")
    if pairing.wants_new_pairing:
        parts.append("wants a new pairing")
    return ", ".join(parts)


def _session_entries(sessions: list[MentoringSession]) -> list[TimelineEntry]:
    by_id = {s.id: s for s in sessions}
    replaced_from = {s.rearranged_to_id: s for s in sessions if s.rearranged_to_id}
    entries: list[TimelineEntry] = []
    for record in sessions:
        extra: list[str] = []
        if record.rearranged_to_id and record.rearranged_to_id in by_id:
            extra.append(f"moved to {_day(by_id[record.rearranged_to_id].session_date)}")
        if record.id in replaced_from:
            extra.append(f"rearranged from {_day(replaced_from[record.id].session_date)}")
        if record.concern_flag:
            extra.append("concern flagged")
        entries.append(
            TimelineEntry(
                on=record.session_date,
                kind="session",
                title=f"Session: {SessionStatus(record.status).label.lower()}",
                detail="; ".join(filter(None, [", ".join(extra), record.note])),
                record_kind="session",
                record_id=record.id or 0,
            )
        )
    return entries


def _review_entries(session: Session, pairing_id: int) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            on=review.review_date,
            kind="review",
            title=f"Review: {ReviewDecision(review.decision).label.lower()}",
            detail=f"{review.sessions_held} of {review.sessions_planned} planned sessions held"
            + (f"; {review.what_is_working}" if review.what_is_working else ""),
            record_kind="review",
            record_id=review.id or 0,
        )
        for review in session.exec(select(Review).where(Review.pairing_id == pairing_id))
    ]


def _concern_entries(session: Session, session_ids: list[int]) -> list[TimelineEntry]:
    if not session_ids:
        return []
    entries: list[TimelineEntry] = []
    for concern in session.exec(select(Concern).where(col(Concern.session_id).in_(session_ids))):
        state = f"closed {_day(concern.closed_on)}" if concern.closed_on else "still open"
        entries.append(
            TimelineEntry(
                on=concern.raised_on,
                kind="concern",
                title=f"Concern ({state})",
                detail=concern.what,
                record_kind="concern",
                record_id=concern.id or 0,
            )
        )
    return entries


def _status_title(status: PairingStatus, supported_as: str) -> str:
    who = "carer" if supported_as == SupportedAs.CARER else "mentee"
    return {
        PairingStatus.PROPOSED: "Pairing proposed",
        PairingStatus.INTRODUCED: f"Mentor and {who} introduced",
        PairingStatus.ACTIVE: "Pairing active",
        PairingStatus.PAUSED: "Pairing paused",
        PairingStatus.ENDED: "Pairing ended",
    }[status]


def _day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"
