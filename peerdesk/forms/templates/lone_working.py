"""Lone-working check-in plan: keeping a mentor safe when meeting one to one."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Column, Field, Kit
from peerdesk.forms.templates.common import pairing_names


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [*pairing_names(kit)]
    story += kit.heading("Where we will meet")
    story += kit.box("Usual meeting place", "place", lines=2)
    story += kit.yes_no("The first meetings will be in a public place", "public_first")
    story += kit.heading("Who to call")
    story += kit.fields(
        Field("Coordinator: name", "coordinator_name", 1.5),
        Field("Coordinator: phone", "office_phone", 1),
    )
    story += kit.fields(Field("If the coordinator cannot be reached, call", "", 1))
    story += kit.fields(
        Field("Mentor's emergency contact: name and phone", "mentor_emergency_contact")
    )
    # The heading, the hint and the table stay together on one page.
    story.append(
        kit.keep(
            kit.heading("Check-in times", guard=False),
            kit.hint(
                "Before each meeting, tell the coordinator where and when you are meeting. "
                "Afterwards, let them know you are safe by the time agreed."
            ),
            kit.table(
                [
                    Column("Meeting date", 1.2),
                    Column("Place", 2),
                    Column("Call before, at", 1),
                    Column("Call after, by", 1),
                    Column("Done", 0.7, blank="☐"),
                ],
                total_rows=6,
            ),
        )
    )
    story += kit.heading("If no call comes")
    story += [
        kit.para(
            "If the coordinator has not heard from the mentor 30 minutes after the agreed "
            "time, they will phone the mentor. If there is still no answer, they will call "
            "the emergency contact and, if worried, the police on 999."
        )
    ]
    story += kit.signatures([("Mentor", "mentor_name"), ("Coordinator", "")], name_line=False)
    return story


FORM = FormSpec(
    name="lone-working",
    title="Lone-working check-in plan",
    version="1",
    confidential=True,
    subjects=(Subject.PAIRING,),
    build=build,
    summary="Keeping everyone safe when a mentor meets someone on their own.",
)
