"""Matching's reasons about conditions: the same condition, or one in the same family.

Part of the matching assistant (`matching.py` ranks; docs/matching.md explains the weights).
A condition both have recorded is the heart of peer support. A condition in the same family
(the shared list's families, edited in Settings: "Type 1 diabetes" and "Type 2 diabetes" in
"Diabetes", and an entry named "Diabetes" in it too) is close, and counts for less.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerdesk.vocabulary import ConditionLink, SupportedAs

if TYPE_CHECKING:
    from peerdesk.services.mentoring.matching import MentorCandidate, Seeker

# -- weights (docs/matching.md explains each) ------------------------------------------------
#: The first condition both live with or have lived experience of: the heart of peer support.
SHARED_CONDITION = 40
#: Each further shared condition.
EXTRA_SHARED_CONDITION = 10
#: A carer matched with a mentor who also cares for someone with the same condition.
SHARED_CARING = 15
#: The mentor has a condition in the same family, when no condition is shared exactly: close,
#: but always below the same condition.
SAME_FAMILY = 20
#: Each further condition of the person with one in the same family on the mentor's side.
EXTRA_SAME_FAMILY = 5
#: The person asked for a mentor with the same condition (their referral's preference), and
#: this mentor has it.
SAME_CONDITION_AS_PREFERRED = 10
#: ... and this mentor has only one in the same family: close, but not what was asked.
ONLY_FAMILY_PREFERRED_SAME = -10
#: ... and this mentor has neither: like a mentor who is not the gender preferred.
NOT_SAME_CONDITION = -25

_HOW = {
    ConditionLink.LIVES_WITH.value: "lives with",
    ConditionLink.LIVED_EXPERIENCE.value: "has lived experience of",
    ConditionLink.CARES_FOR.value: "also cares for someone with",
}


def family_key(name: str, family: str) -> str:
    """What two conditions in the same family share: the family, or the name of one in none
    (so an entry named "Diabetes" meets the family "Diabetes"). Compared without case."""
    return (family or name).casefold()


def condition_reasons(seeker: Seeker, mentor: MentorCandidate) -> list[tuple[int, str]]:
    """(points, words) for each condition the mentor shares with `seeker`, exactly or by family."""
    mentor_conditions = {name.casefold(): (name, link) for name, link in mentor.conditions.items()}
    experience_text = mentor.lived_experience.casefold()
    shared: list[tuple[str, str]] = []
    caring: list[str] = []
    unmatched: list[str] = []
    for name in sorted(seeker.conditions, key=str.casefold):
        found = mentor_conditions.get(name.casefold())
        if found is not None:
            shared.append((name, found[1]))
            if seeker.supported_as == SupportedAs.CARER and found[1] == ConditionLink.CARES_FOR:
                caring.append(name)
        elif name.casefold() in experience_text:
            shared.append((name, ConditionLink.LIVED_EXPERIENCE.value))
        else:
            unmatched.append(name)
    reasons: list[tuple[int, str]] = []
    for index, (name, link) in enumerate(shared):
        points = SHARED_CONDITION if index == 0 else EXTRA_SHARED_CONDITION
        how = "also cares for someone with" if link == ConditionLink.CARES_FOR else None
        reasons.append((points, f"Mentor {how or 'has lived experience of'} {name}"))
    for name in caring:
        reasons.append((SHARED_CARING, f"Both care for someone with {name}"))
    close = [words for name in unmatched if (words := _same_family(seeker, mentor, name))]
    for index, words in enumerate(close):
        points = SAME_FAMILY if index == 0 and not shared else EXTRA_SAME_FAMILY
        reasons.append((points, words))
    if seeker.wants_same_condition:
        reasons.append(_preference(seeker, bool(shared), bool(close)))
    return reasons


def _preference(seeker: Seeker, shared: bool, close: bool) -> tuple[int, str]:
    """The person's wish for a mentor with the same condition, met or not."""
    if not seeker.conditions:
        return 0, "Prefers a mentor with the same condition: none recorded for them"
    if shared:
        return SAME_CONDITION_AS_PREFERRED, "Has the same condition, as preferred"
    if close:
        return (
            ONLY_FAMILY_PREFERRED_SAME,
            "Prefers a mentor with the same condition: this one is only in the same family",
        )
    return NOT_SAME_CONDITION, "Prefers a mentor with the same condition"


def _same_family(seeker: Seeker, mentor: MentorCandidate, name: str) -> str | None:
    """Words for a mentor's condition in the family of the person's `name`, or None."""
    family = seeker.families.get(name, "")
    key = family_key(name, family)
    allowed = {ConditionLink.LIVES_WITH.value, ConditionLink.LIVED_EXPERIENCE.value}
    if seeker.supported_as == SupportedAs.CARER:
        allowed.add(ConditionLink.CARES_FOR.value)
    for theirs in sorted(mentor.conditions, key=str.casefold):
        link = mentor.conditions[theirs]
        their_family = mentor.families.get(theirs, "")
        if link in allowed and family_key(theirs, their_family) == key:
            named = family or their_family
            return _family_words(_HOW[link], theirs, name, named)
    if family and family.casefold() in mentor.lived_experience.casefold():
        return _family_words(_HOW[ConditionLink.LIVED_EXPERIENCE.value], family, name, family)
    return None


def _family_words(how: str, theirs: str, name: str, family: str) -> str:
    # "Diabetes" itself needs no naming twice; two of its entries say which family joins them.
    if family.casefold() in (theirs.casefold(), name.casefold()):
        return f"Mentor {how} {theirs}: the same family as {name}"
    return f"Mentor {how} {theirs}: the same family ({family}) as {name}"
