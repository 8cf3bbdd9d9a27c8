"""What each pairing form needs: names and the reference, plus the form's own purpose.

Never the mentee's address, date of birth or conditions: a mentor's paperwork does not
need them (data minimisation).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from peerdesk.data.models import MentoringSession, Pairing, PairingGoal, Person
from peerdesk.forms.data import FormData, OrganisationInfo
from peerdesk.services.base import get_or_raise
from peerdesk.services.printing import text as t
from peerdesk.vocabulary import (
    ClosureReason,
    MeetingFrequency,
    MeetingMode,
    SessionStatus,
    SupportedAs,
)

WEEKS_BETWEEN = {
    MeetingFrequency.WEEKLY.value: 1.0,
    MeetingFrequency.FORTNIGHTLY.value: 2.0,
    MeetingFrequency.MONTHLY.value: 52 / 12,
}


def _people(session: Session, pairing: Pairing) -> tuple[Person, Person]:
    mentor = get_or_raise(session, Person, pairing.mentor_id, "person")
    mentee = get_or_raise(session, Person, pairing.mentee_id, "person")
    return mentor, mentee


def _pairing(session: Session, pairing_id: int) -> Pairing:
    return get_or_raise(session, Pairing, pairing_id, "pairing")


def _names(session: Session, pairing: Pairing) -> dict[str, str]:
    mentor, mentee = _people(session, pairing)
    return {
        "mentor_name": t.name(mentor),
        "mentee_name": t.name(mentee),
        "pairing_reference": pairing.reference,
    }


def _goals(session: Session, pairing_id: int) -> dict[str, str]:
    rows = session.exec(
        select(PairingGoal)
        .where(PairingGoal.pairing_id == pairing_id)
        .order_by(col(PairingGoal.position))
    )
    return {f"goal_{goal.position}": goal.text for goal in rows}


def session_log(session: Session, pairing_id: int, today: date, org: OrganisationInfo) -> FormData:
    return FormData(fields=_names(session, _pairing(session, pairing_id)))


def mentoring_agreement(
    session: Session, pairing_id: int, today: date, org: OrganisationInfo
) -> FormData:
    pairing = _pairing(session, pairing_id)
    weeks = pairing.planned_length_weeks
    length = ""
    if weeks:
        months = round(weeks / (52 / 12))
        length = f"{weeks} weeks" + (f" (about {months} months)" if months >= 2 else "")
    fields = _names(session, pairing) | _goals(session, pairing_id)
    fields |= {
        "start_date": t.day(pairing.start_date),
        "planned_length": length,
        "duration": f"{pairing.usual_duration_minutes} minutes",
        "place": pairing.usual_place,
    }
    ticks = {
        "frequency": frozenset({MeetingFrequency(pairing.meeting_frequency).label}),
        "mode": frozenset({MeetingMode(pairing.usual_mode).label}),
    }
    return FormData(fields=fields, ticks=ticks)


def pairing_review(
    session: Session, pairing_id: int, today: date, org: OrganisationInfo
) -> FormData:
    pairing = _pairing(session, pairing_id)
    held = session.exec(
        select(func.count())
        .select_from(MentoringSession)
        .where(
            MentoringSession.pairing_id == pairing_id,
            MentoringSession.status == SessionStatus.HELD.value,
        )
    ).one()
    fields = _names(session, pairing) | _goals(session, pairing_id)
    fields |= {"start_date": t.day(pairing.start_date), "sessions_held": str(held)}
    gap = WEEKS_BETWEEN.get(pairing.meeting_frequency)
    if pairing.start_date is not None and gap is not None:
        until = min(pairing.end_date or today, today)
        weeks = max(0, (until - pairing.start_date).days) / 7
        fields["sessions_planned"] = str(int(weeks // gap) + 1)
    return FormData(fields=fields)


def ending(session: Session, pairing_id: int, today: date, org: OrganisationInfo) -> FormData:
    pairing = _pairing(session, pairing_id)
    fields = _names(session, pairing) | {"start_date": t.day(pairing.start_date)}
    ticks: dict[str, frozenset[str]] = {}
    if pairing.end_date is not None:
        fields["end_date"] = t.day(pairing.end_date)
    if pairing.closure_reason:
        ticks["reason"] = frozenset({ClosureReason(pairing.closure_reason).label})
    if pairing.ended_as_planned is not None:
        timing = "As planned" if pairing.ended_as_planned else "Earlier than planned"
        ticks["timing"] = frozenset({timing})
    if pairing.wants_new_pairing is not None:
        ticks["wants_new"] = frozenset({"Yes" if pairing.wants_new_pairing else "No"})
    return FormData(fields=fields, ticks=ticks)


def lone_working(session: Session, pairing_id: int, today: date, org: OrganisationInfo) -> FormData:
    pairing = _pairing(session, pairing_id)
    mentor, _ = _people(session, pairing)
    fields = _names(session, pairing) | {
        "place": pairing.usual_place,
        "office_phone": org.phone,
        # The mentor's own emergency contact: the plan is for the mentor's safety.
        "mentor_emergency_contact": mentor.emergency_contact,
    }
    return FormData(fields=fields)


def introduction_pack(
    session: Session, pairing_id: int, today: date, org: OrganisationInfo
) -> FormData:
    pairing = _pairing(session, pairing_id)
    mentor, mentee = _people(session, pairing)
    supported = "Carer" if pairing.supported_as == SupportedAs.CARER.value else "Mentee"
    parts = [
        ("mentoring-agreement", mentoring_agreement(session, pairing_id, today, org)),
        (
            "confidentiality-agreement:mentor",
            FormData(fields={"person_name": t.name(mentor)}, ticks={"role": frozenset({"Mentor"})}),
        ),
        (
            "confidentiality-agreement:mentee",
            FormData(
                fields={"person_name": t.name(mentee)}, ticks={"role": frozenset({supported})}
            ),
        ),
        ("lone-working", lone_working(session, pairing_id, today, org)),
        ("session-log", session_log(session, pairing_id, today, org)),
    ]
    return FormData(fields=_names(session, pairing), parts=parts)
