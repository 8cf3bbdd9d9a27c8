"""What the training forms need: a volunteer's modules with their state, the sessions they
attended, and for a certificate one session's modules, day, length and trainer. Nothing
about the volunteer beyond their name."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Person,
    TrainingModule,
    TrainingRecord,
    TrainingSession,
    TrainingSessionModule,
)
from peerdesk.errors import ValidationError
from peerdesk.forms.data import FormData, OrganisationInfo
from peerdesk.services.base import get_or_raise
from peerdesk.services.printing import text as t
from peerdesk.services.training import matrix as rules


def _trainer(session: Session, row: TrainingSession) -> str:
    if row.trainer_person_id is not None:
        return t.name(session.get(Person, row.trainer_person_id))
    return row.trainer_name


def _modules(session: Session, session_id: int) -> list[str]:
    return list(
        session.exec(
            select(TrainingModule.name)
            .join(TrainingSessionModule, col(TrainingSessionModule.module_id) == TrainingModule.id)
            .where(TrainingSessionModule.session_id == session_id)
            .order_by(col(TrainingModule.position), col(TrainingModule.id))
        )
    )


def training_record(
    session: Session, person_id: int, today: date, org: OrganisationInfo
) -> FormData:
    person = get_or_raise(session, Person, person_id, "person")
    modules = rules.current_modules(session)
    cells, gaps = rules.person_cells(session, person_id, today, modules)
    lines = [
        [m.name, "Core" if m.is_core else "Optional", c.words]
        for m, c in zip(modules, cells, strict=True)
    ]
    records = session.exec(
        select(TrainingRecord).where(
            TrainingRecord.person_id == person_id,
            col(TrainingRecord.training_session_id).is_not(None),
        )
    ).all()
    completed: dict[int, bool] = {}
    for record in records:
        assert record.training_session_id is not None
        key = record.training_session_id
        completed[key] = completed.get(key, True) and record.completed
    sessions = [
        [
            t.day(row.session_date),
            ", ".join(_modules(session, row.id or 0)),
            _trainer(session, row),
            "Yes" if completed[row.id or 0] else "No",
        ]
        for row in session.exec(
            select(TrainingSession)
            .where(col(TrainingSession.id).in_(list(completed)))
            .order_by(col(TrainingSession.session_date))
        )
    ]
    trained = "Trained for pairing: every core module done and in date."
    if gaps:
        trained = "Not yet trained for pairing: " + "; ".join(gaps) + "."
    return FormData(
        fields={"person_name": t.name(person), "printed_on": t.day(today), "trained": trained},
        rows={"modules": lines, "sessions": sessions},
    )


def certificate(
    session: Session, person_id: int, session_id: int, org: OrganisationInfo
) -> FormData:
    """A certificate for one person and one training session they completed."""
    person = get_or_raise(session, Person, person_id, "person")
    row = get_or_raise(session, TrainingSession, session_id, "training session")
    records = session.exec(
        select(TrainingRecord).where(
            TrainingRecord.person_id == person_id,
            TrainingRecord.training_session_id == session_id,
        )
    ).all()
    if not records:
        raise ValidationError(
            f"{t.name(person)} is not listed as attending the training session on "
            f"{t.day(row.session_date)}.",
            "training",
        )
    if not all(r.completed for r in records):
        raise ValidationError(
            f"{t.name(person)} did not complete the training session on "
            f"{t.day(row.session_date)}, so no certificate is printed for it.",
            "training",
        )
    hours, minutes = divmod(row.duration_minutes, 60)
    length = " ".join(
        part
        for part in (
            f"{hours} hour{'s' if hours != 1 else ''}" if hours else "",
            f"{minutes} minutes" if minutes else "",
        )
        if part
    )
    return FormData(
        fields={
            "person_name": t.name(person),
            "modules": "\n".join(_modules(session, session_id)),
            "session_date": t.day(row.session_date),
            "duration": length,
            "trainer": _trainer(session, row),
            "organisation": org.name,
        }
    )
