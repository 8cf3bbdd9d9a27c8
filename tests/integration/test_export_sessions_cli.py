"""`peerdesk export sessions`: the session log as CSV or XLSX, run as the real command."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from peerdesk.cli.main import main
from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.services.mentoring.pairings import PairingPlan
from peerdesk.services.mentoring.sessions import SessionEntry
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY

#: The headings the import reads back (an export is a valid import).
HEADINGS = ["Mentor", "Mentee", "Session date", "What happened", "Minutes", "How", "Place", "Note"]


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """A database with one pairing and four sessions, closed again before the command runs."""
    path = tmp_path / "records.db"
    db = open_database(path, backup_dir=tmp_path / "backups")
    try:
        services = Services(db, today=lambda: TODAY)
        mentor = services.people.add(PersonDetails(first_name="Ewan", last_name="Sinclair")).id
        mentee = services.people.add(PersonDetails(first_name="Morag", last_name="MacLeod")).id
        assert mentor is not None and mentee is not None
        pairing = services.pairings.propose(
            PairingPlan(mentor_id=mentor, mentee_id=mentee, proposed_on=date(2026, 3, 1))
        ).id
        assert pairing is not None
        services.pairings.activate(pairing, date(2026, 3, 2))
        log = services.sessions.log
        log(pairing, SessionEntry(date(2026, 3, 3), note="Walk by the harbour", place="Harbour"))
        log(pairing, SessionEntry(date(2026, 3, 10), status="cancelled_by_mentee"))
        log(pairing, SessionEntry(date(2026, 3, 17), mode="phone", duration_minutes=45,
                                  note="=HYPERLINK(\"x\")"))  # fmt: skip
    finally:
        db.close()
    return path


def peerdesk(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed command line, as a coordinator's script would."""
    return subprocess.run(
        [sys.executable, "-m", "peerdesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_sessions_to_csv_as_a_real_command(records: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports" / "sessions.csv"
    result = peerdesk(
        "--db", str(records), "export", "sessions", "--format", "csv", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote 3 sessions to {out}"
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == HEADINGS
    assert rows[1:] == [
        ["Ewan Sinclair", "Morag MacLeod", "2026-03-03", "Held", "60", "Face to face",
         "Harbour", "Walk by the harbour"],
        ["Ewan Sinclair", "Morag MacLeod", "2026-03-10", "Cancelled by mentee", "60",
         "Face to face", "", ""],
        ["Ewan Sinclair", "Morag MacLeod", "2026-03-17", "Held", "45", "Phone", "",
         "'=HYPERLINK(\"x\")"],  # a formula is neutralised, never run by the spreadsheet
    ]  # fmt: skip
    assert not list(out.parent.glob("*.part"))


def test_sessions_to_xlsx_through_main(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sessions.xlsx"
    assert main(["--db", str(records), "export", "sessions", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote 3 sessions to {out}"
    sheet = load_workbook(out)["Sessions"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == HEADINGS
    assert [(r[0], r[1], r[3], r[4], r[5]) for r in rows[1:]] == [
        ("Ewan Sinclair", "Morag MacLeod", "Held", 60, "Face to face"),
        ("Ewan Sinclair", "Morag MacLeod", "Cancelled by mentee", 60, "Face to face"),
        ("Ewan Sinclair", "Morag MacLeod", "Held", 45, "Phone"),
    ]
    # Real dates in the workbook (openpyxl reads a date cell back as a datetime).
    assert [r[2].date() for r in rows[1:]] == [
        date(2026, 3, 3),
        date(2026, 3, 10),
        date(2026, 3, 17),
    ]


def test_an_empty_log_exports_just_the_headings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sessions.csv"
    assert main(["--db", str(tmp_path / "new.db"), "export", "sessions", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote 0 sessions to {out}"
    with open(out, encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle))[1:] == []


def test_bad_output_paths_are_refused_plainly(records: Path, tmp_path: Path) -> None:
    unknown_kind = peerdesk(
        "--db", str(records), "export", "sessions", "--out", str(tmp_path / "s.txt")
    )
    assert unknown_kind.returncode == 2
    assert "Choose XLSX or CSV" in unknown_kind.stderr and "Traceback" not in unknown_kind.stderr
    assert not (tmp_path / "s.txt").exists()
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("", encoding="utf-8")
    under_a_file = peerdesk(
        "--db", str(records), "export", "sessions", "--out", str(a_file / "sessions.csv")
    )
    assert under_a_file.returncode == 2, under_a_file.stderr
    assert "Traceback" not in under_a_file.stderr
    assert str(a_file) in under_a_file.stderr
