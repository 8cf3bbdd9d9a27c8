"""`peerdesk expenses`: the treasurer's file through the real CLI, on the demo database. The
expected numbers are summed straight from the database with sqlite3, not by the code under
test; bad input is refused with exit code 2, a plain message and no file."""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from peerdesk.cli.main import main

#: The demo's reporting year starts in April: year 2025 is 1 April 2025 to 31 March 2026.
YEAR_2025 = ("2025-04-01", "2026-03-31")


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    return path


def expected(path: Path, start: str, end: str) -> dict[str, tuple[int, int]]:
    """(lines, pence) by claim status, for the lines dated in the period (read directly)."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        found = connection.execute(
            "SELECT c.status, count(*), sum(l.amount_pence) FROM expense_line l "
            "JOIN expense_claim c ON c.id = l.claim_id "
            "WHERE l.line_date BETWEEN ? AND ? GROUP BY c.status",
            (start, end),
        ).fetchall()
    return {status: (count, pence) for status, count, pence in found}


def run(*args: str) -> int:
    return main([*args])


def test_the_year_2025_as_csv_matches_the_database(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "expenses.csv"
    code = run(
        "--db", str(demo_db), "expenses", "--year", "2025", "--format", "csv", "--out", str(out)
    )
    assert code == 0, capsys.readouterr().err
    sums = expected(demo_db, *YEAR_2025)
    assert sums, "the demo has expense lines in 2025"
    text = out.read_text(encoding="utf-8-sig")
    reader = list(csv.reader(io.StringIO(text)))
    header, body = reader[0], reader[1:]
    assert header[:8] == [
        "Claim", "Volunteer", "Line date", "Kind", "Description", "Miles", "Rate", "Amount (£)"
    ]  # fmt: skip
    lines = [r for r in body if r and r[0].isdigit()]
    assert len(lines) == sum(count for count, _ in sums.values())
    assert all(YEAR_2025[0] <= r[2] <= YEAR_2025[1] for r in lines)
    by_status: dict[str, int] = {}
    for r in lines:
        pounds, pence = r[7].split(".")
        by_status[r[9]] = by_status.get(r[9], 0) + int(pounds) * 100 + int(pence)
    assert by_status == {status.capitalize(): pence for status, (_, pence) in sums.items()}
    totals = {r[0]: r[7] for r in body if r and r[0].startswith("Total")}
    paid = sums.get("paid", (0, 0))[1]
    assert totals["Total paid"] == f"{paid // 100}.{paid % 100:02d}"
    approved = sums.get("approved", (0, 0))[1]
    assert totals["Total approved, not yet paid"] == f"{approved // 100}.{approved % 100:02d}"
    assert "saved to" in capsys.readouterr().out


def test_custom_dates_as_xlsx_read_back(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "expenses.xlsx"
    code = run(
        "--db", str(demo_db), "expenses", "--from", "2024-06-01", "--to", "2026-06-15",
        "--format", "xlsx", "--out", str(out),
    )  # fmt: skip
    assert code == 0
    sums = expected(demo_db, "2024-06-01", "2026-06-15")
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "Amount (pence)"
    lines = [r for r in rows[1:] if isinstance(r[0], int)]
    assert len(lines) == sum(count for count, _ in sums.values())
    assert sum(r[-1] for r in lines) == sum(pence for _, pence in sums.values())
    # The pounds column is the pence column over 100, line by line.
    assert all(round(r[7] * 100) == r[-1] for r in lines)
    totals = {r[0]: r[-1] for r in rows if isinstance(r[0], str) and r[0].startswith("Total")}
    assert totals["Total paid"] == sums.get("paid", (0, 0))[1]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--year", "2025", "--from", "2025-01-01", "--to", "2025-02-01"], "not allowed with"),
        (["--from", "2025-01-01"], "--from needs --to"),
        (["--to", "2025-01-01"], "one of the arguments --year --from is required"),
        (["--from", "2025-03-01", "--to", "2025-01-01"], "--to is before --from"),
        (["--from", "2025-13-01", "--to", "2025-12-31"], "is not a date"),
        (["--year", "2025", "--format", "pdf"], "invalid choice"),
    ],
)
def test_bad_input_is_refused_with_nothing_written(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    out = tmp_path / "expenses.csv"
    formats = [] if "--format" in args else ["--format", "csv"]
    with pytest.raises(SystemExit) as refused:
        run("--db", str(demo_db), "expenses", *args, *formats, "--out", str(out))
    assert refused.value.code == 2
    assert says in capsys.readouterr().err
    assert not out.exists()


def test_an_unwritable_place_is_refused_in_plain_words(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no such folder" / "expenses.csv"
    code = run(
        "--db", str(demo_db), "expenses", "--year", "2025", "--format", "csv", "--out", str(out)
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "does not exist: please choose another place" in err
    assert "Traceback" not in err
    assert not out.parent.exists()


def test_a_folder_given_as_the_file_is_refused_with_nothing_left_behind(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "treasurer"
    out.mkdir()
    (out / "kept.txt").write_text("already here", encoding="utf-8")
    code = run(
        "--db", str(demo_db), "expenses", "--year", "2025", "--format", "xlsx", "--out", str(out)
    )
    assert code == 2
    err = capsys.readouterr().err
    # Refused before the database is opened (issue 25): the folder is named for what it is.
    assert "is a folder, not a file" in err and "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["kept.txt"]
    # No half-written temporary file (".treasurer.….part") is left beside it.
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".treasurer")]
