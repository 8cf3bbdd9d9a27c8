"""The Figures screen: the yearly figures for funders, on screen and exported.

Choose a reporting year (or custom dates) and internal or publishable figures; the counting
runs off the UI thread. Headline numbers and every breakdown show beside the previous year,
and "How was this counted?" explains each one. Export saves JSON, CSV, XLSX or a PDF report.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSettings, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.figures.views import (
    HEADLINES,
    NO_PROJECT,
    ORGANISATION_WIDE,
    SECTIONS,
    ExportFormat,
    FiguresReport,
    Mode,
    Period,
    rows_of,
)
from peerdesk.ui import preferences
from peerdesk.ui.figures.definitions_dialog import DefinitionsDialog
from peerdesk.ui.figures.model import SECTION_ROLE, FigureRowsModel, Line
from peerdesk.ui.messages import show_problem
from peerdesk.ui.operation import run_operation
from peerdesk.ui.screens.base import Screen
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.flow_layout import FlowLayout, labelled
from peerdesk.ui.widgets.full_text_tips import show_full_text_tips
from peerdesk.ui.widgets.list_rows import keep_rows

ALL_SECTIONS = "All sections"
FILTERS = {
    ExportFormat.XLSX: "Excel workbook (*.xlsx)",
    ExportFormat.PDF: "PDF report (*.pdf)",
    ExportFormat.CSV: "CSV spreadsheet text (*.csv)",
    ExportFormat.JSON: "JSON data (*.json)",
}


def _labelled(text: str, widget: QWidget, name: str) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    widget.setAccessibleName(name)
    return label


class SectionFilter(QSortFilterProxyModel):
    """Shows one section of the breakdowns, or all."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.section = ALL_SECTIONS

    def set_section(self, section: str) -> None:
        self.section = section
        self.invalidate()

    def filterAcceptsRow(self, row: int, parent: Any) -> bool:
        if self.section == ALL_SECTIONS:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return bool(index.data(SECTION_ROLE) == self.section)


