"""`services.printing`: pre-filled forms for a person, pairing, group or meeting.

The service gathers only what each form's purpose needs (see person_data, pairing_data,
group_data) into plain `FormData`, and hands it to the pure renderer in `peerdesk.forms`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from peerdesk.data.database import Database
from peerdesk.data.models import (
    GroupMeeting,
    Organisation,
    Pairing,
    PeerGroup,
    Person,
    Referral,
)
from peerdesk.errors import NotFoundError, ValidationError
from peerdesk.forms.catalogue import FORMS, get_form
from peerdesk.forms.data import FormData, OrganisationInfo, Subject
from peerdesk.forms.document import render_pdf, write_pdf
from peerdesk.forms.reports.recovery_sheet import RecoverySheetData, recovery_sheet_pdf
from peerdesk.services.base import Clock, Service, get_or_raise
from peerdesk.services.data_protection.gates import GateService
from peerdesk.services.mentoring.referrals import ReferralService
from peerdesk.services.printing import group_data, pairing_data, person_data, training_data
from peerdesk.services.printing import text as t
from peerdesk.services.printing.referral_letters import STATUS_WORDS, Recipient, letter_data
from peerdesk.services.safety.security import LOST_PASSPHRASE_WARNING, RecoverySheet
from peerdesk.vocabulary import ReferralStatus

log = logging.getLogger(__name__)

Gatherer = Callable[[Session, int, date, OrganisationInfo], FormData]

GATHERERS: dict[tuple[str, Subject], Gatherer] = {
    ("referral", Subject.PERSON): person_data.referral,
    ("mentor-application", Subject.PERSON): person_data.mentor_application,
    ("volunteer-agreement", Subject.PERSON): person_data.volunteer_agreement,
    ("confidentiality-agreement", Subject.PERSON): person_data.confidentiality_agreement,
    ("consent-record", Subject.PERSON): person_data.consent_record,
    ("supervision", Subject.PERSON): person_data.supervision,
    ("training-record", Subject.PERSON): training_data.training_record,
    ("expenses", Subject.PERSON): person_data.expenses,
    ("equality-monitoring", Subject.PERSON): person_data.equality_monitoring,
    ("wellbeing-check", Subject.PERSON): person_data.wellbeing_check,
    ("mentoring-agreement", Subject.PAIRING): pairing_data.mentoring_agreement,
    ("session-log", Subject.PAIRING): pairing_data.session_log,
    ("pairing-review", Subject.PAIRING): pairing_data.pairing_review,
    ("ending", Subject.PAIRING): pairing_data.ending,
    ("lone-working", Subject.PAIRING): pairing_data.lone_working,
    ("introduction-pack", Subject.PAIRING): pairing_data.introduction_pack,
    ("group-agreement", Subject.GROUP): group_data.group_agreement,
    ("attendance-register", Subject.GROUP): group_data.register_for_group,
    ("attendance-register", Subject.MEETING): group_data.register_for_meeting,
}

_KIND_WORDS = {
    Subject.PERSON: "a person",
    Subject.PAIRING: "a pairing",
    Subject.GROUP: "a group",
    Subject.MEETING: "a group meeting",
    Subject.REFERRAL: "a referral",
}

#: The letters written from a referral, to the person or to their referrer.
LETTERS = frozenset({"referral-acknowledgement", "referral-outcome"})


@dataclass(frozen=True)
class FormChoice:
    name: str
    title: str
    summary: str
    subjects: tuple[str, ...]


@dataclass(frozen=True)
class SubjectChoice:
    """A record a form can be filled in for, as the form picker lists it."""

    id: int
    label: str
    needs_large_print: bool = False


class PrintingService(Service):
    def __init__(
        self,
        db: Database,
        today: Clock = date.today,
        *,
        referrals: ReferralService | None = None,
        gates: GateService | None = None,
    ) -> None:
        super().__init__(db, today)
        self.referrals = referrals or ReferralService(db, today)
        self.gates = gates or GateService(db, today)

    # -- what there is -------------------------------------------------------------------
    def forms(self, subject: str | None = None) -> list[FormChoice]:
        chosen = [f for f in FORMS if subject is None or Subject(subject) in f.subjects]
        return [
            FormChoice(f.name, f.title, f.summary, tuple(s.value for s in f.subjects))
            for f in chosen
        ]

    def organisation_info(self) -> OrganisationInfo:
        with self.db.session() as session:
            row = session.exec(select(Organisation)).first()
        if row is None:
            return OrganisationInfo()
        return OrganisationInfo(
            name=row.name,
            address=row.address,
            postcode=row.postcode,
            phone=row.phone,
            email=row.email,
            charity_number=row.charity_number,
            logo_png=row.logo_png,
            coordinator_name=row.coordinator_name,
            coordinator_role=row.coordinator_role,
        )

    def subjects(self, kind: str) -> list[SubjectChoice]:
        """Every record of a kind, labelled for a picker (current ones first)."""
        subject = self._subject(kind)
        with self.db.session() as session:
            if subject is Subject.PERSON:
                people = session.exec(
                    select(Person).order_by(
                        col(Person.archived_on).is_not(None),
                        col(Person.first_name),
                        col(Person.last_name),
                    )
                )
                return [SubjectChoice(p.id or 0, t.name(p), p.needs_large_print) for p in people]
            if subject is Subject.PAIRING:
                names = {p.id: p for p in session.exec(select(Person))}
                pairings = session.exec(select(Pairing).order_by(col(Pairing.id).desc()))
                result = []
                for pairing in pairings:
                    mentor, mentee = names.get(pairing.mentor_id), names.get(pairing.mentee_id)
                    label = f"{pairing.reference}: {t.name(mentor)} and {t.name(mentee)}"
                    large = any(p is not None and p.needs_large_print for p in (mentor, mentee))
                    result.append(SubjectChoice(pairing.id or 0, label, large))
                return result
            if subject is Subject.GROUP:
                groups = session.exec(select(PeerGroup).order_by(col(PeerGroup.name)))
                return [SubjectChoice(g.id or 0, g.name) for g in groups]
            if subject is Subject.REFERRAL:
                return referral_choices(session)
            group_names = {g.id: g.name for g in session.exec(select(PeerGroup))}
            meetings = session.exec(
                select(GroupMeeting).order_by(col(GroupMeeting.meeting_date).desc()).limit(500)
            )
            return [
                SubjectChoice(
                    m.id or 0, f"{group_names.get(m.group_id, '')}, {t.day(m.meeting_date)}"
                )
                for m in meetings
            ]

    def needs_large_print(self, kind: str, record_id: int) -> bool:
        """Whether the person (or either person in a pairing) asked for large print."""
        subject = self._subject(kind)
        with self.db.session() as session:
            if subject is Subject.PERSON:
                return get_or_raise(session, Person, record_id, "person").needs_large_print
            if subject is Subject.PAIRING:
                pairing = get_or_raise(session, Pairing, record_id, "pairing")
                people = [
                    session.get(Person, pairing.mentor_id),
                    session.get(Person, pairing.mentee_id),
                ]
                return any(p is not None and p.needs_large_print for p in people)
            if subject is Subject.REFERRAL:
                referral = get_or_raise(session, Referral, record_id, "referral")
                return get_or_raise(session, Person, referral.person_id, "person").needs_large_print
        return False

    # -- filling in and rendering --------------------------------------------------------
    def data_for(
        self,
        name: str,
        kind: str | None = None,
        record_id: int | None = None,
        organisation: OrganisationInfo | None = None,
        *,
        to: str = Recipient.PERSON.value,
    ) -> FormData:
        """The plain data of a form for one record (empty for a blank form).

        `organisation` saves reading it again when the caller already has it; `to` says who
        a referral letter is written to (the person, or the referrer)."""
        spec = get_form(name)
        if spec is None:
            raise ValidationError(
                f"There is no form called “{name}”. The forms are: {', '.join(f.name for f in FORMS)}.",
                "form",
            )
        recipient = Recipient.of(to)
        if recipient is Recipient.REFERRER and (name not in LETTERS or kind != Subject.REFERRAL):
            raise ValidationError(
                "Only the referral letters, filled in for a referral, can be written to the "
                "referrer.",
                "to",
            )
        if kind is None or record_id is None:
            if name == "wellbeing-check":  # blank, it still asks the scale in Settings
                with self.db.session() as session:
                    return FormData(fields=person_data.wellbeing_scale(session))
            return FormData()
        subject = self._subject(kind)
        gatherer = GATHERERS.get((name, subject))
        if name in LETTERS and subject is Subject.REFERRAL:
            organisation = organisation or self.organisation_info()
            referral = self.referrals.get(record_id)
            with self.db.session() as session:
                data = letter_data(session, name, referral, recipient, self.today(), self.gates)
            return with_coordinator(
                data, organisation.coordinator_name, organisation.coordinator_role
            )
        if gatherer is None:
            if not spec.subjects:
                raise ValidationError(
                    f"The {spec.title.lower()} is about the role, not a record: print it blank.",
                    "subject",
                )
            wanted = " or ".join(_KIND_WORDS[s] for s in spec.subjects)
            raise ValidationError(
                f"The {spec.title.lower()} is filled in for {wanted}, not for "
                f"{_KIND_WORDS[subject]}. Choose {wanted}, or print it blank.",
                "subject",
            )
        organisation = organisation or self.organisation_info()
        with self.db.session() as session:
            data = gatherer(session, record_id, self.today(), organisation)
        return with_coordinator(data, organisation.coordinator_name, organisation.coordinator_role)

    def render(
        self,
        name: str,
        kind: str | None = None,
        record_id: int | None = None,
        *,
        large_print: bool = False,
        to: str = Recipient.PERSON.value,
    ) -> bytes:
        """The form as PDF bytes: pre-filled for the record, or blank without one."""
        organisation = self.organisation_info()  # once per form, for the data and the header
        data = self.data_for(name, kind, record_id, organisation, to=to)
        spec = get_form(name)
        assert spec is not None  # data_for refused unknown names
        pdf = render_pdf(spec, data, organisation, large_print=large_print)
        log.info("rendered form %s for %s %s (%d bytes)", name, kind, record_id, len(pdf))
        return pdf

    def save(
        self,
        name: str,
        path: Path,
        kind: str | None = None,
        record_id: int | None = None,
        *,
        large_print: bool = False,
        to: str = Recipient.PERSON.value,
    ) -> Path:
        """Render and write atomically (temporary name, then rename). Nothing is written
        when the form is refused (a letter to a referrer without consent to share)."""
        pdf = self.render(name, kind, record_id, large_print=large_print, to=to)
        return write_pdf(pdf, path)

    def recovery_sheet(self, sheet: RecoverySheet) -> bytes:
        """The recovery sheet as PDF bytes (`services.security.recovery_sheet()` says what
        it holds; the passphrase is never on it)."""
        return recovery_sheet_pdf(
            RecoverySheetData(
                organisation=sheet.organisation,
                database=sheet.database,
                backup_folder=sheet.backup_folder,
                encrypted=sheet.encrypted,
                kdf=sheet.kdf,
                printed_on=sheet.printed_on,
                lost_passphrase_warning=LOST_PASSPHRASE_WARNING,
            )
        )

    @staticmethod
    def _subject(kind: str) -> Subject:
        try:
            return Subject(kind)
        except ValueError:
            raise NotFoundError(
                "Forms are filled in for a person, pairing, group, meeting or referral, not "
                f"“{kind}”."
            ) from None


def with_coordinator(data: FormData, name: str, role: str = "") -> FormData:
    """`data` with the coordinator's name and role (from Settings) for the coordinator's
    signature line, in a pack's every part too; a name the record's data already gives is
    kept (and then the role, which belongs with the name in Settings, is not added)."""
    if not name or "coordinator_name" in data.fields:
        return data
    added = {"coordinator_name": name, **({"coordinator_role": role} if role else {})}
    return replace(
        data,
        fields={**added, **data.fields},
        parts=tuple(
            (part, with_coordinator(part_data, name, role)) for part, part_data in data.parts
        ),
    )


def referral_choices(session: Session) -> list[SubjectChoice]:
    """Every referral for the picker, newest first: who, when received, and where it is."""
    people = {p.id: p for p in session.exec(select(Person))}
    referrals = session.exec(
        select(Referral).order_by(col(Referral.referral_date).desc(), col(Referral.id).desc())
    )
    result = []
    for referral in referrals:
        person = people.get(referral.person_id)
        status = STATUS_WORDS[ReferralStatus(referral.status)]
        label = f"{t.name(person)}: received {t.day(referral.referral_date)} ({status})"
        large = person is not None and person.needs_large_print
        result.append(SubjectChoice(referral.id or 0, label, large))
    return result
