"""The history of every record: who changed what, when and why (read from the change log)."""

from peerdesk.services.history.service import ExportRow, HistoryService
from peerdesk.services.history.views import ChangeLine, ChangeSetView, FieldChange

__all__ = ["ChangeLine", "ChangeSetView", "ExportRow", "FieldChange", "HistoryService"]