class FiguresScreen(Screen):
    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__(services, settings)
        self.report: FiguresReport | None = None
        self._shown_once = False
        self.busy = False
        self.last_export: Path | None = None
        self.headline_model = FigureRowsModel(self)
        self.rows_model = FigureRowsModel(self)
        self.proxy = SectionFilter(self)
        self.proxy.setSourceModel(self.rows_model)
        #: Counts changes of the choice, so that figures worked out for an earlier choice are
        #: never shown under a later one.
        self._choice_count = 0
        self._build()
        self._fill_years()
        self._fill_projects()
        self._on_choice_changed()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel("<h2>Figures for funders</h2>")
        heading.setAccessibleName("Figures for funders")
        layout.addWidget(heading)
        layout.addLayout(self._build_choices())
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._build_tables(layout)
        self._connect()

    def _build_choices(self) -> QGridLayout:
        """The period, the kind of figures and the buttons, above the tables."""
        choose = QGridLayout()
        self.year_choice = QRadioButton("Reporting &year")
        self.year_choice.setChecked(True)
        self.dates_choice = QRadioButton("Custom &dates")
        self.year_choice.setAccessibleName("Use a reporting year")
        self.dates_choice.setAccessibleName("Use custom dates")
        self.year_box = QComboBox()
        self.year_box.setAccessibleName("Reporting year")
        self.from_date = DateBox(today=self.services.today)
        self.to_date = DateBox(today=self.services.today)
        from_label = _labelled("Fro&m", self.from_date, "First day")
        to_label = _labelled("&To", self.to_date, "Last day (included)")
        self.mode_box = QComboBox()
        self.mode_box.addItem("Internal: exact numbers", Mode.INTERNAL.value)
        self.mode_box.addItem("Publishable: small numbers hidden", Mode.PUBLISHABLE.value)
        mode_label = _labelled("Fi&gures", self.mode_box, "Internal or publishable figures")
        # Shown only when the organisation has projects (`_fill_projects`).
        self.project_box = QComboBox()
        self.project_label = _labelled("Pro&ject", self.project_box, "Which project to count")
        self.compute_button = QPushButton("&Work out figures")
        self.compute_button.setDefault(True)
        self.compute_button.setAccessibleName("Work out figures")
        self.export_box = QComboBox()
        for fmt, name in FILTERS.items():
            self.export_box.addItem(name.split(" (")[0], fmt.value)
        export_label = _labelled("Save &as", self.export_box, "Export format")
        self.export_button = QPushButton("E&xport…")
        self.export_button.setAccessibleName("Export the figures")
        self.how_button = QPushButton("How was this &counted?")
        self.how_button.setAccessibleName("How was this counted?")
        choose.addWidget(self.year_choice, 0, 0)
        year_row = QHBoxLayout()
        year_row.addWidget(self.year_box)
        year_row.addStretch(1)
        choose.addLayout(year_row, 0, 1)
        choose.addWidget(self.dates_choice, 1, 0)
        dates = QHBoxLayout()
        for widget in (from_label, self.from_date, to_label, self.to_date):
            dates.addWidget(widget)
        dates.addStretch(1)
        choose.addLayout(dates, 1, 1)
        choose.addWidget(mode_label, 2, 0)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.mode_box)
        mode_row.addStretch(1)
        choose.addLayout(mode_row, 2, 1)
        choose.addWidget(self.project_label, 3, 0)
        project_row = QHBoxLayout()
        project_row.addWidget(self.project_box)
        project_row.addStretch(1)
        choose.addLayout(project_row, 3, 1)
        # Wraps onto a second line at large text sizes rather than widening the screen.
        buttons = FlowLayout()
        buttons.addWidget(self.compute_button)
        buttons.addWidget(labelled(export_label, self.export_box))
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.how_button)
        choose.addLayout(buttons, 4, 0, 1, 2)
        choose.setColumnStretch(1, 1)
        return choose

    def _build_tables(self, layout: QVBoxLayout) -> None:
        """The headline numbers, then every breakdown with a choice of section."""
        self.headlines = self._table(self.headline_model, "Headline numbers")
        self.headlines.setColumnHidden(1, True)
        layout.addWidget(self.headlines)
        filters = QHBoxLayout()
        self.section_box = QComboBox()
        self.section_box.addItems([ALL_SECTIONS] + [name for name, _ in SECTIONS])
        filters.addWidget(_labelled("&Show", self.section_box, "Section to show"))
        filters.addWidget(self.section_box)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.breakdowns = self._table(self.proxy, "Every figure and breakdown")
        # Eight rows at least: below the choices, at the largest text on a laptop, the table
        # shrank to a sliver; now the screen scrolls as a whole instead.
        keep_rows(self.breakdowns)
        layout.addWidget(self.breakdowns, 5)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            keep_rows(self.breakdowns)

    def _connect(self) -> None:
        self.year_choice.toggled.connect(self._on_choice_changed)
        self.year_box.currentIndexChanged.connect(self._on_choice_changed)
        self.from_date.date_changed.connect(self._on_choice_changed)
        self.to_date.date_changed.connect(self._on_choice_changed)
        self.mode_box.currentIndexChanged.connect(self._on_choice_changed)
        self.project_box.currentIndexChanged.connect(self._on_choice_changed)
        self.compute_button.clicked.connect(self._on_compute_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.how_button.clicked.connect(self._on_how_clicked)
        self.section_box.currentTextChanged.connect(self.proxy.set_section)
        for key, slot in (
            (QKeySequence.StandardKey.Save, self._on_export_clicked),
            (QKeySequence.StandardKey.Refresh, self._on_compute_clicked),
            (QKeySequence.StandardKey.HelpContents, self._on_how_clicked),
        ):
            # Scoped to this screen so other screens' shortcuts never clash with these.
            shortcut = QShortcut(key, self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _table(self, model: Any, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        show_full_text_tips(view)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return view

    def _fill_years(self) -> None:
        latest = self.services.figures.latest_complete_year()
        self.year_box.clear()
        for year in range(latest + 1, latest - 10, -1):
            period = self.services.figures.year(year)
            ongoing = " (so far)" if period.end >= self.services.today() else ""
            self.year_box.addItem(f"{period.label}{ongoing}", year)
        self.year_box.setCurrentIndex(1)
        start = self.services.figures.year(latest)
        self.from_date.set_value(start.start)
        self.to_date.set_value(start.end)

    def _fill_projects(self) -> None:
        """ "All projects", each project (ended ones too: their figures are still asked
        for), then "No project"; the choice is kept when the list is filled again."""
        chosen = self.project_box.currentData()
        projects = self.services.projects.listing()
        self.project_box.blockSignals(True)
        self.project_box.clear()
        self.project_box.addItem("All projects", None)
        for project in projects:
            self.project_box.addItem(project.words, project.id)
        self.project_box.addItem("No project", NO_PROJECT)
        index = self.project_box.findData(chosen)
        self.project_box.setCurrentIndex(max(index, 0))
        self.project_box.blockSignals(False)
        self.project_label.setVisible(bool(projects))
        self.project_box.setVisible(bool(projects))

    # -- choices ---------------------------------------------------------------------------
    def period(self) -> Period:
        if self.year_choice.isChecked():
            return self.services.figures.year(int(self.year_box.currentData()))
        return Period.custom(self.from_date.day(), self.to_date.day())

    def mode(self) -> Mode:
        return Mode(self.mode_box.currentData())

    def project(self) -> int | str | None:
        """The chosen project's id, "none" for records with no project, None for all."""
        if self.project_box.isHidden():  # the organisation has no projects
            return None
        value = self.project_box.currentData()
        return value if isinstance(value, int | str) else None

    def _on_choice_changed(self, *_: Any) -> None:
        self._choice_count += 1
        by_year = self.year_choice.isChecked()
        self.year_box.setEnabled(by_year)
        self.from_date.setEnabled(not by_year)
        self.to_date.setEnabled(not by_year)
        self.export_button.setEnabled(False)
        self.headline_model.set_lines([], has_previous=False)
        self.rows_model.set_lines([], has_previous=False)
        self.report = None
        self.status.setText(
            "Choose the year or dates and press “Work out figures”. Nothing is sent anywhere: "
            "the figures stay on this computer until you export them."
        )

    def refresh(self) -> None:
        # Projects may have been added or renamed in Settings since the screen was built.
        self._fill_projects()
        # The first time the screen is opened, work out the latest reporting year at once:
        # it takes a moment, and saves a click for the figure most people came for.
        if not self._shown_once and self.report is None and not self.busy:
            self._shown_once = True
            self._on_compute_clicked()

    # -- computing -------------------------------------------------------------------------
    def _on_compute_clicked(self) -> None:
        if self.busy:
            return
        try:
            period, mode, project = self.period(), self.mode(), self.project()
        except PeerdeskError as error:
            show_problem(self, "These dates cannot be used", error)
            return
        self._set_busy(True, "Working out the figures…")
        figures = self.services.figures
        asked = self._choice_count
        run_operation(
            lambda: figures.report(period, mode, project=project),
            lambda report: self._on_computed(report, asked),
            self._on_compute_failed,
            done="The figures are worked out.",
        )

    def _on_computed(self, report: FiguresReport, asked: int | None = None) -> None:
        self._set_busy(False, "")
        if asked is not None and asked != self._choice_count:
            # The year, dates, mode or project changed while these were worked out: showing
            # them would put internal numbers under a "Publishable" choice (and export them).
            return
        self.report = report
        data = report.data()
        previous = report.previous_data() or {}
        earlier = {(r.figure, r.breakdown): r.value for r in rows_of(previous)}
        lines = [
            Line(r.section, r.figure, r.breakdown, r.value, earlier.get((r.figure, r.breakdown)))
            for r in report.rows()
        ]
        headline_lines = []
        for key in HEADLINES:
            value, before = data[key], previous.get(key)
            if key == "volunteer_hours":
                value, before = value["total"], (before or {}).get("total")
            if report.figures.project is not None and value is None:
                # Counted for the whole organisation only (training and supervision).
                value, before = ORGANISATION_WIDE, ORGANISATION_WIDE
            headline_lines.append(Line("", key, "", value, before))
        self.headline_model.set_lines(headline_lines, has_previous=True)
        self.rows_model.set_lines(lines, has_previous=True)
        self._fit_headlines()
        self.export_button.setEnabled(True)
        assert report.previous is not None
        nobody = (
            " No one was recorded as supported in this period: check the dates, or log the "
            "sessions and group registers first."
            if report.figures.people_supported == 0
            else ""
        )
        self.status.setText(
            f"<b>{html.escape(report.figures.period.label)}</b>, beside "
            f"{html.escape(report.previous.period.label)}.<br>"
            f"{html.escape(report.notice + nobody)}<br>{html.escape(data['project_note'])}"
        )

    def _fit_headlines(self) -> None:
        """Show every headline number without scrolling."""
        view = self.headlines
        height = view.horizontalHeader().height() + view.verticalHeader().length()
        view.setFixedHeight(height + 2 * view.frameWidth() + 2)

    def _on_compute_failed(self, message: str) -> None:
        self._set_busy(False, "")
        show_problem(self, "The figures could not be worked out", message)

    def _set_busy(self, busy: bool, text: str) -> None:
        self.busy = busy
        self.compute_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy and self.report is not None)
        if text:
            self.status.setText(text)

    # -- exporting -------------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        report = self.report
        if report is None or self.busy:
            return
        fmt = ExportFormat(self.export_box.currentData())
        # A plain hyphen (2025-26): the heading's en dash is awkward to type in a file name.
        period = report.figures.period.short_label.replace("\u2013", "-")
        stem = f"figures-{period}-{report.mode.value}"
        if report.figures.project is not None:
            stem += "-" + "".join(c if c.isalnum() else "-" for c in report.figures.project)
        folder = Path(preferences.FIGURES_EXPORT_FOLDER.read(self.settings) or Path.home())
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the figures", str(folder / f"{stem}.{fmt.value}"), FILTERS[fmt]
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != f".{fmt.value}":
            path = path.with_name(path.name + f".{fmt.value}")
        preferences.FIGURES_EXPORT_FOLDER.write(self.settings, str(path.parent))
        self._set_busy(True, f"Saving {path.name}…")
        figures = self.services.figures
        run_operation(
            lambda: figures.export(report, fmt, path),
            self._on_exported,
            self._on_export_failed,
            done=f"The figures are saved in {path.name}.",
        )

    def _on_exported(self, path: Path) -> None:
        self._set_busy(False, "")
        self.last_export = path
        assert self.report is not None
        self.status.setText(html.escape(f"Saved to {path}. {self.report.notice}"))

    def _on_export_failed(self, message: str) -> None:
        self._set_busy(False, "")
        show_problem(self, "The figures could not be saved", message)

    def _on_how_clicked(self) -> None:
        notice = self.report.notice if self.report is not None else ""
        dialog = DefinitionsDialog(notice, self)
        dialog.open()
