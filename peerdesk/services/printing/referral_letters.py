"""What a referral letter needs: who it is to, the dates, the decision. Nothing clinical.

A letter goes to the person referred (by default) or to whoever referred them. Writing to a
referrer at another organisation shares information about the person, so that letter is
only made when the person has a current consent to share with that organisation (the
consent gates' `for_sharing`); otherwise it is refused with the gate's plain reason.

The referral is read through the referral service (its `ReferralView`), so fields added to
referrals later (where someone was signposted) reach the letter without a second query.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlmodel import Session

from peerdesk.data.models import Person
from peerdesk.errors import ValidationError
from peerdesk.forms.data import FormData
from peerdesk.forms.templates import referral_letters as letters
from peerdesk.services.base import get_or_raise
from peerdesk.services.data_protection.gates import GateService
from peerdesk.services.mentoring.views import ReferralView
from peerdesk.services.printing import text as t
from peerdesk.vocabulary import ReferralSource, ReferralStatus


class Recipient(StrEnum):
    PERSON = letters.TO_PERSON
    REFERRER = letters.TO_REFERRER

    @classmethod
    def of(cls, value: str) -> Recipient:
        try:
            return cls(value)
        except ValueError:
            raise ValidationError(
                f"A referral letter goes to the person or to the referrer, not “{value}”.", "to"
            ) from None


#: The words a coordinator sees for each stored status (issue 19's on-screen words).
STATUS_WORDS = {
    ReferralStatus.NEW: "Received",
    ReferralStatus.ASSESSED: "First conversation held",
    ReferralStatus.ACCEPTED: "Accepted — waiting for a mentor",
    ReferralStatus.NOT_TAKEN_FORWARD: "Not taken forward",
    ReferralStatus.CLOSED: "Closed",
}

#: The outcome letter is about a decision: these are the statuses that have one.
_DECIDED = {
    ReferralStatus.ACCEPTED: letters.ACCEPTED,
    ReferralStatus.NOT_TAKEN_FORWARD: letters.NOT_TAKEN_FORWARD,
}


def letter_data(
    session: Session,
    name: str,
    referral: ReferralView,
    to: Recipient,
    today: date,
    gates: GateService,
) -> FormData:
    """The letter's data, or a ValidationError saying plainly why it cannot be written."""
    person = get_or_raise(session, Person, referral.person_id, "person")
    fields = {
        "to": to.value,
        "letter_date": t.day(today),
        "referral_date": t.day(referral.referral_date),
        "person_name": t.name(person),
        "person_first_name": t.first_name(person),
    }
    if name == "referral-outcome":
        fields |= _outcome(referral, person)
    if to is Recipient.PERSON:
        fields |= {
            "recipient_name": t.name(person),
            "recipient_address": t.joined(person.address, person.postcode),
            "greeting_name": t.first_name(person),
        }
    else:
        fields |= _to_referrer(referral, person, gates)
    return FormData(fields=fields)


def _outcome(referral: ReferralView, person: Person) -> dict[str, str]:
    status = ReferralStatus(referral.status)
    outcome = _DECIDED.get(status)
    if outcome is None:
        raise ValidationError(
            f"The referral of {t.name(person)} is at “{STATUS_WORDS[status]}”: the outcome letter "
            "is for a referral that has been accepted or not taken forward.",
            "referral",
        )
    # Read through the view: the field arrives with the referral service, when it does.
    signposted = str(getattr(referral, "signposted_to", "") or "")
    return {
        "outcome": outcome,
        "reason": referral.not_taken_forward_reason if outcome == letters.NOT_TAKEN_FORWARD else "",
        "signposted_to": signposted if outcome == letters.NOT_TAKEN_FORWARD else "",
    }


def _to_referrer(referral: ReferralView, person: Person, gates: GateService) -> dict[str, str]:
    referrer = referral.referrer_name.strip()
    organisation = referral.referrer_organisation.strip()
    if referral.source == ReferralSource.SELF.value or not (referrer or organisation):
        raise ValidationError(
            f"{t.name(person)} referred themselves, so there is no referrer to write to: "
            "write to the person instead.",
            "to",
        )
    # The consent names an organisation; a referrer with none (a friend) is named instead.
    warnings = gates.for_sharing(person.id or 0, organisation or referrer)
    if warnings:
        raise ValidationError(" ".join(warnings) + " The letter was not written.", "to")
    return {
        "recipient_name": referrer or organisation,
        "recipient_address": organisation if referrer else "",
        "greeting_name": referrer or "colleague",
    }
