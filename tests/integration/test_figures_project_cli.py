"""`peerdesk figures … --project NAME`: one project's figures, "none" for the records with no
project, and a plain refusal (exit 2, nothing written) for a project that is not there."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from peerdesk.cli.main import main
from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.services.groups.service import GroupDetails, MeetingRecord
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import Role
from tests.conftest import TODAY


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """Two groups in 2025: "HUG group"'s met twice, the other (no project) once."""
    path = tmp_path / "cli.db"
    db = open_database(path, backup_dir=tmp_path / "backups", lock=False)
    try:
        services = Services(db, today=lambda: TODAY)
        services.organisation.save(OrganisationDetails(name="Peers"))
        hug = services.projects.add("HUG group").id
        services.projects.add("Mentoring (Lottery)")
        host = services.people.add(PersonDetails("Fay"), roles=[Role.FACILITATOR]).id
        came = services.people.add(PersonDetails("Cal")).id
        funded = services.groups.create(GroupDetails("HUG Tuesdays", project_id=hug)).id
        other = services.groups.create(GroupDetails("Thursday drop-in")).id
        for group, day in (
            (funded, date(2025, 5, 6)),
            (funded, date(2025, 6, 3)),
            (other, date(2025, 6, 5)),
        ):
            services.groups.hold_meeting(
                group, MeetingRecord(day, attendee_ids=[came], facilitator_ids=[host])
            )
    finally:
        db.close()
    return path


def _figures(path: Path, out: Path, *project: str) -> int:
    return main(
        ["--db", str(path), "figures", "--year", "2025", *project, "--format", "json",
         "--out", str(out)]
    )  # fmt: skip


def test_one_projects_figures_say_which_project(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hug.json"
    assert _figures(database, out, "--project", "hug group") == 0
    assert "(HUG group)" in capsys.readouterr().out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["project"] == "HUG group"
    assert data["group_meetings"] == 2
    assert data["previous"]["group_meetings"] == 0
    assert data["volunteers_trained"] is None  # organisation-wide: only in every record's


def test_none_counts_the_records_with_no_project(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.json"
    assert _figures(database, out, "--project", "none") == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["project"], data["group_meetings"]) == ("none", 1)
    everything = tmp_path / "all.json"
    assert _figures(database, everything) == 0
    data = json.loads(everything.read_text(encoding="utf-8"))
    assert (data["project"], data["group_meetings"]) == (None, 3)


def test_an_unknown_project_is_refused_plainly_and_nothing_is_written(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lottery.json"
    assert _figures(database, out, "--project", "Lottery") == 2
    error = capsys.readouterr().err
    assert "There is no project called “Lottery”" in error
    assert "“HUG group”, “Mentoring (Lottery)”" in error
    assert "Traceback" not in error
    assert not out.exists()
