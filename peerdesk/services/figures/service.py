"""`services.figures`: the yearly figures for funders, computed and exported."""

from __future__ import annotations

import logging
from enum import StrEnum
from pathlib import Path

from sqlmodel import select

from peerdesk.data.models import Organisation, Project
from peerdesk.errors import ValidationError
from peerdesk.services.base import Service
from peerdesk.services.figures.counting import compute_figures
from peerdesk.services.figures.model import Figures, Mode
from peerdesk.services.figures.period import Period
from peerdesk.services.figures.report import FiguresReport
from peerdesk.services.figures.scope import EVERY_RECORD, NO_PROJECT, Scope

#: Which records to count: None for every record, a project's id or name, or "none".
ProjectChoice = int | str | None

log = logging.getLogger(__name__)

DEFAULT_THRESHOLD = 5


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"

    @property
    def description(self) -> str:
        return {
            "json": "JSON data (for other tools)",
            "csv": "CSV spreadsheet text",
            "xlsx": "Excel workbook",
            "pdf": "PDF report",
        }[self.value]


class FiguresService(Service):
    def settings(self) -> tuple[int, int]:
        """(reporting year start month, suppression threshold) from the organisation."""
        with self.db.session() as session:
            organisation = session.exec(select(Organisation)).first()
        if organisation is None:
            return 4, DEFAULT_THRESHOLD
        return organisation.reporting_year_start_month, organisation.suppression_threshold

    def year(self, year: int) -> Period:
        """The reporting year that starts in `year`."""
        return Period.reporting_year(year, self.settings()[0])

    def latest_complete_year(self) -> int:
        """The most recent reporting year that has ended (what funders usually ask for)."""
        start_month = self.settings()[0]
        today = self.today()
        current = today.year if today.month >= start_month else today.year - 1
        return current - 1

    def custom(self, start: object, end: object) -> Period:
        from datetime import date

        if not isinstance(start, date) or not isinstance(end, date):
            raise ValidationError("Please give both dates, for example 2025-04-01.", "from")
        return Period.custom(start, end)

    def scope(self, project: ProjectChoice = None) -> Scope:
        """The records to count: every record (None), one project (its id, or its name in
        any case) or those with no project ("none"). An unknown project is refused with the
        names there are."""
        if project is None:
            return EVERY_RECORD
        with self.db.session() as session:
            projects = list(session.exec(select(Project)))
        if isinstance(project, str) and project.strip().casefold() == NO_PROJECT:
            return Scope(no_project=True)
        for row in projects:
            if row.id == project or (
                isinstance(project, str) and row.name.casefold() == project.strip().casefold()
            ):
                return Scope(project_id=row.id, name=row.name)
        names = ", ".join(f"“{p.name}”" for p in sorted(projects, key=lambda p: p.name.casefold()))
        there = f"The projects are: {names}; or" if names else "There are no projects yet: use"
        raise ValidationError(
            f"There is no project called “{project}”. {there} “none” for the records with "
            "no project.",
            "project",
        )

    def count(self, period: Period, project: ProjectChoice = None) -> Figures:
        """Every figure for the period, exact, for every record or one project's."""
        scope = self.scope(project)
        with self.db.session() as session:
            return compute_figures(session, period, scope)

    def report(
        self, period: Period, mode: Mode | str = Mode.INTERNAL, project: ProjectChoice = None
    ) -> FiguresReport:
        """The figures report for `period` in `mode` (every record, or one project's), the
        previous period beside it: what the Figures screen shows and every export holds, from
        the app and the command line alike."""
        return self.compute(period, mode, with_previous=True, project=project)

    def compute(
        self,
        period: Period,
        mode: Mode | str = Mode.INTERNAL,
        *,
        with_previous: bool = False,
        project: ProjectChoice = None,
    ) -> FiguresReport:
        """The figures for `period` in `mode`, with the previous year's beside them if asked
        (`report` always asks; without it, only this period is counted)."""
        mode = Mode(mode)
        threshold = self.settings()[1]
        figures = self.count(period, project)
        previous = self.count(period.previous(), project) if with_previous else None
        # The project's name is not logged: it may say more than a log should.
        log.info(
            "figures computed: %s to %s, mode %s, %s",
            period.start,
            period.end,
            mode.value,
            "one project" if figures.project is not None else "every record",
        )
        return FiguresReport(figures, mode, threshold, previous)

    def export(self, report: FiguresReport, fmt: ExportFormat | str, path: Path) -> Path:
        """Write the report in one format; the file appears whole or not at all."""
        try:
            fmt = ExportFormat(str(fmt).lower())
        except ValueError:
            raise ValidationError(
                "Please choose a format: json, csv, xlsx or pdf.", "format"
            ) from None
        path = Path(path)
        if fmt is ExportFormat.JSON:
            from peerdesk.services.figures.export_json import write_json

            write_json(report, path)
        elif fmt is ExportFormat.CSV:
            from peerdesk.services.figures.export_csv import write_csv

            write_csv(report, path)
        elif fmt is ExportFormat.XLSX:
            from peerdesk.services.figures.export_xlsx import write_xlsx

            write_xlsx(report, path)
        else:
            from peerdesk.services.figures.export_pdf import write_pdf

            write_pdf(report, path)
        log.info("figures exported as %s (%s mode)", fmt.value, report.mode.value)
        return path
