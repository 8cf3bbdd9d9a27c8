"""Mentoring agreement: what a mentor and mentee agree at the start of a pairing."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Field, Kit
from peerdesk.forms.templates.common import FREQUENCIES, MODES, pairing_names


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [*pairing_names(kit)]
    story += kit.fields(
        Field("Start date", "start_date"), Field("Planned length", "planned_length")
    )
    story += kit.heading("Our goals")
    story.append(
        kit.hint("Up to three things the mentee would like to work towards, in their words.")
    )
    for number in (1, 2, 3):
        story += kit.box(f"Goal {number}", f"goal_{number}", lines=2)
    story += kit.heading("How we will meet")
    story += kit.ticks("How often", "frequency", FREQUENCIES)
    story += kit.ticks("How", "mode", MODES)
    story += kit.fields(
        Field("How long each meeting lasts", "duration", 1),
        Field("Where", "place", 2),
    )
    story += kit.heading("If a meeting needs to move")
    story += [
        kit.para(
            "Health and energy can change from day to day. Either of us can cancel or move a "
            "meeting, without needing to explain, by letting the other know as early as we "
            "can. If we cannot reach each other, we will tell the coordinator. A missed "
            "meeting is not a failure."
        )
    ]
    story += kit.heading("Confidentiality and boundaries")
    story += kit.bullets(
        [
            "What we talk about stays between us and the coordinator, except where someone "
            "is at risk of harm (see the confidentiality agreement).",
            "We meet only at agreed times and places, and keep in touch only in the ways "
            "agreed here.",
            "No money, gifts or loans change hands, and we do not meet at each other's homes.",
            "The mentor shares experience and listens; they do not give medical advice.",
        ]
    )
    story += kit.heading("Ending")
    story += [
        kit.para(
            "The pairing ends when its planned time is up, or sooner if either of us wishes, "
            "for any reason and with no blame. We will try to have a final meeting to look "
            "back at what has changed. The coordinator is there to help with any of this."
        )
    ]
    story += kit.signatures(
        [("Mentor", "mentor_name"), ("Mentee", "mentee_name"), ("Coordinator", "coordinator_name")]
    )
    return story


FORM = FormSpec(
    name="mentoring-agreement",
    title="Mentoring agreement",
    version="1",
    confidential=True,
    subjects=(Subject.PAIRING,),
    build=build,
    summary="What we agree at the start of our mentoring.",
)
