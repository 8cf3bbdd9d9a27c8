"""Equality monitoring: optional questions that help show who the service reaches."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Field, Kit

PREFER_NOT = "Prefer not to say"
AGE_BANDS = [
    "Under 18",
    "18 to 24",
    "25 to 34",
    "35 to 44",
    "45 to 54",
    "55 to 64",
    "65 to 74",
    "75 or over",
    PREFER_NOT,
]
GENDERS = ["Woman", "Man", "Non-binary", "In another way", PREFER_NOT]
ETHNICITIES = [
    "White",
    "Mixed or multiple ethnic groups",
    "Asian or Asian British",
    "Black, African, Caribbean or Black British",
    "Arab",
    "Another ethnic group",
    PREFER_NOT,
]
YES_NO_PREFER = ["Yes", "No", PREFER_NOT]


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [
        kit.para(
            "These questions are optional: answer only those you want to. Your answers help "
            "us check that our support reaches everyone who could use it. They are counted "
            "together and never reported in a way that could identify you."
        )
    ]
    if kit.filled("person_name"):
        story += kit.fields(Field("Name", "person_name"))
    story += kit.ticks("Your age", "age_band", AGE_BANDS)
    story += kit.ticks("How would you describe your gender?", "gender", GENDERS)
    story += kit.fields(Field("If in another way, and you wish to say"))
    story += kit.ticks("Your ethnic group", "ethnicity", ETHNICITIES, columns=2)
    story += kit.fields(
        Field("Your ethnic group in your own words, if you wish", "ethnicity_other")
    )
    story += kit.ticks(
        "Do you have a disability or a long-term condition?", "disability", YES_NO_PREFER, columns=3
    )
    story += kit.ticks(
        "Do you look after someone who needs help because of illness, disability or age?",
        "carer",
        YES_NO_PREFER,
        columns=3,
    )
    story += kit.fields(
        Field("First part of your postcode (for example KW14)", "postcode_area", 2),
        Field(PREFER_NOT, value="☐", weight=1),
    )
    return story


FORM = FormSpec(
    name="equality-monitoring",
    title="Equality monitoring",
    version="1",
    confidential=True,
    subjects=(Subject.PERSON,),
    build=build,
    summary="Optional questions: every one can be left or answered “prefer not to say”.",
)
