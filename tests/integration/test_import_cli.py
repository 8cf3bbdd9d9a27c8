"""`peerdesk import` and `peerdesk export` from the command line."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from peerdesk.cli.main import main
from peerdesk.data.database import open_database
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def database_bytes(path: Path) -> tuple[bytes, bytes]:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes(), wal.read_bytes() if wal.exists() else b""


def test_import_then_dry_run_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "records.db"
    assert main(["--db", str(db), "import", str(FIXTURES / "people_windows1252.csv")]) == 0
    assert "3 people were added" in capsys.readouterr().out
    before = database_bytes(db)
    assert (
        main(["--db", str(db), "import", str(FIXTURES / "caithness_records.xlsx"), "--dry-run"])
        == 0
    )
    out = capsys.readouterr().out
    assert "6 people will be added" in out
    assert "Dry run: nothing was written." in out
    assert database_bytes(db) == before


def test_a_refused_import_exits_2_and_lists_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "records.db"
    assert main(["--db", str(db), "import", str(FIXTURES / "people_with_problems.csv")]) == 2
    out = capsys.readouterr().out
    assert "row 3, column First name" in out
    assert "row 4, column Date of birth" in out
    assert "row 5, column Mentor" in out
    assert "Nothing was imported" in out


def test_an_unreadable_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a workbook")
    assert main(["--db", str(tmp_path / "r.db"), "import", str(junk)]) == 2
    assert "could not be read as an Excel workbook" in capsys.readouterr().out


def test_templates_have_the_headings_and_instructions(tmp_path: Path) -> None:
    assert main(["--db", str(tmp_path / "r.db"), "import", "--template", str(tmp_path / "t")]) == 0
    book = load_workbook(tmp_path / "t" / "peerdesk-import-template.xlsx")
    assert book.sheetnames == ["Instructions", "People", "Pairings", "Sessions", "Group attendance"]
    people = [c.value for c in book["People"][1]]
    assert people[:3] == ["First name", "Last name", "Preferred name"]
    assert "Date of birth" in people and "Postcode" in people
    text = " ".join(
        str(c.value) for row in book["Instructions"].iter_rows() for c in row if c.value
    )
    assert "forename" in text and "dob" in text
    with open(tmp_path / "t" / "peerdesk-people-template.csv", encoding="utf-8-sig") as handle:
        assert next(csv.reader(handle)) == people
    # A blank template imports as "nothing to import", not as a crash or a junk person.
    assert (
        main(
            [
                "--db",
                str(tmp_path / "r.db"),
                "import",
                str(tmp_path / "t" / "peerdesk-import-template.xlsx"),
            ]
        )
        == 2
    )


def test_a_saved_mapping_file_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from peerdesk.services.importing import ImportSettings, SheetMapping
    from peerdesk.services.importing.fields import SheetKind

    mapping = ImportSettings(
        sheets={"anything": SheetMapping(SheetKind.PEOPLE, 1, {"Vorname": "first_name"})}
    )
    path = tmp_path / "mapping.json"
    path.write_text(mapping.to_json(), encoding="utf-8")
    db = tmp_path / "r.db"
    args = ["--db", str(db), "import", str(FIXTURES / "people_semicolon.csv")]
    assert main(args) == 2
    capsys.readouterr()
    assert main([*args, "--mapping", str(path)]) == 0
    assert "2 people were added" in capsys.readouterr().out


def test_export_round_trip_and_neutralising(tmp_path: Path, paths: Paths) -> None:
    db = open_database(paths.database, backup_dir=paths.backup_dir)
    try:
        services = Services(db, today=lambda: TODAY)
        services.people.add(
            PersonDetails(first_name="Ann", last_name="Lee", notes='=HYPERLINK("x")')
        )
        services.people.add(PersonDetails(first_name="@Bob", last_name="-Smith"))
    finally:
        db.close()
    out = tmp_path / "people.csv"
    assert main(["export", "people", "--format", "csv", "--out", str(out)]) == 0
    with open(out, encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["First name"] for r in rows] == ["'@Bob", "Ann"]
    assert rows[0]["Last name"] == "'-Smith"
    assert rows[1]["Notes"] == '\'=HYPERLINK("x")'
    xlsx = tmp_path / "people.xlsx"
    assert main(["export", "people", "--out", str(xlsx)]) == 0
    sheet = load_workbook(xlsx)["People"]
    assert sheet["A2"].value == "'@Bob" and sheet["A2"].data_type == "s"
    # What leaves peerdesk comes back in: a fresh database imports the export unchanged.
    other = tmp_path / "other.db"
    assert main(["--db", str(other), "import", str(xlsx)]) == 0
    assert main(["--db", str(other), "export", "people", "--out", str(tmp_path / "again.csv")]) == 0
    with open(tmp_path / "again.csv", encoding="utf-8-sig") as handle:
        again = list(csv.DictReader(handle))
    assert {r["Last name"] for r in again} == {"Lee", "'-Smith"}
