"""Consent records and the exact wordings people agreed to. Both are history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DDL, CheckConstraint, UniqueConstraint, event
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import at_least, not_blank, one_of, utc_now
from peerdesk.vocabulary import ConsentKind, ConsentMethod


class ConsentWording(SQLModel, table=True):
    """The words shown to a person for one kind of consent. Once used, never edited:
    a change is a new version (a database trigger refuses edits of a used wording)."""

    __tablename__ = "consent_wording"
    __table_args__ = (
        one_of("kind", ConsentKind),
        not_blank("text"),
        at_least("version", 1),
        UniqueConstraint("kind", "version", name="uq_consent_wording_kind_version"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    version: int
    text: str
    created_at: datetime = Field(default_factory=utc_now)


class Consent(SQLModel, table=True):
    """What a person agreed to (or declined), when, how, on which wording.

    A new consent is a new row; the only later changes are recording its withdrawal and
    marking it as entered in error.
    """

    __table_args__ = (
        one_of("kind", ConsentKind),
        one_of("method", ConsentMethod),
        one_of("withdrawal_method", ConsentMethod, nullable=True),
        not_blank("recorded_by"),
        CheckConstraint(
            "withdrawn_on IS NULL OR withdrawn_on >= given_on", name="withdrawn_after_given"
        ),
        CheckConstraint("review_on IS NULL OR review_on >= given_on", name="review_after_given"),
        CheckConstraint(
            "kind != 'sharing' OR length(trim(third_party)) > 0", name="sharing_names_third_party"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    kind: str
    wording_id: int = Field(foreign_key="consent_wording.id", ondelete="RESTRICT", index=True)
    #: Yes (agreed) or no (declined): a recorded "no" matters as much as a "yes".
    agreed: bool = True
    third_party: str = ""
    purpose: str = ""
    given_on: date
    method: str
    recorded_by: str
    evidence_reference: str = ""
    review_on: date | None = None
    withdrawn_on: date | None = None
    withdrawal_method: str | None = None
    recorded_at: datetime = Field(default_factory=utc_now)
    #: A consent recorded in error is never removed (it is history): it is marked, with the
    #: day it was found out and why, and stays visible, struck through.
    entered_in_error_on: date | None = None
    entered_in_error_reason: str = ""


#: Mirrors the trigger created by migration 0001, so create_all() builds the same schema.
FROZEN_WORDING_TRIGGER = DDL(
    "CREATE TRIGGER consent_wording_used_is_frozen "
    "BEFORE UPDATE OF kind, version, text ON consent_wording "
    "WHEN EXISTS (SELECT 1 FROM consent WHERE consent.wording_id = OLD.id) "
    "BEGIN SELECT RAISE(ABORT, 'consent wording in use'); END"
)
event.listen(Consent.__table__, "after_create", FROZEN_WORDING_TRIGGER)  # type: ignore[attr-defined]
