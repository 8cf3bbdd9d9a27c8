"""The Pairings feature's tables: the columns of each list (shown with the one rows model),
and the ranked mentors, whose first column is the rank."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from peerdesk.services.mentoring.views import (
    IneligibleMentor,
    PairingRow,
    RankedMentor,
    SessionRow,
    TimelineEntry,
    WaitingRow,
    waited_words,
)
from peerdesk.ui.widgets.rows_model import SORT_ROLE, Column, Index, RowsModel
from peerdesk.ui.widgets.words import clock, label, minutes, sort_day, table_day
from peerdesk.vocabulary import MeetingMode, PairingStatus, SessionStatus, SupportedAs


def _status(row: PairingRow) -> str:
    text = PairingStatus(row.status).label
    return f"{text} (carer)" if row.supported_as == SupportedAs.CARER else text


def _day_then_id(day: date | None, record_id: int) -> str:
    """By date, then by number. A text, not a tuple: the table sorts in Qt, which cannot
    compare Python tuples (it left such a column in no order at all)."""
    return f"{sort_day(day)} {record_id:012d}"


PAIRING_COLUMNS: list[Column[PairingRow]] = [
    Column("Ref", lambda r: r.reference, lambda r: r.id),
    Column("Mentor", lambda r: r.mentor_name),
    Column("Mentee or carer", lambda r: r.mentee_name),
    Column("Status", _status, lambda r: list(PairingStatus).index(PairingStatus(r.status))),
    # The order the list comes in (newest proposed first): its header shows the arrow.
    Column(
        "Proposed",
        lambda r: table_day(r.proposed_on, "Not set"),
        lambda r: _day_then_id(r.proposed_on, r.id),
    ),
    Column(
        "Started",
        lambda r: table_day(r.start_date, "Not started"),
        lambda r: sort_day(r.start_date),
    ),
    Column(
        "Last session",
        lambda r: table_day(r.last_held, "None held yet"),
        lambda r: sort_day(r.last_held),
    ),
    Column(
        "Next planned", lambda r: table_day(r.next_planned, ""), lambda r: sort_day(r.next_planned)
    ),
    Column("Held", lambda r: str(r.sessions_held), lambda r: r.sessions_held),
]

WAITING_COLUMNS: list[Column[WaitingRow]] = [
    Column("Name", lambda r: r.name),
    Column("Supported as", lambda r: SupportedAs(r.supported_as).label),
    Column(
        "Referred",
        lambda r: table_day(r.referral_date, "Not set"),
        lambda r: sort_day(r.referral_date),
    ),
    # Words for people ("3 weeks", "1 year 2 months"); sorted by the real number of days.
    Column("Waiting", lambda r: waited_words(r.days_waiting), lambda r: r.days_waiting),
    Column("Area", lambda r: r.area or "Not recorded"),
    Column("Conditions", lambda r: r.conditions or "Not recorded"),
]


def column_of(columns: list[Column[Any]], heading: str) -> int:
    return next(i for i, column in enumerate(columns) if column.heading == heading)


#: The order each list comes from its service in, as the column (and direction) that sorts
#: it so: the header's sort arrow shows it from the start, and clicking a header re-sorts.
#: Pairings: newest proposed first (then newest entered). The waiting list: whoever has
#: waited longest first (by referral date, then name).
PAIRINGS_ORDER = (column_of(PAIRING_COLUMNS, "Proposed"), Qt.SortOrder.DescendingOrder)
WAITING_ORDER = (column_of(WAITING_COLUMNS, "Waiting"), Qt.SortOrder.DescendingOrder)


def _session_status(row: SessionRow) -> str:
    text = SessionStatus(row.status).label
    return f"{text} ⚑ concern" if row.concern_flag else text


SESSION_COLUMNS: list[Column[SessionRow]] = [
    Column(
        "Date",
        lambda r: table_day(r.session_date, "Not set"),
        # A text, not a tuple (which Qt cannot compare): the date, then the time.
        lambda r: f"{sort_day(r.session_date)} {clock(r.start_time)}",
    ),
    Column("Time", lambda r: clock(r.start_time)),
    Column("Pairing", lambda r: f"{r.pairing_reference} {r.mentor_name} and {r.mentee_name}"),
    Column("Status", _session_status),
    Column("How", lambda r: label(MeetingMode, r.mode)),
    Column("Length", lambda r: minutes(r.duration_minutes), lambda r: r.duration_minutes),
    Column("Note", lambda r: r.note.replace("\n", " ")[:120]),
]

TIMELINE_COLUMNS: list[Column[TimelineEntry]] = [
    Column("Date", lambda e: table_day(e.on, "Not set"), lambda e: sort_day(e.on)),
    Column("What happened", lambda e: e.title),
    Column("Details", lambda e: e.detail.replace("\n", " ")),
]

MATCH_COLUMNS: list[Column[RankedMentor]] = [
    Column("Rank", lambda m: "", None),
    Column("Mentor", lambda m: m.name),
    Column("Score", lambda m: str(m.score), lambda m: m.score),
    Column("Places free", lambda m: f"{m.spare} of {m.capacity}", lambda m: m.spare),
    Column("Why", lambda m: m.summary),
]

INELIGIBLE_COLUMNS: list[Column[IneligibleMentor]] = [
    Column("Mentor", lambda m: m.name),
    Column("Why not now", lambda m: m.summary),
]


class RankedModel(RowsModel[RankedMentor]):
    """The ranked mentors; the first column shows the rank (1 is the best match)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and index.column() == 0
            and role
            in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.AccessibleTextRole,
                SORT_ROLE,
            )
        ):
            rank = index.row() + 1
            return rank if role == SORT_ROLE else str(rank)
        return super().data(index, role)
