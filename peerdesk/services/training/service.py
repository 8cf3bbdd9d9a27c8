"""Training sessions, the training matrix and whether a volunteer is trained.

A training session records its day, length, trainer (someone on record, or an external
name), the modules it covered and who attended: each attendee gets one training record per
module, linked to the session, completed or not. The session's minutes are shared between
its modules' records, so a volunteer's training hours (the completed records' minutes,
docs/figures.md) count the session once. Editing a session changes its records to match;
removing it (with a reason) removes them too, in the same change set.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Person,
    PersonRole,
    TrainingModule,
    TrainingRecord,
    TrainingSession,
    TrainingSessionModule,
)
from peerdesk.errors import ValidationError
from peerdesk.forms.catalogue import get_form
from peerdesk.forms.document import render_pdf
from peerdesk.services import validation as v
from peerdesk.services.base import get_or_raise
from peerdesk.services.corrections import change_set, removal_reason
from peerdesk.services.history import ChangeSetView, HistoryService
from peerdesk.services.printing import training_data
from peerdesk.services.printing.service import PrintingService, with_coordinator
from peerdesk.services.training import matrix as rules
from peerdesk.services.training.history import change_set_ids
from peerdesk.services.training.modules import TrainingModules, module_view
from peerdesk.services.training.views import (
    AttendeeView,
    MatrixRow,
    PersonTraining,
    PersonTrainingLine,
    SessionDetails,
    TrainingMatrix,
    TrainingSessionView,
    in_words,
)
from peerdesk.vocabulary import Role


class TrainingService(TrainingModules):
    # -- sessions ------------------------------------------------------------------------
    def sessions(self) -> tuple[TrainingSessionView, ...]:
        """Every training session, latest first."""
        with self.db.session() as session:
            rows = session.exec(
                select(TrainingSession).order_by(
                    col(TrainingSession.session_date).desc(), col(TrainingSession.id).desc()
                )
            ).all()
            return tuple(_session_view(session, row) for row in rows)

    def session(self, session_id: int) -> TrainingSessionView:
        with self.db.session() as session:
            row = get_or_raise(session, TrainingSession, session_id, "training session")
            return _session_view(session, row)

    def record_session(self, details: SessionDetails) -> TrainingSessionView:
        with self.db.session() as reading:
            modules = self._checked(reading, details, None)
        description = f"Recorded training session on {in_words(details.on)}"
        with change_set(self.db, description=description) as session:
            row = TrainingSession(
                session_date=details.on,
                duration_minutes=details.duration_minutes,
                trainer_person_id=details.trainer_person_id,
                trainer_name=v.clean(details.trainer_name) if not details.trainer_person_id else "",
                notes=v.long_text(details.notes, "notes", "the notes"),
            )
            session.add(row)
            session.flush()
            assert row.id is not None
            for module in modules:
                assert module.id is not None
                session.add(TrainingSessionModule(session_id=row.id, module_id=module.id))
            _sync_records(session, row, modules, details.attendees)
            session.flush()
            session_id = row.id
        return self.session(session_id)

    def update_session(
        self, session_id: int, details: SessionDetails, reason: str = ""
    ) -> TrainingSessionView:
        """Change a session: its records follow (attendees or modules taken off lose theirs,
        ones added gain them, the rest are kept and brought up to date)."""
        with self.db.session() as reading:
            get_or_raise(reading, TrainingSession, session_id, "training session")
            modules = self._checked(reading, details, session_id)
        description = f"Edited training session on {in_words(details.on)}"
        with change_set(self.db, reason=reason.strip(), description=description) as session:
            row = get_or_raise(session, TrainingSession, session_id, "training session")
            row.session_date = details.on
            row.duration_minutes = details.duration_minutes
            row.trainer_person_id = details.trainer_person_id
            row.trainer_name = (
                v.clean(details.trainer_name) if not details.trainer_person_id else ""
            )
            row.notes = v.long_text(details.notes, "notes", "the notes")
            session.add(row)
            wanted = {m.id for m in modules}
            for link in session.exec(
                select(TrainingSessionModule).where(TrainingSessionModule.session_id == session_id)
            ):
                if link.module_id not in wanted:
                    session.delete(link)
                else:
                    wanted.discard(link.module_id)
            for module_id in wanted:
                assert module_id is not None
                session.add(TrainingSessionModule(session_id=session_id, module_id=module_id))
            session.flush()
            _sync_records(session, row, modules, details.attendees)
        return self.session(session_id)

    def session_history(self, session_id: int) -> list[ChangeSetView]:
        """Every change to the session, its modules and its attendees' records, oldest first
        (an attendee taken off the list included)."""
        with self.db.session() as session:
            ids = change_set_ids(session, session_id)
        history = HistoryService(self.db, self._today)
        return [view for i in ids if (view := history.change_set(i)) is not None]

    def remove_session(self, session_id: int, reason: str | None) -> str:
        """Remove a session entered in error, and its training records, with the reason."""
        why = removal_reason(reason)
        with self.db.session() as reading:
            row = get_or_raise(reading, TrainingSession, session_id, "training session")
            description = f"Removed training session on {in_words(row.session_date)}"
        with change_set(self.db, reason=why, description=description) as session:
            for record in session.exec(
                select(TrainingRecord).where(TrainingRecord.training_session_id == session_id)
            ):
                session.delete(record)
            for link in session.exec(
                select(TrainingSessionModule).where(TrainingSessionModule.session_id == session_id)
            ):
                session.delete(link)
            session.flush()
            session.delete(get_or_raise(session, TrainingSession, session_id, "training session"))
        return description

    def _checked(
        self, session: Session, details: SessionDetails, session_id: int | None
    ) -> list[TrainingModule]:
        """The modules chosen, after checking everything the session form holds."""
        v.not_in_future(details.on, self.today(), "on", "the training date")
        v.minutes(
            details.duration_minutes, "duration_minutes", "how long it took", maximum=7 * 24 * 60
        )
        v.long_text(details.notes, "notes", "the notes")
        if details.trainer_person_id:
            get_or_raise(session, Person, details.trainer_person_id, "trainer")
        elif not v.clean(details.trainer_name):
            raise ValidationError(
                "Say who trained: someone on record, or an external trainer's name.", "trainer"
            )
        else:
            v.short_text(details.trainer_name, "trainer_name", "the trainer's name")
        if not details.module_ids:
            raise ValidationError("Choose the modules the session covered.", "module_ids")
        already: set[int] = set()
        if session_id is not None:
            already = {
                link.module_id
                for link in session.exec(
                    select(TrainingSessionModule).where(
                        TrainingSessionModule.session_id == session_id
                    )
                )
            }
        modules = []
        for module_id in dict.fromkeys(details.module_ids):
            module = get_or_raise(session, TrainingModule, module_id, "training module")
            if module.retired_on is not None and module_id not in already:
                raise ValidationError(
                    f"“{module.name}” was retired on {in_words(module.retired_on)}.", "module_ids"
                )
            modules.append(module)
        people = [person_id for person_id, _completed in details.attendees]
        if not people:
            raise ValidationError("Add the people who attended.", "attendees")
        if len(set(people)) != len(people):
            raise ValidationError("Someone is listed twice among those who attended.", "attendees")
        for person_id in people:
            get_or_raise(session, Person, person_id, "person")
        return modules

    # -- the matrix and one person -------------------------------------------------------
    def matrix(self) -> TrainingMatrix:
        """Current mentors and facilitators (by name) × the modules not retired."""
        today = self.today()
        with self.db.session() as session:
            modules = rules.current_modules(session)
            people = _current_volunteers(session, today)
            rows = []
            for person in people:
                assert person.id is not None
                cells, gaps = rules.person_cells(session, person.id, today, modules)
                rows.append(
                    MatrixRow(person.id, person.display_name, tuple(cells), not gaps, tuple(gaps))
                )
            return TrainingMatrix(tuple(module_view(m) for m in modules), tuple(rows))

    def certificate_form(
        self, person_id: int, session_id: int, *, large_print: bool = False
    ) -> bytes:
        """A certificate for a person who completed a training session, as PDF bytes (refused
        in plain words when they did not attend it or did not complete it)."""
        spec = get_form("certificate")
        assert spec is not None  # the catalogue always has it
        organisation = PrintingService(self.db, self._today).organisation_info()
        with self.db.session() as session:
            data = training_data.certificate(session, person_id, session_id, organisation)
        data = with_coordinator(data, organisation.coordinator_name, organisation.coordinator_role)
        return render_pdf(spec, data, organisation, large_print=large_print)

    def is_trained(self, person_id: int) -> bool:
        with self.db.session() as session:
            get_or_raise(session, Person, person_id, "person")
            return rules.is_trained(session, person_id, self.today())

    def person_training(self, person_id: int) -> PersonTraining:
        """A person's modules with their state, and the sessions they attended."""
        today = self.today()
        with self.db.session() as session:
            person = get_or_raise(session, Person, person_id, "person")
            modules = rules.current_modules(session)
            cells, gaps = rules.person_cells(session, person_id, today, modules)
            lines = tuple(
                PersonTrainingLine(m.name, m.is_core, c.words, c.state)
                for m, c in zip(modules, cells, strict=True)
            )
            attended = {
                r.training_session_id
                for r in session.exec(
                    select(TrainingRecord).where(TrainingRecord.person_id == person_id)
                )
                if r.training_session_id is not None
            }
            sessions = tuple(
                _session_view(session, row)
                for row in session.exec(
                    select(TrainingSession)
                    .where(col(TrainingSession.id).in_(attended))
                    .order_by(col(TrainingSession.session_date))
                )
            )
            return PersonTraining(
                person_id, person.display_name, not gaps, tuple(gaps), lines, sessions
            )


