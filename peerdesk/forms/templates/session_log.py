"""Session log sheet: a mentor's notes of each meeting, brought back to the coordinator."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Field, Kit
from peerdesk.forms.templates.common import MODES, pairing_names


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [*pairing_names(kit)]
    story.append(
        kit.hint(
            "Fill in one block after each meeting, including meetings that were cancelled or "
            "moved. Keep notes short and factual. Hand the sheet to the coordinator when it is "
            "full. If anything worries you, tick the concern box and speak to the coordinator "
            "the same day."
        )
    )
    # Normal print fills three pages; large print puts one meeting on each page.
    for number in range(1, (4 if kit.large else 5) + 1):
        block: list[Flowable] = [*kit.heading(f"Meeting {number}", guard=kit.large)]
        block += kit.fields(
            Field("Date", weight=1),
            Field("Start time", weight=1),
            Field("Minutes", weight=0.8),
            Field("Place", weight=2.2),
        )
        block += kit.choice_line("How we met", "", MODES)
        block += kit.choice_line("Did it go ahead?", "", ["Yes", "Cancelled", "Moved"])
        block += kit.box_pair(("What we did", ""), ("How it went", ""), lines=2)
        block += kit.box_pair(
            ("Actions agreed", ""), ("Next meeting: date, time, place", ""), lines=2
        )
        block += kit.choice_line(
            "Tick if anything worried you, and speak to the coordinator the same day",
            "",
            ["Concern"],
        )
        # Normal print keeps each meeting on one page; large print lets a meeting flow on.
        story += block if kit.large else [kit.keep(block)]
    return story


FORM = FormSpec(
    name="session-log",
    title="Session log sheet",
    version="1",
    confidential=True,
    subjects=(Subject.PAIRING,),
    build=build,
    summary="A record of each meeting between mentor and mentee.",
)
