"""What the figures service hands to screens: periods, the report (figures, suppressed where
small) and its rows, export formats, and the definitions and labels that explain each figure.
The UI imports this module, nothing else from the area."""

from peerdesk.services.figures.definitions import (
    DEFINITIONS,
    HEADLINES,
    SECTIONS,
    Definition,
    bucket_label,
    figure_label,
    money,
)
from peerdesk.services.figures.model import Figures, Mode
from peerdesk.services.figures.period import Period
from peerdesk.services.figures.report import ORGANISATION_WIDE, FigureRow, FiguresReport, rows_of
from peerdesk.services.figures.scope import NO_PROJECT
from peerdesk.services.figures.service import ExportFormat

__all__ = [
    "DEFINITIONS",
    "HEADLINES",
    "NO_PROJECT",
    "ORGANISATION_WIDE",
    "SECTIONS",
    "Definition",
    "ExportFormat",
    "FigureRow",
    "Figures",
    "FiguresReport",
    "Mode",
    "Period",
    "bucket_label",
    "figure_label",
    "money",
    "rows_of",
]
