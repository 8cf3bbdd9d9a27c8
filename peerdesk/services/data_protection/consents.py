"""Consent records and wordings. A consent is never overwritten; withdrawing is one action."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from peerdesk.data.models import Consent, ConsentWording, Organisation, Person, PersonRole
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import get_or_raise
from peerdesk.services.data_protection.consent_corrections import ConsentCorrections
from peerdesk.services.data_protection.consent_lines import (
    CONTACT_KINDS,
    ConsentView,
    WordingRow,
    WordingView,
    can_withdraw,
)
from peerdesk.vocabulary import ConsentKind, ConsentMethod, Role

#: First versions of each wording, written for peerdesk in plain English.
DEFAULT_WORDINGS: dict[ConsentKind, str] = {
    ConsentKind.CONFIDENTIALITY: (
        "I will keep what I hear in peer support confidential. I understand that the "
        "coordinator may need to share information if someone is at risk of serious harm."
    ),
    ConsentKind.HEALTH_DATA: (
        "I agree that the group may keep information about my health so that it can offer me "
        "the right support. I can ask to see it, correct it or have it removed at any time."
    ),
    ConsentKind.SHARING: (
        "I agree that the group may share the information described with the named "
        "organisation, for the purpose stated, and for no other reason."
    ),
    ConsentKind.CONTACT_PHONE: "I agree to be contacted by phone.",
    ConsentKind.CONTACT_TEXT: "I agree to be contacted by text message.",
    ConsentKind.CONTACT_EMAIL: "I agree to be contacted by email.",
    ConsentKind.CONTACT_POST: "I agree to be contacted by post.",
    ConsentKind.PHOTOS_CASE_STUDY: (
        "I agree that my story or photograph may be used in the group's reports and publicity, "
        "as agreed with me beforehand. I can change my mind before it is published."
    ),
}


@dataclass
class ConsentEntry:
    kind: str
    given_on: date
    method: str
    recorded_by: str
    agreed: bool = True
    wording_id: int | None = None
    third_party: str = ""
    purpose: str = ""
    evidence_reference: str = ""
    review_on: date | None = None


#: Consents each current role needs (the list of missing consents checks these).
NEEDED_BY_ROLE: dict[Role, tuple[ConsentKind, ...]] = {
    Role.MENTEE: (ConsentKind.HEALTH_DATA, ConsentKind.CONFIDENTIALITY),
    Role.CARER: (ConsentKind.HEALTH_DATA, ConsentKind.CONFIDENTIALITY),
    Role.MENTOR: (ConsentKind.CONFIDENTIALITY,),
    Role.FACILITATOR: (ConsentKind.CONFIDENTIALITY,),
    Role.GROUP_MEMBER: (ConsentKind.CONFIDENTIALITY,),
}


@dataclass(frozen=True)
class ConsentGap:
    """A consent missing, declined, withdrawn, expired or due for review soon."""

    person_id: int
    name: str
    kind: ConsentKind
    state: str  # "missing", "declined", "withdrawn", "expired", "expiring"
    review_on: date | None = None

    @property
    def description(self) -> str:
        if self.state == "expiring" and self.review_on:
            return f"Due for review on {self.review_on.day} {self.review_on:%B %Y}"
        if self.state == "expired" and self.review_on:
            return f"Expired on {self.review_on.day} {self.review_on:%B %Y}"
        return {
            "missing": "Not recorded",
            "declined": "Declined",
            "withdrawn": "Withdrawn",
        }.get(self.state, self.state.capitalize())


__all__ = ["ConsentEntry", "ConsentGap", "ConsentService", "ConsentView", "WordingRow"]


class ConsentService(ConsentCorrections):
    # -- wordings ------------------------------------------------------------------------
    def ensure_default_wordings(self) -> None:
        """Give every consent kind a first wording, if it has none."""
        with self.db.transaction() as session:
            for kind, wording in DEFAULT_WORDINGS.items():
                exists = session.exec(
                    select(ConsentWording).where(ConsentWording.kind == kind.value)
                ).first()
                if exists is None:
                    session.add(ConsentWording(kind=kind, version=1, text=wording))

    def current_wording(self, kind: ConsentKind | str) -> WordingView:
        kind = v.one_of(kind, ConsentKind, "kind", "the kind of consent")
        with self.db.session() as session:
            wording = _latest_wording(session, kind)
        if wording is None:
            self.ensure_default_wordings()
            with self.db.session() as session:
                wording = _latest_wording(session, kind)
        assert wording is not None
        return WordingView.of(wording)

    def wordings(self, kind: ConsentKind | str | None = None) -> list[WordingView]:
        with self.db.session() as session:
            query = select(ConsentWording)
            if kind is not None:
                query = query.where(ConsentWording.kind == ConsentKind(kind).value)
            return [
                WordingView.of(w)
                for w in session.exec(
                    query.order_by(col(ConsentWording.kind), col(ConsentWording.version))
                )
            ]

    def wording_rows(self) -> list[WordingRow]:
        """Every wording, by kind then version, with how often it was used."""
        with self.db.session() as session:
            used = dict(
                session.exec(
                    select(Consent.wording_id, func.count()).group_by(col(Consent.wording_id))
                ).all()
            )
            wordings = list(
                session.exec(
                    select(ConsentWording).order_by(
                        col(ConsentWording.kind), col(ConsentWording.version)
                    )
                )
            )
        latest: dict[str, int] = {}
        for wording in wordings:
            latest[wording.kind] = max(latest.get(wording.kind, 0), wording.version)
        return [
            WordingRow(WordingView.of(w), int(used.get(w.id or 0, 0)), w.version == latest[w.kind])
            for w in wordings
        ]

    def wording_in_use(self, wording_id: int) -> bool:
        with self.db.session() as session:
            return bool(
                session.exec(
                    select(func.count())
                    .select_from(Consent)
                    .where(Consent.wording_id == wording_id)
                ).one()
            )

    def edit_wording(self, wording_id: int, text: str) -> WordingView:
        """Correct a wording nobody has agreed to yet; a used one must be superseded."""
        text = v.required_long_text(text, "text", "the wording")
        with self.db.transaction() as session:
            wording = get_or_raise(session, ConsentWording, wording_id, "consent wording")
            used = session.exec(
                select(func.count()).select_from(Consent).where(Consent.wording_id == wording_id)
            ).one()
            if used:
                raise ValidationError(
                    "People have already agreed to this wording, so it cannot be changed. "
                    "Make a new version instead: past consents keep the words they were shown.",
                    "text",
                )
            wording.text = text
            session.add(wording)
            session.flush()
            session.refresh(wording)
            return WordingView.of(wording)

    def supersede_wording(self, kind: ConsentKind | str, text: str) -> WordingView:
        kind = v.one_of(kind, ConsentKind, "kind", "the kind of consent")
        text = v.required_long_text(text, "text", "the wording")
        with self.db.transaction() as session:
            latest = _latest_wording(session, kind)
            wording = ConsentWording(
                kind=kind, version=(latest.version + 1) if latest else 1, text=text
            )
            session.add(wording)
            session.flush()
            session.refresh(wording)
            return WordingView.of(wording)

    # -- consents ------------------------------------------------------------------------
    def record(self, person_id: int, entry: ConsentEntry) -> ConsentView:
        kind = v.one_of(entry.kind, ConsentKind, "kind", "the kind of consent")
        method = v.one_of(entry.method, ConsentMethod, "method", "how it was given")
        v.not_in_future(entry.given_on, self.today(), "given_on", "the date given")
        v.on_or_after(
            entry.review_on,
            entry.given_on,
            "review_on",
            "The review date should be after the date the consent was given.",
        )
        third_party = v.short_text(entry.third_party, "third_party", "the organisation")
        if kind is ConsentKind.SHARING and not third_party:
            raise ValidationError(
                "Please name the organisation the information is shared with.", "third_party"
            )
        if method is ConsentMethod.SIGNED_FORM and not v.clean(entry.evidence_reference):
            raise ValidationError(
                "Please give the paper form's reference, so the signed form can be found.",
                "evidence_reference",
            )
        recorded_by = v.required_text(entry.recorded_by, "recorded_by", "who recorded the consent")
        with self.db.transaction() as session:
            get_or_raise(session, Person, person_id, "person")
            if entry.wording_id is not None:
                wording = get_or_raise(session, ConsentWording, entry.wording_id, "consent wording")
            else:
                wording = _latest_wording(session, kind) or _add_default_wording(session, kind)
            if wording.kind != kind.value:
                raise ValidationError(
                    "That wording belongs to a different kind of consent.", "wording_id"
                )
            consent = Consent(
                person_id=person_id,
                kind=kind,
                wording_id=wording.id or 0,
                agreed=entry.agreed,
                third_party=third_party,
                purpose=v.long_text(entry.purpose, "purpose", "the purpose"),
                given_on=entry.given_on,
                method=method,
                recorded_by=recorded_by,
                evidence_reference=v.short_text(
                    entry.evidence_reference, "evidence_reference", "the form reference"
                ),
                review_on=entry.review_on,
            )
            session.add(consent)
            session.flush()
            session.refresh(consent)
            return ConsentView.of(consent, wording.version)

    def withdraw(
        self,
        consent_id: int,
        *,
        on: date | None = None,
        method: ConsentMethod | str = ConsentMethod.VERBAL,
    ) -> ConsentView:
        when = on or self.today()
        method = v.one_of(method, ConsentMethod, "withdrawal_method", "how it was withdrawn")
        v.not_in_future(when, self.today(), "withdrawn_on", "the date of withdrawal")
        with self.db.transaction() as session:
            consent = get_or_raise(session, Consent, consent_id, "consent")
            if consent.withdrawn_on is not None:
                raise ValidationError(
                    f"This consent was already withdrawn on {consent.withdrawn_on:%d %B %Y}.",
                    "withdrawn_on",
                )
            if not can_withdraw(consent):
                raise ValidationError(
                    "They declined this consent, so there is nothing to withdraw.",
                    "withdrawn_on",
                )
            v.on_or_after(
                when,
                consent.given_on,
                "withdrawn_on",
                "A consent cannot be withdrawn before it was given.",
            )
            consent.withdrawn_on = when
            consent.withdrawal_method = method
            session.add(consent)
            session.flush()
            session.refresh(consent)
            version = session.get(ConsentWording, consent.wording_id)
            return ConsentView.of(consent, version.version if version else 0)

    def for_person(self, person_id: int) -> list[ConsentView]:
        """Their consents, newest first, each with its wording's version and `can_withdraw`."""
        with self.db.session() as session:
            found = session.exec(
                select(Consent, ConsentWording.version)
                .join(ConsentWording, col(ConsentWording.id) == col(Consent.wording_id))
                .where(Consent.person_id == person_id)
                .order_by(col(Consent.given_on).desc(), col(Consent.id).desc())
            ).all()
            return [ConsentView.of(consent, version) for consent, version in found]

    def has_current(self, person_id: int, kind: ConsentKind | str, on: date | None = None) -> bool:
        """True when the latest answer of this kind is a yes, not withdrawn, not expired."""
        when = on or self.today()
        kind = ConsentKind(kind)
        with self.db.session() as session:
            return current_consent(session, person_id, kind, when) is not None

    def contact_ways(self, person_id: int) -> tuple[ConsentKind, ...]:
        """The ways they may be contacted today: each contact consent currently agreed."""
        today = self.today()
        with self.db.session() as session:
            return tuple(k for k in CONTACT_KINDS if current_consent(session, person_id, k, today))

    def gaps(self, within_days: int | None = None) -> list[ConsentGap]:
        """Consents missing for people's current roles, and consents expiring soon or expired.

        `within_days` defaults to the organisation's expiry warning setting (30 days).
        """
        today = self.today()
        with self.db.session() as session:
            if within_days is None:
                organisation = session.exec(select(Organisation)).first()
                within_days = organisation.expiry_warning_days if organisation else 30
            horizon = today + timedelta(days=within_days)
            people = _display_names(session)
            needed: dict[int, set[ConsentKind]] = {}
            for person_id, role in session.exec(
                select(PersonRole.person_id, PersonRole.role).where(
                    col(PersonRole.ended_on).is_(None)
                )
            ):
                needed.setdefault(person_id, set()).update(NEEDED_BY_ROLE.get(Role(role), ()))
            kinds = [kind.value for kind in ConsentKind if kind is not ConsentKind.SHARING]
            # Only the answers that make a gap, and which needed kinds have any answer at all.
            flagged = {
                (found.person_id, found.kind): found
                for found in latest_consents(session, today, kinds=kinds, flagged_by=horizon)
            }
            answered = answered_kinds(session, today, kinds)
        gaps: list[ConsentGap] = []
        order = list(ConsentKind)
        for pid, name in people.items():
            wanted = needed.get(pid, set())
            candidates = {kind for kind in wanted if (pid, kind.value) not in answered}
            candidates |= {ConsentKind(kind) for kind in flagged_kinds(flagged, pid)}
            for kind in sorted(candidates, key=order.index):
                found = flagged.get((pid, kind.value))
                required = kind in wanted
                state = "missing" if found is None else found.gap_state(today, horizon)
                if state is None or (not required and state in {"missing", "declined"}):
                    continue
                if not required and state == "withdrawn":
                    continue
                review = found.review_on if found else None
                gaps.append(ConsentGap(pid, name, kind, state, review))
        rank = {"expired": 0, "withdrawn": 1, "declined": 2, "missing": 3, "expiring": 4}
        gaps.sort(key=lambda g: (rank[g.state], g.review_on or today, g.name.casefold()))
        return gaps


