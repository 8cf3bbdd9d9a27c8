"""Training record: a volunteer's modules of the course with the day each was done and
whether it is in date, due or expired, and the training sessions they attended.

Filled in (`peerdesk form training-record --person ID`) from
`services.printing.training_data.training_record`; blank, a table to fill in by hand."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Column, Field, Kit


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [
        *kit.fields(Field("Volunteer", "person_name", 2), Field("Printed", "printed_on", 1))
    ]
    if kit.filled("trained"):
        story.append(kit.para(kit.value("trained")))
    story += kit.heading("Modules")
    story += kit.table(
        [
            Column("Module", 2.6),
            Column("Core or optional", 1.1),
            Column("Done, due or expired", 2.3),
        ],
        key="modules",
        total_rows=10,
    )
    story += kit.heading("Training sessions attended")
    story += kit.table(
        [Column("Date", 1), Column("Modules", 2.6), Column("Trainer", 1.4), Column("Completed", 1)],
        key="sessions",
        total_rows=4,
    )
    story += kit.signatures([("Coordinator", "coordinator_name")], heading="Checked by")
    return story


FORM = FormSpec(
    name="training-record",
    title="Training record",
    version="1",
    confidential=True,
    subjects=(Subject.PERSON,),
    build=build,
    summary="A volunteer's training modules (done, due or expired) and the sessions they attended.",
)
