"""The outcome scale: its name and questions, from Settings or peerdesk's own.

peerdesk ships only its own plain-English wellbeing questions, written for peerdesk and free
to copy. A licensed scale (SWEMWBS, say) is never shipped: an organisation that holds the
licence types its name and questions in Settings, and they are used from then on.
"""

from __future__ import annotations

from peerdesk.errors import ValidationError
from peerdesk.services import validation as v

#: The name of peerdesk's own scale, used when Settings leaves the name empty.
OWN_NAME = "peerdesk wellbeing check"
#: peerdesk's own questions: short, plain, each answered 1 (not at all) to 5 (all the time).
OWN_QUESTIONS = (
    "I have felt hopeful about the future.",
    "I have felt able to manage my health day to day.",
    "I have had someone to talk to when I needed to.",
    "I have felt confident asking for help.",
    "I have been able to do things I enjoy.",
    "I have felt calm and rested.",
    "I have felt connected to other people.",
)
#: The words of each answer, 1 to 5 (printed on the form and shown in the dialog).
ANSWER_WORDS = ("Not at all", "Rarely", "Some of the time", "Often", "All the time")
LOWEST, HIGHEST = 1, 5
FEWEST_QUESTIONS, MOST_QUESTIONS = 2, 20


def questions_of(text: str | None) -> tuple[str, ...]:
    """The questions saved in Settings (one a line), or peerdesk's own when there are none."""
    lines = tuple(line.strip() for line in (text or "").splitlines() if line.strip())
    return lines or OWN_QUESTIONS


def name_of(text: str | None) -> str:
    return v.clean(text) or OWN_NAME


def checked_questions(text: str | None) -> str:
    """Questions typed in Settings, checked: 2 to 20, none blank (a blank line between
    questions is refused rather than dropped: it usually means one was deleted by mistake).
    Returns them one a line; "" (nothing typed) means peerdesk's own."""
    raw = (text or "").strip("\n").splitlines()
    if not "".join(raw).strip():
        return ""
    lines = [line.strip() for line in raw]
    for number, line in enumerate(lines, start=1):
        if not line:
            raise ValidationError(
                f"Question {number} is blank: please type it, or remove the empty line.",
                "outcome_questions",
            )
        v.short_text(line, "outcome_questions", f"question {number}")
    if not FEWEST_QUESTIONS <= len(lines) <= MOST_QUESTIONS:
        raise ValidationError(
            f"The scale has {len(lines)} question{'s' if len(lines) != 1 else ''}: please give "
            f"between {FEWEST_QUESTIONS} and {MOST_QUESTIONS}, one a line (or leave the box "
            "empty to use peerdesk's own).",
            "outcome_questions",
        )
    return "\n".join(lines)
