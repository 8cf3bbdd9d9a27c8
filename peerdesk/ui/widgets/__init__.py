"""Small widgets shared by every screen: labelled form rows, the date box, kind empty states."""

from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.empty_state import EmptyState
from peerdesk.ui.widgets.form_rows import FormRows
from peerdesk.ui.widgets.record_table import RecordTable, RecordTableModel

__all__ = ["DateBox", "EmptyState", "FormRows", "RecordTable", "RecordTableModel"]
