"""Volunteer role description for a peer mentor (always blank: it is about the role)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec
from peerdesk.forms.layout import Column, Kit


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = []
    story += kit.heading("What the role is for")
    story += [
        kit.para(
            "A peer mentor meets regularly with someone who lives with a long-term condition, "
            "or who cares for someone who does, and offers the understanding that comes from "
            "having been there. Mentors listen, share what helped them, and encourage the "
            "person to work towards goals they choose themselves."
        )
    ]
    story += kit.heading("What you will do")
    story += kit.bullets(
        [
            "Meet one person (sometimes two) at an agreed time, usually every week or two, "
            "face to face in a public place, by phone or by video call.",
            "Listen without judging, and share your own experience when it may help.",
            "Help the person set up to three goals, and notice progress with them.",
            "Keep a short session log sheet after each meeting and give it to the coordinator.",
            "Come to supervision with the coordinator every four to eight weeks.",
            "Tell the coordinator the same day if you are worried about someone's safety.",
        ]
    )
    story += kit.heading("What the role is not")
    story += kit.bullets(
        [
            "It is not counselling, therapy, medical or legal advice.",
            "It is not a friendship outside the pairing: no lending money, gifts or home visits.",
            "You are never expected to be available at all hours or in a crisis.",
        ]
    )
    story += kit.heading("Time asked of you")
    story += [
        kit.para(
            "About one to two hours a fortnight for six months, plus training before you start "
            "and supervision. Meetings can be moved when your health or energy needs it: that "
            "is normal here, not a failure."
        )
    ]
    story += kit.heading("Support we offer")
    story += kit.bullets(
        [
            "Induction and training in peer support, boundaries, safeguarding and self care.",
            "A named coordinator to talk to, and regular supervision.",
            "Out-of-pocket expenses paid, including mileage at our agreed rate.",
            "Insurance cover while you volunteer with us.",
            "A reference for your volunteering when you need one.",
        ]
    )
    story += kit.heading("Who we are looking for")
    story += kit.table(
        [Column("Quality", 3), Column("Essential", 1), Column("Desirable", 1)],
        rows=[
            ["Lived experience of a long-term condition or of caring", "✓", ""],
            ["Warmth, patience and good listening", "✓", ""],
            ["Respect for confidentiality and boundaries", "✓", ""],
            ["Able to commit to about six months", "✓", ""],
            ["Willing to have a disclosure check (PVG or DBS)", "✓", ""],
            ["Experience of volunteering or supporting others", "", "✓"],
            ["Speaks another language used locally", "", "✓"],
        ],
        blank_rows=0,
        total_rows=0,
        row_lines=0.8,
    )
    return story


FORM = FormSpec(
    name="role-description",
    title="Volunteer role description: peer mentor",
    version="1",
    confidential=False,
    subjects=(),
    build=build,
    summary="What a peer mentor does, the time asked, and the support offered.",
)
