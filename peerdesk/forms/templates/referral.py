"""Referral form: who is referring whom, and what support they hope for."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Column, Field, Kit
from peerdesk.forms.templates.common import MODES, office_use

CHANNELS = ["Phone call", "Text message", "Email", "Letter by post"]
SUPPORT_AS = ["For themselves (they live with a condition)", "As a carer for someone"]


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [
        kit.para(
            "Use this form to refer someone for peer support, or to refer yourself. Please "
            "only refer someone who knows about it and agrees. Write as much or as little as "
            "you like; we will talk everything through before anything is arranged."
        )
    ]
    story += kit.heading("1. Who is making the referral")
    story.append(kit.hint("If you are referring yourself, write “self” and go to part 2."))
    story += kit.fields(
        Field("Your name", "referrer_name", 2),
        Field("Organisation", "referrer_organisation", 2),
    )
    story += kit.fields(
        Field("Your role or relationship to the person", "referrer_relationship", 2),
        Field("Phone or email", "referrer_contact", 2),
    )
    story += kit.yes_no("The person knows about this referral and agrees to it", "person_agreed")

    story += kit.heading("2. The person being referred")
    story += kit.fields(
        Field("First name", "first_name", 2),
        Field("Last name", "last_name", 2),
        Field("Name they like to be called", "preferred_name", 2),
        Field("Pronouns", "pronouns", 1),
    )
    story += kit.fields(
        Field("Date of birth", "date_of_birth", 1), Field("Postcode", "postcode", 1)
    )
    story += kit.box("Address", "address", lines=2)
    story += kit.fields(Field("Phone", "phone", 1), Field("Email", "email", 1.4))
    story += kit.table(
        [Column("How may we contact them?", 2), Column("Yes", 0.5), Column("No", 0.5)],
        rows=[
            [
                channel,
                "☒" if kit.data.ticked("contact", channel) else "☐",
                "☒" if kit.data.ticked("no_contact", channel) else "☐",
            ]
            for channel in CHANNELS
        ],
        blank_rows=0,
        total_rows=0,
        row_lines=0.8,
    )
    story += kit.fields(Field("GP practice", "gp_practice"))

    story += kit.heading("3. Health and support")
    story += kit.ticks("They would like support", "support_as", SUPPORT_AS, columns=1)
    story += kit.box(
        "Long-term conditions",
        "conditions",
        lines=2,
        hint="(or, for a carer, the condition of the person they care for)",
    )
    story += kit.fields(
        Field("Carer: condition of the person cared for", "cared_for_condition", 1),
        Field("Carer: their relationship", "cared_for_relationship", 1),
    )
    story += kit.box("Other professionals involved", "other_professionals", lines=2)
    story += kit.box(
        "Anything we should know to keep everyone safe",
        "risks",
        lines=3,
        hint="(risks to the person or to others)",
    )
    story += kit.box("Family, friends and other support around them", "support_network", lines=2)
    story += kit.box("What they hope peer support will bring", "hopes", lines=4)
    story += kit.ticks("How they would like to meet", "modes", MODES)
    story += kit.box(
        "Access and energy needs",
        "access_energy",
        lines=2,
        hint="(for example short meetings, ground floor only, large print)",
    )
    story += office_use(
        kit,
        Field("Date received", "referral_date"),
        Field("Received by"),
        Field("How the referral came", "source"),
    )
    return story


FORM = FormSpec(
    name="referral",
    title="Referral form",
    version="1",
    confidential=True,
    subjects=(Subject.PERSON,),
    build=build,
    summary="To refer someone, or yourself, for peer mentoring or a peer support group.",
)
