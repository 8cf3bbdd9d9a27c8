"""Bringing existing records in from spreadsheets, and taking lists out again."""

from peerdesk.services.importing.export import ExportService
from peerdesk.services.importing.model import Action, DuplicateChoice, ImportPreview, PlannedRow
from peerdesk.services.importing.problems import FileUnreadable, Problem, Severity
from peerdesk.services.importing.progress import ImportCancelled, Progress
from peerdesk.services.importing.readers import Source
from peerdesk.services.importing.service import ImportService, read_and_preview
from peerdesk.services.importing.settings import ImportSettings, MappingStore, SheetMapping

__all__ = [
    "Action",
    "DuplicateChoice",
    "ExportService",
    "FileUnreadable",
    "ImportCancelled",
    "ImportPreview",
    "ImportService",
    "ImportSettings",
    "MappingStore",
    "PlannedRow",
    "Problem",
    "Progress",
    "Severity",
    "SheetMapping",
    "Source",
    "read_and_preview",
]
