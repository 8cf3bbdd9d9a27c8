"""The matching assistant: which mentors could take a person waiting for one, and why.

`rank_mentors` is a pure function over plain data (`Seeker`, `MentorCandidate`), so it can be
tested on hand-built cases; `MatchingService.match` builds that data from the records. The
weights are named constants below and are explained in docs/matching.md. A mentor who may not
be paired now is never ranked: they are listed apart, with the reason, so nobody is silently
left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Availability,
    Condition,
    MeetingModePreference,
    Pairing,
    Person,
    PersonCondition,
    PersonRole,
    Referral,
    VolunteerProfile,
)
from peerdesk.services.base import Service, get_or_raise

# The conditions' weights are named here too, beside the others (`matching.SHARED_CONDITION`).
from peerdesk.services.mentoring.condition_reasons import (
    EXTRA_SAME_FAMILY as EXTRA_SAME_FAMILY,
)
from peerdesk.services.mentoring.condition_reasons import (
    EXTRA_SHARED_CONDITION as EXTRA_SHARED_CONDITION,
)
from peerdesk.services.mentoring.condition_reasons import SAME_FAMILY as SAME_FAMILY
from peerdesk.services.mentoring.condition_reasons import SHARED_CARING as SHARED_CARING
from peerdesk.services.mentoring.condition_reasons import SHARED_CONDITION as SHARED_CONDITION
from peerdesk.services.mentoring.condition_reasons import condition_reasons
from peerdesk.services.volunteers.service import OCCUPYING_STATUSES, VolunteerService
from peerdesk.vocabulary import (
    ConditionLink,
    Gender,
    MeetingMode,
    PairingStatus,
    PartOfDay,
    Role,
    SupportedAs,
    Weekday,
)

# -- weights (docs/matching.md explains each) ------------------------------------------------
# The conditions' weights (SHARED_CONDITION, SAME_FAMILY...) are in condition_reasons.py.
SAME_AREA = 15
#: Each weekday × part of day both can meet, up to MAX_SHARED_SLOTS of them.
SHARED_SLOT = 4
MAX_SHARED_SLOTS = 4
#: Both have said when they can meet, and no time is common to both.
NO_SHARED_SLOT = -10
#: At least one way of meeting (face to face, phone, video, walk and talk) suits both.
SHARED_MODE = 8
NO_SHARED_MODE = -10
PREFERRED_GENDER = 10
NOT_PREFERRED_GENDER = -25
AGE_IN_RANGE = 5
AGE_OUT_OF_RANGE = -15
#: A language other than English that both speak.
SHARED_LANGUAGE = 10
NO_COMMON_LANGUAGE = -20
#: Each free place the mentor has, up to MAX_SPARE_PLACES: spreads the work fairly.
SPARE_PLACE = 2
MAX_SPARE_PLACES = 3

_ENGLISH = "english"
_LANGUAGE_SPLIT = re.compile(r"\s*(?:,|;|/|\band\b|&)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Seeker:
    """The person waiting for a mentor, as matching sees them."""

    person_id: int
    name: str
    supported_as: str = SupportedAs.MENTEE.value
    #: Condition name → how they relate to it (lives with, cares for…).
    conditions: dict[str, str] = field(default_factory=dict)
    #: Condition name → its family in the shared list (absent or "": in none).
    families: dict[str, str] = field(default_factory=dict)
    #: Their referral asks for a mentor with the same condition.
    wants_same_condition: bool = False
    area: str = ""
    slots: frozenset[tuple[str, str]] = frozenset()
    modes: frozenset[str] = frozenset()
    preferred_gender: str | None = None
    preferred_age_min: int | None = None
    preferred_age_max: int | None = None
    languages: frozenset[str] = frozenset()


@dataclass(frozen=True)
class MentorCandidate:
    """A mentor as matching sees them. `missing` comes from the volunteer readiness check."""

    person_id: int
    name: str
    conditions: dict[str, str] = field(default_factory=dict)
    families: dict[str, str] = field(default_factory=dict)
    lived_experience: str = ""
    area: str = ""
    slots: frozenset[tuple[str, str]] = frozenset()
    modes: frozenset[str] = frozenset()
    gender: str | None = None
    age: int | None = None
    languages: frozenset[str] = frozenset()
    capacity: int = 1
    occupied: int = 0
    missing: tuple[str, ...] = ()

    @property
    def spare(self) -> int:
        return max(self.capacity - self.occupied, 0)


@dataclass(frozen=True)
class Reason:
    """One reason for or against a match, in plain words, with the points it carries."""

    points: int
    text: str

    @property
    def is_for(self) -> bool:
        return self.points > 0


@dataclass(frozen=True)
class RankedMentor:
    person_id: int
    name: str
    score: int
    reasons: tuple[Reason, ...]
    spare: int
    capacity: int

    @property
    def summary(self) -> str:
        """The reasons in words, strongest first: those for, then those against."""
        parts = []
        for heading, reasons in (
            ("For", [r.text for r in self.reasons if r.points > 0]),
            ("Against", [r.text for r in self.reasons if r.points < 0]),
            ("Not known", [r.text for r in self.reasons if r.points == 0]),
        ):
            if reasons:
                parts.append(f"{heading}: " + "; ".join(reasons) + ".")
        return " ".join(parts) or "Nothing in particular either way."


@dataclass(frozen=True)
class IneligibleMentor:
    person_id: int
    name: str
    reasons: tuple[str, ...]

    @property
    def summary(self) -> str:
        text = "; ".join(self.reasons)
        return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class MatchResult:
    seeker: Seeker
    ranked: tuple[RankedMentor, ...]
    not_eligible: tuple[IneligibleMentor, ...]


def split_languages(text: str) -> frozenset[str]:
    """ "English, Polish" → {"english", "polish"} (compared without case)."""
    return frozenset(p.strip().casefold() for p in _LANGUAGE_SPLIT.split(text) if p.strip())


def rank_mentors(seeker: Seeker, candidates: list[MentorCandidate]) -> MatchResult:
    """Rank the candidates who may be paired now; list the others apart with the reason.

    Ties break by name, then by record number, so the same records always give the same list.
    """
    ranked: list[RankedMentor] = []
    not_eligible: list[IneligibleMentor] = []
    for candidate in candidates:
        if candidate.person_id == seeker.person_id:
            continue
        blockers = list(candidate.missing)
        if candidate.spare <= 0 and not any(b.startswith("at capacity") for b in blockers):
            blockers.append(f"at capacity ({candidate.occupied} of {candidate.capacity} mentees)")
        if blockers:
            not_eligible.append(
                IneligibleMentor(candidate.person_id, candidate.name, tuple(blockers))
            )
            continue
        reasons = score_reasons(seeker, candidate)
        ranked.append(
            RankedMentor(
                person_id=candidate.person_id,
                name=candidate.name,
                score=sum(r.points for r in reasons),
                reasons=tuple(sorted(reasons, key=lambda r: -abs(r.points))),
                spare=candidate.spare,
                capacity=candidate.capacity,
            )
        )
    ranked.sort(key=lambda m: (-m.score, m.name.casefold(), m.person_id))
    not_eligible.sort(key=lambda m: (m.name.casefold(), m.person_id))
    return MatchResult(seeker, tuple(ranked), tuple(not_eligible))


def score_reasons(seeker: Seeker, mentor: MentorCandidate) -> list[Reason]:
    """Every reason for or against pairing `seeker` with `mentor`."""
    reasons: list[Reason] = []
    reasons.extend(_condition_reasons(seeker, mentor))
    if seeker.area and mentor.area and seeker.area.casefold() == mentor.area.casefold():
        reasons.append(Reason(SAME_AREA, f"Both in {mentor.area}"))
    reasons.extend(_availability_reasons(seeker, mentor))
    reasons.extend(_preference_reasons(seeker, mentor))
    places = min(mentor.spare, MAX_SPARE_PLACES)
    if places:
        free = "place" if mentor.spare == 1 else "places"
        reasons.append(
            Reason(
                places * SPARE_PLACE,
                f"Has {mentor.spare} {free} free (offered {mentor.capacity})",
            )
        )
    return reasons


def _condition_reasons(seeker: Seeker, mentor: MentorCandidate) -> list[Reason]:
    return [Reason(points, text) for points, text in condition_reasons(seeker, mentor)]


def _availability_reasons(seeker: Seeker, mentor: MentorCandidate) -> list[Reason]:
    reasons: list[Reason] = []
    if seeker.slots and mentor.slots:
        common = seeker.slots & mentor.slots
        if common:
            days = list(Weekday)
            parts = list(PartOfDay)
            ordered = sorted(
                common, key=lambda s: (days.index(Weekday(s[0])), parts.index(PartOfDay(s[1])))
            )
            words = ", ".join(
                f"{Weekday(d).label} {PartOfDay(p).label.lower()}" for d, p in ordered[:3]
            )
            more = f" and {len(ordered) - 3} more" if len(ordered) > 3 else ""
            reasons.append(
                Reason(
                    SHARED_SLOT * min(len(common), MAX_SHARED_SLOTS),
                    f"Both free {words}{more}",
                )
            )
        else:
            reasons.append(Reason(NO_SHARED_SLOT, "No time when both are free"))
    if seeker.modes and mentor.modes:
        modes = [m for m in MeetingMode if m.value in seeker.modes & mentor.modes]
        if modes:
            words = ", ".join(m.label.lower() for m in modes)
            reasons.append(Reason(SHARED_MODE, f"Both happy to meet by {words}"))
        else:
            reasons.append(Reason(NO_SHARED_MODE, "No way of meeting that suits both"))
    return reasons


def _preference_reasons(seeker: Seeker, mentor: MentorCandidate) -> list[Reason]:
    reasons: list[Reason] = []
    wanted = seeker.preferred_gender
    if wanted and wanted != Gender.PREFER_NOT_TO_SAY:
        label = Gender(wanted).label.lower()
        if mentor.gender == wanted:
            reasons.append(Reason(PREFERRED_GENDER, f"Is a {label}, as preferred"))
        elif mentor.gender in (None, Gender.PREFER_NOT_TO_SAY):
            reasons.append(Reason(0, f"Prefers a mentor who is a {label}: not recorded"))
        else:
            reasons.append(Reason(NOT_PREFERRED_GENDER, f"Prefers a mentor who is a {label}"))
    low, high = seeker.preferred_age_min, seeker.preferred_age_max
    if low is not None or high is not None:
        wanted_range = _age_range_words(low, high)
        if mentor.age is None:
            reasons.append(Reason(0, f"Prefers a mentor aged {wanted_range}: age not recorded"))
        elif (low is None or mentor.age >= low) and (high is None or mentor.age <= high):
            reasons.append(Reason(AGE_IN_RANGE, f"Aged {mentor.age}, within {wanted_range}"))
        else:
            reasons.append(
                Reason(AGE_OUT_OF_RANGE, f"Aged {mentor.age}: prefers a mentor aged {wanted_range}")
            )
    if seeker.languages and mentor.languages:
        common = seeker.languages & mentor.languages
        other = sorted(common - {_ENGLISH})
        if other:
            words = " and ".join(name.title() for name in other)
            reasons.append(Reason(SHARED_LANGUAGE, f"Both speak {words}"))
        elif not common:
            reasons.append(Reason(NO_COMMON_LANGUAGE, "No language in common"))
    return reasons


def _age_range_words(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{low} to {high}"
    if low is not None:
        return f"{low} or over"
    return f"{high} or under"


# -- building the plain data from the records --------------------------------------------------
class MatchingService(Service):
    def match(self, person_id: int) -> MatchResult:
        """Rank every current mentor for `person_id` (a mentee or carer waiting for a mentor)."""
        today = self.today()
        volunteers = VolunteerService(self.db, self._today)
        with self.db.session() as session:
            seeker = load_seeker(session, person_id)
            mentor_ids = _current_mentor_ids(session)
            candidates = [
                load_candidate(session, mentor_id, today, seeker.person_id)
                for mentor_id in mentor_ids
                if mentor_id != person_id
            ]
        result: list[MentorCandidate] = []
        for candidate in candidates:
            readiness = volunteers.readiness(candidate.person_id)
            missing = candidate.missing + readiness.missing
            result.append(
                replace(
                    candidate,
                    missing=missing,
                    capacity=readiness.capacity,
                    occupied=readiness.occupied,
                )
            )
        return rank_mentors(seeker, result)


def load_seeker(session: Session, person_id: int) -> Seeker:
    person = get_or_raise(session, Person, person_id, "person")
    is_carer = session.exec(
        select(PersonRole).where(
            PersonRole.person_id == person_id,
            PersonRole.role == Role.CARER.value,
            col(PersonRole.ended_on).is_(None),
        )
    ).first()
    conditions, families = _conditions(session, person_id)
    return Seeker(
        person_id=person_id,
        name=person.display_name,
        supported_as=SupportedAs.CARER.value if is_carer else SupportedAs.MENTEE.value,
        conditions=conditions,
        families=families,
        wants_same_condition=_wants_same_condition(session, person_id),
        area=person.area,
        slots=_slots(session, person_id),
        modes=_modes(session, person_id),
        preferred_gender=person.preferred_mentor_gender,
        preferred_age_min=person.preferred_mentor_age_min,
        preferred_age_max=person.preferred_mentor_age_max,
        languages=split_languages(person.languages),
    )


def load_candidate(
    session: Session, mentor_id: int, today: date, seeker_id: int | None = None
) -> MentorCandidate:
    person = get_or_raise(session, Person, mentor_id, "mentor")
    profile = session.get(VolunteerProfile, mentor_id)
    missing: list[str] = []
    if person.archived_on is not None:
        missing.append("archived")
    if seeker_id is not None:
        open_statuses = [s.value for s in OCCUPYING_STATUSES] + [PairingStatus.PROPOSED.value]
        already = session.exec(
            select(Pairing).where(
                Pairing.mentor_id == mentor_id,
                Pairing.mentee_id == seeker_id,
                col(Pairing.status).in_(open_statuses),
            )
        ).first()
        if already is not None:
            missing.append(f"already paired with this person ({already.reference})")
    conditions, families = _conditions(session, mentor_id)
    return MentorCandidate(
        person_id=mentor_id,
        name=person.display_name,
        conditions=conditions,
        families=families,
        lived_experience=profile.lived_experience if profile else "",
        area=person.area,
        slots=_slots(session, mentor_id),
        modes=_modes(session, mentor_id),
        gender=person.gender,
        age=_age(person.date_of_birth, today),
        languages=split_languages(person.languages),
        capacity=profile.max_mentees if profile else 1,
        missing=tuple(missing),
    )


def _current_mentor_ids(session: Session) -> list[int]:
    rows = session.exec(
        select(PersonRole.person_id)
        .where(PersonRole.role == Role.MENTOR.value, col(PersonRole.ended_on).is_(None))
        .distinct()
    )
    return sorted(rows)


def _conditions(session: Session, person_id: int) -> tuple[dict[str, str], dict[str, str]]:
    """Condition name → how they relate to it, and condition name → its family."""
    rows = session.exec(
        select(Condition.name, PersonCondition.link, Condition.family)
        .join(PersonCondition, col(PersonCondition.condition_id) == col(Condition.id))
        .where(PersonCondition.person_id == person_id)
    )
    found: dict[str, str] = {}
    families: dict[str, str] = {}
    for name, link, family in rows:
        # Lived experience wins over caring when a person has both links to one condition.
        if name not in found or link != ConditionLink.CARES_FOR:
            found[name] = link
        if family:
            families[name] = family
    return found, families


def _wants_same_condition(session: Session, person_id: int) -> bool:
    """The preference of their latest referral (the one they are waiting on)."""
    latest = session.exec(
        select(Referral.wants_same_condition)
        .where(Referral.person_id == person_id)
        .order_by(col(Referral.referral_date).desc(), col(Referral.id).desc())
    ).first()
    return bool(latest)


def _slots(session: Session, person_id: int) -> frozenset[tuple[str, str]]:
    rows = session.exec(select(Availability).where(Availability.person_id == person_id))
    return frozenset((r.weekday, r.part_of_day) for r in rows)


def _modes(session: Session, person_id: int) -> frozenset[str]:
    rows = session.exec(
        select(MeetingModePreference.mode).where(MeetingModePreference.person_id == person_id)
    )
    return frozenset(rows)


def _age(born: date | None, today: date) -> int | None:
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
