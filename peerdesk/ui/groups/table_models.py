"""The Groups screen's tables: the groups list, a group's meetings, and short lists of people,
each the one rows model with its columns."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel

from peerdesk.services.groups.views import GroupRow, MeetingRow
from peerdesk.ui.widgets.rows_model import SORT_ROLE, Column, Index, RowsModel
from peerdesk.ui.widgets.words import (
    GROUP_KIND_WORDS,
    GROUP_STATUS_WORDS,
    minutes,
    sort_day,
    table_day,
)


def _next_meeting(row: GroupRow) -> str:
    return table_day(row.next_meeting, "—" if row.status != "running" else "No usual day")


GROUP_COLUMNS: list[Column[GroupRow]] = [
    Column("Group", lambda r: r.name),
    Column("Kind", lambda r: GROUP_KIND_WORDS[r.kind]),
    Column("Usually meets", lambda r: r.when_text or "No usual day"),
    Column("Where", lambda r: r.where_text or "Not recorded"),
    Column("Facilitators", lambda r: ", ".join(r.facilitators) or "None yet"),
    Column(
        "Last meeting",
        lambda r: table_day(r.last_meeting, "No meetings yet"),
        lambda r: r.last_meeting.isoformat() if r.last_meeting else "",
    ),
    Column("Next meeting", _next_meeting, lambda r: sort_day(r.next_meeting)),
    Column("Regulars", lambda r: str(r.regulars), lambda r: r.regulars),
    Column("Status", lambda r: GROUP_STATUS_WORDS[r.status]),
]


class GroupsTableModel(RowsModel[GroupRow]):
    NAME, KIND, WHEN, WHERE, FACILITATORS, LAST, NEXT, REGULARS, STATUS = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(GROUP_COLUMNS, lambda r: r.id, parent)


class GroupsFilterProxy(QSortFilterProxyModel):
    """Search by name, place or facilitator; closed groups hidden unless asked for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.show_closed = False
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.search = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_closed(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_closed = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, GroupsTableModel) or source_row >= model.rowCount():
            return True
        row = model.row_at(source_row)
        if row.status == "closed" and not self.show_closed:
            return False
        return not self.search or self.search in row.search_text


def _note(row: MeetingRow) -> str:
    note = " ".join(row.note.split())
    if row.concern_flag:
        note = "Concern raised. " + note
    return note if len(note) <= 80 else note[:79] + "…"


MEETING_COLUMNS: list[Column[MeetingRow]] = [
    Column("Date", lambda r: table_day(r.meeting_date), lambda r: r.meeting_date.isoformat()),
    Column("Attended", lambda r: str(r.total), lambda r: r.total, numeric=True),
    Column("Named", lambda r: str(r.named), lambda r: r.named, numeric=True),
    Column("Unnamed", lambda r: str(r.unnamed), lambda r: r.unnamed, numeric=True),
    Column("New", lambda r: str(r.new_count), lambda r: r.new_count, numeric=True),
    Column("Length", lambda r: minutes(r.duration_minutes), lambda r: r.duration_minutes),
    Column(
        "Facilitators",
        lambda r: ", ".join(r.facilitators) or "None recorded",
        lambda r: ", ".join(r.facilitators).casefold(),
    ),
    Column("Note", _note, lambda r: r.note.casefold()),
]


class MeetingsTableModel(RowsModel[MeetingRow]):
    DATE, ATTENDED, NAMED, UNNAMED, NEW, LENGTH, FACILITATORS, NOTE = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(MEETING_COLUMNS, lambda r: r.id, parent)


class PeopleTableModel(RowsModel[tuple[int, str, str]]):
    """A short list of people (members, facilitators): name and one more fact."""

    def __init__(self, headings: tuple[str, str], parent: QObject | None = None) -> None:
        super().__init__(
            [Column(headings[0], lambda r: r[1]), Column(headings[1], lambda r: r[2])],
            lambda r: r[0],
            parent,
        )
