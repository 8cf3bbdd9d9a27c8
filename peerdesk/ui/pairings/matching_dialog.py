"""The matching assistant: pick a person waiting for a mentor, see the mentors who could take
them ranked with the reasons, and the mentors who cannot (yet) with why; propose a pairing."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTabWidget,
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
from peerdesk.ui.widgets.fit_screen import FittingScrollArea, fit_to_screen, natural_size
from peerdesk.ui.widgets.form_rows import FormRows, ProblemLabel, select_data, vocabulary_combo
from peerdesk.ui.widgets.list_rows import keep_rows
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
        self._fitted = False
        outer = QVBoxLayout(self)
        #: Everything but the buttons: scrolls when the screen is too small for it all.
        self.page_area = FittingScrollArea(self)
        self.page_area.setAccessibleName("Find a mentor")
        content = QWidget(self.page_area)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page_area.setWidget(content)
        outer.addWidget(self.page_area, 1)
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
        layout.addWidget(self._build_lists(), 1)
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
        outer.addWidget(buttons)
        self.ranked_view.selectionModel().currentRowChanged.connect(self._on_mentor_changed)
        self.ranked_view.doubleClicked.connect(lambda _i: self._on_propose_clicked())
        self.person.currentIndexChanged.connect(self._on_person_changed)
        if person_id is not None:
            select_data(self.person, person_id)
        self._on_person_changed()

    def _build_lists(self) -> QTabWidget:
        """The two lists of mentors, one tab each: each keeps eight rows in view at any text
        size, which two lists one above the other could not within a laptop's screen."""
        self.lists = QTabWidget(self)
        self.lists.setAccessibleName("Mentors")
        ranked_page = QWidget(self.lists)
        ranked_layout = QVBoxLayout(ranked_page)
        self.ranked_model = RankedModel(MATCH_COLUMNS, lambda m: m.person_id, self)
        # One line a mentor, so eight mentors are in view (wrapped reasons made each row four
        # lines tall at the largest text); the chosen mentor's reasons are shown whole below.
        self.ranked_view = make_table("Mentors who could take them", ranked_page)
        self.ranked_view.setModel(self.ranked_model)
        # The reasons take the width that is left, cut short with "…" (whole when pointed at,
        # and below): fitted to their words they scrolled the list sideways.
        header = self.ranked_view.horizontalHeader()
        header.setSectionResizeMode(len(MATCH_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.ranked_empty = QLabel(ranked_page)
        self.ranked_empty.setWordWrap(True)
        self.reasons = QLabel(ranked_page)
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons.hide()
        ranked_layout.addWidget(self.ranked_empty)
        ranked_layout.addWidget(self.ranked_view)
        ranked_layout.addWidget(self.reasons)
        self.ineligible_model: RowsModel = RowsModel(
            INELIGIBLE_COLUMNS, lambda m: m.person_id, self
        )
        self.ineligible_view = make_table(
            "Mentors who cannot be paired now", self.lists, fit_rows=True
        )
        self.ineligible_view.setModel(self.ineligible_model)
        for view in (self.ranked_view, self.ineligible_view):
            keep_rows(view)
        self.lists.addTab(ranked_page, "")
        self.lists.addTab(self.ineligible_view, "")
        self._name_tabs()
        self.lists.currentChanged.connect(self._on_list_chosen)
        return self.lists

    def _name_tabs(self) -> None:
        """Each tab says how many mentors its list holds (none is worth knowing before
        looking)."""
        result = self.match_result
        could = len(result.ranked) if result else 0
        cannot = len(result.not_eligible) if result else 0
        self.lists.setTabText(0, f"&Mentors who could take them ({could})")
        self.lists.setTabText(1, f"Mentors who &cannot be paired now ({cannot})")

    def _on_list_chosen(self, index: int) -> None:
        """A tab chosen by its access key (Alt+M, Alt+C) puts the keyboard in its list, as
        the labels above the lists did; arrows on the tabs themselves leave it on the tabs."""
        if index == 1:
            # Its rows were measured while the tab was hidden (its columns narrow, each row
            # many lines tall): measured again at the width it has now.
            self.ineligible_view.resizeRowsToContents()
        if not self.isVisible() or self.lists.tabBar().hasFocus():
            return
        view = self.ranked_view if index == 0 else self.ineligible_view
        if view.isVisible():
            view.setFocus(Qt.FocusReason.ShortcutFocusReason)

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

    def setVisible(self, visible: bool) -> None:
        if visible and not self._fitted:
            # Wide enough for a mentor's line to show most of their reasons (at any text size),
            # as tall as everything asks, and never beyond the screen: it scrolls inside then.
            self._fitted = True
            wide = self.fontMetrics().averageCharWidth() * 100
            self.resize(max(wide, natural_size(self).width()), natural_size(self).height())
            fit_to_screen(self, self.page_area)
        super().setVisible(visible)

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
            self._name_tabs()
            self._show_empty()
            self._on_mentor_changed()
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
            "Best match first: reasons for a mentor add to the score; reasons against take "
            "away."
        )
        self.ranked_model.set_rows(self.match_result.ranked)
        self.ineligible_model.set_rows(self.match_result.not_eligible)
        self._name_tabs()
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
                "No mentor can take this person right now. The tab Mentors who cannot be paired "
                "now says why; a mentor finishing training or a pairing ending will change that."
            )
        elif self.match_result is None:
            self.ranked_empty.setText("Choose a person to see who could mentor them.")

    def _on_mentor_changed(self, *_args: QModelIndex) -> None:
        mentor = self.selected_mentor()
        self.propose_button.setEnabled(mentor is not None)
        self.reasons.setText(
            f"{mentor.name}, score {mentor.score}. {mentor.summary}" if mentor else ""
        )
        self.reasons.setVisible(mentor is not None)

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
