"""Consents and wordings as screens see them: frozen copies of the rows, with the decision a
screen needs made here (whether a consent can still be withdrawn), not in the widget."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peerdesk.vocabulary import ConsentKind

#: The ways a person may agree to be contacted, in the order screens list them.
CONTACT_KINDS = (
    ConsentKind.CONTACT_PHONE,
    ConsentKind.CONTACT_TEXT,
    ConsentKind.CONTACT_EMAIL,
    ConsentKind.CONTACT_POST,
)


@dataclass(frozen=True)
class WordingView:
    """One version of the words shown for a kind of consent."""

    id: int
    kind: str
    version: int
    text: str

    @classmethod
    def of(cls, row: Any) -> WordingView:
        return cls(id=row.id or 0, kind=row.kind, version=row.version, text=row.text)


@dataclass(frozen=True)
class WordingRow:
    """A wording with how many consents were given on it (a used one cannot be edited)."""

    wording: WordingView
    times_used: int
    is_latest: bool


@dataclass(frozen=True)
class ConsentView:
    """One consent given or declined (history: a withdrawal is a date on it, not a new row).

    `wording_version` is the version of the words they were shown; `can_withdraw` says whether
    it can still be withdrawn (an agreement not yet withdrawn: a "no" has nothing to withdraw).
    """

    id: int
    person_id: int
    kind: str
    wording_id: int
    wording_version: int
    agreed: bool
    third_party: str
    purpose: str
    given_on: date
    method: str
    recorded_by: str
    evidence_reference: str
    review_on: date | None
    withdrawn_on: date | None
    withdrawal_method: str | None
    #: Marked as recorded in error (on that day, why): listed struck through, never counted.
    entered_in_error_on: date | None = None
    entered_in_error_reason: str = ""

    @property
    def can_withdraw(self) -> bool:
        return can_withdraw(self)

    @property
    def in_error(self) -> bool:
        return self.entered_in_error_on is not None

    @classmethod
    def of(cls, row: Any, wording_version: int) -> ConsentView:
        return cls(
            id=row.id or 0,
            person_id=row.person_id,
            kind=row.kind,
            wording_id=row.wording_id,
            wording_version=wording_version,
            agreed=row.agreed,
            third_party=row.third_party,
            purpose=row.purpose,
            given_on=row.given_on,
            method=row.method,
            recorded_by=row.recorded_by,
            evidence_reference=row.evidence_reference,
            review_on=row.review_on,
            withdrawn_on=row.withdrawn_on,
            withdrawal_method=row.withdrawal_method,
            entered_in_error_on=row.entered_in_error_on,
            entered_in_error_reason=row.entered_in_error_reason,
        )


def can_withdraw(consent: Any) -> bool:
    """The rule, once: only an agreement that has not been withdrawn (nor marked as entered
    in error) can be withdrawn."""
    return (
        bool(consent.agreed)
        and consent.withdrawn_on is None
        and consent.entered_in_error_on is None
    )