@dataclass(frozen=True)
class LatestAnswer:
    """A person's latest answer of one kind of consent (only the fields the lists need)."""

    person_id: int
    kind: str
    agreed: bool
    withdrawn_on: date | None
    review_on: date | None

    def gap_state(self, today: date, horizon: date) -> str | None:
        if not self.agreed:
            return "declined"
        if self.withdrawn_on is not None and self.withdrawn_on <= today:
            return "withdrawn"
        if self.review_on is not None and self.review_on < today:
            return "expired"
        if self.review_on is not None and self.review_on <= horizon:
            return "expiring"
        return None


def latest_consents(
    session: Session, on: date, *, kinds: list[str], flagged_by: date | None = None
) -> list[LatestAnswer]:
    """The latest answer (by date given, then by record) of each person and kind, given by `on`.

    With `flagged_by`, only the answers that need the coordinator: declined, withdrawn by
    `on`, or due for review by `flagged_by`. SQLite picks them (one pass over the consent
    table), so ten years of consents never become Python objects.
    """
    ranked = (
        sql_select(
            col(Consent.person_id),
            col(Consent.kind),
            col(Consent.agreed),
            col(Consent.withdrawn_on),
            col(Consent.review_on),
            func.row_number()
            .over(
                partition_by=(col(Consent.person_id), col(Consent.kind)),
                order_by=(col(Consent.given_on).desc(), col(Consent.id).desc()),
            )
            .label("place"),
        )
        .where(
            col(Consent.given_on) <= on,
            col(Consent.kind).in_(kinds),
            col(Consent.entered_in_error_on).is_(None),
        )
        .subquery()
    )
    query = sql_select(
        ranked.c.person_id,
        ranked.c.kind,
        ranked.c.agreed,
        ranked.c.withdrawn_on,
        ranked.c.review_on,
    ).where(ranked.c.place == 1)
    if flagged_by is not None:
        query = query.where(
            or_(
                ranked.c.agreed.is_(False),
                ranked.c.withdrawn_on <= on,
                ranked.c.review_on <= flagged_by,
            )
        )
    return [LatestAnswer(*row) for row in session.connection().execute(query)]


