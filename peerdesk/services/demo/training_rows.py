"""Demo training: the course run as a few sessions once or twice a year, and refreshers.

Volunteers who reached the journey's training step are taught together: those whose step
fell in the same half year make one course (up to ten a course), which starts once the last
of them has reached the step and covers the modules over three sessions a week apart, each
with an external trainer. Safeguarding and Confidentiality are refreshed every three years
at a refresher session each spring and autumn, which most of those nearly due attend, so
most active mentors are trained and a few have a refresher due or expired. A few attendees
miss part of a course (not completed).

Drawn from its own random source, seeded from the demo's, so every other demo row of a seed
stays as it was; the same seed always gives the same training. The modules are written too
when there are none (after --force wipes the database)."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import col, select

from peerdesk.data.models import (
    TrainingModule,
    TrainingRecord,
    TrainingSession,
    TrainingSessionModule,
    VolunteerStageChange,
)
from peerdesk.services.demo import vocabulary as vocab
from peerdesk.services.demo.state import BuilderState
from peerdesk.services.training.matrix import add_months

#: The course in three sessions: the modules' places in `vocab.TRAINING_MODULES`.
COURSE = ((0, 1, 2, 3), (4, 5, 6, 7), (8, 9))
REFRESHED = (8, 9)
TRAINERS = ("Scottish Recovery Network", "Highland Peer Training Collective")
REFRESHER_TRAINER = "Highland Council safeguarding team"
MOST_IN_A_COURSE = 10
FEWEST_IN_A_COURSE = 4
#: How often an attendee misses a session (their records say not completed).
MISSED = 0.04
#: How often someone nearly due goes to a refresher session.
REFRESHES = 0.8


@dataclass(frozen=True)
class Module:
    id: int
    name: str
    minutes: int


def write_training_rows(state: BuilderState) -> None:
    """Write the courses and refreshers (after the volunteers' journeys are written)."""
    state.flush()
    rng = random.Random(f"training-{state.rng.getstate()[1][:4]}")
    modules = _modules(state)
    steps = state.s.exec(
        select(VolunteerStageChange).where(VolunteerStageChange.stage == "training")
    )
    trainees = sorted((step.changed_on, step.person_id) for step in steps)
    halves: dict[tuple[int, int], list[tuple[date, int]]] = defaultdict(list)
    for day, person_id in trainees:
        halves[(day.year, (day.month - 1) // 6)].append((day, person_id))
    # A few came having done the council's safeguarding training a while before: they skip
    # the course's session of it, and their refreshers fall due about now (the matrix shows
    # them due or expired, for the coordinator to arrange).
    people = sorted({person for _day, person in trainees})
    before = sorted(rng.sample(people, min(len(people), max(3, len(people) // 10))))
    refreshed: dict[int, date] = {}
    for course in _courses([group for _half, group in sorted(halves.items())]):
        refreshed |= _course(state, rng, modules, course, set(before))
    _refreshers(state, rng, [modules[p] for p in REFRESHED], refreshed)
    for n, person_id in enumerate(before):
        # About 36 months ago: every other one expired in the last weeks, the rest due soon.
        days = rng.randint(-40, -1) if n % 2 == 0 else rng.randint(1, 25)
        on = add_months(state.today, -36) + timedelta(days=days)
        for module in (modules[p] for p in REFRESHED):
            state.add(
                TrainingRecord(
                    id=state.ids("training_record"),
                    person_id=person_id,
                    module=module.name,
                    training_date=on,
                    duration_minutes=module.minutes,
                    completed=True,
                    module_id=module.id,
                ),
                "training records",
            )
    state.flush()


def _course(
    state: BuilderState,
    rng: random.Random,
    modules: Sequence[Module],
    course: Sequence[tuple[date, int]],
    before: set[int],
) -> dict[int, date]:
    """One course's sessions, a week apart from a week after the last of them reached the
    training step (those still to come are not written); who completed its Confidentiality
    and Safeguarding, and when."""
    refreshed: dict[int, date] = {}
    start = max(day for day, _person in course) + timedelta(days=7)
    people = [person for _day, person in course]
    trainer = rng.choice(TRAINERS)
    for step, places in enumerate(COURSE):
        on = start + timedelta(days=7 * step)
        if on > state.today:
            break  # the rest of this course is still to come
        came = [p for p in people if not (places == REFRESHED and p in before)]
        attended = [(p, rng.random() >= MISSED) for p in came]
        if attended:
            _session(state, on, [modules[p] for p in places], attended, trainer)
        if places == REFRESHED:
            refreshed.update({p: on for p, done in attended if done})
    return refreshed


def _courses(halves: list[list[tuple[date, int]]]) -> list[list[tuple[date, int]]]:
    """The courses: each half year's trainees, those of a half with too few for a course
    waiting for the next, shared evenly between courses of at most ten."""
    courses: list[list[tuple[date, int]]] = []
    waiting: list[tuple[date, int]] = []
    for number, group in enumerate(halves, 1):
        waiting += group
        if len(waiting) < FEWEST_IN_A_COURSE and number < len(halves):
            continue
        count = -(-len(waiting) // MOST_IN_A_COURSE)
        for n in range(count):
            courses.append(waiting[n::count])
        waiting = []
    return courses


def _modules(state: BuilderState) -> list[Module]:
    rows = list(state.s.exec(select(TrainingModule).order_by(col(TrainingModule.position))))
    if not rows:
        for position, (name, core, months, _minutes) in enumerate(vocab.TRAINING_MODULES, 1):
            state.add(
                TrainingModule(
                    id=state.ids("training_module"),
                    name=name,
                    is_core=core,
                    refresher_months=months,
                    position=position,
                )
            )
        state.flush()
        rows = list(state.s.exec(select(TrainingModule).order_by(col(TrainingModule.position))))
    by_name = {row.name: row for row in rows}
    # The demo's course is the seeded one, by name (a coordinator's renaming is theirs).
    return [
        Module(by_name[name].id or 0, name, minutes)
        for name, _core, _months, minutes in vocab.TRAINING_MODULES
        if name in by_name
    ]


def _refreshers(
    state: BuilderState, rng: random.Random, modules: Sequence[Module], done: dict[int, date]
) -> None:
    """A refresher session each spring and autumn, for most of those due within a year."""
    if not done:
        return
    day = date(min(done.values()).year, 3, 10)
    while day <= state.today:
        due = [
            person
            for person, on in sorted(done.items())
            if add_months(on, 36) <= day + timedelta(days=365) and add_months(on, 30) <= day
        ]
        attending = [p for p in due if rng.random() < REFRESHES]
        if attending:
            _session(state, day, modules, [(p, True) for p in attending], REFRESHER_TRAINER)
            done.update({p: day for p in attending})
        day = date(day.year, 9, 10) if day.month == 3 else date(day.year + 1, 3, 10)


def _session(
    state: BuilderState,
    on: date,
    modules: Sequence[Module],
    attended: Sequence[tuple[int, bool]],
    trainer: str,
) -> None:
    session_id = state.ids("training_session")
    state.add(
        TrainingSession(
            id=session_id,
            session_date=on,
            duration_minutes=sum(m.minutes for m in modules),
            trainer_name=trainer,
        ),
        "training sessions",
    )
    for module in modules:
        state.add(TrainingSessionModule(session_id=session_id, module_id=module.id))
    for person_id, completed in attended:
        for module in modules:
            state.add(
                TrainingRecord(
                    id=state.ids("training_record"),
                    person_id=person_id,
                    module=module.name,
                    training_date=on,
                    duration_minutes=module.minutes,
                    completed=completed,
                    module_id=module.id,
                    training_session_id=session_id,
                ),
                "training records",
            )
