"""Concern record: one safeguarding or wellbeing concern, from what happened to its closure.

Filled in (`peerdesk form concern-record --concern ID`) from `services.printing.concern_data`;
blank, the same boxes for writing by hand when something happens away from the computer."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec
from peerdesk.forms.layout import Column, Field, Kit


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [
        kit.para(
            "Write down the facts: what was said or seen, in the person's own words where you "
            "can. If someone is in danger now, act first and write it down afterwards."
        )
    ]
    story += kit.fields(Field("About", "about", 2), Field("Raised on", "raised_on", 1))
    story += kit.fields(Field("Category", "category", 2), Field("Level", "level", 1))
    story += kit.box("What happened", "what", lines=5)
    story += kit.box("Immediate action", "action_taken", lines=3)
    story += kit.box("Who was told", "who_was_told", lines=1)
    story += kit.heading("Referral")
    story += kit.fields(
        Field("Referred to", "referred_to", 2),
        Field("On", "referred_on", 1),
        Field("Their reference", "referral_reference", 1),
    )
    story += kit.heading("Follow-up actions")
    story += kit.table(
        [Column("Action", 3.2), Column("Due", 1.0), Column("Done", 1.0)],
        key="actions",
        total_rows=5,
    )
    story += kit.heading("Outcome and closure")
    story += kit.box("Outcome", "outcome", lines=3)
    story += kit.fields(Field("Closed on", "closed_on", 1))
    story += kit.signatures([("Coordinator", "coordinator_name")], heading="Signed")
    return story


FORM = FormSpec(
    name="concern-record",
    title="Concern record",
    version="1",
    confidential=True,
    subjects=(),
    build=build,
    summary="One safeguarding or wellbeing concern: what happened, the action taken, who was "
    "told, the referral, follow-up actions, the outcome and closure.",
)
