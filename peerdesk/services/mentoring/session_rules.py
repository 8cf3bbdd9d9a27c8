"""Rules that keep a session log true to what happened, beyond one session's own checks."""

from __future__ import annotations

from sqlmodel import Session

from peerdesk.data.models import MentoringSession
from peerdesk.errors import ValidationError
from peerdesk.vocabulary import SessionStatus


def refuse_unlinking_a_rearrangement(
    session: Session, record: MentoringSession, wanted: str | None
) -> None:
    """A rearranged session that still points at its new date keeps its status: marking it
    held (or anything else) would count the meeting twice, or leave its new date planned for
    a meeting that already happened. What happened on the new date is recorded there."""
    if (
        record.status != SessionStatus.REARRANGED
        or record.rearranged_to_id is None
        or wanted in (None, SessionStatus.REARRANGED)
    ):
        return
    moved_to = session.get(MentoringSession, record.rearranged_to_id)
    on = "" if moved_to is None else f" ({moved_to.session_date.day} {moved_to.session_date:%B %Y})"
    raise ValidationError(
        f"This session was rearranged to a new date{on}: record what happened in that "
        "session. If it was rearranged by mistake, remove the new date's session first.",
        "status",
    )
