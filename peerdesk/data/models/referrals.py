"""Referrals: how a person came to be supported."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from peerdesk.data.models.base import one_of
from peerdesk.vocabulary import ReferralSource, ReferralStatus, SupportedAs


class Referral(SQLModel, table=True):
    __table_args__ = (
        one_of("source", ReferralSource),
        one_of("status", ReferralStatus),
        one_of("support_as", SupportedAs),
        CheckConstraint(
            "status != 'not_taken_forward' OR length(trim(not_taken_forward_reason)) > 0",
            name="reason_when_not_taken_forward",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    referral_date: date = Field(index=True)
    source: str
    support_as: str = SupportedAs.MENTEE.value
    status: str = ReferralStatus.NEW.value
    referrer_name: str = ""
    referrer_organisation: str = ""
    referrer_relationship: str = ""
    referrer_contact: str = ""
    person_agreed: bool = False
    #: For a carer: the condition of the person cared for, and the relationship.
    cared_for_condition: str = ""
    cared_for_relationship: str = ""
    other_professionals: str = ""
    risks: str = ""
    support_network: str = ""
    hopes: str = ""
    assessed_on: date | None = None
    decided_on: date | None = None
    not_taken_forward_reason: str = ""
    closed_on: date | None = None
