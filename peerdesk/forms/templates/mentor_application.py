"""Mentor application: an application to volunteer as a peer mentor."""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import Field, Kit
from peerdesk.forms.templates.common import office_use
from peerdesk.vocabulary import PartOfDay, Weekday

DAYS = [day.label for day in Weekday]
PARTS = [part.label for part in PartOfDay]
MENTEES = ["One", "Two", "Three", "More than three"]


def build(kit: Kit) -> list[Flowable]:
    story: list[Flowable] = [
        kit.para(
            "Thank you for thinking about becoming a peer mentor. Your own experience of "
            "living with a long-term condition, or of caring for someone who does, is what "
            "makes peer support work. There are no right answers here: tell us about yourself "
            "in your own words."
        )
    ]
    story += kit.heading("1. Your contact details")
    story += kit.fields(
        Field("First name", "first_name", 2),
        Field("Last name", "last_name", 2),
        Field("Name you like to be called", "preferred_name", 2),
        Field("Pronouns", "pronouns", 1),
    )
    story += kit.box("Address", "address", lines=2)
    story += kit.fields(
        Field("Postcode", "postcode", 1), Field("Phone", "phone", 1.2), Field("Email", "email", 2)
    )
    story += kit.yes_no("Are you 18 or over?", "adult")

    story += kit.heading("2. About you")
    story += kit.box(
        "Your lived experience",
        "lived_experience",
        lines=4,
        hint="(the conditions or caring you know from the inside, as much as you wish to share)",
    )
    story += kit.box("Skills you would bring", "skills", lines=2)
    story += kit.box("Interests", "interests", lines=2)
    story += kit.fields(Field("Languages you speak", "languages"))

    story += kit.heading("3. Your time")
    story += kit.tick_grid("When are you usually free?", "availability", DAYS, PARTS)
    story += kit.ticks("How many people could you mentor at one time?", "max_mentees", MENTEES)

    story += kit.heading("4. Two referees")
    story.append(
        kit.hint(
            "People who know you well and are not family, for example from work, volunteering, "
            "college or your community. We will ask them before you start."
        )
    )
    for number in (1, 2):
        story += kit.fields(
            Field(f"Referee {number}: name", f"referee_{number}_name", 2),
            Field("How they know you", f"referee_{number}_relationship", 2),
            Field("Phone or email", f"referee_{number}_contact", 2),
        )

    story += kit.heading("5. Keeping people safe")
    story.append(
        kit.keep(
            kit.yes_no(
                "Do you have any convictions, cautions or warnings that are not spent?",
                "convictions",
            ),
            kit.box(
                "If yes, please tell us about them",
                lines=2,
                hint="(a conviction does not automatically stop you volunteering; it stays private)",
            ),
        )
    )
    story += kit.yes_no(
        "Do you agree to a disclosure check (PVG in Scotland, DBS in England and Wales)?",
        "check_consent",
    )
    story += kit.fields(
        Field("Emergency contact: name, relationship and phone", "emergency_contact")
    )

    story += kit.signatures(
        [("Applicant", "person_name")],
        heading="6. Declaration",
        lead="What I have written on this form is true to the best of my knowledge. I "
        "understand that my application will be kept securely and used only to decide about "
        "my volunteering, and that I can ask to see what is held about me.",
    )
    story += office_use(kit, Field("Date received"), Field("Interview date"), Field("Decision"))
    return story


FORM = FormSpec(
    name="mentor-application",
    title="Mentor application",
    version="1",
    confidential=True,
    subjects=(Subject.PERSON,),
    build=build,
    summary="An application to volunteer as a peer mentor.",
)
