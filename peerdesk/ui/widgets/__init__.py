"""Small widgets shared by every screen: labelled form rows, optional dates, kind empty states."""

from peerdesk.ui.widgets.date_edit import OptionalDateEdit
from peerdesk.ui.widgets.empty_state import EmptyState
from peerdesk.ui.widgets.form_rows import FormRows
from peerdesk.ui.widgets.record_table import RecordTable, RecordTableModel

__all__ = ["EmptyState", "FormRows", "OptionalDateEdit", "RecordTable", "RecordTableModel"]