def _current_volunteers(session: Session, today: date) -> list[Person]:
    ids = {
        role.person_id
        for role in session.exec(
            select(PersonRole).where(
                col(PersonRole.role).in_([Role.MENTOR.value, Role.FACILITATOR.value])
            )
        )
        if role.ended_on is None or role.ended_on > today
    }
    people = session.exec(select(Person).where(col(Person.id).in_(ids))).all()
    current = [p for p in people if p.archived_on is None]
    return sorted(current, key=lambda p: (p.display_name.casefold(), p.id or 0))


def _session_view(session: Session, row: TrainingSession) -> TrainingSessionView:
    assert row.id is not None
    modules = session.exec(
        select(TrainingModule)
        .join(TrainingSessionModule, col(TrainingSessionModule.module_id) == TrainingModule.id)
        .where(TrainingSessionModule.session_id == row.id)
        .order_by(col(TrainingModule.position), col(TrainingModule.id))
    ).all()
    completed: dict[int, bool] = {}
    for record in session.exec(
        select(TrainingRecord).where(TrainingRecord.training_session_id == row.id)
    ):
        completed[record.person_id] = completed.get(record.person_id, True) and record.completed
    people = {
        p.id: p.display_name
        for p in session.exec(select(Person).where(col(Person.id).in_(list(completed))))
    }
    attendees = sorted(
        (
            AttendeeView(pid, people.get(pid, "Erased person"), done)
            for pid, done in completed.items()
        ),
        key=lambda a: (a.name.casefold(), a.person_id),
    )
    trainer = row.trainer_name
    if row.trainer_person_id is not None:
        person = session.get(Person, row.trainer_person_id)
        trainer = person.display_name if person else "someone no longer on record"
    return TrainingSessionView(
        id=row.id,
        session_date=row.session_date,
        duration_minutes=row.duration_minutes,
        trainer_person_id=row.trainer_person_id,
        trainer_name=row.trainer_name,
        trainer_words=trainer or "not recorded",
        notes=row.notes,
        module_ids=tuple(m.id or 0 for m in modules),
        module_names=tuple(m.name for m in modules),
        attendees=tuple(attendees),
    )


