"""The session log: log, rearrange, cancel; concerns raised in sessions or groups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlmodel import Session, col, select

from peerdesk.data.models import Concern, GroupMeeting, MentoringSession, Pairing, Person
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import get_or_raise
from peerdesk.services.mentoring.pairing_removal import SessionRemoval
from peerdesk.services.mentoring.rows import (
    ConcernView,
    SessionView,
    can_be_rearranged,
    concern_view,
    session_view,
)
from peerdesk.services.mentoring.session_rules import refuse_unlinking_a_rearrangement
from peerdesk.vocabulary import MeetingMode, PairingStatus, SessionStatus

CANCELLATIONS = (
    SessionStatus.CANCELLED_BY_MENTEE,
    SessionStatus.CANCELLED_BY_MENTOR,
    SessionStatus.DID_NOT_ATTEND,
)


@dataclass
class SessionEntry:
    """One line of the session log. Unset mode, place and duration come from the pairing; an
    unset status is "held" when logging, "planned" for the new date of a rearrangement (it
    has not happened yet) and unchanged when updating."""

    session_date: date
    status: str | None = None
    start_time: time | None = None
    duration_minutes: int | None = None
    mode: str | None = None
    place: str | None = None
    note: str = ""
    actions: str = ""
    next_meeting: date | None = None
    concern_flag: bool = False
    #: For a session logged as rearranged: the new date (a planned session is made for it).
    rearranged_to: date | None = None
    rearranged_start_time: time | None = None


@dataclass(frozen=True)
class SessionFilter:
    """What the Sessions list shows; every part is optional."""

    pairing_id: int | None = None
    mentor_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    status: str | None = None


@dataclass(frozen=True)
class SessionRow:
    """One line of the Sessions list."""

    id: int
    pairing_id: int
    pairing_reference: str
    mentor_id: int
    mentor_name: str
    mentee_id: int
    mentee_name: str
    session_date: date
    start_time: time | None
    duration_minutes: int
    mode: str
    status: str
    note: str
    concern_flag: bool
    rearranged_to_id: int | None


@dataclass
class ConcernDetails:
    raised_on: date
    what: str
    about_person_id: int | None = None
    who_was_told: str = ""
    action_taken: str = ""


class SessionService(SessionRemoval):
    def get(self, session_id: int) -> SessionView:
        with self.db.session() as session:
            record = get_or_raise(session, MentoringSession, session_id, "session")
            return _view(session, record)

    def for_pairing(self, pairing_id: int) -> list[SessionView]:
        with self.db.session() as session:
            records = list(
                session.exec(
                    select(MentoringSession)
                    .where(MentoringSession.pairing_id == pairing_id)
                    .order_by(col(MentoringSession.session_date), col(MentoringSession.id))
                )
            )
        # A session is only ever moved to another of the same pairing's sessions.
        dates = {r.id: r.session_date for r in records}
        return [
            session_view(r, dates.get(r.rearranged_to_id) if r.rearranged_to_id else None)
            for r in records
        ]

    def log(self, pairing_id: int, entry: SessionEntry) -> SessionView:
        """Log one session. A rearranged one also gets a planned session on its new date,
        linked to it, so both stay in the log."""
        with self.db.transaction() as session:
            pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
            record = self._new_session(pairing, entry, default_status=SessionStatus.HELD)
            replacement: MentoringSession | None = None
            if record.status == SessionStatus.REARRANGED:
                if entry.rearranged_to is None:
                    raise ValidationError(
                        "Please enter the new date the session was moved to.", "rearranged_to"
                    )
                if entry.rearranged_to == entry.session_date:
                    raise ValidationError(
                        "The new date is the same as the old one: choose a different day.",
                        "rearranged_to",
                    )
                replacement = self._new_session(
                    pairing,
                    SessionEntry(
                        session_date=entry.rearranged_to,
                        status=SessionStatus.PLANNED.value,
                        start_time=entry.rearranged_start_time or entry.start_time,
                        duration_minutes=record.duration_minutes,
                        mode=record.mode,
                        place=record.place,
                    ),
                )
                session.add(replacement)
                session.flush()
                record.rearranged_to_id = replacement.id
            session.add(record)
            session.flush()
            session.refresh(record)
            return session_view(record, replacement.session_date if replacement else None)

    def rearranged_from(self, session_id: int) -> SessionView | None:
        """The earlier session that was moved to this one, if any."""
        with self.db.session() as session:
            record = session.exec(
                select(MentoringSession).where(MentoringSession.rearranged_to_id == session_id)
            ).first()
            return None if record is None else _view(session, record)

    def rows(self, filters: SessionFilter | None = None) -> list[SessionRow]:
        """The Sessions list, newest first."""
        f = filters or SessionFilter()
        status = v.optional_one_of(f.status, SessionStatus, "status", "a session status")
        v.on_or_after(f.date_to, f.date_from, "date_to", "The 'to' date is before the 'from' date.")
        with self.db.session() as session:
            query = select(MentoringSession, Pairing).join(
                Pairing, col(Pairing.id) == col(MentoringSession.pairing_id)
            )
            if f.pairing_id is not None:
                query = query.where(MentoringSession.pairing_id == f.pairing_id)
            if f.mentor_id is not None:
                query = query.where(Pairing.mentor_id == f.mentor_id)
            if f.date_from is not None:
                query = query.where(col(MentoringSession.session_date) >= f.date_from)
            if f.date_to is not None:
                query = query.where(col(MentoringSession.session_date) <= f.date_to)
            if status is not None:
                query = query.where(MentoringSession.status == status.value)
            query = query.order_by(
                col(MentoringSession.session_date).desc(), col(MentoringSession.id).desc()
            )
            found = session.exec(query).all()
            ids = {p.mentor_id for _, p in found} | {p.mentee_id for _, p in found}
            names = {
                p.id: p.display_name
                for p in session.exec(select(Person).where(col(Person.id).in_(list(ids))))
            }
        return [
            SessionRow(
                id=record.id or 0,
                pairing_id=pairing.id or 0,
                pairing_reference=pairing.reference,
                mentor_id=pairing.mentor_id,
                mentor_name=names.get(pairing.mentor_id, ""),
                mentee_id=pairing.mentee_id,
                mentee_name=names.get(pairing.mentee_id, ""),
                session_date=record.session_date,
                start_time=record.start_time,
                duration_minutes=record.duration_minutes,
                mode=record.mode,
                status=record.status,
                note=record.note,
                concern_flag=record.concern_flag,
                rearranged_to_id=record.rearranged_to_id,
            )
            for record, pairing in found
        ]

    def mentors(self) -> list[tuple[int, str]]:
        """Everyone who has mentored in a pairing, for the Sessions list's mentor filter."""
        with self.db.session() as session:
            people = session.exec(
                select(Person)
                .where(col(Person.id).in_(select(Pairing.mentor_id).distinct()))
                .order_by(col(Person.first_name), col(Person.last_name))
            )
            return [(p.id or 0, p.display_name) for p in people]

    def rearrange(self, session_id: int, new_entry: SessionEntry) -> SessionView:
        """Mark a planned session rearranged and record its new date; both stay, linked. The
        new session is planned unless `new_entry` says otherwise."""
        with self.db.transaction() as session:
            old = get_or_raise(session, MentoringSession, session_id, "session")
            if not can_be_rearranged(old.status):
                raise ValidationError(_not_rearrangeable(old), "status")
            pairing = get_or_raise(session, Pairing, old.pairing_id, "pairing")
            if new_entry.mode is None:
                new_entry.mode = old.mode
            if new_entry.place is None:
                new_entry.place = old.place
            if new_entry.duration_minutes is None:
                new_entry.duration_minutes = old.duration_minutes
            if new_entry.start_time is None:
                new_entry.start_time = old.start_time
            replacement = self._new_session(
                pairing, new_entry, default_status=SessionStatus.PLANNED
            )
            session.add(replacement)
            session.flush()
            old.status = SessionStatus.REARRANGED
            old.rearranged_to_id = replacement.id
            session.add(old)
            session.flush()
            session.refresh(replacement)
            return session_view(replacement, None)

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

    def update(self, session_id: int, entry: SessionEntry) -> SessionView:
        with self.db.transaction() as session:
            record = get_or_raise(session, MentoringSession, session_id, "session")
            pairing = get_or_raise(session, Pairing, record.pairing_id, "pairing")
            if entry.status == SessionStatus.REARRANGED and record.status != entry.status:
                raise ValidationError(
                    "To move a session to another day, use Rearrange: it keeps both dates.",
                    "status",
                )
            refuse_unlinking_a_rearrangement(session, record, entry.status)
            checked = self._new_session(
                pairing, entry, existing=record, default_status=SessionStatus(record.status)
            )
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
            return _view(session, record)

    def _new_session(
        self,
        pairing: Pairing,
        entry: SessionEntry,
        existing: MentoringSession | None = None,
        *,
        default_status: SessionStatus = SessionStatus.HELD,
    ) -> MentoringSession:
        status = v.one_of(entry.status or default_status, SessionStatus, "status", "what happened")
        when = entry.session_date
        if when is None:
            raise ValidationError("Please enter the date of the session.", "session_date")
        if status in (SessionStatus.HELD, SessionStatus.DID_NOT_ATTEND):
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
        _check_against_ending(pairing, existing, when, status)
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
    ) -> ConcernView:
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
            return concern_view(concern)

    def close_concern(
        self, concern_id: int, on: date | None = None, action_taken: str = ""
    ) -> ConcernView:
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
            return concern_view(concern)

    def concerns_for_session(self, session_id: int) -> list[ConcernView]:
        with self.db.session() as session:
            return [
                concern_view(concern)
                for concern in session.exec(
                    select(Concern)
                    .where(Concern.session_id == session_id)
                    .order_by(col(Concern.raised_on), col(Concern.id))
                )
            ]

    def get_concern(self, concern_id: int) -> ConcernView:
        with self.db.session() as session:
            return concern_view(get_or_raise(session, Concern, concern_id, "concern"))

    def open_concerns(self) -> list[ConcernView]:
        with self.db.session() as session:
            return [concern_view(concern) for concern in _open_concerns(session)]


