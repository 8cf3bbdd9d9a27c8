"""Volunteers: journey, disclosure checks, references, training, supervision, readiness."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select

from peerdesk.data.models import (
    DisclosureCheck,
    Organisation,
    Pairing,
    Person,
    PersonRole,
    Supervision,
    SupervisionPairing,
    TrainingRecord,
    VolunteerProfile,
    VolunteerStageChange,
)
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import get_or_raise
from peerdesk.services.data_protection.consents import current_consent
from peerdesk.services.training.matrix import module_named, training_gaps
from peerdesk.services.volunteers.corrections import (
    VolunteerCorrections,
    check_fields,
    supervision_fields,
    training_fields,
)
from peerdesk.services.volunteers.views import (
    DisclosureCheckView,
    ProfileView,
    Readiness,
    StageView,
    SupervisionView,
    TrainingView,
)
from peerdesk.vocabulary import (
    ConsentKind,
    DisclosureLevel,
    DisclosureScheme,
    MeetingMode,
    PairingStatus,
    Role,
    VolunteerStage,
)

#: Stages from which a volunteer may be active as a mentor or facilitator.
VOLUNTEER_ROLES = (Role.MENTOR, Role.FACILITATOR)

#: Live capacity counts these statuses as taking up a mentor's time.
OCCUPYING_STATUSES = (PairingStatus.INTRODUCED, PairingStatus.ACTIVE, PairingStatus.PAUSED)


__all__ = ["Readiness", "VolunteerService"]


class VolunteerService(VolunteerCorrections):
    # -- journey -------------------------------------------------------------------------
    def record_stage(
        self,
        person_id: int,
        stage: VolunteerStage | str,
        *,
        on: date | None = None,
        reason: str = "",
    ) -> StageView:
        stage = v.one_of(stage, VolunteerStage, "stage", "a stage")
        when = on or self.today()
        v.not_in_future(when, self.today(), "changed_on", "the date")
        if stage is VolunteerStage.LEFT and not v.clean(reason):
            raise ValidationError("Please say why the volunteer left.", "reason")
        with self.db.transaction() as session:
            get_or_raise(session, Person, person_id, "person")
            latest = _latest_stage(session, person_id)
            if latest is not None and when < latest.changed_on:
                raise ValidationError(
                    "That date is before the volunteer's last recorded step "
                    f"({latest.changed_on:%d %B %Y}).",
                    "changed_on",
                )
            change = VolunteerStageChange(
                person_id=person_id,
                stage=stage,
                changed_on=when,
                reason=v.long_text(reason, "reason", "the reason"),
            )
            session.add(change)
            if session.get(VolunteerProfile, person_id) is None:
                session.add(VolunteerProfile(person_id=person_id))
            session.flush()
            session.refresh(change)
            return StageView.of(change)

    def journey(self, person_id: int) -> list[StageView]:
        with self.db.session() as session:
            return _views(
                StageView.of,
                session.exec(
                    select(VolunteerStageChange)
                    .where(VolunteerStageChange.person_id == person_id)
                    .order_by(col(VolunteerStageChange.changed_on), col(VolunteerStageChange.id))
                ),
            )

    def is_volunteer(self, person_id: int) -> bool:
        """A current mentor or facilitator, or anyone with a step on the volunteer journey
        (an enquiry, or someone who has left): their page shows the volunteer sections."""
        with self.db.session() as session:
            role = session.exec(
                select(PersonRole.id).where(
                    PersonRole.person_id == person_id,
                    col(PersonRole.role).in_([r.value for r in VOLUNTEER_ROLES]),
                    col(PersonRole.ended_on).is_(None),
                )
            ).first()
            return role is not None or _latest_stage(session, person_id) is not None

    def current_stage(self, person_id: int) -> VolunteerStage | None:
        with self.db.session() as session:
            latest = _latest_stage(session, person_id)
            return VolunteerStage(latest.stage) if latest else None

    def set_profile(
        self,
        person_id: int,
        *,
        max_mentees: int,
        lived_experience: str = "",
        skills: str = "",
        interests: str = "",
    ) -> ProfileView:
        if not 0 <= max_mentees <= 20:
            raise ValidationError(
                "The number of mentees should be between 0 and 20.", "max_mentees"
            )
        with self.db.transaction() as session:
            get_or_raise(session, Person, person_id, "person")
            profile = session.get(VolunteerProfile, person_id) or VolunteerProfile(
                person_id=person_id
            )
            profile.max_mentees = max_mentees
            profile.lived_experience = v.long_text(
                lived_experience, "lived_experience", "the lived experience"
            )
            profile.skills = v.long_text(skills, "skills", "the skills")
            profile.interests = v.long_text(interests, "interests", "the interests")
            session.add(profile)
            session.flush()
            session.refresh(profile)
            return ProfileView.of(profile)

    def profile(self, person_id: int) -> ProfileView | None:
        with self.db.session() as session:
            found = session.get(VolunteerProfile, person_id)
            return ProfileView.of(found) if found is not None else None

    # -- checks and references -----------------------------------------------------------
    def add_disclosure_check(
        self,
        person_id: int,
        *,
        scheme: DisclosureScheme | str,
        level: DisclosureLevel | str,
        issue_date: date,
        reference_number: str = "",
        renewal_date: date | None = None,
    ) -> DisclosureCheckView:
        fields = check_fields(
            self.today(),
            scheme=scheme,
            level=level,
            issue_date=issue_date,
            reference_number=reference_number,
            renewal_date=renewal_date,
        )
        with self.db.transaction() as session:
            get_or_raise(session, Person, person_id, "person")
            check = DisclosureCheck(person_id=person_id, **fields)
            session.add(check)
            session.flush()
            session.refresh(check)
            return DisclosureCheckView.of(check)

    def disclosure_checks(self, person_id: int) -> list[DisclosureCheckView]:
        with self.db.session() as session:
            return _views(
                DisclosureCheckView.of,
                session.exec(
                    select(DisclosureCheck)
                    .where(DisclosureCheck.person_id == person_id)
                    .order_by(col(DisclosureCheck.issue_date).desc())
                ),
            )

    # -- training and supervision --------------------------------------------------------
    def record_training(
        self, person_id: int, *, module: str, on: date, duration_minutes: int, completed: bool
    ) -> TrainingView:
        fields = training_fields(
            self.today(),
            module=module,
            on=on,
            duration_minutes=duration_minutes,
            completed=completed,
        )
        with self.db.transaction() as session:
            get_or_raise(session, Person, person_id, "person")
            # A module of the course is named by its id too, so renaming it keeps the record.
            record = TrainingRecord(
                person_id=person_id, module_id=module_named(session, fields["module"]), **fields
            )
            session.add(record)
            session.flush()
            session.refresh(record)
            return TrainingView.of(record)

    def training(self, person_id: int) -> list[TrainingView]:
        with self.db.session() as session:
            return _views(
                TrainingView.of,
                session.exec(
                    select(TrainingRecord)
                    .where(TrainingRecord.person_id == person_id)
                    .order_by(col(TrainingRecord.training_date))
                ),
            )

    def record_supervision(
        self,
        mentor_id: int,
        *,
        on: date,
        mode: MeetingMode | str,
        duration_minutes: int,
        pairing_ids: list[int] | None = None,
        concerns: str = "",
        wellbeing: str = "",
        training_needs: str = "",
        actions: str = "",
        next_date: date | None = None,
    ) -> SupervisionView:
        fields = supervision_fields(
            self.today(),
            on=on,
            mode=mode,
            duration_minutes=duration_minutes,
            concerns=concerns,
            wellbeing=wellbeing,
            training_needs=training_needs,
            actions=actions,
            next_date=next_date,
        )
        with self.db.transaction() as session:
            get_or_raise(session, Person, mentor_id, "mentor")
            record = Supervision(mentor_id=mentor_id, **fields)
            session.add(record)
            session.flush()
            assert record.id is not None
            for pairing_id in dict.fromkeys(pairing_ids or []):
                pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
                if pairing.mentor_id != mentor_id:
                    raise ValidationError(
                        "One of the pairings chosen is not this mentor's.", "pairing_ids"
                    )
                session.add(SupervisionPairing(supervision_id=record.id, pairing_id=pairing_id))
            session.flush()
            session.refresh(record)
            return SupervisionView.of(record)

    def supervisions(self, mentor_id: int) -> list[SupervisionView]:
        with self.db.session() as session:
            return _views(
                SupervisionView.of,
                session.exec(
                    select(Supervision)
                    .where(Supervision.mentor_id == mentor_id)
                    .order_by(col(Supervision.supervision_date).desc())
                ),
            )

    # -- readiness -----------------------------------------------------------------------
    def readiness(self, person_id: int) -> Readiness:
        """What a mentor still needs before they may be paired, in plain words."""
        today = self.today()
        with self.db.session() as session:
            get_or_raise(session, Person, person_id, "person")
            return _readiness(session, person_id, today)


V = TypeVar("V")


def _views(view: Callable[[Any], V], rows: Iterable[Any]) -> list[V]:
    """Rows copied into their views while the session is open (the rows stay inside)."""
    return [view(row) for row in rows]


def _latest_stage(session: Session, person_id: int) -> VolunteerStageChange | None:
    return session.exec(
        select(VolunteerStageChange)
        .where(VolunteerStageChange.person_id == person_id)
        .order_by(
            col(VolunteerStageChange.changed_on).desc(),
            col(VolunteerStageChange.id).desc(),
        )
    ).first()


def _readiness(session: Session, person_id: int, today: date) -> Readiness:
    missing: list[str] = []
    latest = _latest_stage(session, person_id)
    stage = VolunteerStage(latest.stage) if latest else None
    is_mentor = session.exec(
        select(PersonRole).where(
            PersonRole.person_id == person_id,
            PersonRole.role == Role.MENTOR.value,
            col(PersonRole.ended_on).is_(None),
        )
    ).first()
    if is_mentor is None:
        missing.append("not recorded as a mentor")
    if stage is VolunteerStage.PAUSED:
        missing.append("paused")
    elif stage is VolunteerStage.LEFT:
        missing.append("has left")
    elif stage is not VolunteerStage.ACTIVE:
        missing.append("volunteer journey not yet at 'active'")
    # Trained: every core module done and in date (services/training/matrix.py).
    missing.extend(f"training: {gap}" for gap in training_gaps(session, person_id, today))
    # Imported here: references.py reaches printing, which imports this module.
    from peerdesk.services.volunteers.references import reference_gaps

    organisation = session.exec(select(Organisation)).first()
    required = organisation.references_required if organisation else 0
    missing.extend(reference_gaps(session, person_id, required or 0))
    checks = session.exec(
        select(DisclosureCheck).where(DisclosureCheck.person_id == person_id)
    ).all()
    if not checks:
        missing.append("no disclosure check (PVG/DBS) recorded")
    elif not any(c.renewal_date is None or c.renewal_date >= today for c in checks):
        missing.append("disclosure check (PVG/DBS) has expired")
    if current_consent(session, person_id, ConsentKind.CONFIDENTIALITY, today) is None:
        missing.append("no confidentiality agreement")
    profile = session.get(VolunteerProfile, person_id)
    capacity = profile.max_mentees if profile else 1
    occupied = session.exec(
        select(func.count())
        .select_from(Pairing)
        .where(
            Pairing.mentor_id == person_id,
            col(Pairing.status).in_([s.value for s in OCCUPYING_STATUSES]),
        )
    ).one()
    if occupied >= capacity:
        missing.append(f"at capacity ({occupied} of {capacity} mentees)")
    return Readiness(
        person_id=person_id,
        stage=stage,
        capacity=capacity,
        occupied=occupied,
        missing=tuple(missing),
    )
