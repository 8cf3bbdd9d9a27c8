"""Referrals: taking one, assessing it, and deciding."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from peerdesk.data.models import Person, PersonRole, Referral
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.mentoring.rows import ReferralView, referral_view
from peerdesk.vocabulary import ReferralSource, ReferralStatus, Role, SupportedAs


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


class ReferralService(Service):
    def start(self, person_id: int, details: ReferralDetails) -> ReferralView:
        """Record a new referral; the person takes the mentee or carer role it asks for."""
        source = v.one_of(details.source, ReferralSource, "source", "where the referral came from")
        support_as = v.one_of(details.support_as, SupportedAs, "support_as", "the kind of support")
        v.not_in_future(details.referral_date, self.today(), "referral_date", "the referral date")
        if source is not ReferralSource.SELF and not details.person_agreed:
            raise ValidationError(
                "Please confirm the person agreed to be referred: we cannot take a referral "
                "they do not know about.",
                "person_agreed",
            )
        with self.db.transaction() as session:
            get_or_raise(session, Person, person_id, "person")
            referral = Referral(
                person_id=person_id,
                referral_date=details.referral_date,
                source=source,
                support_as=support_as,
                referrer_name=v.short_text(
                    details.referrer_name, "referrer_name", "the referrer's name"
                ),
                referrer_organisation=v.short_text(
                    details.referrer_organisation, "referrer_organisation", "the organisation"
                ),
                referrer_relationship=v.short_text(
                    details.referrer_relationship, "referrer_relationship", "the relationship"
                ),
                referrer_contact=v.short_text(
                    details.referrer_contact, "referrer_contact", "the referrer's contact"
                ),
                person_agreed=details.person_agreed or source is ReferralSource.SELF,
                cared_for_condition=v.short_text(
                    details.cared_for_condition, "cared_for_condition", "the condition"
                ),
                cared_for_relationship=v.short_text(
                    details.cared_for_relationship, "cared_for_relationship", "the relationship"
                ),
                other_professionals=v.long_text(
                    details.other_professionals, "other_professionals", "other professionals"
                ),
                risks=v.long_text(details.risks, "risks", "the risks"),
                support_network=v.long_text(
                    details.support_network, "support_network", "the support network"
                ),
                hopes=v.long_text(details.hopes, "hopes", "what they hope for"),
            )
            session.add(referral)
            role = Role.CARER if support_as is SupportedAs.CARER else Role.MENTEE
            has_role = session.exec(
                select(PersonRole).where(
                    PersonRole.person_id == person_id,
                    PersonRole.role == role.value,
                    col(PersonRole.ended_on).is_(None),
                )
            ).first()
            if has_role is None:
                session.add(
                    PersonRole(person_id=person_id, role=role, started_on=details.referral_date)
                )
            session.flush()
            session.refresh(referral)
            return referral_view(referral)

    def get(self, referral_id: int) -> ReferralView:
        with self.db.session() as session:
            return referral_view(get_or_raise(session, Referral, referral_id, "referral"))

    def for_person(self, person_id: int) -> list[ReferralView]:
        with self.db.session() as session:
            return [
                referral_view(referral)
                for referral in session.exec(
                    select(Referral)
                    .where(Referral.person_id == person_id)
                    .order_by(col(Referral.referral_date).desc())
                )
            ]

    def assess(self, referral_id: int, on: date | None = None) -> ReferralView:
        return self._move(referral_id, ReferralStatus.ASSESSED, on)

    def accept(self, referral_id: int, on: date | None = None) -> ReferralView:
        return self._move(referral_id, ReferralStatus.ACCEPTED, on)

    def close(self, referral_id: int, on: date | None = None) -> ReferralView:
        return self._move(referral_id, ReferralStatus.CLOSED, on)

    def not_taken_forward(
        self, referral_id: int, reason: str, on: date | None = None
    ) -> ReferralView:
        reason = v.required_text(
            reason, "not_taken_forward_reason", "why the referral was not taken forward"
        )
        return self._move(referral_id, ReferralStatus.NOT_TAKEN_FORWARD, on, reason)

    def _move(
        self, referral_id: int, status: ReferralStatus, on: date | None, reason: str = ""
    ) -> ReferralView:
        when = on or self.today()
        allowed = {
            ReferralStatus.NEW: {
                ReferralStatus.ASSESSED,
                ReferralStatus.ACCEPTED,
                ReferralStatus.NOT_TAKEN_FORWARD,
                ReferralStatus.CLOSED,
            },
            ReferralStatus.ASSESSED: {
                ReferralStatus.ACCEPTED,
                ReferralStatus.NOT_TAKEN_FORWARD,
                ReferralStatus.CLOSED,
            },
            ReferralStatus.ACCEPTED: {ReferralStatus.CLOSED},
            ReferralStatus.NOT_TAKEN_FORWARD: set(),
            ReferralStatus.CLOSED: set(),
        }
        with self.db.transaction() as session:
            referral = get_or_raise(session, Referral, referral_id, "referral")
            current = ReferralStatus(referral.status)
            if status not in allowed[current]:
                raise ValidationError(
                    f"A referral that is {current.label.lower()} cannot be marked "
                    f"{status.label.lower()}.",
                    "status",
                )
            if when < referral.referral_date:
                raise ValidationError("That date is before the referral was received.", "date")
            referral.status = status
            if status is ReferralStatus.ASSESSED:
                referral.assessed_on = when
            elif status is ReferralStatus.CLOSED:
                referral.closed_on = when
            else:
                referral.decided_on = when
            if reason:
                referral.not_taken_forward_reason = reason
            session.add(referral)
            session.flush()
            session.refresh(referral)
            return referral_view(referral)
