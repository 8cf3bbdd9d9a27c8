"""What the screens may use from groups: the views the group service returns (no table rows),
the details and records dialogs fill in, and the helpers that write times and lengths.

The UI imports groups only from here (`peerdesk.services.groups.views`).
"""

from peerdesk.services.groups.reports import AttendancePoint, ground_rules_due, last_12_months
from peerdesk.services.groups.rows import (
    FacilitatorLine,
    GroupDetails,
    GroupPerson,
    GroupRow,
    GroupSummary,
    GroupView,
    GroupYear,
    MeetingRecord,
    MeetingRow,
    MeetingView,
    MemberLine,
    RegisterCandidate,
    duration_text,
    time_text,
    when_text,
    where_text,
)

__all__ = [
    "AttendancePoint",
    "FacilitatorLine",
    "GroupDetails",
    "GroupPerson",
    "GroupRow",
    "GroupSummary",
    "GroupView",
    "GroupYear",
    "MeetingRecord",
    "MeetingRow",
    "MeetingView",
    "MemberLine",
    "RegisterCandidate",
    "duration_text",
    "ground_rules_due",
    "last_12_months",
    "time_text",
    "when_text",
    "where_text",
]
