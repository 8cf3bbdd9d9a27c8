"""Recording (or putting right) one wellbeing score set: when, the date, what it belongs to,
and one answer (1 to 5) a question, with the total shown as the answers are chosen.

The questions are the scale's in Settings for a new set, and the set's own when editing (a
later change of scale never alters the questions a set was asked). Each question's words
wrap above its answer, so a long question reads whole at the largest text size.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.services.outcomes.views import ScoreEntry, ScoreSetView
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import clear_problem_mark, mark_problem
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.vocabulary import OutcomeTiming

TIMINGS = (
    ("Before support", OutcomeTiming.BEFORE.value),
    ("During support", OutcomeTiming.DURING.value),
    ("After support", OutcomeTiming.AFTER.value),
)


class ScoreDialog(RecordDialog):
    """Add a score set for `person_id`; `edit_set(view)` opens it on a saved one."""

    def __init__(
        self,
        services: Services,
        person_id: int,
        parent: QWidget | None = None,
        *,
        editing: ScoreSetView | None = None,
    ) -> None:
        scale = services.outcomes.scale()
        questions = editing.questions if editing is not None else scale.questions
        self.measure = editing.measure if editing is not None else scale.name
        super().__init__(
            services,
            parent,
            title="Record wellbeing scores",
            intro=f"{self.measure}: choose the answer the person gave to each question, from "
            f"1 ({scale.answer_words[0].lower()}) to 5 ({scale.answer_words[-1].lower()}). "
            "The total is worked out for you.",
        )
        self.person_id = person_id
        self.kept_total = editing.total if editing is not None and not questions else None
        self.timing = QComboBox()
        for words, value in TIMINGS:
            self.timing.addItem(words, value)
        self.on = DateBox(services.today(), today=services.today)
        self.belongs = QComboBox()
        self.belongs.addItem("Nothing in particular", None)
        for choice in services.outcomes.belongs_to_choices(person_id):
            self.belongs.addItem(choice.label, (choice.pairing_id, choice.group_id))
        if self.belongs.count() > 1:
            self.belongs.setCurrentIndex(1)  # their newest pairing or group
        if services.outcomes.for_person(person_id).sets:
            self.timing.setCurrentIndex(2)  # a "before" set is in: the next is usually "after"
        self.rows.add("&When", self.timing, field="timing")
        self.rows.add("&Date taken", self.on, field="scored_on")
        self.rows.add(
            "&Belongs to",
            self.belongs,
            field="belongs_to",
            help_text="Their pairing or group: the figures of its project count the scores.",
        )
        self.answers: list[QComboBox] = []
        self._answer_problems: dict[str, tuple[QComboBox, QLabel]] = {}
        self._build_questions(questions, scale.answer_words)
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.body.addWidget(self.total)
        self._update_total()
        if editing is not None:
            self.edit(editing.id, editing, title="Edit wellbeing scores")
        self._fit_screen()

    def _fit_screen(self) -> None:
        """Open tall enough for most questions to show, never taller than the screen (the
        questions scroll at large text sizes)."""
        room = self.screen().availableGeometry()
        hint = self.sizeHint()
        self.resize(
            min(max(hint.width(), 40 * self.fontMetrics().averageCharWidth()), room.width()),
            min(hint.height(), room.height() * 9 // 10),
        )

    def _build_questions(self, questions: tuple[str, ...], words: tuple[str, ...]) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        for number, question in enumerate(questions, start=1):
            caption = QLabel(f"{number}. {question}")
            caption.setWordWrap(True)
            answer = QComboBox()
            answer.addItem("Choose an answer", None)
            for value, word in enumerate(words, start=1):
                answer.addItem(f"{value}: {word}", value)
            answer.setAccessibleName(f"Question {number}: {question}")
            caption.setBuddy(answer)
            answer.currentIndexChanged.connect(self._update_total)
            problem = QLabel()
            problem.setObjectName("problem")
            problem.setWordWrap(True)
            problem.hide()
            for widget in (caption, answer, problem):
                column.addWidget(widget)
            self.answers.append(answer)
            self._answer_problems[f"answer_{number}"] = (answer, problem)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName("Questions")
        scroll.setWidget(holder)
        scroll.setVisible(bool(questions))
        self.body.addWidget(scroll, 1)

    def _update_total(self, *_args: object) -> None:
        if self.kept_total is not None:
            self.total.setText(f"Total: {self.kept_total} (kept as a total only)")
            return
        chosen = [box.currentData() for box in self.answers]
        given = [value for value in chosen if value is not None]
        out_of = 5 * len(chosen)
        missing = len(chosen) - len(given)
        if missing:
            still = "1 question" if missing == 1 else f"{missing} questions"
            self.total.setText(f"Total so far: {sum(given)} of {out_of} ({still} to answer)")
        else:
            self.total.setText(f"Total: {sum(given)} of {out_of}")

    # -- editing -------------------------------------------------------------------------
    def load(self, view: ScoreSetView) -> None:
        self.timing.setCurrentIndex(max(0, self.timing.findData(view.timing)))
        self.on.set_value(view.scored_on)
        index = self.belongs.findData((view.pairing_id, view.group_id))
        self.belongs.setCurrentIndex(max(0, index))
        for box, value in zip(self.answers, view.answers, strict=False):
            box.setCurrentIndex(max(0, box.findData(value)))

    def entry(self) -> ScoreEntry:
        pairing_id, group_id = self.belongs.currentData() or (None, None)
        return ScoreEntry(
            timing=str(self.timing.currentData()),
            scored_on=self.on.day(),
            answers=tuple(box.currentData() for box in self.answers),
            pairing_id=pairing_id,
            group_id=group_id,
        )

    def add_record(self) -> None:
        self.services.outcomes.record(self.person_id, self.entry())

    def update_record(self, record_id: int) -> None:
        self.services.outcomes.update(record_id, self.entry())

    # -- problems under each answer ------------------------------------------------------
    def show_problem(self, error: PeerdeskError) -> None:
        field = error.field if isinstance(error, ValidationError) else None
        shown = self._answer_problems.get(field or "")
        if shown is None:
            super().show_problem(error)
            return
        answer, problem = shown
        problem.setText(error.message)
        problem.show()
        answer.setFocus()
        # "Question 3", not the whole question again, before the problem.
        mark_problem(answer, error.message, name=answer.accessibleName().split(":")[0])

    def clear_problems(self) -> None:
        super().clear_problems()
        for answer, problem in self._answer_problems.values():
            problem.clear()
            problem.hide()
            clear_problem_mark(answer)

    def problem_text(self, field: str | None = None) -> str:
        shown = self._answer_problems.get(field or "")
        if shown is not None:
            return shown[1].text() if not shown[1].isHidden() else ""
        return super().problem_text(field)
