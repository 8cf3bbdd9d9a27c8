"""Writing a checked plan, inside the one transaction of the import."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Attendance,
    Condition,
    GroupMeeting,
    Pairing,
    PairingStatusChange,
    PeerGroup,
    Person,
    PersonCondition,
    utc_now,
)
from peerdesk.services.groups.register import ensure_role, recompute_is_new
from peerdesk.services.importing.directory import resolve
from peerdesk.services.importing.links_plan import LinkPlanner
from peerdesk.services.importing.model import (
    Action,
    PairingOp,
    PersonOp,
    PersonRef,
    ReferralOp,
)
from peerdesk.services.people.service import ConditionEntry, PersonDetails, replace_conditions
from peerdesk.vocabulary import (
    ClosureReason,
    ConditionLink,
    GroupKind,
    PairingStatus,
    Role,
    SupportedAs,
)


def apply_people(session: Session, ops: list[PersonOp]) -> dict[str, int]:
    counts = {"people_created": 0, "people_updated": 0}
    for op in ops:
        if op.action is Action.CREATE:
            person = Person(**{f.name: getattr(op.details, f.name) for f in fields(PersonDetails)})
            session.add(person)
            session.flush()
            op.person_id = person.id
            counts["people_created"] += 1
        elif op.action is Action.UPDATE and op.existing_id is not None:
            existing = session.get(Person, op.existing_id)
            assert existing is not None
            person = existing
            for f in fields(PersonDetails):
                setattr(person, f.name, getattr(op.details, f.name))
            person.updated_at = utc_now()
            session.add(person)
            op.person_id = op.existing_id
            counts["people_updated"] += 1
        else:
            continue
        assert op.person_id is not None
        for role in dict.fromkeys(op.roles):
            ensure_role(session, op.person_id, role, op.started_on)
        if op.conditions:
            current = _current_conditions(session, op.person_id)
            known = {entry.name.casefold() for entry in current}
            wanted = current + [c for c in op.conditions if c.name.casefold() not in known]
            replace_conditions(session, op.person_id, wanted)
    session.flush()
    return counts


def _current_conditions(session: Session, person_id: int) -> list[ConditionEntry]:
    rows = session.exec(
        select(Condition.name, PersonCondition.link)
        .join(PersonCondition, col(PersonCondition.condition_id) == col(Condition.id))
        .where(PersonCondition.person_id == person_id)
    )
    return [ConditionEntry(name, ConditionLink(link)) for name, link in rows]


def person_id(ref: PersonRef) -> int:
    target = resolve(ref)
    if isinstance(target, int):
        return target
    assert target.person_id is not None, "people are written before what refers to them"
    return target.person_id


def apply_referrals(session: Session, ops: list[ReferralOp]) -> dict[str, int]:
    """Each new referral (the planner lists only those to add), and the mentee or carer role
    it gives from the referral date, as taking a referral in peerdesk does."""
    for op in ops:
        who = person_id(op.person)
        op.record.person_id = who
        session.add(op.record)
        role = Role.CARER if op.record.support_as == SupportedAs.CARER.value else Role.MENTEE
        ensure_role(session, who, role, op.record.referral_date)
    return {"referrals_created": len(ops)}


def apply_links(session: Session, links: LinkPlanner) -> dict[str, int]:
    counts = {
        "pairings_created": 0,
        "sessions_created": 0,
        "groups_created": 0,
        "meetings_created": 0,
        "attendance_created": 0,
    }
    for op in links.pairing_ops:
        if op.action is Action.CREATE:
            _write_pairing(session, op)
            counts["pairings_created"] += 1
    for s in links.session_ops:
        if s.action is not Action.CREATE:
            continue
        pairing = s.pairing
        s.record.pairing_id = pairing if isinstance(pairing, int) else _pairing_id(pairing)
        session.add(s.record)
        counts["sessions_created"] += 1
    meetings: dict[tuple[int, date], int] = {}
    touched: dict[int, set[int]] = {}
    for a in links.attendance_ops:
        if a.action is not Action.CREATE:
            continue
        group_id = a.group_id
        if group_id is None:
            group = session.exec(select(PeerGroup).where(PeerGroup.name == a.group_name)).first()
            if group is None:
                group = PeerGroup(name=a.group_name, kind=GroupKind.DROP_IN.value)
                session.add(group)
                session.flush()
                counts["groups_created"] += 1
            group_id = group.id
        assert group_id is not None
        meeting_id = meetings.get((group_id, a.meeting_date))
        if meeting_id is None:
            meeting = session.exec(
                select(GroupMeeting).where(
                    GroupMeeting.group_id == group_id, GroupMeeting.meeting_date == a.meeting_date
                )
            ).first()
            if meeting is None:
                meeting = GroupMeeting(group_id=group_id, meeting_date=a.meeting_date)
                session.add(meeting)
                session.flush()
                counts["meetings_created"] += 1
            assert meeting.id is not None
            meeting_id = meetings[(group_id, a.meeting_date)] = meeting.id
        who = person_id(a.person)
        if session.get(Attendance, (meeting_id, who)) is None:
            session.add(Attendance(meeting_id=meeting_id, person_id=who))
            counts["attendance_created"] += 1
            touched.setdefault(group_id, set()).add(who)
            ensure_role(session, who, Role.GROUP_MEMBER, a.meeting_date)
    session.flush()
    for group_id, people in touched.items():
        recompute_is_new(session, group_id, people)
    return counts


def _pairing_id(op: PairingOp) -> int:
    assert op.pairing_id is not None, "pairings are written before their sessions"
    return op.pairing_id


def _write_pairing(session: Session, op: PairingOp) -> None:
    mentor, mentee = person_id(op.mentor), person_id(op.mentee)
    ended = op.end_date is not None
    pairing = Pairing(
        mentor_id=mentor,
        mentee_id=mentee,
        supported_as=op.supported_as,
        status=PairingStatus.ENDED.value if ended else PairingStatus.ACTIVE.value,
        proposed_on=op.start_date,
        start_date=op.start_date,
        end_date=op.end_date,
        usual_mode=op.usual_mode,
        closure_reason=op.closure_reason,
        ended_as_planned=(op.closure_reason == ClosureReason.COMPLETED) if ended else None,
    )
    session.add(pairing)
    session.flush()
    assert pairing.id is not None
    op.pairing_id = pairing.id
    note = "Imported from a spreadsheet"
    for status, when in (
        (PairingStatus.PROPOSED, op.start_date),
        (PairingStatus.ACTIVE, op.start_date),
        (PairingStatus.ENDED, op.end_date),
    ):
        if when is not None:
            session.add(
                PairingStatusChange(
                    pairing_id=pairing.id, status=status, changed_on=when, note=note
                )
            )
    ensure_role(session, mentor, Role.MENTOR, op.start_date)
    supported = Role.CARER if op.supported_as == Role.CARER.value else Role.MENTEE
    ensure_role(session, mentee, supported, op.start_date)
