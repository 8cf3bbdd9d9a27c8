"""Consent and privacy record: what a person agreed to, how, and how to change their mind."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Column, Field, Kit, tick_options
from peerdesk.vocabulary import ConsentKind

#: Every kind except sharing, which has its own table of named organisations.
KINDS = [kind.label for kind in ConsentKind if kind is not ConsentKind.SHARING]
CHOICE = tick_options("Yes", "No")
HOW = tick_options("Signed form", "Verbal", "Email")


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [*kit.fields(Field("Name", "person_name"))]
    story += kit.heading("What we hold and why")
    story += [
        kit.para(
            "We keep your name and contact details so that we can arrange support, and a "
            "short, factual record of meetings so that we can make sure support is going "
            "well. Because we support people with long-term conditions, we may also hold "
            "health information, which needs your explicit agreement. We never sell your "
            "information, and we share it only as recorded below or where someone is at risk "
            "of serious harm."
        )
    ]
    story += kit.heading("What you agreed to")
    filled = {row[0]: row for row in kit.data.rows.get("consents", ())}
    rows = [filled.get(kind, [kind, CHOICE, HOW, ""]) for kind in KINDS]
    story += kit.table(
        [
            Column("Agreement", 2.1),
            Column("Agreed?", 1.1),
            Column("How recorded", 2.7),
            Column("Date", 1.0),
        ],
        rows=rows,
        total_rows=0,
        blank_rows=0,
        row_lines=0.9,
    )
    story += kit.heading("Sharing with named organisations")
    story += kit.table(
        [
            Column("Organisation", 2),
            Column("What for", 2.5),
            Column("Agreed?", 1.3),
            Column("Date", 1.1),
        ],
        key="sharing",
        total_rows=3,
        row_lines=1.0,
    )
    story += kit.heading("Changing your mind")
    story += [
        kit.para(
            "You can withdraw any agreement at any time, by telling the coordinator in person, "
            "by phone, by email or by letter. It will not affect the support you receive, "
            "except where we cannot offer something without it. We will record the date you "
            "withdrew and stop from that day."
        )
    ]
    story += kit.fields(
        Field("Wording version shown", "wording_versions", 2), Field("Paper form number", "", 1)
    )
    story += kit.signatures([("Person agreeing", "person_name"), ("Recorded by", "recorded_by")])
    return story


FORM = FormSpec(
    name="consent-record",
    title="Consent and privacy record",
    version="1",
    confidential=True,
    subjects=(Subject.PERSON,),
    build=build,
    summary="What is held and why, what you agreed to, and how to change your mind.",
)
