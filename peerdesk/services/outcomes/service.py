"""`services.outcomes`: a person's wellbeing score sets, and the scale they answer.

A score set is one sitting of the scale: the date, when it was (before, during or after
support), the pairing or group it belongs to, and one answer (1 to 5) a question. The total
is worked out here (the sum); the scale's name and each question are stored as they were,
so a later change of scale in Settings never alters past scores. Adding, editing and
removing are one change set each (services/corrections.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from peerdesk.data.models import (
    GroupMember,
    Organisation,
    OutcomeAnswer,
    OutcomeScore,
    Pairing,
    PeerGroup,
    Person,
)
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import apply_fields, change_set, remove_row
from peerdesk.services.mentoring.reviews import names_of
from peerdesk.services.outcomes import scale as s
from peerdesk.services.outcomes.views import (
    BelongsTo,
    ChartPoint,
    PersonScores,
    ScaleView,
    ScoreEntry,
    ScoreSetView,
)
from peerdesk.vocabulary import OutcomeTiming

TIMING_WORDS = {
    OutcomeTiming.BEFORE.value: "Before support",
    OutcomeTiming.DURING.value: "During support",
    OutcomeTiming.AFTER.value: "After support",
}


def in_words(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


class OutcomeService(Service):
    # -- the scale -----------------------------------------------------------------------
    def scale(self) -> ScaleView:
        with self.db.session() as session:
            row = session.exec(select(Organisation)).first()
        saved_name = row.outcome_measure_name if row is not None else ""
        saved_questions = row.outcome_questions if row is not None else ""
        return ScaleView(
            name=s.name_of(saved_name),
            questions=s.questions_of(saved_questions),
            answer_words=s.ANSWER_WORDS,
            own=not saved_questions.strip(),
            saved_name=saved_name,
            saved_questions=saved_questions,
        )

    def save_scale(self, name: str, questions: str) -> ScaleView:
        """Settings ▸ Outcome scale: the scale's name and questions (one a line); both empty
        means peerdesk's own. A scale's questions need its name, so the two travel together."""
        checked = s.checked_questions(questions)
        measure = v.short_text(name, "outcome_measure_name", "the scale's name")
        if checked and not measure:
            raise ValidationError(
                "Please give the scale's name too: it is printed on the form and kept with "
                "every score set, so scores from different scales are never added together.",
                "outcome_measure_name",
            )
        with change_set(self.db, description="Changed the outcome scale") as session:
            row = session.exec(select(Organisation)).first()
            if row is None:
                raise ValidationError(
                    "Please save your organisation's details first (its name at least).",
                    "outcome_measure_name",
                )
            apply_fields(row, {"outcome_measure_name": measure, "outcome_questions": checked})
        return self.scale()

    # -- recording -----------------------------------------------------------------------
    def record(self, person_id: int, entry: ScoreEntry) -> ScoreSetView:
        """Record a score set for the person, answered on today's scale."""
        scale = self.scale()
        with self.db.session() as reading:
            person = get_or_raise(reading, Person, person_id, "person")
            fields = self._fields(reading, person, entry, scale.questions)
        timing = TIMING_WORDS[fields["timing"]].lower()
        description = f"Recorded wellbeing scores ({timing}) on {in_words(entry.scored_on)}"
        with change_set(self.db, description=description) as session:
            row = OutcomeScore(person_id=person_id, measure=scale.name, **fields)
            session.add(row)
            session.flush()
            assert row.id is not None
            for position, (question, answer) in enumerate(
                zip(scale.questions, checked_answers(entry.answers), strict=True), start=1
            ):
                session.add(
                    OutcomeAnswer(
                        score_id=row.id, position=position, question=question, answer=answer
                    )
                )
            session.flush()
            return _view(session, row)

    def update(self, score_id: int, entry: ScoreEntry) -> ScoreSetView:
        """Put right a score set: its answers to the questions it was asked with (never the
        scale in Settings now), its timing, date and what it belongs to."""
        with self.db.session() as reading:
            row = get_or_raise(reading, OutcomeScore, score_id, "score set")
            person = get_or_raise(reading, Person, row.person_id, "person")
            asked = tuple(a.question for a in _answers(reading, score_id))
            fields = self._fields(reading, person, entry, asked)
        if not asked:
            fields["score"] = row.score  # kept as a total only (recorded before 0.4.0)
        description = f"Edited wellbeing scores on {in_words(entry.scored_on)}"
        with change_set(self.db, description=description) as session:
            saved = apply_fields(get_or_raise(session, OutcomeScore, score_id, "score set"), fields)
            given = checked_answers(entry.answers)
            for answer in _answers(session, score_id):
                apply_fields(answer, {"answer": given[answer.position - 1]})
            session.flush()
            return _view(session, saved)

    def remove(self, score_id: int, reason: str) -> str:
        """Remove a score set entered in error, with its answers (one change set)."""
        return remove_row(
            self.db,
            OutcomeScore,
            score_id,
            what="score set",
            reason=reason,
            describe=lambda r: (
                f"Removed wellbeing scores ({TIMING_WORDS.get(r.timing, r.timing).lower()}) "
                f"on {in_words(r.scored_on)}"
            ),
            dependents=lambda session, r: _answers(session, r.id or 0),
        )

    # -- reading -------------------------------------------------------------------------
    def for_person(self, person_id: int) -> PersonScores:
        with self.db.session() as session:
            rows = session.exec(
                select(OutcomeScore)
                .where(OutcomeScore.person_id == person_id)
                .order_by(col(OutcomeScore.scored_on), col(OutcomeScore.id))
            ).all()
            sets = tuple(_view(session, row) for row in rows)
        points = tuple(ChartPoint(x.scored_on, x.timing, x.total, x.out_of) for x in sets)
        words = "; ".join(
            f"{TIMING_WORDS[x.timing].split()[0].lower()} {x.total_words} on {in_words(x.scored_on)}"
            for x in sets
        )
        description = (
            words[:1].upper() + words[1:] if words else "No wellbeing scores recorded yet."
        )
        return PersonScores(sets=sets, points=points, description=description)

    def get(self, score_id: int) -> ScoreSetView:
        with self.db.session() as session:
            return _view(session, get_or_raise(session, OutcomeScore, score_id, "score set"))

    def belongs_to_choices(self, person_id: int) -> list[BelongsTo]:
        """The person's own pairings (as mentee) and groups (as member), newest first."""
        with self.db.session() as session:
            pairings = session.exec(
                select(Pairing)
                .where(Pairing.mentee_id == person_id)
                .order_by(col(Pairing.proposed_on).desc())
            ).all()
            mentors = names_of(session, {p.mentor_id for p in pairings})
            groups = session.exec(
                select(PeerGroup)
                .join(GroupMember, col(GroupMember.group_id) == col(PeerGroup.id))
                .where(GroupMember.person_id == person_id)
                .order_by(col(PeerGroup.name))
            ).all()
        return [
            BelongsTo(_pairing_label(p, mentors.get(p.mentor_id, "")), pairing_id=p.id)
            for p in pairings
        ] + [BelongsTo(f"Group: {g.name}", group_id=g.id) for g in groups]

    # -- checks (adding and editing alike) -----------------------------------------------
    def _fields(
        self, session: Session, person: Person, entry: ScoreEntry, questions: tuple[str, ...]
    ) -> dict[str, Any]:
        timing = v.one_of(entry.timing, OutcomeTiming, "timing", "when the scores were taken")
        if entry.scored_on is None:
            raise ValidationError("Please enter the date the scores were taken.", "scored_on")
        v.not_in_future(entry.scored_on, self.today(), "scored_on", "the date of the scores")
        total = _total(entry.answers, questions)
        _check_belongs(session, person, entry)
        return {
            "timing": timing.value,
            "scored_on": entry.scored_on,
            "score": float(total),
            "pairing_id": entry.pairing_id,
            "group_id": entry.group_id,
        }


