"""The exports agree with the JSON: XLSX numbers, CSV round trip, PDF text; and the command."""

from __future__ import annotations

import contextlib
import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from peerdesk.cli.main import main
from peerdesk.services import Services
from peerdesk.services.figures.definitions import bucket_label, figure_label
from peerdesk.services.figures.export_csv import HEADER, parse_value
from peerdesk.services.figures.export_xlsx import HEADER_ROW, MODE_WORDS, NOT_GIVEN
from peerdesk.services.figures.report import rows_of
from peerdesk.services.importing.spreadsheet_safety import neutralise
from peerdesk.services.organisation import OrganisationDetails
from tests.unit.figures.dataset import build


@pytest.fixture
def built(services: Services) -> Services:
    build(services)
    return services


@pytest.mark.parametrize("mode", ["internal", "publishable"])
def test_xlsx_numbers_equal_the_json(built: Services, tmp_path: Path, mode: str) -> None:
    report = built.figures.compute(built.figures.year(2025), mode)
    built.figures.export(report, "xlsx", tmp_path / "f.xlsx")
    built.figures.export(report, "json", tmp_path / "f.json")
    data = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    # The workbook names each figure and breakdown in words (a funder reads it), so the JSON's
    # keys are turned into the same words to compare.
    expected = {
        (figure_label(r.figure), bucket_label(r.figure, r.breakdown)): r.value
        for r in rows_of(data)
    }
    assert len(expected) == len(rows_of(data))  # the words tell every figure apart
    book = load_workbook(tmp_path / "f.xlsx")
    assert "Notes" in book.sheetnames and "People supported" in book.sheetnames
    found: dict[tuple[str, str], Any] = {}
    for sheet in book.worksheets:
        if sheet.title == "Notes":
            continue
        assert sheet.cell(3, 1).value == report.notice  # every sheet says its mode
        headings = [c.value for c in sheet[HEADER_ROW] if c.value]
        assert headings == ["Figure", "Breakdown", "Value", "Previous period"]
        for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
            if row[2] is not None:
                found[(row[0], row[1] or "")] = None if row[2] == NOT_GIVEN else row[2]
    assert found == expected
    assert isinstance(found[("People supported", "")], int if mode == "internal" else str)
    notes = [c for row in book["Notes"].iter_rows(values_only=True) for c in row if c]
    assert "2025-04-01" in notes and report.notice in notes
    assert any("held session" in str(c) for c in notes)
    # The keys scripts use are on the notes sheet, under a heading that says what they are.
    assert "Key in the CSV and JSON files" in notes and "people_supported" in notes
    assert (MODE_WORDS[mode]) in notes


