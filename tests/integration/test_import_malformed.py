"""Malformed files never crash the import, every problem has a row, and a refusal writes nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlmodel import func, select

from peerdesk.data.models import Person
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing import FileUnreadable

HEADINGS = ["First name", "Surname", "DOB", "Gender", "Email", "Mentor", "Roles", "Notes"]
cells = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["=1+1", "+44", "-", "@SUM(A1)", "N/A", "31/02/2000", "F", "x" * 300, "\t=cmd"]
    ),
    st.integers(-10, 100_000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.none(),
)
rows = st.lists(st.lists(cells, max_size=12), max_size=8)
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


def _people(services: Services) -> int:
    with services.db.session() as session:
        return session.exec(select(func.count()).select_from(Person)).one()


def _check(services: Services, paths: Paths, path: Path) -> None:
    before = _people(services)
    try:
        source = services.importing.read(path)
    except FileUnreadable as error:
        assert str(error)
        return
    result = services.importing.run(
        source, services.importing.suggest(source), {}, paths.backup_dir
    )
    for problem in result.problems:
        assert problem.message
        if problem.blocking and problem.sheet and "No column" not in problem.message:
            assert problem.row > 0, problem
    if result.blocking:
        assert not result.committed
        assert _people(services) == before


@SLOW
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
@example(data=b"PK", suffix=".csv")  # once sent to openpyxl, which refused the name
@example(data=b"PK\x03\x04", suffix=".csv")
def test_random_bytes(services: Services, paths: Paths, data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"file{suffix}"
        path.write_bytes(data)
        _check(services, paths, path)


@SLOW
@given(
    body=rows,
    separator=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]),
)
def test_ragged_csv_rows(
    services: Services, paths: Paths, body: list[list[object]], separator: str, encoding: str
) -> None:
    lines = [separator.join(HEADINGS)] + [
        separator.join(
            str(c).replace(separator, " ").replace('"', "") for c in row if c is not None
        )
        for row in body
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.csv"
        path.write_bytes("\n".join(lines).encode(encoding, errors="replace"))
        _check(services, paths, path)


@SLOW
@given(body=rows)
def test_workbooks_with_formulas_and_huge_cells(
    services: Services, paths: Paths, body: list[list[object]]
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["A title row"])
    sheet.append(HEADINGS)
    for row in body:
        # Excel cannot hold control characters, so no real workbook has them.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.xlsx"
        book.save(path)
        _check(services, paths, path)
