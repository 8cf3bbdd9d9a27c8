"""A workbook is recognised by its bytes, not its name, and a damaged one is a plain problem.

Regression: hypothesis found a file named .csv starting with "PK" crashing the import with
openpyxl's InvalidFileException ("does not support .csv file format")."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from peerdesk.services import Services
from peerdesk.services.importing import FileUnreadable


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04",  # a zip header and nothing after it
        b"PK\x03\x04" + bytes(range(256)) * 4,  # a damaged zip
        b"PK\x05\x06" + bytes(18),  # an empty zip: no workbook inside
    ],
    ids=["header only", "damaged", "empty zip"],
)
@pytest.mark.parametrize("name", ["people.csv", "people.txt", "people.xlsx", "people"])
def test_a_damaged_workbook_under_any_name_is_a_plain_problem(
    services: Services, tmp_path: Path, data: bytes, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(FileUnreadable, match="could not be read as an Excel workbook"):
        services.importing.read(path)


def test_the_example_hypothesis_found(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(b"PK")
    # Two bytes are not a zip: read as a (one-cell) CSV, not handed to openpyxl.
    source = services.importing.read(path)
    assert source.kind == "csv"


def test_a_workbook_saved_with_a_csv_name_is_read_as_a_workbook(
    services: Services, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["First name", "Surname"])
    sheet.append(["Morag", "Gunn"])
    path = tmp_path / "people.csv"
    book.save(path)
    source = services.importing.read(path)
    assert source.kind == "xlsx"
    assert source.sheets[0].rows[:2] == [["First name", "Surname"], ["Morag", "Gunn"]]


def test_a_csv_whose_first_heading_starts_with_pk_is_a_csv(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("PKey,First name\n1,Morag\n", encoding="utf-8")
    source = services.importing.read(path)
    assert source.kind == "csv"
    assert source.sheets[0].rows[1] == ["1", "Morag"]
