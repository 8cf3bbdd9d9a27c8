"""Group agreement: a peer support group's ground rules, signed by its members."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Column, Field, Kit

DEFAULT_RULES = [
    "We listen to each other, one person at a time.",
    "We respect each other's experiences, even when they differ from our own.",
    "We share only what we are comfortable sharing; anyone may pass.",
    "We look after our energy: arrive late, leave early or rest as you need.",
    "We do not give medical advice; we share what has helped us.",
    "Phones on silent, please.",
]


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [
        *kit.fields(Field("Group", "group_name", 2), Field("Where we meet", "venue", 2)),
        *kit.fields(Field("When we meet", "when", 2), Field("Agreed on", "reviewed_on", 1)),
    ]
    rules = [line.strip(" -•\t") for line in kit.value("ground_rules").splitlines()]
    rules = [rule for rule in rules if rule]
    story += kit.heading("Our ground rules")
    story += kit.bullets(rules or DEFAULT_RULES)
    story += kit.box("Anything else we agreed", lines=2)
    story += kit.heading("Confidentiality and its limits")
    story += [
        kit.para(
            "What is said in the group stays in the group: we do not repeat anyone's story "
            "or say who comes. The facilitators will only pass something on if someone is at "
            "risk of serious harm, and will talk to the person first when it is safe to."
        )
    ]
    story += kit.heading("Members' signatures")
    story += kit.table(
        [Column("Name", 2), Column("Signature", 2), Column("Date", 1)],
        key="members",
        total_rows=12,
    )
    return story


FORM = FormSpec(
    name="group-agreement",
    title="Group agreement",
    version="1",
    confidential=True,
    subjects=(Subject.GROUP,),
    build=build,
    summary="The ground rules our group has agreed together.",
)