def _shares(minutes: int, count: int) -> list[int]:
    """A session's minutes shared between its modules (the first take what is left over)."""
    base, extra = divmod(minutes, max(count, 1))
    return [base + (1 if i < extra else 0) for i in range(count)]


def _sync_records(
    session: Session,
    row: TrainingSession,
    modules: Sequence[TrainingModule],
    attendees: Sequence[tuple[int, bool]],
) -> None:
    """One record per attendee per module, linked to the session: existing ones kept and
    brought up to date, missing ones added, ones no longer wanted removed."""
    assert row.id is not None
    minutes = dict(
        zip((m.id for m in modules), _shares(row.duration_minutes, len(modules)), strict=True)
    )
    names = {m.id: m.name for m in modules}
    wanted = dict(attendees)
    existing = {
        (r.person_id, r.module_id): r
        for r in session.exec(
            select(TrainingRecord).where(TrainingRecord.training_session_id == row.id)
        )
    }
    for (person_id, module_id), record in existing.items():
        if person_id not in wanted or module_id not in names:
            session.delete(record)
    session.flush()
    for person_id, completed in attendees:
        for module in modules:
            record = existing.get((person_id, module.id)) or TrainingRecord(
                person_id=person_id, module=module.name, training_date=row.session_date
            )
            values = {
                "module_id": module.id,
                "training_session_id": row.id,
                "training_date": row.session_date,
                "duration_minutes": minutes[module.id],
                "completed": completed,
            }
            for name, value in values.items():
                if getattr(record, name) != value:
                    setattr(record, name, value)
            session.add(record)
