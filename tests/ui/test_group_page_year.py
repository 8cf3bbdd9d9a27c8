"""A group's page: its "Last 12 months" summary and the Facilitators tab's hours count the
same 12 months (the group service's one definition), and the ground rules tab says when they
are due for review as Today does."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.groups.views import GroupDetails, MeetingRecord
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.groups.group_page import GroupPage
from tests.conftest import TODAY


def test_summary_and_facilitator_hours_count_the_same_year(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    lead = services.people.add(PersonDetails(first_name="Lead", last_name="Example")).id
    group_id = services.groups.create(
        GroupDetails(
            name="Café",
            usual_duration_minutes=60,
            ground_rules_reviewed_on=TODAY - timedelta(days=365),
        )
    ).id
    services.groups.set_facilitators(group_id, [lead])
    for days_ago in (365, 364, 0):  # the first is one day before the last 12 months
        services.groups.hold_meeting(
            group_id, MeetingRecord(meeting_date=TODAY - timedelta(days=days_ago))
        )
    page = GroupPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show_group(group_id)
    assert "2 meetings" in page.summary.text()
    assert "Facilitators gave 2 hours" in page.summary.text()
    assert page.facilitators.model.rows() == [(lead, "Lead Example", "2")]
    assert "over a year ago" in page.rules.status.text()
