"""Volunteer agreement: what each side can expect. Not a contract of employment."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Field, Kit


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = []
    story += kit.fields(Field("Volunteer", "person_name", 2), Field("Role", "role", 1))
    story += kit.fields(
        Field("Named support contact", "support_contact", 2), Field("Start date", "", 1)
    )
    story += kit.heading("What we commit to")
    story += kit.bullets(
        [
            "An induction to the organisation, and training before you start.",
            "A named person to support you, and regular supervision.",
            "Paying agreed out-of-pocket expenses promptly, with receipts where possible.",
            "Insurance cover while you carry out your role.",
            "Treating you fairly, listening to your ideas and concerns, and respecting your "
            "health and energy limits.",
            "Keeping the information we hold about you safe, and using it only for your "
            "volunteering.",
        ]
    )
    story += kit.heading("What we ask of you")
    story += kit.bullets(
        [
            "Follow the role description, the confidentiality agreement and our policies.",
            "Let us know as early as you can if you cannot make a meeting, or need a break.",
            "Keep session log sheets and come to supervision.",
            "Tell the coordinator the same day about any worry for someone's safety.",
            "Take part in training, and ask for help whenever you are unsure.",
        ]
    )
    story += kit.heading("Not a contract of employment")
    story += [
        kit.para(
            "This agreement is binding in honour only. It is not a contract of employment and "
            "does not create a legal relationship. Either of us can end the arrangement at any "
            "time; we would simply ask for a conversation first."
        )
    ]
    story += kit.signatures([("Volunteer", "person_name"), ("For the organisation", "")])
    return story


FORM = FormSpec(
    name="volunteer-agreement",
    title="Volunteer agreement",
    version="1",
    confidential=True,
    subjects=(Subject.PERSON,),
    build=build,
    summary="What the organisation and the volunteer can expect of each other.",
)
