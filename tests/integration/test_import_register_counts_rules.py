"""What an import says it wrote is what it wrote, and a group's register imported into peerdesk
joins the group and meetings already there instead of making copies.

The coordinator reads the import's summary ("3 pairings, 2 meetings…") to know the spreadsheet
went in whole; roles start when the sheet says, so the figures count volunteers and members
from the right day. Found by mutation testing (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from peerdesk.data.models import GroupMeeting, PeerGroup, Person, PersonRole
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.groups.service import GroupDetails, MeetingRecord
from tests.integration.test_import_fixtures import run_import

WORKBOOK = "caithness_records.xlsx"


def role_starts(services: Services) -> dict[tuple[str, str], date]:
    with services.db.session() as session:
        names = {p.id: p.first_name for p in session.exec(select(Person))}
        return {
            (names[r.person_id], r.role): r.started_on for r in session.exec(select(PersonRole))
        }


def test_the_summary_counts_what_the_workbook_wrote(services: Services, paths: Paths) -> None:
    result = run_import(services, paths, WORKBOOK)
    assert result.committed
    written = {
        kind: result.count(kind)
        for kind in (
            "people_created",
            "people_updated",
            "pairings_created",
            "sessions_created",
            "groups_created",
            "meetings_created",
            "attendance_created",
        )
    }
    # Six people; three pairings and their three sessions; one group, met twice, with three
    # people present (Morag was marked absent the second week).
    assert written == {
        "people_created": 6,
        "people_updated": 0,
        "pairings_created": 3,
        "sessions_created": 3,
        "groups_created": 1,
        "meetings_created": 2,
        "attendance_created": 3,
    }


def test_roles_start_when_the_sheets_say(services: Services, paths: Paths) -> None:
    run_import(services, paths, WORKBOOK)
    starts = role_starts(services)
    # The volunteers' start dates, and a group member from the first meeting they came to.
    assert starts[("Ewan", "mentor")] == date(2023, 6, 3)
    assert starts[("Catriona", "facilitator")] == date(2022, 1, 10)
    assert starts[("Kirsty", "group_member")] == date(2024, 10, 1)
    assert starts[("Morag", "group_member")] == date(2024, 10, 1)


def test_a_register_for_a_group_already_kept_joins_its_group_and_meeting(
    services: Services, paths: Paths
) -> None:
    group = services.groups.create(GroupDetails(name="Wick Tuesday Group"))
    services.groups.hold_meeting(group.id, MeetingRecord(meeting_date=date(2024, 10, 1)))
    result = run_import(services, paths, WORKBOOK)
    assert result.committed
    assert (result.count("groups_created"), result.count("meetings_created")) == (0, 1)
    assert result.count("attendance_created") == 3
    with services.db.session() as session:
        groups = session.exec(select(PeerGroup)).all()
        meetings = sorted(m.meeting_date for m in session.exec(select(GroupMeeting)))
    assert [g.name for g in groups] == ["Wick Tuesday Group"]
    assert meetings == [date(2024, 10, 1), date(2024, 10, 8)]
