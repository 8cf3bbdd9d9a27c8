"""Every form peerdesk prints, by name, and the one function that renders any of them."""

from __future__ import annotations

from pathlib import Path

from peerdesk.forms.data import FormData, FormSpec, OrganisationInfo, Subject
from peerdesk.forms.document import render_pdf, write_pdf
from peerdesk.forms.templates import (
    attendance_register,
    certificate,
    concern_record,
    confidentiality_agreement,
    consent_record,
    ending,
    equality_monitoring,
    expenses,
    group_agreement,
    introduction_pack,
    lone_working,
    mentor_application,
    mentoring_agreement,
    pairing_review,
    reference_request,
    referral,
    referral_letters,
    role_description,
    session_log,
    supervision,
    training_record,
    volunteer_agreement,
    wellbeing_check,
)

#: In the order of the design's list of forms.
FORMS: list[FormSpec] = [
    referral.FORM,
    referral_letters.ACKNOWLEDGEMENT,
    referral_letters.OUTCOME,
    mentor_application.FORM,
    reference_request.FORM,
    role_description.FORM,
    volunteer_agreement.FORM,
    confidentiality_agreement.FORM,
    consent_record.FORM,
    mentoring_agreement.FORM,
    session_log.FORM,
    pairing_review.FORM,
    ending.FORM,
    supervision.FORM,
    training_record.FORM,
    certificate.FORM,
    concern_record.FORM,
    expenses.FORM,
    lone_working.FORM,
    group_agreement.FORM,
    attendance_register.FORM,
    equality_monitoring.FORM,
    wellbeing_check.FORM,
    introduction_pack.FORM,
]

_BY_NAME = {form.name: form for form in FORMS}


def form_names() -> list[str]:
    return [form.name for form in FORMS]


def get_form(name: str) -> FormSpec | None:
    return _BY_NAME.get(name)


def forms_for(subject: Subject | str) -> list[FormSpec]:
    """The forms that can be pre-filled for a kind of record."""
    return [form for form in FORMS if Subject(subject) in form.subjects]


def render(
    name: str,
    data: FormData | None = None,
    organisation: OrganisationInfo | None = None,
    *,
    large_print: bool = False,
) -> bytes:
    """The named form as PDF bytes (blank when `data` is None)."""
    spec = _BY_NAME.get(name)
    if spec is None:
        raise KeyError(name)
    return render_pdf(spec, data, organisation, large_print=large_print)


def render_to_file(
    name: str,
    path: Path,
    data: FormData | None = None,
    organisation: OrganisationInfo | None = None,
    *,
    large_print: bool = False,
) -> Path:
    return write_pdf(render(name, data, organisation, large_print=large_print), path)
