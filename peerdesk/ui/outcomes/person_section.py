"""The person page's "Wellbeing scores" section: their score sets in a table, a small chart
of the totals over time (with the trend in words), and Record, Edit and Remove."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel

from peerdesk.services import Services
from peerdesk.services.outcomes.views import ScoreSetView
from peerdesk.services.people.views import PersonView
from peerdesk.ui.outcomes.score_chart import ScoreChart
from peerdesk.ui.outcomes.score_dialog import ScoreDialog
from peerdesk.ui.people.section import Section
from peerdesk.ui.widgets import EmptyState, RecordTable
from peerdesk.ui.widgets.corrections import CorrectionsBar, RemoveDialog, run
from peerdesk.ui.widgets.words import day, table_day

#: Alt+O records in each tab of the person page that records something (person_tabs.py).
RECORD_TEXT = "Rec&ord wellbeing scores…"


class WellbeingSection(Section):
    changed = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__("Wellbeing scores")
        self.services = services
        self.person_id: int | None = None
        self._sets: dict[int, ScoreSetView] = {}
        self.empty = EmptyState()
        self.chart = ScoreChart(self)
        self.trend = QLabel()
        self.trend.setWordWrap(True)
        self.table = RecordTable(
            ("Date", "When", "Total", "Belongs to", "Scale"), "Wellbeing scores"
        )
        self.corrections = CorrectionsBar(
            self.table,
            self._edit,
            self._remove,
            what="wellbeing score set",
        )
        for position, widget in enumerate(
            (self.empty, self.chart, self.trend, self.table, self.corrections), start=1
        ):
            self.column.insertWidget(position, widget)
        self.record_button = self.add_action(RECORD_TEXT, self.record)

    def show_person(self, person: PersonView) -> None:
        self.person_id = person.id
        scores = self.services.outcomes.for_person(person.id)
        self._sets = {s.id: s for s in scores.sets}
        self.table.set_rows(
            [
                (
                    s.id,
                    (
                        table_day(s.scored_on),
                        s.timing_label,
                        s.total_words,
                        s.belongs_to or "Nothing in particular",
                        s.measure,
                    ),
                )
                for s in scores.sets
            ]
        )
        self.chart.set_scores(scores)
        self.trend.setText(scores.description)
        has_sets = bool(scores.sets)
        for widget in (self.chart, self.trend, self.table, self.corrections):
            widget.setVisible(has_sets)
        self.empty.say(
            "No wellbeing scores recorded yet. Print the wellbeing check (Print…) for them to "
            "fill in before support starts and again at the end, then record their answers here."
        )
        self.empty.setVisible(not has_sets)

    def record(self) -> ScoreDialog | None:
        """Open the dialog for a new score set (returned for tests once closed)."""
        if self.person_id is None:
            return None
        dialog = ScoreDialog(self.services, self.person_id, self)
        if run(dialog):
            self.changed.emit()
        return dialog

    def _edit(self, score_id: int) -> None:
        if self.person_id is None or score_id not in self._sets:
            return
        dialog = ScoreDialog(self.services, self.person_id, self, editing=self._sets[score_id])
        if run(dialog):
            self.changed.emit()

    def _remove(self, score_id: int) -> None:
        chosen = self._sets.get(score_id)
        if chosen is None:
            return
        what = f"the wellbeing scores of {day(chosen.scored_on)}"
        remove = RemoveDialog(
            self.services,
            what,
            lambda why: self.services.outcomes.remove(score_id, why),
            self,
            also=[f"its {len(chosen.answers)} answers"] if chosen.answers else (),
        )
        if run(remove):
            self.changed.emit()
