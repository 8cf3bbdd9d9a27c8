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
    #: The project or funding stream it belongs to (docs/figures.md, "Projects").
    project_id: int | None = Field(default=None, foreign_key="project.id", index=True)
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
    #: Their own preference for a mentor who lives with the same condition.
    wants_same_condition: bool = False
    assessed_on: date | None = None
    #: What was learned at the first conversation (the assessment).
    assessment_notes: str = ""
    decided_on: date | None = None
    not_taken_forward_reason: str = ""
    #: Where a referral not taken forward was pointed instead (another service, a group...).
    signposted_to: str = ""
    closed_on: date | None = None
    #: Why the coordinator closed it; empty when it closed because support ended.
    close_reason: str = ""
    #: The latest reopening of a closed or not-taken-forward referral, and why.
    reopened_on: date | None = None
    reopen_reason: str = ""
