"""What an import writes for sessions and registers, when a spreadsheet mixes rows already in
peerdesk with new ones: every new row goes in, to its own pairing, group and meeting; groups
the import makes are drop-in groups and are counted; an import cannot be undone with Undo (its
backup undoes it) and is named in History; the log says what was written, in numbers only.

Found by mutation testing (docs/testing.md, "Mutation testing": apply_links and
ImportService.run).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from peerdesk.data.models import Attendance, GroupMeeting, MentoringSession, PeerGroup
from peerdesk.data.models.history import ChangeSet
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.groups.service import GroupDetails, MeetingRecord
from peerdesk.services.history.undo import UndoRefused
from tests.integration.test_import_fixtures import run_import
from tests.integration.test_import_links_to_existing_rules import import_rows

SESSION_HEADINGS = ["Mentor", "Mentee", "Date", "Outcome", "Mins", "Notes"]
REGISTER_HEADINGS = ["Group", "Date", "Name", "Present"]


def test_a_new_session_after_one_already_recorded_still_goes_in(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    run_import(services, paths, "caithness_records.xlsx")
    result = import_rows(
        services,
        paths,
        tmp_path / "sessions.xlsx",
        SESSION_HEADINGS,
        [
            ["Ewan Sinclair", "Morag MacLeod", "16/09/2024", "Met", 60, "Walk by the harbour"],
            ["Ewan Sinclair", "Morag MacLeod", "14/10/2024", "Met", 45, "Tea at hers"],
        ],
    )
    assert result.committed
    assert result.count("sessions_created") == 1
    with services.db.session() as session:
        dates = sorted(s.session_date for s in session.exec(select(MentoringSession)))
    assert date(2024, 10, 14) in dates
    assert dates.count(date(2024, 9, 16)) == 1


def test_groups_the_import_makes_are_drop_in_and_each_is_counted(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    run_import(services, paths, "caithness_records.xlsx")
    result = import_rows(
        services,
        paths,
        tmp_path / "groups.xlsx",
        REGISTER_HEADINGS,
        [
            ["Thurso Walking Group", "06/10/2024", "Kirsty Bain", "✓"],
            ["Carers' Coffee", "07/10/2024", "Morag MacLeod", "✓"],
        ],
    )
    assert result.committed
    assert result.count("groups_created") == 2
    with services.db.session() as session:
        kinds = {
            g.name: g.kind
            for g in session.exec(select(PeerGroup))
            if g.name in ("Thurso Walking Group", "Carers' Coffee")
        }
    assert kinds == {"Thurso Walking Group": "drop_in", "Carers' Coffee": "drop_in"}


def test_two_groups_meeting_on_the_same_day_keep_their_own_registers(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    run_import(services, paths, "caithness_records.xlsx")
    other = services.groups.create(GroupDetails(name="Thurso Walking Group"))
    services.groups.hold_meeting(other.id, MeetingRecord(meeting_date=date(2024, 10, 15)))
    result = import_rows(
        services,
        paths,
        tmp_path / "register.xlsx",
        REGISTER_HEADINGS,
        [["Wick Tuesday Group", "15/10/2024", "Kirsty Bain", "✓"]],
    )
    assert result.committed
    assert result.count("meetings_created") == 1
    with services.db.session() as session:
        on_the_day = {
            m.group_id: m.id
            for m in session.exec(
                select(GroupMeeting).where(GroupMeeting.meeting_date == date(2024, 10, 15))
            )
        }
        present = session.exec(select(Attendance)).all()
    assert len(on_the_day) == 2
    kirstys = [a for a in present if a.meeting_id in on_the_day.values()]
    assert len(kirstys) == 1
    assert kirstys[0].meeting_id != on_the_day[other.id]


def test_an_import_is_named_in_history_and_undo_points_to_its_backup(
    services: Services, paths: Paths
) -> None:
    run_import(services, paths, "caithness_records.xlsx")
    with services.db.session() as session:
        last = session.exec(select(ChangeSet).order_by(ChangeSet.id.desc())).first()  # type: ignore[union-attr]
    assert last is not None
    assert (last.kind, last.description) == ("import", "Import from caithness_records.xlsx")
    with pytest.raises(UndoRefused, match="restore the backup taken before it"):
        services.undo.undo()


def test_the_log_says_what_was_written_in_numbers(
    services: Services, paths: Paths, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="peerdesk.services.importing.service"):
        run_import(services, paths, "caithness_records.xlsx")
    (line,) = [r.getMessage() for r in caplog.records if "import committed" in r.getMessage()]
    for written in ("'people_created': 6", "'pairings_created': 3", "'attendance_created': 3"):
        assert written in line
    assert "Morag" not in line and "MacLeod" not in line
