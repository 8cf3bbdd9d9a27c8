"""Introduction pack: the paperwork for a pairing's first meeting, as one PDF."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormData, FormSpec, Subject
from peerdesk.forms.layout import Kit
from peerdesk.forms.templates import (
    confidentiality_agreement,
    lone_working,
    mentoring_agreement,
    session_log,
)
from peerdesk.forms.templates.common import pairing_names

SESSION_LOG_SHEETS = 4

#: The pack's parts in order. The service fills each under these names.
PARTS = [
    ("mentoring-agreement", mentoring_agreement.FORM),
    ("confidentiality-agreement:mentor", confidentiality_agreement.FORM),
    ("confidentiality-agreement:mentee", confidentiality_agreement.FORM),
    ("lone-working", lone_working.FORM),
    *[("session-log", session_log.FORM)] * SESSION_LOG_SHEETS,
]


def cover(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [*pairing_names(kit)]
    story += kit.heading("What is in this pack")
    story += kit.bullets(
        [
            "Mentoring agreement: to read and sign together at the first meeting.",
            "Confidentiality agreement for the mentor, and one for the mentee.",
            "Lone-working check-in plan: for the mentor and the coordinator.",
            f"{SESSION_LOG_SHEETS} session log sheets: one block to fill in after each meeting.",
        ]
    )
    story += kit.heading("At the first meeting")
    story += kit.bullets(
        [
            "Take your time: there is no need to fill everything in at once.",
            "Agree up to three goals, and how and when you will meet.",
            "Both sign the agreements, and give the signed copies to the coordinator.",
            "Keep the session log sheets with you and bring them to supervision.",
        ]
    )
    return story


COVER = FormSpec(
    name="introduction-pack",
    title="Introduction pack",
    version="1",
    confidential=True,
    subjects=(Subject.PAIRING,),
    build=cover,
    summary="The paperwork for a new pairing's first meeting.",
)


def compose(data: FormData) -> list[tuple[FormSpec, FormData]]:
    given = dict(data.parts)
    parts = [(spec, given.get(part, FormData())) for part, spec in PARTS]
    return [(COVER, FormData(fields=data.fields)), *parts]


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