def test_csv_round_trips_and_is_safe(built: Services, tmp_path: Path) -> None:
    details = OrganisationDetails(name='=HYPERLINK("http://x")')
    built.organisation.save(details)
    report = built.figures.compute(built.figures.year(2025), "publishable")
    built.figures.export(report, "csv", tmp_path / "f.csv")
    raw = (tmp_path / "f.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    with open(tmp_path / "f.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == HEADER
    about = {(r[1], r[2]): r[3] for r in rows[1:] if r[0] == "about"}
    assert about[("organisation", "")] == '\'=HYPERLINK("http://x")'
    assert about[("mode", "")] == "publishable"
    assert "threshold 5" in about[("notice", "")]
    back = {(r[1], r[2]): parse_value(r[3]) for r in rows[1:] if r[0] != "about"}
    expected = {(r.figure, r.breakdown): neutralise(r.value) for r in report.rows()}
    assert back == expected
    assert back[("people_supported", "")] == "<5"
    assert back[("demographics.age_band", "18–24")] == "<5"


def test_pdf_shows_the_headline_numbers_and_mode(built: Services, tmp_path: Path) -> None:
    built.organisation.save(OrganisationDetails(name="Łódź Peer Support 互助"))
    report = built.figures.compute(built.figures.year(2025), "internal", with_previous=True)
    built.figures.export(report, "pdf", tmp_path / "f.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "f.pdf").pages)
    assert "Łódź Peer Support" in text
    assert "1 April 2025 to 31 March 2026" in text
    assert "Internal: contains exact small numbers, do not publish" in text
    assert "How was this counted?" in text
    flat = " ".join(text.split())
    headline = flat[flat.index("Headline numbers") : flat.index("At a glance")]
    assert "People supported 3" in headline
    assert "Sessions held 4" in headline
    assert "Contact hours 4.3" in headline
    assert "Volunteer hours 13.8" in headline


def test_export_replaces_a_file_whole(built: Services, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "f.json"
    target.write_text("old")
    report = built.figures.compute(built.figures.year(2025), "internal")
    built.figures.export(report, "json", target)
    assert json.loads(target.read_text())["people_supported"] == 3
    assert [p.name for p in target.parent.iterdir()] == ["f.json"]  # no temporary left behind


def test_command_writes_publishable_json(built: Services, tmp_path: Path, capsys: Any) -> None:
    built.db.close()
    out = tmp_path / "figures.json"
    code = main(
        [
            "--db",
            str(built.database_path),
            "figures",
            "--year",
            "2025",
            "--publishable",
            "--format",
            "json",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["mode"] == "publishable" and data["people_supported"] == "<5"
    assert "saved to" in capsys.readouterr().out


HELD = "status = 'held'"
MISSED = "status IN ('cancelled_by_mentee', 'cancelled_by_mentor', 'rearranged', 'did_not_attend')"


def counted_with_sqlite(database: Path, start: str, end: str) -> dict[tuple[str, str], float]:
    """Figures for `start` to `end` (inclusive) counted straight from the file, as docs/figures.md
    defines them: plain SQL, sharing no code with the figures engine."""
    sessions = "SELECT * FROM mentoring_session WHERE session_date BETWEEN :start AND :end"
    meetings = "SELECT * FROM group_meeting WHERE meeting_date BETWEEN :start AND :end"
    queries = {
        ("referrals_received", ""): (
            "SELECT count(*) FROM referral WHERE referral_date BETWEEN :start AND :end"
        ),
        ("sessions_held", ""): f"SELECT count(*) FROM ({sessions}) WHERE {HELD}",
        ("sessions_cancelled", ""): f"SELECT count(*) FROM ({sessions}) WHERE {MISSED}",
        ("contact_hours", ""): (
            f"SELECT round(total(duration_minutes) / 60.0, 1) FROM ({sessions}) WHERE {HELD}"
        ),
        ("group_meetings", ""): f"SELECT count(*) FROM ({meetings})",
        ("group_attendances", ""): (
            f"SELECT (SELECT total(unnamed_attendees) FROM ({meetings})) + (SELECT count(*) "
            f"FROM attendance WHERE meeting_id IN (SELECT id FROM ({meetings})))"
        ),
        ("group_unique_attendees", ""): (
            "SELECT count(DISTINCT person_id) FROM attendance "
            f"WHERE meeting_id IN (SELECT id FROM ({meetings}))"
        ),
        ("people_supported", ""): (
            "SELECT count(*) FROM (SELECT mentee_id FROM pairing "
            f"JOIN ({sessions}) AS s ON s.pairing_id = pairing.id WHERE s.{HELD} "
            f"UNION SELECT person_id FROM attendance "
            f"WHERE meeting_id IN (SELECT id FROM ({meetings})))"
        ),
        ("pairings_started", ""): (
            "SELECT count(*) FROM pairing WHERE start_date BETWEEN :start AND :end"
        ),
        (
            "pairings_ended",
            "",
        ): "SELECT count(*) FROM pairing WHERE end_date BETWEEN :start AND :end",
        ("concerns_raised", ""): (
            "SELECT count(*) FROM concern WHERE raised_on BETWEEN :start AND :end"
        ),
        ("supervision_sessions", ""): (
            "SELECT count(*) FROM supervision WHERE supervision_date BETWEEN :start AND :end"
        ),
    }
    for mode in ("face_to_face", "phone", "video", "walk_and_talk"):
        queries[("sessions_by_mode", mode)] = (
            f"SELECT count(*) FROM ({sessions}) WHERE {HELD} AND mode = '{mode}'"
        )
    for source in ("self", "gp", "nurse", "other"):
        queries[("referrals_by_source", source)] = (
            "SELECT count(*) FROM referral "
            f"WHERE referral_date BETWEEN :start AND :end AND source = '{source}'"
        )
    period = {"start": start, "end": end}
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        return {
            key: float(connection.execute(sql, period).fetchone()[0])
            for key, sql in queries.items()
        }


@pytest.mark.parametrize(
    ("start", "end", "held", "attendances"),
    [
        ("2025-04-01", "2025-06-30", 2, 5),  # a session on its first day
        ("2025-05-20", "2025-06-10", 1, 5),  # a session on its first day, a meeting on its last
        ("2025-06-01", "2025-06-09", 0, 0),  # only a cancelled session
    ],
)
def test_command_custom_dates_count_exactly_that_period(
    built: Services, tmp_path: Path, start: str, end: str, held: int, attendances: int
) -> None:
    built.db.close()
    out = tmp_path / "period.csv"
    args = ["--db", str(built.database_path), "figures", "--from", start, "--to", end]
    assert main([*args, "--format", "csv", "--out", str(out)]) == 0
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    values = {(r["figure"], r["breakdown"]): r["value"] for r in rows}
    assert values[("period", "from")] == start and values[("period", "to")] == end
    expected = counted_with_sqlite(built.database_path, start, end)
    assert {key: float(values[key]) for key in expected} == expected
    # By hand from tests/unit/figures/dataset.py, so the SQL above is not vacuous either.
    assert (expected[("sessions_held", "")], expected[("group_attendances", "")]) == (
        held,
        attendances,
    )


def test_command_custom_dates_and_refusals(built: Services, tmp_path: Path) -> None:
    built.db.close()
    out = tmp_path / "half.csv"
    db = ["--db", str(built.database_path), "figures"]
    assert (
        main(
            [
                *db,
                "--from",
                "2025-06-30",
                "--to",
                "2025-04-01",
                "--format",
                "csv",
                "--out",
                str(out),
            ]
        )
        == 2
    )
    assert not out.exists()
    with pytest.raises(SystemExit):
        main([*db, "--from", "2025-04-01", "--format", "csv", "--out", str(out)])
    with pytest.raises(SystemExit):
        main([*db, "--year", "2025", "--format", "doc", "--out", str(out)])
