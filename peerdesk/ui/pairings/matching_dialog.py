"""The matching assistant: pick a person waiting for a mentor, see the mentors who could take
them ranked with the reasons, and the mentors who cannot (yet) with why; propose a pairing."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.views import (
    MatchResult,
    PairingPlan,
    RankedMentor,
    waited_words,
)
from peerdesk.ui.pairings.models import INELIGIBLE_COLUMNS, MATCH_COLUMNS, RankedModel
from peerdesk.ui.projects.project_choice import ProjectChoice
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import FormRows, ProblemLabel, select_data, vocabulary_combo
from peerdesk.ui.widgets.rows_model import ID_ROLE, RowsModel
from peerdesk.ui.widgets.tables import make_table
from peerdesk.vocabulary import MeetingFrequency, MeetingMode, SupportedAs


class MatchingDialog(QDialog):
    pairing_proposed = Signal(int)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, person_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.match_result: MatchResult | None = None
        self.proposed_id: int | None = None
        self.setWindowTitle("Find a mentor")
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.person = FormRows(form).add(
            "&Waiting for a mentor", QComboBox(self), field="mentee_id"
        )
        self.waiting = services.pairings.waiting()
        for row in self.waiting:
            kind = " (carer)" if row.supported_as == SupportedAs.CARER else ""
            waited = waited_words(row.days_waiting).lower()  # "3 weeks", never "1015 days"
            self.person.addItem(f"{row.name}{kind}, waiting {waited}", row.person_id)
        if person_id is not None and self.person.findData(person_id) < 0:
            person = services.people.get(person_id)
            self.person.insertItem(0, person.display_name, person_id)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        layout.addWidget(self.about)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        ranked_label = QLabel("&Mentors who could take them, best match first:", top)
        self.ranked_model = RankedModel(MATCH_COLUMNS, lambda m: m.person_id, self)
        self.ranked_view = make_table("Mentors who could take them", top, fit_rows=True)
        self.ranked_view.setModel(self.ranked_model)
        ranked_label.setBuddy(self.ranked_view)
        self.ranked_empty = QLabel(top)
        self.ranked_empty.setWordWrap(True)
        top_layout.addWidget(ranked_label)
        top_layout.addWidget(self.ranked_empty)
        top_layout.addWidget(self.ranked_view)
        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        ineligible_label = QLabel("Mentors who &cannot be paired now, and why:", bottom)
        self.ineligible_model: RowsModel = RowsModel(
            INELIGIBLE_COLUMNS, lambda m: m.person_id, self
        )
        self.ineligible_view = make_table("Mentors who cannot be paired now", bottom, fit_rows=True)
        self.ineligible_view.setModel(self.ineligible_model)
        ineligible_label.setBuddy(self.ineligible_view)
        bottom_layout.addWidget(ineligible_label)
        bottom_layout.addWidget(self.ineligible_view)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([380, 180])
        layout.addWidget(splitter, 1)
        self._build_plan(layout)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.propose_button = buttons.addButton(
            "&Propose pairing with this mentor", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.propose_button.setEnabled(False)
        buttons.accepted.connect(self._on_propose_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ranked_view.selectionModel().currentRowChanged.connect(self._on_mentor_changed)
        self.ranked_view.doubleClicked.connect(lambda _i: self._on_propose_clicked())
        self.person.currentIndexChanged.connect(self._on_person_changed)
        if person_id is not None:
            select_data(self.person, person_id)
        self._on_person_changed()

    def _build_plan(self, layout: QVBoxLayout) -> None:
        """How they will meet and from when: problems with these show under them."""
        plan = QFormLayout()
        layout.addLayout(plan)
        self.plan_rows = FormRows(plan)
        self.frequency = self.plan_rows.add(
            "How &often they will meet",
            vocabulary_combo(MeetingFrequency, MeetingFrequency.FORTNIGHTLY, self),
            field="meeting_frequency",
        )
        self.mode = self.plan_rows.add(
            "How they will mee&t", vocabulary_combo(MeetingMode, parent=self), field="usual_mode"
        )
        self.proposed_on = self.plan_rows.add(
            "Propo&sed on",
            DateBox(self.services.today(), self, today=self.services.today),
            field="proposed_on",
        )
        # The mentee's referral's project to start with (`_on_person_changed`); shown only
        # when the organisation has projects.
        self.project = self.plan_rows.add(
            "Pro&ject", ProjectChoice(self.services, parent=self), field="project_id"
        )
        self.plan_rows.set_visible("project_id", self.project.has_choices)

    # -- reading ---------------------------------------------------------------------------
    def selected_mentor(self) -> RankedMentor | None:
        index = self.ranked_view.currentIndex()
        if not index.isValid():
            return None
        return self.ranked_model.row_at(index.row())

    def select_mentor(self, person_id: int) -> bool:
        for row in range(self.ranked_model.rowCount()):
            index = self.ranked_model.index(row, 1)
            if index.data(ID_ROLE) == person_id:
                self.ranked_view.setCurrentIndex(index)
                return True
        return False

    # -- slots -----------------------------------------------------------------------------
    def _on_person_changed(self, _index: int = 0) -> None:
        self.problem.clear_error()
        person_id = self.person.currentData()
        if person_id is None:
            self.match_result = None
            self.about.setText(
                "Nobody is waiting for a mentor at the moment. When a referral is taken, the "
                "person appears here."
            )
            self.ranked_model.set_rows([])
            self.ineligible_model.set_rows([])
            self._show_empty()
            return
        self.project.set_value(self.services.projects.of_referral(int(person_id)))
        self.plan_rows.set_visible("project_id", self.project.has_choices)
        try:
            self.match_result = self.services.matching.match(int(person_id))
        except PeerdeskError as error:
            self.problem.show_error(error)
            return
        seeker = self.match_result.seeker
        conditions = ", ".join(sorted(seeker.conditions)) or "none recorded"
        self.about.setText(
            f"{seeker.name}: conditions {conditions}; area {seeker.area or 'not recorded'}. "
            "Reasons for a mentor add to the score; reasons against take away."
        )
        self.ranked_model.set_rows(self.match_result.ranked)
        self.ineligible_model.set_rows(self.match_result.not_eligible)
        self.ranked_view.resizeRowsToContents()
        self.ineligible_view.resizeRowsToContents()
        modes = seeker.modes
        for mode in MeetingMode:
            if mode.value in modes:
                select_data(self.mode, mode.value)
                break
        self._show_empty()
        if self.match_result.ranked:
            self.ranked_view.setCurrentIndex(self.ranked_model.index(0, 1))
        self._on_mentor_changed()

    def _show_empty(self) -> None:
        ranked = bool(self.match_result and self.match_result.ranked)
        self.ranked_empty.setVisible(not ranked)
        self.ranked_view.setVisible(ranked)
        if self.match_result is not None and not ranked:
            self.ranked_empty.setText(
                "No mentor can take this person right now. The list below says why; a mentor "
                "finishing training or a pairing ending will change that."
            )
        elif self.match_result is None:
            self.ranked_empty.setText("Choose a person to see who could mentor them.")

    def _on_mentor_changed(self, *_args: QModelIndex) -> None:
        self.propose_button.setEnabled(self.selected_mentor() is not None)

    def propose(self) -> bool:
        self.problem.clear_error()
        self.plan_rows.clear_problems()
        mentor = self.selected_mentor()
        person_id = self.person.currentData()
        if mentor is None or person_id is None:
            self.problem.setText("⚠ Choose a person and a mentor first.")
            self.problem.show()
            return False
        waiting = next((w for w in self.waiting if w.person_id == person_id), None)
        supported_as = waiting.supported_as if waiting else SupportedAs.MENTEE.value
        try:
            pairing = self.services.pairings.propose(
                PairingPlan(
                    mentor_id=mentor.person_id,
                    mentee_id=int(person_id),
                    supported_as=supported_as,
                    meeting_frequency=str(self.frequency.currentData()),
                    usual_mode=str(self.mode.currentData()),
                    proposed_on=self.proposed_on.day(),
                    project_id=self.project.value(),
                )
            )
        except ValidationError as error:
            # Under the input it names, or (the mentor, the person) at the foot.
            if not self.plan_rows.show_problem(error.field, error.message):
                self.problem.show_error(error)
            return False
        except PeerdeskError as error:
            self.problem.show_error(error)
            return False
        self.proposed_id = pairing.id
        self.pairing_proposed.emit(pairing.id)
        return True

    def _on_propose_clicked(self) -> None:
        if self.propose():
            self.accept()