def _total(answers: tuple[int | None, ...], questions: tuple[str, ...]) -> int:
    """The sum of the answers, each checked: one a question, each 1 to 5."""
    if not questions:
        if answers:
            raise ValidationError(
                "These scores were kept as a total only: there are no answers to change.",
                "answers",
            )
        return 0
    if len(answers) != len(questions):
        raise ValidationError(
            f"Please give one answer for each of the {len(questions)} questions "
            f"({len(answers)} were given).",
            "answers",
        )
    for number, (question, answer) in enumerate(zip(questions, answers, strict=True), start=1):
        if answer is None:
            raise ValidationError(
                f"Please answer question {number} (“{question}”).", f"answer_{number}"
            )
        if not s.LOWEST <= answer <= s.HIGHEST:
            raise ValidationError(
                f"The answer to question {number} should be from {s.LOWEST} "
                f"({s.ANSWER_WORDS[0].lower()}) to {s.HIGHEST} ({s.ANSWER_WORDS[-1].lower()}), "
                f"not {answer}.",
                f"answer_{number}",
            )
    return sum(a for a in answers if a is not None)


def checked_answers(answers: tuple[int | None, ...]) -> tuple[int, ...]:
    """The answers once `_total` has checked them (none is missing)."""
    return tuple(a for a in answers if a is not None)


