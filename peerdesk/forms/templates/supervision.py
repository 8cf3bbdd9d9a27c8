"""Supervision record: a support meeting between the coordinator and a mentor."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Column, Field, Kit
from peerdesk.forms.templates.common import MODES


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [
        *kit.fields(
            Field("Mentor", "person_name", 2), Field("Date", "", 1), Field("Minutes", "", 0.7)
        )
    ]
    story += kit.ticks("How we met", "", MODES)
    story += kit.heading("Pairings discussed")
    story += kit.table(
        [Column("Pairing", 1), Column("Mentee", 1.6), Column("Status", 1), Column("Notes", 3.4)],
        key="pairings",
        total_rows=3,
        row_lines=1.2,
    )
    story += kit.box(
        "Concerns raised", lines=3, hint="(record any safeguarding concern separately too)"
    )
    story += kit.box("The mentor's own wellbeing and self care", lines=3)
    story += kit.box("Training or support needs", lines=2)
    story += kit.box("Actions agreed, and by whom", lines=3)
    story += kit.fields(Field("Next supervision date"))
    story += kit.signatures([("Mentor", "person_name"), ("Coordinator", "")], name_line=False)
    return story


FORM = FormSpec(
    name="supervision",
    title="Supervision record",
    version="1",
    confidential=True,
    subjects=(Subject.PERSON,),
    build=build,
    summary="A support meeting between the coordinator and a mentor.",
)
