"""Wellbeing check: a short before-and-after questionnaire with a score box.

It prints the organisation's outcome scale (its name and questions, given by the printing
service as `measure` and `questions`, one a line); without them, peerdesk's own questions.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Column, Field, Kit

TIMING = ["Before support starts", "During support", "After support ends"]
#: The name of peerdesk's own scale.
OWN_NAME = "peerdesk wellbeing check"
#: peerdesk's own questions, written for peerdesk and free of any licence: short and plain,
#: each answered 1 (not at all) to 5 (all the time). `services.outcomes` uses these too.
OWN_QUESTIONS = (
    "I have felt hopeful about the future.",
    "I have felt able to manage my health day to day.",
    "I have had someone to talk to when I needed to.",
    "I have felt confident asking for help.",
    "I have been able to do things I enjoy.",
    "I have felt calm and rested.",
    "I have felt connected to other people.",
)
#: The words of each answer, 1 to 5.
ANSWER_WORDS = ("Not at all", "Rarely", "Some of the time", "Often", "All the time")


def build(kit: Kit) -> list[Flowable]:
    questions = tuple(q for q in kit.value("questions").splitlines() if q.strip())
    own = not questions
    questions = questions or OWN_QUESTIONS
    story: list[Flowable] = [
        *kit.fields(Field("Name", "person_name", 2), Field("Date", "", 1)),
    ]
    story += kit.ticks("When is this check?", "timing", TIMING, columns=3)
    story += kit.fields(Field("Scale used", "measure"))
    if own:
        note = (
            "These questions were written for peerdesk and may be freely copied. If your "
            "organisation holds the licence for another scale, type its name and questions "
            "in peerdesk's Settings (Outcome scale) and print this form again."
        )
    else:
        note = "These are the questions of the scale your organisation has chosen."
    story += [kit.hint(note)]
    story += [
        kit.para(
            "Thinking about the last two weeks, tick the box that is closest to how things "
            "have been for you. There are no right or wrong answers. "
            + ", ".join(f"{n} is {word.lower()}" for n, word in enumerate(ANSWER_WORDS, 1))
            + "."
        )
    ]
    story += kit.table(
        [Column("", 4.2)]
        + [Column(f"{label} ({n})", 1) for n, label in enumerate(ANSWER_WORDS, 1)],
        rows=[
            [f"{number}. {question}", "☐", "☐", "☐", "☐", "☐"]
            for number, question in enumerate(questions, 1)
        ],
        total_rows=0,
        blank_rows=0,
        row_lines=1.0,
    )
    lowest, highest = len(questions), 5 * len(questions)
    story += kit.fields(
        Field(f"Score: add up the numbers ticked ({lowest} to {highest})", "", 3),
        Field("Total score", "", 1),
    )
    story += kit.box("Anything you would like to add", lines=2)
    return story


FORM = FormSpec(
    name="wellbeing-check",
    title="Wellbeing check",
    version="2",
    confidential=True,
    subjects=(Subject.PERSON,),
    build=build,
    summary="A short check on how things are, before and after support.",
)
