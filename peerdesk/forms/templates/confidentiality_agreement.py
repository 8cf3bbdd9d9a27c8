"""Confidentiality agreement: what stays private, and its limits."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Field, Kit

ROLES = ["Mentor", "Mentee", "Carer", "Group member", "Facilitator"]


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [*kit.fields(Field("Name", "person_name"))]
    story += kit.ticks("Taking part as", "role", ROLES)
    story += kit.heading("What is confidential")
    story += kit.bullets(
        [
            "Anything personal shared in a meeting, a group or a phone call: health, family, "
            "money, feelings, and the fact that someone is being supported at all.",
            "Names, addresses, phone numbers and any other details about the people you meet.",
            "Session log sheets and other paperwork, which must be kept somewhere safe and "
            "handed back to the coordinator.",
        ]
    )
    story += kit.heading("The limits of confidentiality")
    story += [
        kit.para(
            "Confidentiality is not a promise to keep everything secret. It will be shared "
            "with the coordinator, and if needed with other services, when:"
        )
    ]
    story += kit.bullets(
        [
            "someone is at risk of serious harm, from themselves or from someone else;",
            "a child or an adult at risk may be being harmed (a safeguarding concern);",
            "the law requires it, for example to prevent a serious crime.",
        ]
    )
    story += [
        kit.para(
            "Where it is safe to do so, we will talk to the person first and tell them what "
            "will be shared and why."
        )
    ]
    story += kit.heading("If confidentiality is broken")
    story += [
        kit.para(
            "Tell the coordinator straight away, even if it was an accident; we will work "
            "together to put things right. A deliberate or repeated breach may mean the end "
            "of a pairing, of group membership or of a volunteering role."
        )
    ]
    story += kit.signatures(
        [("Person signing", "person_name"), ("Coordinator", "coordinator_name"), ("Witness", "")],
        heading="Agreement",
        lead="I have read this agreement, I understand it and I will keep to it.",
    )
    return story


FORM = FormSpec(
    name="confidentiality-agreement",
    title="Confidentiality agreement",
    version="1",
    confidential=True,
    subjects=(Subject.PERSON,),
    build=build,
    summary="What stays private between us, and the few times it cannot.",
)
