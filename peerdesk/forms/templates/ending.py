"""Ending form: how and why a pairing ended, and what it achieved."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Field, Kit
from peerdesk.forms.templates.common import pairing_names
from peerdesk.vocabulary import ClosureReason

REASONS = [reason.label for reason in ClosureReason]
TIMING = ["As planned", "Earlier than planned"]
CONTACT = [
    "No further contact",
    "Contact through the organisation only",
    "Other (write below)",
]


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [*pairing_names(kit)]
    story += kit.fields(Field("Started on", "start_date"), Field("End date", "end_date"))
    story += kit.heading("How it ended")
    story += kit.ticks("Main reason", "reason", REASONS, columns=2)
    story += kit.choice_line("The pairing ended", "timing", TIMING)
    story += kit.yes_no("We had a final meeting", "")
    story += kit.heading("Looking back")
    story += kit.box("What was achieved", lines=3)
    story += kit.box("Feedback from the mentee", lines=3)
    story += kit.box("Feedback from the mentor", lines=3)
    story += kit.heading("After the ending")
    story += kit.ticks("Contact after ending", "", CONTACT, columns=1)
    story += kit.box("Anything else agreed", lines=1)
    story += kit.yes_no("The mentee would like another pairing in future", "wants_new")
    story += kit.yes_no("The mentor is happy to be paired again", "")
    story += kit.signatures([("Coordinator", "coordinator_name")])
    return story


FORM = FormSpec(
    name="ending",
    title="Ending form",
    version="1",
    confidential=True,
    subjects=(Subject.PAIRING,),
    build=build,
    summary="How the mentoring ended and what it achieved.",
)
