"""Training as screens, forms and the command line see it: plain frozen dataclasses, never
rows. The UI imports this module (and the container)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


def in_words(value: date) -> str:
    """3 March 2026."""
    return f"{value.day} {value:%B %Y}"


class CellState(StrEnum):
    """Where a volunteer stands with one module (said in words on screen, never colour alone)."""

    DONE = "done"
    DUE = "due"
    EXPIRED = "expired"
    NOT_DONE = "not done"


@dataclass(frozen=True)
class ModuleView:
    """One module of the course. `records`: how many training records name it."""

    id: int
    name: str
    is_core: bool
    refresher_months: int | None
    position: int
    retired_on: date | None
    records: int = 0

    @property
    def is_retired(self) -> bool:
        return self.retired_on is not None

    @property
    def words(self) -> str:
        """ "Safeguarding (core, refresher every 36 months)"."""
        parts = ["core" if self.is_core else "optional"]
        if self.refresher_months:
            parts.append(f"refresher every {self.refresher_months} months")
        if self.retired_on is not None:
            parts.append(f"retired {in_words(self.retired_on)}")
        return f"{self.name} ({', '.join(parts)})"


@dataclass(frozen=True)
class AttendeeView:
    person_id: int
    name: str
    completed: bool


@dataclass(frozen=True)
class TrainingSessionView:
    """One training session: who trained, the modules covered and who attended."""

    id: int
    session_date: date
    duration_minutes: int
    trainer_person_id: int | None
    trainer_name: str
    trainer_words: str
    notes: str
    module_ids: tuple[int, ...]
    module_names: tuple[str, ...]
    attendees: tuple[AttendeeView, ...]

    @property
    def words(self) -> str:
        """ "3 March 2026: Safeguarding, Confidentiality (6 attending)"."""
        modules = ", ".join(self.module_names) or "no modules"
        return f"{in_words(self.session_date)}: {modules} ({len(self.attendees)} attending)"


@dataclass(frozen=True)
class MatrixCell:
    """One volunteer and one module: the latest completed record's day (`done_on`), the day
    its refresher falls due (`due_on`, None when it never does) and the state today.
    `legacy`: counted as done because they were trained before modules were tracked."""

    module_id: int
    state: CellState
    done_on: date | None = None
    due_on: date | None = None
    legacy: bool = False

    @property
    def words(self) -> str:
        """What the matrix cell says: "done 3 March 2026", "expired 3 March 2026"."""
        if self.state is CellState.NOT_DONE:
            return "not done"
        if self.legacy and self.done_on is not None:
            prefix = f"done by {in_words(self.done_on)} (before modules were tracked)"
        else:
            prefix = f"done {in_words(self.done_on)}" if self.done_on else "done"
        if self.state is CellState.EXPIRED and self.due_on is not None:
            return f"expired {in_words(self.due_on)}"
        if self.state is CellState.DUE and self.due_on is not None:
            return f"due {in_words(self.due_on)}"
        return prefix


@dataclass(frozen=True)
class MatrixRow:
    person_id: int
    name: str
    cells: tuple[MatrixCell, ...]
    trained: bool
    #: Why not trained, in plain words ("Safeguarding expired on 3 March 2026").
    gaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrainingMatrix:
    """Current mentors and facilitators × the modules not retired, in the modules' order."""

    modules: tuple[ModuleView, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True)
class PersonTrainingLine:
    """One module on a person's training record form."""

    module: str
    is_core: bool
    words: str
    state: CellState


@dataclass(frozen=True)
class PersonTraining:
    """A person's training, for the training-record form."""

    person_id: int
    name: str
    trained: bool
    gaps: tuple[str, ...]
    lines: tuple[PersonTrainingLine, ...]
    sessions: tuple[TrainingSessionView, ...]


@dataclass(frozen=True)
class SessionDetails:
    """What a training session form holds. `attendees`: (person id, completed)."""

    on: date
    duration_minutes: int
    module_ids: Sequence[int]
    attendees: Sequence[tuple[int, bool]]
    trainer_person_id: int | None = None
    trainer_name: str = ""
    notes: str = ""


__all__ = [
    "AttendeeView",
    "CellState",
    "MatrixCell",
    "MatrixRow",
    "ModuleView",
    "PersonTraining",
    "PersonTrainingLine",
    "SessionDetails",
    "TrainingMatrix",
    "TrainingSessionView",
    "in_words",
]
