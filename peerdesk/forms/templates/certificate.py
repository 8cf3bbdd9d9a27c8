"""Certificate of training: a volunteer completed the modules of one training session.

Filled in (`peerdesk form certificate --person ID --training ID`) with the person's name, the
modules, the date, the organisation and the trainer; blank, lines to write them on."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec
from peerdesk.forms.layout import Field, Kit


def build(kit: Kit) -> list[Flowable]:
    organisation = kit.org.name.strip() or kit.value("organisation")
    story: list[Flowable] = [kit.space(1.5), kit.para("This is to certify that")]
    if kit.filled("person_name"):
        story += kit.heading(kit.value("person_name"), guard=False)
    else:
        story += kit.fields(Field("Name", "", 3))
    story.append(kit.para("completed training in"))
    if kit.filled("modules"):
        story += [kit.para(f"• {line}") for line in kit.value("modules").splitlines()]
    else:
        story += kit.box("Module or modules", lines=3)
    if kit.filled("session_date"):
        story.append(kit.para(f"on {kit.value('session_date')}{_length(kit)}"))
    else:
        story += kit.fields(Field("Date", "", 1), Field("How long", "", 1))
    if organisation:
        story.append(kit.para(f"with {organisation}."))
    story.append(kit.space(1))
    story += kit.fields(Field("Trainer", "trainer", 2))
    story += kit.signatures(
        [("Trainer", "trainer"), ("Coordinator", "coordinator_name")], heading=""
    )
    return story


def _length(kit: Kit) -> str:
    length = kit.value("duration")
    return f" ({length})" if length else ""


FORM = FormSpec(
    name="certificate",
    title="Certificate of training",
    version="1",
    confidential=True,
    subjects=(),
    build=build,
    summary="A certificate for a volunteer who completed a training session: their name, "
    "the modules, the date, the organisation and the trainer.",
)