def answered_kinds(session: Session, on: date, kinds: list[str]) -> set[tuple[int, str]]:
    """(person, kind) for every kind a person has answered, whatever the answer, by `on`."""
    query = (
        sql_select(col(Consent.person_id), col(Consent.kind))
        .where(
            col(Consent.given_on) <= on,
            col(Consent.kind).in_(kinds),
            col(Consent.entered_in_error_on).is_(None),
        )
        .distinct()
    )
    return {(pid, kind) for pid, kind in session.connection().execute(query)}


def flagged_kinds(flagged: dict[tuple[int, str], LatestAnswer], person_id: int) -> list[str]:
    return [kind for kind in ConsentKind.values() if (person_id, kind) in flagged]


def _display_names(session: Session) -> dict[int, str]:
    """Everyone not archived, by id, as lists show them (preferred or first name, last)."""
    rows = session.exec(
        select(Person.id, Person.first_name, Person.preferred_name, Person.last_name).where(
            col(Person.archived_on).is_(None)
        )
    )
    return {
        pid: f"{preferred or first} {last}".strip() for pid, first, preferred, last in rows if pid
    }


def current_consent(
    session: Session, person_id: int, kind: ConsentKind, on: date
) -> Consent | None:
    latest = session.exec(
        select(Consent)
        .where(
            Consent.person_id == person_id,
            Consent.kind == kind.value,
            Consent.given_on <= on,
            col(Consent.entered_in_error_on).is_(None),  # as if never recorded
        )
        .order_by(col(Consent.given_on).desc(), col(Consent.id).desc())
    ).first()
    if latest is None or not latest.agreed:
        return None
    if latest.withdrawn_on is not None and latest.withdrawn_on <= on:
        return None
    if latest.review_on is not None and latest.review_on < on:
        return None
    return latest


def _add_default_wording(session: Session, kind: ConsentKind) -> ConsentWording:
    wording = ConsentWording(kind=kind, version=1, text=DEFAULT_WORDINGS[kind])
    session.add(wording)
    session.flush()
    return wording


def _latest_wording(session: Session, kind: ConsentKind) -> ConsentWording | None:
    return session.exec(
        select(ConsentWording)
        .where(ConsentWording.kind == kind.value)
        .order_by(col(ConsentWording.version).desc())
    ).first()
