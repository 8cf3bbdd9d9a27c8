"""Referral letters: we have your referral (acknowledgement), and what we decided (outcome).

Each letter is written either to the person referred or to whoever referred them; the data
says which (`to`: "person" or "referrer"). Filled in, a letter reads as a letter: address,
date, greeting, a few short paragraphs, the coordinator's name. Blank, it keeps the same
wording with boxes to write the names and dates in, for a coordinator writing by hand.

What a letter can print is only what `services.printing.referral_letters` gathers: names,
addresses, dates, the decision, its reason and where the person was signposted. Never a
diagnosis or a risk.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from peerdesk.forms.data import FormSpec, Subject
from peerdesk.forms.layout import NBSP, Field, Kit

TO_PERSON = "person"
TO_REFERRER = "referrer"
ACCEPTED = "accepted"
NOT_TAKEN_FORWARD = "not_taken_forward"


def _to_referrer(kit: Kit) -> bool:
    return kit.value("to") == TO_REFERRER


def _opening(kit: Kit) -> list[Flowable]:
    """Who the letter is to, the date, and the greeting."""
    if not kit.filled("recipient_name"):
        blank = kit.fields(Field("To", "", 2), Field("Date", "", 1))
        blank += kit.box("Address", lines=2)
        blank += kit.fields(Field("About (the person referred, if writing to a referrer)", ""))
        blank.append(kit.para("Dear"))
        return blank
    lines = [kit.value("recipient_name"), *kit.value("recipient_address").splitlines()]
    story: list[Flowable] = [kit.para(line) for line in lines if line.strip()]
    story.append(kit.space(0.6))
    story.append(kit.para(kit.value("letter_date")))
    if _to_referrer(kit):
        story.append(kit.para(f"About: {kit.value('person_name')}"))
    story.append(kit.space(0.4))
    story.append(kit.para(f"Dear {kit.value('greeting_name')},"))
    return story


def _who(kit: Kit, *, own: str, other: str) -> str:
    """`own` when writing to the person, `other` (with {name}) when writing to the referrer."""
    if not kit.filled("recipient_name"):
        return own if not _to_referrer(kit) else other.format(name="the person")
    if _to_referrer(kit):
        return other.format(name=kit.value("person_first_name") or kit.value("person_name"))
    return own


def _received(kit: Kit) -> str:
    when = kit.value("referral_date")
    on = f" on {when}" if when else ""
    organisation = kit.org.name.strip() or "us"
    if _to_referrer(kit):
        name = kit.value("person_name") or "the person"
        return f"Thank you for referring {name} to {organisation} for peer support. We received the referral{on}."
    return f"Thank you: we received your referral to {organisation} for peer support{on}."


def _contact(kit: Kit) -> list[Flowable]:
    """Who to contact, then the sign-off with the coordinator's name."""
    story = kit.heading("Who to contact")
    # A phone number must not break over two lines.
    ways = [w.strip().replace(" ", NBSP) for w in (kit.org.phone, kit.org.email) if w.strip()]
    coordinator = kit.value("coordinator_name")
    who = coordinator or "the peer support coordinator"
    reach = f" on {' or '.join(ways)}" if ways else ""
    story.append(
        kit.para(
            f"If you have a question, or something changes, please contact {who}{reach}. "
            "We are happy to talk things through."
        )
    )
    story.append(kit.space())
    # The sign-off stays on one page with the name under it.
    sign_off: list[Flowable] = [kit.para("Yours sincerely,"), kit.space(2.5 if coordinator else 1)]
    if coordinator:
        sign_off.append(kit.para(coordinator))
    else:
        sign_off += kit.fields(Field("Name", "", 2))
    sign_off.append(kit.para(f"Peer support coordinator, {kit.org.name}".rstrip(", ")))
    return [*story, kit.keep(sign_off)]


def build_acknowledgement(kit: Kit) -> list[Flowable]:
    story = _opening(kit)
    story.append(kit.para(_received(kit)))
    story += kit.heading("What happens next")
    story += kit.bullets(
        [
            _who(
                kit,
                own="We will contact you to arrange a first conversation. It is a chance to "
                "talk about what you hope for and how peer support works. There is no "
                "obligation.",
                other="We will contact {name} to arrange a first conversation about what "
                "they hope for and how peer support works.",
            ),
            _who(
                kit,
                own="After that conversation we will write to let you know whether we can "
                "offer you a mentor, or suggest other support that may suit you better.",
                other="After that conversation we will let you know whether we can offer "
                "peer support, if {name} is happy for us to.",
            ),
        ]
    )
    return story + _contact(kit)


def _outcome_paragraphs(kit: Kit) -> list[Flowable]:
    outcome = kit.value("outcome")
    if outcome == ACCEPTED:
        return [
            kit.para(
                _who(
                    kit,
                    own="We are pleased to offer you peer mentoring.",
                    other="We are pleased to tell you that we have offered {name} peer mentoring.",
                )
            ),
            *kit.heading("What happens next"),
            kit.para(
                _who(
                    kit,
                    own="We will now look for a mentor who suits you. When we have found "
                    "one, we will contact you to arrange a first meeting together.",
                    other="We are now looking for a mentor who suits them, and will "
                    "arrange a first meeting when we have found one.",
                )
            ),
        ]
    if outcome == NOT_TAKEN_FORWARD:
        story = [
            kit.para(
                _who(
                    kit,
                    own="We are sorry that we are not able to offer you peer mentoring at "
                    "the moment.",
                    other="We are sorry that we are not able to offer {name} peer mentoring "
                    "at the moment.",
                )
            )
        ]
        story += kit.heading("Why")
        story.append(kit.para(kit.value("reason")))
        if kit.filled("signposted_to"):
            story += kit.heading("Other support")
            story.append(
                kit.para(
                    _who(
                        kit,
                        own="We suggested this support, which may help:",
                        other="We suggested this support to {name}:",
                    )
                )
            )
            story.append(kit.para(kit.value("signposted_to")))
        story.append(
            kit.para(
                _who(
                    kit,
                    own="You are welcome to contact us again if things change.",
                    other="They are welcome to contact us again if things change.",
                )
            )
        )
        return story
    # Blank: the coordinator ticks the decision and writes the rest by hand.
    story = kit.ticks(
        "Our decision",
        "outcome",
        ["We can offer peer mentoring", "We are not able to offer peer mentoring"],
        columns=1,
    )
    story += kit.box("Why (if we cannot offer peer mentoring)", lines=2)
    story += kit.box("Other support we suggest", lines=2)
    return story


def build_outcome(kit: Kit) -> list[Flowable]:
    story = _opening(kit)
    story.append(
        kit.para(
            _who(
                kit,
                own="Thank you for talking with us about peer support.",
                other="Thank you for your referral. We have now talked with {name} about "
                "peer support.",
            )
        )
    )
    story += _outcome_paragraphs(kit)
    return story + _contact(kit)


ACKNOWLEDGEMENT = FormSpec(
    name="referral-acknowledgement",
    title="Referral acknowledgement",
    version="1",
    confidential=True,
    subjects=(Subject.REFERRAL,),
    build=build_acknowledgement,
    summary="A letter: we have received the referral, what happens next, and who to contact.",
)

OUTCOME = FormSpec(
    name="referral-outcome",
    title="Referral outcome",
    version="1",
    confidential=True,
    subjects=(Subject.REFERRAL,),
    build=build_outcome,
    summary="A letter: whether we can offer peer mentoring, and if not why, and what else "
    "may help.",
)
