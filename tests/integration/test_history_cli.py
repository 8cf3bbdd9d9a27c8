"""`peerdesk history`: the change log as a CSV file for an auditor, through the real CLI."""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path

import pytest

from peerdesk.cli.main import main
from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY


@pytest.fixture
def database(tmp_path: Path) -> tuple[Path, int, int]:
    path = tmp_path / "cli.db"
    db = open_database(path, backup_dir=tmp_path / "backups", lock=False)
    try:
        services = Services(db, today=lambda: TODAY)
        services.organisation.save(OrganisationDetails(name="Peers", coordinator_name="Jo Smith"))
        person = services.people.add(PersonDetails(first_name="Isla", address="1 High St"))
        other = services.people.add(PersonDetails(first_name="Ruaridh"))
        services.people.update(person.id, PersonDetails(first_name="Isla", address="=2 Low Rd"))
    finally:
        db.close()
    return path, person.id, other.id


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_a_persons_history_is_written_as_csv_readable_by_its_owner_only(
    database: tuple[Path, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, person_id, _other = database
    out = tmp_path / "history.csv"
    code = main(
        ["--db", str(path), "history", "--person", str(person_id), "--format", "csv",
         "--out", str(out)]
    )  # fmt: skip
    assert code == 0
    assert "2 change sets" in capsys.readouterr().out
    rows = rows_of(out)
    assert list(rows[0]) == [
        "when", "changed_by", "change_set", "description", "reason", "record", "action",
        "field", "old", "new",
    ]  # fmt: skip
    assert {row["changed_by"] for row in rows} == {"Jo Smith"}
    assert "Ruaridh" not in out.read_text(encoding="utf-8-sig")
    [address] = [r for r in rows if r["action"] == "update" and r["field"] == "Address"]
    # A value a spreadsheet would run as a formula is written as text.
    assert (address["record"], address["old"], address["new"]) == (
        f"Person {person_id}",
        "1 High St",
        "'=2 Low Rd",
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_everything_and_dates(database: tuple[Path, int, int], tmp_path: Path) -> None:
    path, _person, _other = database
    everything, dated = tmp_path / "all.csv", tmp_path / "dated.csv"
    assert main(["--db", str(path), "history", "--format", "csv", "--out", str(everything)]) == 0
    assert "Ruaridh" in everything.read_text(encoding="utf-8-sig")
    code = main(
        ["--db", str(path), "history", "--from", "2000-01-01", "--to", "2000-12-31",
         "--format", "csv", "--out", str(dated)]
    )  # fmt: skip
    assert code == 0
    assert rows_of(dated) == []


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--person", "999"], "could not be found"),
        (["--from", "2026-02-01", "--to", "2026-01-01"], "end date is before the start date"),
        (["--from", "2026-02-01"], "--from and --to go together"),
        (["--from", "1 Feb"], "is not a date"),
        (["--person", "1", "--to", "2026-01-01"], "--from and --to go together"),
    ],
)
def test_bad_input_is_refused_in_plain_words_with_no_file(
    database: tuple[Path, int, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    words: str,
) -> None:
    path, _person, _other = database
    out = tmp_path / "history.csv"
    command = ["--db", str(path), "history", *arguments, "--format", "csv", "--out", str(out)]
    try:
        code = main(command)
    except SystemExit as stop:  # argparse refuses with exit code 2 itself
        code = int(stop.code or 0)
    error = capsys.readouterr().err
    assert code == 2
    assert words in error and "Traceback" not in error
    assert list(tmp_path.glob("history*")) == []


def test_a_missing_folder_is_refused(database: tuple[Path, int, int], tmp_path: Path) -> None:
    path, _person, _other = database
    out = tmp_path / "nowhere" / "history.csv"
    assert main(["--db", str(path), "history", "--format", "csv", "--out", str(out)]) == 2
    assert not out.parent.exists()
