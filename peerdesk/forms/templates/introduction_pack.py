"""Introduction pack: the paperwork for a pairing's first meeting, as one PDF."""

from __future__ import annotations

from peerdesk.forms.data import FormData, FormSpec, Subject
from peerdesk.forms.templates import (
    confidentiality_agreement,
    lone_working,
    mentoring_agreement,
    session_log,
)

SESSION_LOG_SHEETS = 4

#: The pack's parts in order. The service fills each under these names.
PARTS = [
    ("mentoring-agreement", mentoring_agreement.FORM),
    ("confidentiality-agreement:mentor", confidentiality_agreement.FORM),
    ("confidentiality-agreement:mentee", confidentiality_agreement.FORM),
    ("lone-working", lone_working.FORM),
    *[("session-log", session_log.FORM)] * SESSION_LOG_SHEETS,
]


def compose(data: FormData) -> list[tuple[FormSpec, FormData]]:
    given = dict(data.parts)
    return [(spec, given.get(part, FormData())) for part, spec in PARTS]


FORM = FormSpec(
    name="introduction-pack",
    title="Introduction pack",
    version="1",
    confidential=True,
    subjects=(Subject.PAIRING,),
    compose=compose,
    summary="Mentoring agreement, confidentiality agreements for both, lone-working plan and "
    "four session log sheets.",
)
