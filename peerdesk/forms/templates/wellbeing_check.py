"""Wellbeing check: a short before-and-after questionnaire with a score box."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Column, Field, Kit

TIMING = ["Before support starts", "During support", "After support ends"]
#: Our own statements, free of any licence; each is scored 1 (never) to 5 (always).
STATEMENTS = [
    "I have felt hopeful about the future.",
    "I have felt able to manage my condition day to day.",
    "I have had someone to talk to when I needed to.",
    "I have felt confident asking for help.",
    "I have been able to do things I enjoy.",
    "I have felt in control of my energy.",
    "I have felt connected to other people.",
]
SCALE = ["Never", "Rarely", "Some­times", "Often", "Always"]


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [
        *kit.fields(Field("Name", "person_name", 2), Field("Date", "", 1)),
    ]
    story += kit.ticks("When is this check?", "timing", TIMING, columns=3)
    story += kit.fields(Field("Scale used", "measure"))
    story += [
        kit.hint(
            "These questions were written for peerdesk and may be freely copied. If your "
            "organisation uses a licensed scale instead, use that scale's own sheet, with "
            "its copyright line, and write its total in the score box."
        )
    ]
    story += [
        kit.para(
            "Thinking about the last two weeks, tick the box that is closest to how things "
            "have been for you. There are no right or wrong answers."
        )
    ]
    story += kit.table(
        [Column("", 4.2)] + [Column(f"{label} ({n})", 1) for n, label in enumerate(SCALE, 1)],
        rows=[[statement, "☐", "☐", "☐", "☐", "☐"] for statement in STATEMENTS],
        total_rows=0,
        blank_rows=0,
        row_lines=1.0,
    )
    story += kit.fields(
        Field("Score: add up the numbers ticked (7 to 35)", "", 3), Field("Total score", "", 1)
    )
    story += kit.box("Anything you would like to add", lines=2)
    return story


FORM = FormSpec(
    name="wellbeing-check",
    title="Wellbeing check",
    version="1",
    confidential=True,
    subjects=(Subject.PERSON,),
    build=build,
    summary="A short check on how things are, before and after support.",
)
