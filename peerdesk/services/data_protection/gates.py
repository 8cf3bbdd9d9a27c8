"""Consent gates: actions that need a consent the person has not given, or has withdrawn.

A gate never blocks on its own: it returns plain-English warnings, and the UI asks the
coordinator whether to go ahead. An empty list means nothing is missing. Gates read the
database each time, so a withdrawal counts from the moment it is recorded.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import Consent, Pairing, Person
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.data_protection.consents import current_consent
from peerdesk.vocabulary import ConsentKind


class GateService(Service):
    def for_pairing_activation(self, pairing_id: int) -> list[str]:
        """Both people need a current confidentiality agreement before a pairing is active."""
        today = self.today()
        warnings: list[str] = []
        with self.db.session() as session:
            pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
            for person_id, role in ((pairing.mentor_id, "mentor"), (pairing.mentee_id, "mentee")):
                person = get_or_raise(session, Person, person_id, role)
                if current_consent(session, person_id, ConsentKind.CONFIDENTIALITY, today) is None:
                    warnings.append(
                        f"The {role}, {person.display_name}, has no current confidentiality "
                        "agreement (never given, withdrawn or expired)."
                    )
        return warnings

    def for_sharing(self, person_id: int, organisation: str) -> list[str]:
        """Sharing with a named organisation needs a current consent naming that organisation."""
        organisation = v.required_text(organisation, "third_party", "the organisation's name")
        today = self.today()
        with self.db.session() as session:
            person = get_or_raise(session, Person, person_id, "person")
            current = current_sharing(session, person_id, today)
        wanted = _same_name(organisation)
        if any(_same_name(consent.third_party) == wanted for consent in current):
            return []
        others = sorted({consent.third_party for consent in current})
        covered = f" They have agreed to sharing only with {', '.join(others)}." if others else ""
        return [
            f"{person.display_name} has no current consent to share information with "
            f"{organisation}.{covered} Ask them, and record their answer, before sharing."
        ]


def current_sharing(session: Session, person_id: int, on: date) -> list[Consent]:
    """Current sharing consents, one per organisation (the latest answer for each counts)."""
    latest: dict[str, Consent] = {}
    for consent in session.exec(
        select(Consent)
        .where(
            Consent.person_id == person_id,
            Consent.kind == ConsentKind.SHARING.value,
            Consent.given_on <= on,
            col(Consent.entered_in_error_on).is_(None),  # as if never recorded
        )
        .order_by(col(Consent.given_on), col(Consent.id))
    ):
        latest[_same_name(consent.third_party)] = consent
    return [
        consent
        for consent in latest.values()
        if consent.agreed
        and (consent.withdrawn_on is None or consent.withdrawn_on > on)
        and (consent.review_on is None or consent.review_on >= on)
    ]


def _same_name(name: str) -> str:
    return " ".join(name.casefold().split())
