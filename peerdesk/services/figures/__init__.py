"""Yearly figures for funders: counting (figures.md), small-number suppression and exports."""

from peerdesk.services.figures.model import Breakdown, Figures, Mode, OutcomeFigure, VolunteerHours
from peerdesk.services.figures.period import Period
from peerdesk.services.figures.report import FigureRow, FiguresReport
from peerdesk.services.figures.service import ExportFormat, FiguresService

__all__ = [
    "Breakdown",
    "ExportFormat",
    "FigureRow",
    "Figures",
    "FiguresReport",
    "FiguresService",
    "Mode",
    "OutcomeFigure",
    "Period",
    "VolunteerHours",
]
