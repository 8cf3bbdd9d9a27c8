"""Pairing review: a check-in on a pairing against its goals."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Field, Kit
from peerdesk.forms.templates.common import pairing_names

DECISIONS = ["Continue as we are", "Continue with changes", "End the pairing"]


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [*pairing_names(kit)]
    story += kit.fields(
        Field("Review date", ""),
        Field("Started on", "start_date"),
        Field("Meetings held", "sessions_held"),
        Field("Meetings planned", "sessions_planned"),
    )
    story += kit.heading("Progress on each goal")
    for number in (1, 2, 3):
        goal = kit.value(f"goal_{number}")
        label = f"Goal {number}: {goal}" if goal else f"Goal {number}"
        story += kit.box(label, lines=2)
    story += kit.heading("How it is going")
    story += kit.box("What is working well", lines=3)
    story += kit.box("Any concerns or difficulties", lines=3)
    story += kit.heading("Decision")
    story += kit.ticks("We agreed to", "", DECISIONS, columns=3)
    story += kit.box("What will change", lines=2, hint="(if anything)")
    story += kit.fields(Field("Next review date"))
    story += kit.signatures(
        [("Mentor", "mentor_name"), ("Mentee", "mentee_name"), ("Coordinator", "coordinator_name")],
        name_line=False,
    )
    return story


FORM = FormSpec(
    name="pairing-review",
    title="Pairing review",
    version="1",
    confidential=True,
    subjects=(Subject.PAIRING,),
    build=build,
    summary="A check-in on how the mentoring is going, against its goals.",
)
