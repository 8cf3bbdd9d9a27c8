"""What the import and export services hand to screens, and the vocabulary the import
assistant shows: sheets read, the fields each kind of sheet can fill, the plan of an import
with its problems, and the mappings remembered. The UI imports this module, nothing else
from the area."""

from peerdesk.services.importing.fields import FIELDS, FieldSpec, SheetKind
from peerdesk.services.importing.layout import headers, suggest_columns
from peerdesk.services.importing.model import Action, DuplicateChoice, ImportPreview, PlannedRow
from peerdesk.services.importing.problems import FileUnreadable, Problem, Severity
from peerdesk.services.importing.progress import ImportCancelled, Progress
from peerdesk.services.importing.readers import ENCODINGS, SEPARATORS, Sheet, Source
from peerdesk.services.importing.settings import ImportSettings, MappingStore, SheetMapping
from peerdesk.services.importing.values import text_of

__all__ = [
    "ENCODINGS",
    "FIELDS",
    "SEPARATORS",
    "Action",
    "DuplicateChoice",
    "FieldSpec",
    "FileUnreadable",
    "ImportCancelled",
    "ImportPreview",
    "ImportSettings",
    "MappingStore",
    "PlannedRow",
    "Problem",
    "Progress",
    "Severity",
    "Sheet",
    "SheetKind",
    "SheetMapping",
    "Source",
    "headers",
    "suggest_columns",
    "text_of",
]
