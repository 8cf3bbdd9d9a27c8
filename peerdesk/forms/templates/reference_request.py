"""Reference request: a plain letter from the coordinator to a volunteer's referee, asking
about their suitability for peer support, with a reply section to fill in and send back.

Filled in (`peerdesk form reference-request --reference ID`), it names the referee, the
volunteer and how the referee knows them; blank, it keeps the same wording with boxes for a
coordinator writing by hand. What it can print is only what
`services.printing.reference_data` gathers: names, the relationship, the referee's contact
and dates. Never anything about the volunteer's health or lived experience: a referee is
asked about the person, not told about them.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec
from peerdesk.forms.layout import NBSP, Field, Kit

#: What the reply asks the referee to say, each with room to write.
QUESTIONS = (
    ("How long have you known them, and in what capacity?", 2),
    ("Are they reliable and do they keep their commitments?", 2),
    ("How do they get on with other people, including people going through a hard time?", 2),
    ("Would you trust them to keep what people tell them confidential?", 2),
)


def _organisation(kit: Kit) -> str:
    return kit.org.name.strip() or "our organisation"


def _volunteer(kit: Kit) -> str:
    return kit.value("volunteer_name") or "the volunteer named below"


def _opening(kit: Kit) -> list[Flowable]:
    """Who the letter is to, the date, what it is about and the greeting."""
    if not kit.filled("recipient_name"):
        blank = kit.fields(Field("To", "", 2), Field("Date", "", 1))
        blank += kit.box("Address or email", lines=2)
        blank += kit.fields(Field("About (the volunteer)", "", 2), Field("Your relationship", ""))
        blank.append(kit.para("Dear"))
        return blank
    lines = [kit.value("recipient_name"), *kit.value("recipient_contact").splitlines()]
    story: list[Flowable] = [kit.para(line) for line in lines if line.strip()]
    story.append(kit.space(0.6))
    story.append(kit.para(kit.value("letter_date")))
    story.append(kit.para(f"About: {kit.value('volunteer_name')}"))
    story.append(kit.space(0.4))
    story.append(kit.para(f"Dear {kit.value('recipient_name')},"))
    return story


def _request(kit: Kit) -> list[Flowable]:
    organisation = _organisation(kit)
    relationship = kit.value("relationship")
    known = f" as their {relationship.lower()}" if relationship else ""
    story = [
        kit.para(
            f"{_volunteer(kit)} has applied to volunteer as a peer mentor with {organisation} "
            f"and has given your name as a referee{known}. We would be grateful for a short "
            "reference."
        ),
        kit.para(
            "Peer mentors meet people going through a difficult time and offer support "
            "based on shared experience. They need to be reliable, kind, able to keep "
            "confidences and to keep to safe boundaries. We ask every volunteer for "
            "references before they are matched with anyone."
        ),
        kit.para(
            "Please fill in the reply below and send it back to us. What you tell us is kept "
            "confidential, is seen only by the coordinator and is used only to decide about "
            "this volunteering role."
        ),
    ]
    return story


def _sign_off(kit: Kit) -> list[Flowable]:
    ways = [w.strip().replace(" ", NBSP) for w in (kit.org.phone, kit.org.email) if w.strip()]
    coordinator = kit.value("coordinator_name")
    reach = f" on {' or '.join(ways)}" if ways else ""
    story = [
        kit.para(
            f"If you would rather talk, please contact "
            f"{coordinator or 'the peer support coordinator'}{reach}. Thank you for your help."
        ),
        kit.space(),
    ]
    # The sign-off stays on one page with the name under it.
    sign_off: list[Flowable] = [kit.para("Yours sincerely,"), kit.space(2.5 if coordinator else 1)]
    if coordinator:
        sign_off.append(kit.para(coordinator))
    else:
        sign_off += kit.fields(Field("Name", "", 2))
    sign_off.append(kit.para(f"Peer support coordinator, {kit.org.name}".rstrip(", ")))
    return [*story, kit.keep(sign_off)]


def _reply(kit: Kit) -> list[Flowable]:
    story = kit.heading("Reply: reference")
    story += kit.fields(
        Field("Reference for", "volunteer_name", 2), Field("Your name", "recipient_name", 2)
    )
    for question, lines in QUESTIONS:
        story += kit.box(question, lines=lines)
    story += kit.yes_no(
        "Do you know of any reason they should not work with people who may be vulnerable?",
        "any_reason",
    )
    story += kit.box("If yes, please tell us", lines=2)
    story += kit.yes_no("Would you recommend them as a peer mentor?", "recommend")
    story += kit.box("Anything else you would like us to know", lines=2)
    story += kit.signatures([("Referee", "")], name_line=False, heading="")
    return story


def build(kit: Kit) -> list[Flowable]:
    return _opening(kit) + _request(kit) + _sign_off(kit) + _reply(kit)


FORM = FormSpec(
    name="reference-request",
    title="Reference request",
    version="1",
    confidential=True,
    subjects=(),
    build=build,
    summary="A letter to a volunteer's referee asking about their suitability for peer "
    "support, with a reply to send back.",
)
