"""Attendance register for one meeting of a peer support group."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Column, Field, Kit, tick_options

NEW_OR_RETURNING = tick_options("New", "Returning")


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [
        *kit.fields(Field("Group", "group_name", 2), Field("Date", "meeting_date", 1)),
        *kit.fields(Field("Venue", "venue", 2), Field("Facilitators", "facilitators", 2)),
    ]
    story += [
        kit.hint(
            "Please write your name, or just your first name if you prefer, and tick whether "
            "this is your first time at this group."
        )
    ]
    story += kit.table(
        [
            Column("Name (or first name only)", 2.2),
            Column("First time?", 1.6, blank=NEW_OR_RETURNING),
            Column("Signature", 1.8),
        ],
        key="attendees",
        total_rows=15,
    )
    story += kit.fields(
        Field("People who came without giving a name", "unnamed", 2), Field("Total present", "", 1)
    )
    story += kit.signatures([("Facilitator", "")], name_line=False)
    return story


FORM = FormSpec(
    name="attendance-register",
    title="Attendance register",
    version="1",
    confidential=True,
    subjects=(Subject.MEETING, Subject.GROUP),
    build=build,
    summary="Who came to the group meeting.",
)