def _check_belongs(session: Session, person: Person, entry: ScoreEntry) -> None:
    """The pairing or group chosen must be the person's own (as mentee, or as member)."""
    name = f"{person.preferred_name or person.first_name} {person.last_name}".strip()
    if entry.pairing_id is not None and entry.group_id is not None:
        raise ValidationError(
            "Scores belong to one pairing or one group, not both: please choose one.",
            "belongs_to",
        )
    if entry.pairing_id is not None:
        pairing = session.get(Pairing, entry.pairing_id)
        if pairing is None or pairing.mentee_id != person.id:
            raise ValidationError(
                f"That pairing is not one of {name}'s (as the person supported): please "
                "choose one of theirs, or none.",
                "belongs_to",
            )
    if entry.group_id is not None:
        member = session.get(GroupMember, (entry.group_id, person.id))
        if member is None:
            raise ValidationError(
                f"{name} is not a member of that group: please choose one of theirs, or none.",
                "belongs_to",
            )


def _answers(session: Session, score_id: int) -> list[OutcomeAnswer]:
    return list(
        session.exec(
            select(OutcomeAnswer)
            .where(OutcomeAnswer.score_id == score_id)
            .order_by(col(OutcomeAnswer.position))
        )
    )


def _pairing_label(pairing: Pairing, mentor: str) -> str:
    return (
        f"Pairing {pairing.reference} with {mentor}" if mentor else f"Pairing {pairing.reference}"
    )


def _view(session: Session, row: OutcomeScore) -> ScoreSetView:
    assert row.id is not None
    answers = _answers(session, row.id)
    belongs = ""
    if row.pairing_id is not None:
        pairing = session.get(Pairing, row.pairing_id)
        if pairing is not None:
            mentor = names_of(session, {pairing.mentor_id}).get(pairing.mentor_id, "")
            belongs = _pairing_label(pairing, mentor)
    elif row.group_id is not None:
        group = session.get(PeerGroup, row.group_id)
        belongs = f"Group: {group.name}" if group is not None else ""
    return ScoreSetView(
        id=row.id,
        person_id=row.person_id,
        scored_on=row.scored_on,
        timing=row.timing,
        timing_label=TIMING_WORDS.get(row.timing, row.timing),
        measure=row.measure,
        total=round(row.score),
        out_of=5 * len(answers) if answers else None,
        questions=tuple(a.question for a in answers),
        answers=tuple(a.answer for a in answers),
        belongs_to=belongs,
        pairing_id=row.pairing_id,
        group_id=row.group_id,
    )
