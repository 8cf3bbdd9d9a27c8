"""Expenses claim: a volunteer's out-of-pocket costs."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Column, Field, Kit
from peerdesk.forms.templates.common import office_use


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [
        *kit.fields(
            Field("Volunteer", "person_name", 2), Field("Claim for the month of", "month", 1)
        )
    ]
    rate = kit.value("mileage_rate")
    story += [
        kit.para(
            "Please list each journey or cost on its own line and attach receipts for fares "
            "and parking where you can. "
            + (
                f"Mileage is paid at {rate} a mile."
                if rate
                else "Mileage is paid at our agreed rate."
            )
        )
    ]
    story += kit.table(
        [
            Column("Date", 1.1),
            Column("What for", 2.2),
            Column("Miles", 0.8),
            Column("Fares £", 0.9),
            Column("Parking £", 1.0),
            Column("Receipt", 1.0),
            Column("Total £", 0.9),
        ],
        key="lines",
        total_rows=8,
    )
    story += kit.fields(
        Field("Total miles", "total_miles"), Field("Total claimed £", "total_claimed")
    )
    story += kit.heading("How to pay you")
    story.append(
        kit.hint("Fill this in only if we do not have your bank details, or they have changed.")
    )
    story += kit.fields(
        Field("Name on the account", "", 2),
        Field("Sort code", "", 1),
        Field("Account number", "", 1.2),
    )
    story += kit.signatures(
        [("Volunteer", "")],
        name_line=False,
        heading="Declaration",
        lead="These costs were paid by me while volunteering, and I have not claimed them "
        "from anyone else.",
    )
    # Filled in when printed for a claim (`peerdesk form expenses --claim ID`): where it is.
    story += office_use(
        kit,
        Field("Authorised by"),
        Field("Date authorised", "approved_on"),
        Field("Date paid", "paid_on"),
    )
    story += kit.fields(Field("Claim", "claim"))
    return story


FORM = FormSpec(
    name="expenses",
    title="Expenses claim",
    version="1",
    confidential=True,
    subjects=(Subject.PERSON,),
    build=build,
    summary="Out-of-pocket costs of volunteering, paid back.",
)
