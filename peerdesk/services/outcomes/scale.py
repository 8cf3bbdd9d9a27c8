"""The outcome scale: its name and questions, from Settings or peerdesk's own.

peerdesk ships only its own plain-English wellbeing questions, written for peerdesk and free
to copy. A licensed scale (SWEMWBS, say) is never shipped: an organisation that holds the
licence types its name and questions in Settings, and they are used from then on.
"""

from __future__ import annotations

from peerdesk.errors import ValidationError
from peerdesk.forms.templates.wellbeing_check import ANSWER_WORDS, OWN_NAME, OWN_QUESTIONS
from peerdesk.services import validation as v

# peerdesk's own scale lives with its form (the lowest layer), printed and asked alike.
__all__ = ["ANSWER_WORDS", "OWN_NAME", "OWN_QUESTIONS"]

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
