"""Planning pairings, sessions and group attendance, which refer to people by name or email."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import Attendance, GroupMeeting, MentoringSession, Pairing, PeerGroup
from peerdesk.errors import ValidationError
from peerdesk.services.importing.directory import Directory, identity, resolve
from peerdesk.services.importing.model import (
    Action,
    AttendanceOp,
    PairingOp,
    PairingRef,
    PersonOp,
    PersonRef,
    PlannedRow,
    RowKey,
    SessionOp,
)
from peerdesk.services.importing.people_plan import MentorLink
from peerdesk.services.importing.rowreader import RowReader, SheetContext
from peerdesk.services.mentoring.sessions import SessionEntry, SessionService
from peerdesk.vocabulary import (
    MeetingMode,
    PairingStatus,
    SessionStatus,
    SupportedAs,
)


def _same(a: PersonRef, b: PersonRef) -> bool:
    return a is b or (isinstance(a, int) and isinstance(b, int) and a == b)


def _pair(mentor: PersonRef, mentee: PersonRef) -> tuple[Hashable, Hashable]:
    """Who a pairing joins, as a key. People are all decided before any pairing is planned,
    so whom a planned row resolves to no longer changes."""
    return identity(resolve(mentor)), identity(resolve(mentee))


class LinkPlanner:
    def __init__(self, session: Session, directory: Directory, sessions: SessionService) -> None:
        self.session = session
        self.directory = directory
        self.sessions = sessions
        self.pairings = list(session.exec(select(Pairing)))
        # Pairings recorded and planned, by whom they join: a session row looks up its own
        # pair rather than going through every pairing.
        self._recorded: dict[tuple[Hashable, Hashable], list[Pairing]] = {}
        for pairing in self.pairings:
            self._recorded.setdefault(_pair(pairing.mentor_id, pairing.mentee_id), []).append(
                pairing
            )
        self._by_id = {p.id: p for p in self.pairings if p.id is not None}
        self._planned: dict[tuple[Hashable, Hashable], list[PairingOp]] = {}
        self._transient: dict[int, Pairing] = {}  # id(planned pairing) → its stand-in
        # Only the columns that say what is recorded: ten years of sessions and attendance as
        # ORM objects took most of a preview's time against a large database.
        self.session_keys = {
            (pairing_id, when)
            for pairing_id, when in session.exec(
                select(col(MentoringSession.pairing_id), col(MentoringSession.session_date))
            )
        }
        self.groups = {g.name.casefold(): g for g in session.exec(select(PeerGroup))}
        self.attended = {
            (group_id, when, person_id)
            for group_id, when, person_id in session.exec(
                select(
                    col(GroupMeeting.group_id),
                    col(GroupMeeting.meeting_date),
                    col(Attendance.person_id),
                )
                .select_from(Attendance)
                .join(GroupMeeting, col(GroupMeeting.id) == col(Attendance.meeting_id))
            )
        }
        self.pairing_ops: list[PairingOp] = []
        self.session_ops: list[SessionOp] = []
        self.attendance_ops: list[AttendanceOp] = []
        self.rows: list[PlannedRow] = []
        self._seen_sessions: set[tuple[int, date]] = set()
        self._seen_attendance: set[tuple[str, date, int]] = set()

    # -- people ------------------------------------------------------------------------
    def person(
        self, reader: RowReader, key: str, role: str, email_key: str = ""
    ) -> PersonRef | None:
        text = reader.value(key)
        email = reader.value(email_key) if email_key and reader.context.has(email_key) else ""
        if not text and not email:
            reader.fail(f"The {role} is missing: give their name or email.", key)
            return None
        found = self.directory.find(text or email or "", email or "")
        if not found:
            reader.fail(
                f"Unknown {role} '{text or email}': no one of that name is in peerdesk or in "
                "this file. Check the spelling, or add them to the people sheet.",
                key,
            )
            return None
        if len(found) > 1:
            reader.fail(
                f"More than one person is called '{text}': write the {role}'s email address "
                "instead, so peerdesk knows which one.",
                key,
            )
            return None
        return found[0]

    # -- pairings ----------------------------------------------------------------------
    def plan_pairing_row(self, context: SheetContext, row: int) -> None:
        reader = RowReader(context, row)
        key: RowKey = (context.sheet.name, row + 1)
        mentor = self.person(reader, "mentor", "mentor")
        mentee = self.person(reader, "mentee", "mentee")
        start = reader.value("start_date") if context.has("start_date") else None
        end = reader.value("end_date") if context.has("end_date") else None
        reason = reader.value("closure_reason") if context.has("closure_reason") else None
        supported = reader.value("supported_as") if context.has("supported_as") else None
        mode = reader.value("usual_mode") if context.has("usual_mode") else None
        if start is None and not (context.has("start_date") and reader.errors):
            reader.fail("Please give the date the pairing started.", "start_date")
        self._check_dates(reader, context.today, start, end, reason)
        self._add_pairing(reader, key, mentor, mentee, start, end, reason, supported, mode)

    def plan_mentor_link(self, link: MentorLink, context: SheetContext) -> None:
        reader = RowReader(context, link.row)
        mentor = self.person(reader, "mentor", "mentor")
        start = link.paired_on or link.mentee.started_on
        self._check_dates(reader, context.today, start, None, None)
        self._add_pairing(reader, link.key, mentor, link.mentee, start, None, None, None, None)

    def _check_dates(
        self,
        reader: RowReader,
        today: date,
        start: date | None,
        end: date | None,
        reason: str | None,
    ) -> None:
        if start and start > today:
            reader.fail("The pairing's start date is in the future: please check it.", "start_date")
        if end and end > today:
            reader.fail("The end date is in the future: please check it.", "end_date")
        if start and end and end < start:
            reader.fail("The pairing ends before it starts: please check the dates.", "end_date")
        if end and not reason and reader.context.has("closure_reason"):
            reader.fail(
                "This pairing has an end date but no reason for ending (completed, mentee "
                "withdrew, mentor withdrew, change in circumstances, no longer eligible, no "
                "contact).",
                "closure_reason",
            )
        elif end and not reason:
            reader.fail(
                "This pairing has an end date: add a 'Reason for ending' column saying why it "
                "ended (for example: completed).",
                "end_date",
            )
        if reason and not end:
            reader.fail("There is a reason for ending but no end date.", "end_date")

    def _add_pairing(
        self,
        reader: RowReader,
        key: RowKey,
        mentor: PersonRef | None,
        mentee: PersonRef | None,
        start: date | None,
        end: date | None,
        reason: str | None,
        supported: str | None,
        mode: str | None,
    ) -> None:
        if mentor is not None and mentee is not None and _same(resolve(mentor), resolve(mentee)):
            reader.fail("The mentor and the mentee are the same person.", "mentor")
        names = " with ".join(
            self.directory.name_of(p) if p is not None else "?" for p in (mentor, mentee)
        )
        description = f"{names}, from {start:%d/%m/%Y}" if start else names
        if reader.errors or mentor is None or mentee is None or start is None:
            self.rows.append(PlannedRow(key[0], key[1], "Pairing", description, Action.REFUSED))
            return
        op = PairingOp(
            key=key,
            mentor=mentor,
            mentee=mentee,
            supported_as=supported or SupportedAs.MENTEE.value,
            start_date=start,
            end_date=end,
            closure_reason=reason,
            usual_mode=mode or MeetingMode.FACE_TO_FACE.value,
            description=description,
        )
        same_pair = self._planned.setdefault(_pair(mentor, mentee), [])
        if self._existing_pairing(op) is not None or any(
            self._matches(other, op) for other in same_pair
        ):
            op.action = Action.UNCHANGED
        self.pairing_ops.append(op)
        same_pair.append(op)
        self.rows.append(PlannedRow(key[0], key[1], "Pairing", description, op.action))

    def _existing_pairing(self, op: PairingOp) -> Pairing | None:
        mentor, mentee = resolve(op.mentor), resolve(op.mentee)
        if not isinstance(mentor, int) or not isinstance(mentee, int):
            return None
        for pairing in self._recorded.get(_pair(mentor, mentee), []):
            if (
                pairing.mentor_id == mentor
                and pairing.mentee_id == mentee
                and (pairing.status != PairingStatus.ENDED or pairing.start_date == op.start_date)
            ):
                return pairing
        return None

    @staticmethod
    def _matches(a: PairingOp, b: PairingOp) -> bool:
        return (
            _same(resolve(a.mentor), resolve(b.mentor))
            and _same(resolve(a.mentee), resolve(b.mentee))
            and (a.end_date is None or a.start_date == b.start_date)
        )

    def _pairing_for(
        self, mentor: PersonRef, mentee: PersonRef, on: date | None
    ) -> PairingRef | None:
        mentor, mentee = resolve(mentor), resolve(mentee)
        candidates: list[tuple[date, PairingRef]] = []
        for op in self._planned.get(_pair(mentor, mentee), []):
            if _same(resolve(op.mentor), mentor) and _same(resolve(op.mentee), mentee):
                existing = self._existing_pairing(op)
                ref: PairingRef = existing.id if existing is not None and existing.id else op
                if not any(r is ref or r == ref for _, r in candidates):
                    candidates.append((op.start_date, ref))
        for pairing in self._recorded.get(_pair(mentor, mentee), []):
            if (
                _same(pairing.mentor_id, mentor)
                and _same(pairing.mentee_id, mentee)
                and pairing.id
                and not any(r == pairing.id for _, r in candidates)
            ):
                candidates.append((pairing.start_date or pairing.proposed_on, pairing.id))
        if not candidates:
            return None
        started = sorted((c for c in candidates if on is None or c[0] <= on), key=lambda c: c[0])
        return (started or sorted(candidates, key=lambda c: c[0]))[-1][1]

    def transient(self, ref: PairingRef) -> Pairing:
        """The pairing a session belongs to, as the session service's checks need it."""
        if isinstance(ref, int):
            return self._by_id[ref]
        if id(ref) in self._transient:
            # Built once per planned pairing (the session checks only read it): each of its
            # sessions used to build its own.
            return self._transient[id(ref)]
        ended = ref.end_date is not None
        self._transient[id(ref)] = Pairing(
            id=None,
            mentor_id=0,
            mentee_id=0,
            supported_as=ref.supported_as,
            status=PairingStatus.ENDED if ended else PairingStatus.ACTIVE,
            proposed_on=ref.start_date,
            start_date=ref.start_date,
            end_date=ref.end_date,
            usual_mode=ref.usual_mode,
            closure_reason=ref.closure_reason,
        )
        return self._transient[id(ref)]

    # -- sessions ----------------------------------------------------------------------
    def plan_session_row(self, context: SheetContext, row: int) -> None:
        reader = RowReader(context, row)
        key: RowKey = (context.sheet.name, row + 1)
        mentor = self.person(reader, "mentor", "mentor")
        mentee = self.person(reader, "mentee", "mentee")
        when = reader.value("session_date")
        if when is None and not reader.errors:
            reader.fail("Please give the date of the session.", "session_date")
        entry = SessionEntry(
            session_date=when or context.today,
            status=(reader.value("status") if context.has("status") else None)
            or SessionStatus.HELD.value,
            duration_minutes=reader.value("duration_minutes")
            if context.has("duration_minutes")
            else None,
            mode=reader.value("mode") if context.has("mode") else None,
            place=reader.value("place") if context.has("place") else None,
            note=(reader.value("note") if context.has("note") else None) or "",
        )
        pairing: PairingRef | None = None
        if mentor is not None and mentee is not None:
            pairing = self._pairing_for(mentor, mentee, when)
            if pairing is None:
                reader.fail(
                    f"There is no pairing of {self.directory.name_of(mentor)} with "
                    f"{self.directory.name_of(mentee)}: add it to a pairings sheet, or give the "
                    "mentee's mentor on the people sheet.",
                    "mentee",
                )
        names = " with ".join(
            self.directory.name_of(p) if p is not None else "?" for p in (mentor, mentee)
        )
        description = f"{names}, {when:%d/%m/%Y}" if when else names
        record: MentoringSession | None = None
        if pairing is not None and when is not None:
            try:
                record = self.sessions._new_session(self.transient(pairing), entry)
            except ValidationError as error:
                field = error.field or ""
                reader.fail(str(error), field if context.has(field) else "")
        if reader.errors or pairing is None or record is None or when is None:
            self.rows.append(PlannedRow(key[0], key[1], "Session", description, Action.REFUSED))
            return
        op = SessionOp(key, pairing, record, description)
        identity = (id(pairing) if isinstance(pairing, PairingOp) else pairing, when)
        if (isinstance(pairing, int) and (pairing, when) in self.session_keys) or (
            identity in self._seen_sessions
        ):
            op.action = Action.UNCHANGED
        self._seen_sessions.add(identity)
        self.session_ops.append(op)
        self.rows.append(PlannedRow(key[0], key[1], "Session", description, op.action))

    # -- group attendance --------------------------------------------------------------
    def plan_attendance_row(self, context: SheetContext, row: int) -> None:
        reader = RowReader(context, row)
        key: RowKey = (context.sheet.name, row + 1)
        group = reader.value("group") or ""
        if not group:
            reader.fail("Please give the group's name.", "group")
        when = reader.value("meeting_date")
        if when is None and not reader.errors:
            reader.fail("Please give the date of the meeting.", "meeting_date")
        if when is not None and when > context.today:
            reader.fail("The meeting date is in the future: please check it.", "meeting_date")
        if context.has("attended") and reader.value("attended") is False:
            self.rows.append(
                PlannedRow(key[0], key[1], "Attendance", "Did not attend", Action.SKIP)
            )
            return
        person = self.person(reader, "person", "person", "email")
        name = self.directory.name_of(person) if person is not None else "?"
        description = f"{name} at {group}" + (f", {when:%d/%m/%Y}" if when else "")
        if reader.errors or person is None or when is None:
            self.rows.append(PlannedRow(key[0], key[1], "Attendance", description, Action.REFUSED))
            return
        existing_group = self.groups.get(group.casefold())
        op = AttendanceOp(
            key=key,
            group_name=existing_group.name if existing_group else group,
            group_id=existing_group.id if existing_group else None,
            meeting_date=when,
            person=person,
            description=description,
        )
        target = resolve(person)
        identity = (
            op.group_name.casefold(),
            when,
            id(target) if isinstance(target, PersonOp) else target,
        )
        if (
            op.group_id is not None
            and isinstance(target, int)
            and (op.group_id, when, target) in self.attended
        ) or identity in self._seen_attendance:
            op.action = Action.UNCHANGED
        self._seen_attendance.add(identity)
        self.attendance_ops.append(op)
        self.rows.append(PlannedRow(key[0], key[1], "Attendance", description, op.action))
