"""The session log: log, rearrange, cancel; concerns raised in sessions or groups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlmodel import Session, col, select

from peerdesk.data.models import Concern, GroupMeeting, MentoringSession, Pairing, Person
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.vocabulary import MeetingMode, PairingStatus, SessionStatus

CANCELLATIONS = (
    SessionStatus.CANCELLED_BY_MENTEE,
    SessionStatus.CANCELLED_BY_MENTOR,
    SessionStatus.DID_NOT_ATTEND,
)


@dataclass
class SessionEntry:
    """One line of the session log. Unset mode, place and duration come from the pairing."""

    session_date: date
    status: str = SessionStatus.HELD.value
    start_time: time | None = None
    duration_minutes: int | None = None
    mode: str | None = None
    place: str | None = None
    note: str = ""
    actions: str = ""
    next_meeting: date | None = None
    concern_flag: bool = False


@dataclass
class ConcernDetails:
    raised_on: date
    what: str
    about_person_id: int | None = None
    who_was_told: str = ""
    action_taken: str = ""


class SessionService(Service):
    def get(self, session_id: int) -> MentoringSession:
        with self.db.session() as session:
            return get_or_raise(session, MentoringSession, session_id, "session")

    def for_pairing(self, pairing_id: int) -> list[MentoringSession]:
        with self.db.session() as session:
            return list(
                session.exec(
                    select(MentoringSession)
                    .where(MentoringSession.pairing_id == pairing_id)
                    .order_by(col(MentoringSession.session_date), col(MentoringSession.id))
                )
            )

    def log(self, pairing_id: int, entry: SessionEntry) -> MentoringSession:
        with self.db.transaction() as session:
            pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
            record = self._new_session(pairing, entry)
            session.add(record)
            session.flush()
            session.refresh(record)
            return record

    def rearrange(self, session_id: int, new_entry: SessionEntry) -> MentoringSession:
        """Mark a session rearranged and record its new date; both stay, linked."""
        with self.db.transaction() as session:
            old = get_or_raise(session, MentoringSession, session_id, "session")
            if old.status not in (SessionStatus.PLANNED, SessionStatus.HELD):
                raise ValidationError(
                    "Only a planned session can be rearranged; this one is already "
                    f"{SessionStatus(old.status).label.lower()}.",
                    "status",
                )
            pairing = get_or_raise(session, Pairing, old.pairing_id, "pairing")
            if new_entry.mode is None:
                new_entry.mode = old.mode
            if new_entry.place is None:
                new_entry.place = old.place
            if new_entry.duration_minutes is None:
                new_entry.duration_minutes = old.duration_minutes
            if new_entry.start_time is None:
                new_entry.start_time = old.start_time
            replacement = self._new_session(pairing, new_entry)
            session.add(replacement)
            session.flush()
            old.status = SessionStatus.REARRANGED
            old.rearranged_to_id = replacement.id
            session.add(old)
            session.flush()
            session.refresh(replacement)
            return replacement

    def cancel(self, session_id: int, status: SessionStatus | str, note: str = "") -> None:
        status = v.one_of(status, SessionStatus, "status", "who cancelled")
        if status not in CANCELLATIONS:
            raise ValidationError(
                "Please say who cancelled: the mentee, the mentor, or did not attend.", "status"
            )
        with self.db.transaction() as session:
            record = get_or_raise(session, MentoringSession, session_id, "session")
            record.status = status
            if note.strip():
                record.note = v.long_text(note, "note", "the note")
            session.add(record)

    def update(self, session_id: int, entry: SessionEntry) -> MentoringSession:
        with self.db.transaction() as session:
            record = get_or_raise(session, MentoringSession, session_id, "session")
            pairing = get_or_raise(session, Pairing, record.pairing_id, "pairing")
            checked = self._new_session(pairing, entry, existing=record)
            for name in (
                "session_date",
                "start_time",
                "duration_minutes",
                "mode",
                "place",
                "status",
                "note",
                "actions",
                "next_meeting",
                "concern_flag",
            ):
                setattr(record, name, getattr(checked, name))
            session.add(record)
            session.flush()
            session.refresh(record)
            return record

    def _new_session(
        self, pairing: Pairing, entry: SessionEntry, existing: MentoringSession | None = None
    ) -> MentoringSession:
        status = v.one_of(entry.status, SessionStatus, "status", "what happened")
        when = entry.session_date
        if when is None:
            raise ValidationError("Please enter the date of the session.", "session_date")
        if status is not SessionStatus.PLANNED:
            v.not_in_future(
                when, self.today(), "session_date", "the date of a session that has happened"
            )
        if pairing.status in (PairingStatus.PROPOSED, PairingStatus.INTRODUCED) and (
            status is SessionStatus.HELD and existing is None
        ):
            raise ValidationError(
                "This pairing has not started yet: activate it before logging sessions.",
                "session_date",
            )
        started = pairing.start_date or pairing.proposed_on
        if when < started:
            raise ValidationError(
                f"That date is before the pairing started ({started:%d %B %Y}).", "session_date"
            )
        if pairing.end_date is not None and when > pairing.end_date:
            raise ValidationError(
                f"That date is after the pairing ended ({pairing.end_date:%d %B %Y}).",
                "session_date",
            )
        if pairing.status == PairingStatus.ENDED and status is SessionStatus.PLANNED:
            raise ValidationError(
                "This pairing has ended: no more sessions can be planned.", "status"
            )
        mode = v.one_of(entry.mode or pairing.usual_mode, MeetingMode, "mode", "how you met")
        v.on_or_after(
            entry.next_meeting,
            when,
            "next_meeting",
            "The next meeting should be after this session.",
        )
        duration = entry.duration_minutes
        if duration is None:
            duration = pairing.usual_duration_minutes
        return MentoringSession(
            pairing_id=pairing.id or 0,
            session_date=when,
            start_time=entry.start_time,
            duration_minutes=v.minutes(duration, "duration_minutes", "how long you met"),
            mode=mode,
            place=v.short_text(
                entry.place if entry.place is not None else pairing.usual_place,
                "place",
                "the place",
            ),
            status=status,
            note=v.long_text(entry.note, "note", "the note"),
            actions=v.long_text(entry.actions, "actions", "the actions"),
            next_meeting=entry.next_meeting,
            concern_flag=bool(entry.concern_flag),
        )

    # -- concerns ------------------------------------------------------------------------
    def raise_concern(
        self,
        details: ConcernDetails,
        *,
        session_id: int | None = None,
        group_meeting_id: int | None = None,
    ) -> Concern:
        v.not_in_future(details.raised_on, self.today(), "raised_on", "the date raised")
        with self.db.transaction() as session:
            if details.about_person_id is not None:
                get_or_raise(session, Person, details.about_person_id, "person")
            if session_id is not None:
                record = get_or_raise(session, MentoringSession, session_id, "session")
                record.concern_flag = True
                session.add(record)
            if group_meeting_id is not None:
                meeting = get_or_raise(session, GroupMeeting, group_meeting_id, "group meeting")
                meeting.concern_flag = True
                session.add(meeting)
            concern = Concern(
                raised_on=details.raised_on,
                about_person_id=details.about_person_id,
                session_id=session_id,
                group_meeting_id=group_meeting_id,
                what=v.required_long_text(details.what, "what", "what the concern is"),
                who_was_told=v.long_text(details.who_was_told, "who_was_told", "who was told"),
                action_taken=v.long_text(details.action_taken, "action_taken", "the action taken"),
            )
            session.add(concern)
            session.flush()
            session.refresh(concern)
            return concern

    def close_concern(
        self, concern_id: int, on: date | None = None, action_taken: str = ""
    ) -> Concern:
        when = on or self.today()
        with self.db.transaction() as session:
            concern = get_or_raise(session, Concern, concern_id, "concern")
            if concern.closed_on is not None:
                raise ValidationError("This concern is already closed.", "closed_on")
            v.on_or_after(
                when,
                concern.raised_on,
                "closed_on",
                "A concern cannot be closed before it was raised.",
            )
            concern.closed_on = when
            if action_taken.strip():
                concern.action_taken = v.long_text(action_taken, "action_taken", "the action taken")
            session.add(concern)
            session.flush()
            session.refresh(concern)
            return concern

    def open_concerns(self) -> list[Concern]:
        with self.db.session() as session:
            return _open_concerns(session)


def _open_concerns(session: Session) -> list[Concern]:
    return list(
        session.exec(
            select(Concern).where(col(Concern.closed_on).is_(None)).order_by(col(Concern.raised_on))
        )
    )
