"""Import hygiene (issue 25, point 4): an unclosed quote or a line break in a name is a
problem for its row, and a row of formulas without saved results is named as such."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import select

from peerdesk.data.models import Person
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing.problems import FileUnreadable, Problem
from peerdesk.services.importing.readers import read_file


def _run(services: Services, paths: Paths, path: Path) -> tuple[list[Problem], bool]:
    source = services.importing.read(path)
    result = services.importing.run(
        source, services.importing.suggest(source), {}, paths.backup_dir
    )
    return result.problems, result.committed


def _names(services: Services) -> list[str]:
    with services.db.session() as session:
        return sorted(f"{p.first_name} {p.last_name}" for p in session.exec(select(Person)))


def test_an_unclosed_quote_is_a_problem_for_its_row(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text('First name,Last name\nAnn,Lee\n"Jo,Smith\nBob,Ray\n', encoding="utf-8")
    problems, committed = _run(services, paths, path)
    mine = [p for p in problems if p.row == 3 and p.blocking]
    assert any("never closed" in p.message for p in mine), problems
    assert not committed
    assert _names(services) == []


def test_an_unclosed_quote_in_a_text_column_is_reported_once(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        'First name,Last name,Postcode\nAnn,Lee,IV1 1AA\nJo,Smith,"IV2 2BB\nBob,Ray,IV3\n',
        encoding="utf-8",
    )
    problems, committed = _run(services, paths, path)
    quotes = [p for p in problems if "never closed" in p.message]
    assert [(p.row, p.column) for p in quotes] == [(3, "Postcode")], problems
    assert not committed


def test_an_unclosed_quote_in_the_last_cell_is_found(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text('First name,Last name\nAnn,"Lee', encoding="utf-8")
    assert read_file(path).sheets[0].open_quote == (1, 1)


def test_closed_quotes_and_text_after_a_quote_are_not_open(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text('Name,Notes\nAnn,"two\nlines"\nBob,5" tall\n', encoding="utf-8")
    assert read_file(path).sheets[0].open_quote is None


def test_a_name_on_two_lines_is_a_problem_for_its_row(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        'First name,Last name,Notes\n"Jo\nSmith",Lee,"fine\non two lines"\nAnn,Lee,\n',
        encoding="utf-8",
    )
    problems, committed = _run(services, paths, path)
    assert any("more than one line" in p.message and p.row == 2 for p in problems), problems
    assert not committed
    assert _names(services) == []


def test_rows_of_formulas_without_results_are_named_not_just_no_rows(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["First name", "Last name"])
    sheet.append(["=UPPER(C2)", "=LOWER(C2)"])  # openpyxl saves no results
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    problems, committed = _run(services, paths, path)
    assert [p.message for p in problems if p.blocking] == [
        "There are no rows to import below the headings: the rows there hold formulas "
        "with no saved results, which read as empty. Open the file in Excel or "
        "LibreOffice, save it, and import again."
    ]
    assert not committed


def test_no_rows_without_formulas_says_only_that(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("First name,Last name\n", encoding="utf-8")
    problems, _ = _run(services, paths, path)
    assert [p.message for p in problems if p.blocking] == [
        "There are no rows to import below the headings."
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_the_app_reading_a_pipe_or_a_folder_is_refused_at_once(tmp_path: Path) -> None:
    """The assistant's Choose file… can be given any path: a pipe would hang the reading for
    ever (nobody writes to it), a folder would end in a traceback."""
    pipe = tmp_path / "people.csv"
    os.mkfifo(pipe)
    folder = tmp_path / "people.xlsx"
    folder.mkdir()
    for path in (pipe, folder):
        with pytest.raises(FileUnreadable, match="not an ordinary file"):
            read_file(path)
