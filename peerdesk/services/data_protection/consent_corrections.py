"""Correcting a consent without rewriting its history.

A consent is what someone agreed to, on a day, in given words: that is never changed nor
removed. What can be put right is the record keeping around it (the purpose written down,
the paper form's reference, who recorded it, the review date). A consent recorded in error
(the wrong person, a misheard answer) is marked so, with the day and the reason: it stays
listed, struck through, and no longer counts anywhere (`current_consent`, the gates, Today's
gaps, the printed forms).
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from peerdesk.data.models import Consent, ConsentWording
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import apply_fields, change_set
from peerdesk.services.data_protection.consent_lines import ConsentView
from peerdesk.vocabulary import ConsentKind, ConsentMethod


def _words(consent: Consent) -> str:
    kind = ConsentKind(consent.kind).label
    return f"a consent ({kind}, given on {consent.given_on.day} {consent.given_on:%B %Y})"


class ConsentCorrections(Service):
    """Details edited, and "entered in error" (the ConsentService has these)."""

    def update_consent_details(
        self,
        consent_id: int,
        *,
        purpose: str,
        recorded_by: str,
        evidence_reference: str,
        review_on: date | None,
    ) -> ConsentView:
        """Put right the record keeping of a consent; its answer, kind, date and wording
        stay (if those are wrong, mark it as entered in error and record it again)."""
        with self.db.session() as reading:
            saved = get_or_raise(reading, Consent, consent_id, "consent")
            given_on, method, description = saved.given_on, saved.method, _words(saved)
        v.on_or_after(
            review_on,
            given_on,
            "review_on",
            "The review date should be after the date the consent was given.",
        )
        if method == ConsentMethod.SIGNED_FORM.value and not v.clean(evidence_reference):
            raise ValidationError(
                "Please give the paper form's reference, so the signed form can be found.",
                "evidence_reference",
            )
        fields = {
            "purpose": v.long_text(purpose, "purpose", "the purpose"),
            "recorded_by": v.required_text(recorded_by, "recorded_by", "who recorded the consent"),
            "evidence_reference": v.short_text(
                evidence_reference, "evidence_reference", "the form reference"
            ),
            "review_on": review_on,
        }
        with change_set(self.db, description=f"Edited the details of {description}") as session:
            consent = apply_fields(get_or_raise(session, Consent, consent_id, "consent"), fields)
            session.flush()
            return _view(session, consent)

    def mark_entered_in_error(
        self, consent_id: int, reason: str, *, on: date | None = None
    ) -> ConsentView:
        """Mark a consent as recorded in error (from `on`, today by default), with why."""
        why = v.required_text(reason, "reason", "why it was entered in error")
        when = on or self.today()
        v.not_in_future(when, self.today(), "entered_in_error_on", "the date")
        with self.db.session() as reading:
            description = _words(get_or_raise(reading, Consent, consent_id, "consent"))
        with change_set(
            self.db, reason=why, description=f"Marked {description} as entered in error"
        ) as session:
            consent = get_or_raise(session, Consent, consent_id, "consent")
            if consent.entered_in_error_on is not None:
                raise ValidationError(
                    "This consent is already marked as entered in error, on "
                    f"{consent.entered_in_error_on.day} "
                    f"{consent.entered_in_error_on:%B %Y}.",
                    "reason",
                )
            consent.entered_in_error_on = when
            consent.entered_in_error_reason = why
            session.add(consent)
            session.flush()
            return _view(session, consent)


def _view(session: Session, consent: Consent) -> ConsentView:
    wording = session.get(ConsentWording, consent.wording_id)
    return ConsentView.of(consent, wording.version if wording else 0)
