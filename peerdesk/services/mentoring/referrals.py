"""Referrals: taking one, the first conversation, the decision, closing and reopening.

Which step is allowed from which status is `REFERRAL_STEPS`, and nothing else: the service
refuses a step that is not in it, and each view's `allowed_actions` (what the person's page
offers) is read from it, so the page never offers a step the service would refuse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, fields
from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Condition,
    Person,
    PersonCondition,
    PersonRole,
    Referral,
)
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import apply_fields, change_set
from peerdesk.services.mentoring.referral_edits import DETAIL_FIELDS, refuse_date_after_steps
from peerdesk.services.mentoring.referral_record import CheckedReferral
from peerdesk.services.mentoring.referral_views import (
    OPEN_REFERRAL_STATUSES,
    ReferralAction,
    ReferralView,
    status_words,
)
from peerdesk.services.people.availability import (
    CheckedAvailability,
    checked_availability,
    replace_availability,
)
from peerdesk.services.people.service import PeopleService, replace_conditions
from peerdesk.services.people.views import ConditionEntry, PersonDetails
from peerdesk.services.projects import check_project
from peerdesk.vocabulary import (
    ConditionLink,
    MeetingMode,
    PartOfDay,
    ReferralSource,
    ReferralStatus,
    Role,
    SupportedAs,
    Weekday,
)

_S = ReferralStatus
_A = ReferralAction
#: From each status, the steps a coordinator may take and the status each may lead to
#: (reopening offers a choice of two).
REFERRAL_STEPS: dict[ReferralStatus, dict[ReferralAction, tuple[ReferralStatus, ...]]] = {
    _S.NEW: {
        _A.ASSESS: (_S.ASSESSED,),
        _A.ACCEPT: (_S.ACCEPTED,),
        _A.NOT_TAKEN_FORWARD: (_S.NOT_TAKEN_FORWARD,),
        _A.CLOSE: (_S.CLOSED,),
    },
    _S.ASSESSED: {
        _A.ACCEPT: (_S.ACCEPTED,),
        _A.NOT_TAKEN_FORWARD: (_S.NOT_TAKEN_FORWARD,),
        _A.CLOSE: (_S.CLOSED,),
    },
    _S.ACCEPTED: {_A.CLOSE: (_S.CLOSED,)},
    _S.NOT_TAKEN_FORWARD: {_A.REOPEN: (_S.ACCEPTED, _S.ASSESSED)},
    _S.CLOSED: {_A.REOPEN: (_S.ACCEPTED, _S.ASSESSED)},
}


def allowed_actions(status: ReferralStatus | str) -> frozenset[ReferralAction]:
    return frozenset(REFERRAL_STEPS[ReferralStatus(status)])


@dataclass
class ReferralPreferences:
    """Matching preferences and needs asked about at referral; they are kept on the person
    (where matching and the person's page read them)."""

    mentor_gender: str | None = None
    mentor_age_min: int | None = None
    mentor_age_max: int | None = None
    languages: str = ""
    access_needs: str = ""
    energy_needs: str = ""


@dataclass
class ReferralAvailability:
    """When they can usually meet (day and part of the day) and the ways of meeting that
    suit them, asked about at referral and kept on the person (matching compares them)."""

    slots: Iterable[tuple[Weekday | str, PartOfDay | str]] = field(default_factory=list)
    modes: Iterable[MeetingMode | str] = field(default_factory=list)


@dataclass
class ReferralDetails:
    referral_date: date
    source: str
    support_as: str = SupportedAs.MENTEE.value
    referrer_name: str = ""
    referrer_organisation: str = ""
    referrer_relationship: str = ""
    referrer_contact: str = ""
    person_agreed: bool = False
    cared_for_condition: str = ""
    cared_for_relationship: str = ""
    other_professionals: str = ""
    risks: str = ""
    support_network: str = ""
    hopes: str = ""
    wants_same_condition: bool = False
    #: None leaves the person's preferences and needs as they are.
    preferences: ReferralPreferences | None = None
    #: None leaves what is recorded of their availability as it is.
    availability: ReferralAvailability | None = None
    #: The conditions they live with (entries of the shared list; a new name becomes an
    #: entry). None leaves them as recorded; their other links (cares for, lived
    #: experience) are kept either way.
    lives_with: list[str] | None = None
    #: The project or funding stream it belongs to (None: no project).
    project_id: int | None = None


def referral_view(referral: Referral) -> ReferralView:
    values = {
        f.name: getattr(referral, f.name)
        for f in fields(ReferralView)
        if f.name not in ("id", "allowed_actions")
    }
    return ReferralView(
        id=referral.id or 0, allowed_actions=allowed_actions(referral.status), **values
    )


class ReferralService(Service):
    # -- taking a referral ----------------------------------------------------------------
    def start(self, person_id: int, details: ReferralDetails) -> ReferralView:
        """Record a new referral; the person takes the mentee or carer role it asks for.
        Refused while they have another referral open."""
        referral = self._checked(details)
        availability = _checked_availability(details.availability)
        people = PeopleService(self.db, self._today)
        with self.db.transaction() as session:
            person = get_or_raise(session, Person, person_id, "person")
            if details.preferences is not None:
                wanted = _with_preferences(PersonDetails.of(person), details.preferences)
                for name, value in asdict(people.validated(wanted)).items():
                    setattr(person, name, value)
                session.add(person)
            view = self._add(session, person_id, referral)
            _write_availability(session, person_id, availability)
            _write_lives_with(session, person_id, details.lives_with)
            return view

    def start_with_person(self, person: PersonDetails, details: ReferralDetails) -> ReferralView:
        """A new person and their referral together, in one transaction: neither is saved
        when either is refused."""
        referral = self._checked(details)
        availability = _checked_availability(details.availability)
        if details.preferences is not None:
            person = _with_preferences(person, details.preferences)
        cleaned = PeopleService(self.db, self._today).validated(person)
        with self.db.transaction() as session:
            row = Person(**asdict(cleaned))
            session.add(row)
            session.flush()
            assert row.id is not None
            view = self._add(session, row.id, referral)
            _write_availability(session, row.id, availability)
            _write_lives_with(session, row.id, details.lives_with)
            return view

    def update_details(self, referral_id: int, details: ReferralDetails) -> ReferralView:
        """Put right what was entered when the referral was taken, with the same checks as
        taking it; its status and steps stay as they are. One change set."""
        checked = self._checked(details)
        availability = _checked_availability(details.availability)
        people = PeopleService(self.db, self._today)
        with self.db.session() as reading:
            referral = get_or_raise(reading, Referral, referral_id, "referral")
            person = get_or_raise(reading, Person, referral.person_id, "person")
            description = f"Edited referral of {person.display_name}"
            wanted = (
                None
                if details.preferences is None
                else people.validated(
                    _with_preferences(PersonDetails.of(person), details.preferences)
                )
            )
        with change_set(self.db, description=description) as session:
            referral = get_or_raise(session, Referral, referral_id, "referral")
            refuse_date_after_steps(referral, checked.referral_date)
            check_project(session, checked.project_id, current=referral.project_id)
            apply_fields(referral, {name: getattr(checked, name) for name in DETAIL_FIELDS})
            session.add(referral)
            if wanted is not None:
                person = get_or_raise(session, Person, referral.person_id, "person")
                apply_fields(person, asdict(wanted))
                session.add(person)
            _write_availability(session, referral.person_id, availability)
            _write_lives_with(session, referral.person_id, details.lives_with)
            session.flush()
            session.refresh(referral)
            return referral_view(referral)

    def _checked(self, details: ReferralDetails) -> Referral:
        """The referral to save: `validated`'s values in a new (unsaved) record."""
        return self.validated(details).record()

    def validated(self, details: ReferralDetails) -> CheckedReferral:
        """The referral's own fields, checked: the one place a referral's rules live (taking
        one here and checking a spreadsheet's rows in the import both come through it)."""
        source = v.one_of(details.source, ReferralSource, "source", "where the referral came from")
        support_as = v.one_of(details.support_as, SupportedAs, "support_as", "the kind of support")
        v.not_in_future(details.referral_date, self.today(), "referral_date", "the referral date")
        if source is not ReferralSource.SELF and not details.person_agreed:
            raise ValidationError(
                "Please confirm the person agreed to be referred: we cannot take a referral "
                "they do not know about.",
                "person_agreed",
            )
        short, long = v.short_text, v.long_text
        return CheckedReferral(
            referral_date=details.referral_date,
            source=source,
            support_as=support_as,
            referrer_name=short(details.referrer_name, "referrer_name", "the referrer's name"),
            referrer_organisation=short(
                details.referrer_organisation, "referrer_organisation", "the organisation"
            ),
            referrer_relationship=short(
                details.referrer_relationship, "referrer_relationship", "the relationship"
            ),
            referrer_contact=short(
                details.referrer_contact, "referrer_contact", "the referrer's contact"
            ),
            person_agreed=details.person_agreed or source is ReferralSource.SELF,
            cared_for_condition=short(
                details.cared_for_condition, "cared_for_condition", "the condition"
            ),
            cared_for_relationship=short(
                details.cared_for_relationship, "cared_for_relationship", "the relationship"
            ),
            other_professionals=long(
                details.other_professionals, "other_professionals", "other professionals"
            ),
            risks=long(details.risks, "risks", "the risks"),
            support_network=long(details.support_network, "support_network", "the network"),
            hopes=long(details.hopes, "hopes", "what they hope for"),
            wants_same_condition=bool(details.wants_same_condition),
            project_id=details.project_id,
        )

    def _add(self, session: Session, person_id: int, referral: Referral) -> ReferralView:
        _refuse_if_open(session, person_id)
        check_project(session, referral.project_id)
        referral.person_id = person_id
        session.add(referral)
        role = Role.CARER if referral.support_as == SupportedAs.CARER else Role.MENTEE
        has_role = session.exec(
            select(PersonRole).where(
                PersonRole.person_id == person_id,
                PersonRole.role == role.value,
                col(PersonRole.ended_on).is_(None),
            )
        ).first()
        if has_role is None:
            session.add(
                PersonRole(person_id=person_id, role=role, started_on=referral.referral_date)
            )
        session.flush()
        session.refresh(referral)
        return referral_view(referral)

    # -- reading --------------------------------------------------------------------------
    def get(self, referral_id: int) -> ReferralView:
        with self.db.session() as session:
            return referral_view(get_or_raise(session, Referral, referral_id, "referral"))

    def for_person(self, person_id: int) -> list[ReferralView]:
        """Newest first."""
        with self.db.session() as session:
            return [
                referral_view(referral)
                for referral in session.exec(
                    select(Referral)
                    .where(Referral.person_id == person_id)
                    .order_by(col(Referral.referral_date).desc(), col(Referral.id).desc())
                )
            ]

    # -- the steps ------------------------------------------------------------------------
    def assess(self, referral_id: int, on: date | None = None, notes: str = "") -> ReferralView:
        """The first conversation was held: the date, and what was learned."""
        notes = v.long_text(notes, "assessment_notes", "the notes")

        def record(referral: Referral, when: date) -> None:
            referral.assessed_on = when
            referral.assessment_notes = notes

        return self._step(referral_id, ReferralAction.ASSESS, ReferralStatus.ASSESSED, on, record)

    def accept(self, referral_id: int, on: date | None = None) -> ReferralView:
        """Accepted: they are now waiting for a mentor."""
        return self._step(
            referral_id, ReferralAction.ACCEPT, ReferralStatus.ACCEPTED, on, _accepted
        )

    def not_taken_forward(
        self, referral_id: int, reason: str, on: date | None = None, signposted_to: str = ""
    ) -> ReferralView:
        reason = v.required_text(
            reason, "not_taken_forward_reason", "why the referral was not taken forward"
        )
        where = v.short_text(signposted_to, "signposted_to", "where they were signposted")

        def record(referral: Referral, when: date) -> None:
            referral.decided_on = when
            referral.not_taken_forward_reason = reason
            referral.signposted_to = where

        target = ReferralStatus.NOT_TAKEN_FORWARD
        return self._step(referral_id, ReferralAction.NOT_TAKEN_FORWARD, target, on, record)

    def close(self, referral_id: int, reason: str, on: date | None = None) -> ReferralView:
        """Closed by the coordinator, with the reason. (A referral also closes by itself when
        support ends with no new pairing wanted: see pairings.)"""
        reason = v.required_text(reason, "close_reason", "why the referral is closed")

        def record(referral: Referral, when: date) -> None:
            referral.closed_on = when
            referral.close_reason = reason

        return self._step(referral_id, ReferralAction.CLOSE, ReferralStatus.CLOSED, on, record)

    def reopen(
        self,
        referral_id: int,
        to: ReferralStatus | str,
        reason: str,
        on: date | None = None,
    ) -> ReferralView:
        """Back to "accepted" or "first conversation held", with the reason."""
        target = v.one_of(to, ReferralStatus, "reopen_to", "where the referral goes back to")
        if target not in REFERRAL_STEPS[ReferralStatus.CLOSED][ReferralAction.REOPEN]:
            raise ValidationError(
                "A referral can be reopened as \u201cFirst conversation held\u201d or "
                "\u201cAccepted \u2014 waiting for a mentor\u201d.",
                "reopen_to",
            )
        reason = v.required_text(reason, "reopen_reason", "why the referral is reopened")

        def record(referral: Referral, when: date) -> None:
            settled = [d for d in (referral.closed_on, referral.decided_on) if d is not None]
            if settled and when < max(settled):
                raise ValidationError(
                    "The reopening date is before the referral was closed or decided.", "on"
                )
            referral.reopened_on = when
            referral.reopen_reason = reason
            if target is ReferralStatus.ACCEPTED:
                _accepted(referral, when)

        return self._step(referral_id, ReferralAction.REOPEN, target, on, record)

    def _step(
        self,
        referral_id: int,
        action: ReferralAction,
        target: ReferralStatus,
        on: date | None,
        record: Callable[[Referral, date], None],
    ) -> ReferralView:
        when = on or self.today()
        v.not_in_future(when, self.today(), "on", "the date")
        with self.db.transaction() as session:
            referral = get_or_raise(session, Referral, referral_id, "referral")
            current = ReferralStatus(referral.status)
            if target not in REFERRAL_STEPS[current].get(action, ()):
                raise ValidationError(_refusal(current, action), "status")
            if when < referral.referral_date:
                raise ValidationError("That date is before the referral was received.", "on")
            if action is ReferralAction.REOPEN:
                _refuse_if_open(session, referral.person_id)
            record(referral, when)
            referral.status = target
            session.add(referral)
            session.flush()
            session.refresh(referral)
            return referral_view(referral)


def _accepted(referral: Referral, when: date) -> None:
    referral.decided_on = when
    # The latest decision is to accept: an earlier "not taken forward" stays in the reopening.
    referral.not_taken_forward_reason = ""
    referral.signposted_to = ""


def _with_preferences(person: PersonDetails, wanted: ReferralPreferences) -> PersonDetails:
    person.preferred_mentor_gender = wanted.mentor_gender
    person.preferred_mentor_age_min = wanted.mentor_age_min
    person.preferred_mentor_age_max = wanted.mentor_age_max
    person.languages = wanted.languages
    person.access_needs = wanted.access_needs
    person.energy_needs = wanted.energy_needs
    return person


def _checked_availability(wanted: ReferralAvailability | None) -> CheckedAvailability | None:
    """Checked before anything is written, as PeopleService.set_availability checks it."""
    return None if wanted is None else checked_availability(wanted.slots, wanted.modes)


def _write_availability(
    session: Session, person_id: int, checked: CheckedAvailability | None
) -> None:
    """Inside the referral's own transaction: the referral and its availability are saved
    together or not at all."""
    if checked is not None:
        replace_availability(session, person_id, checked)


def _write_lives_with(session: Session, person_id: int, names: list[str] | None) -> None:
    """Replace the conditions they live with, keeping their other links to conditions, in
    the referral's transaction (a bad name refuses the whole referral). The people service's
    own writer matches names to the shared list, so a referral and the person dialog agree."""
    if names is None:
        return
    kept = [
        ConditionEntry(name, ConditionLink(link))
        for name, link in session.exec(
            select(Condition.name, PersonCondition.link)
            .join(PersonCondition, col(PersonCondition.condition_id) == col(Condition.id))
            .where(PersonCondition.person_id == person_id)
        )
        if link != ConditionLink.LIVES_WITH
    ]
    typed = [ConditionEntry(name.strip(), ConditionLink.LIVES_WITH) for name in names]
    replace_conditions(session, person_id, kept + [e for e in typed if e.name])


def _refuse_if_open(session: Session, person_id: int) -> None:
    """One open referral at a time: a new one (or a reopening) waits until it is settled."""
    open_one = session.exec(
        select(Referral)
        .where(
            Referral.person_id == person_id,
            col(Referral.status).in_([s.value for s in OPEN_REFERRAL_STATUSES]),
        )
        .order_by(col(Referral.referral_date))
    ).first()
    if open_one is not None:
        received = open_one.referral_date
        raise ValidationError(
            f"They already have an open referral (received {received.day} {received:%B %Y}, "
            f"now \u201c{status_words(open_one.status)}\u201d). Close it or record its "
            "outcome before taking another.",
            "status",
        )


def _refusal(current: ReferralStatus, action: ReferralAction) -> str:
    """Why a step is not possible from here, in the words the coordinator sees."""
    words = status_words(current)
    if action is ReferralAction.ACCEPT and current is ReferralStatus.ACCEPTED:
        return "This referral has already been accepted: they are waiting for a mentor."
    if action is ReferralAction.REOPEN:
        return (
            f"Only a closed or not taken forward referral can be reopened; this one reads "
            f"\u201c{words}\u201d."
        )
    if current in (ReferralStatus.CLOSED, ReferralStatus.NOT_TAKEN_FORWARD):
        return f"This referral reads \u201c{words}\u201d: reopen it first to take another step."
    if action is ReferralAction.ASSESS:
        return (
            f"The first conversation is recorded before the decision; this referral reads "
            f"\u201c{words}\u201d."
        )
    return f"A referral that reads \u201c{words}\u201d cannot be marked that way."