def _not_rearrangeable(record: MentoringSession) -> str:
    on = f"{record.session_date.day} {record.session_date:%B %Y}"
    status = SessionStatus(record.status)
    if status is SessionStatus.HELD:
        what = f"this one was held on {on}. If its date is wrong, change the date instead."
    else:
        what = f"this one is already recorded as {status.label.lower()} ({on})."
    return f"Only a planned session can be rearranged: {what}"


def _check_against_ending(
    pairing: Pairing, existing: MentoringSession | None, when: date, status: SessionStatus
) -> None:
    """Nothing is dated after a pairing ended (a session called off in advance keeps its
    date), and nothing is newly planned or rearranged once it has ended."""
    if (
        pairing.end_date is not None
        and when > pairing.end_date
        and not _kept_at_ending(existing, when, status)
    ):
        raise ValidationError(
            f"That date is after the pairing ended ({pairing.end_date:%d %B %Y}).",
            "session_date",
        )
    unchanged = existing is not None and existing.status == status
    if (
        pairing.status == PairingStatus.ENDED
        and status in (SessionStatus.PLANNED, SessionStatus.REARRANGED)
        and not unchanged  # a note added to one already in the log is welcome
    ):
        raise ValidationError("This pairing has ended: no more sessions can be planned.", "status")


#: Sessions called off rather than missed: they may be dated ahead, even after an ending.
_CALLED_OFF = (
    SessionStatus.CANCELLED_BY_MENTEE,
    SessionStatus.CANCELLED_BY_MENTOR,
    SessionStatus.REARRANGED,
)


def _kept_at_ending(existing: MentoringSession | None, when: date, status: SessionStatus) -> bool:
    """A session cancelled or rearranged in advance keeps its date after the pairing ended
    (ending leaves it in the log), so changing its note is not refused for that date."""
    return existing is not None and existing.session_date == when and status in _CALLED_OFF


def _view(session: Session, record: MentoringSession) -> SessionView:
    moved_to = (
        session.get(MentoringSession, record.rearranged_to_id) if record.rearranged_to_id else None
    )
    return session_view(record, moved_to.session_date if moved_to else None)


def _open_concerns(session: Session) -> list[Concern]:
    return list(
        session.exec(
            select(Concern).where(col(Concern.closed_on).is_(None)).order_by(col(Concern.raised_on))
        )
    )
