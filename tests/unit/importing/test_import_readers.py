"""Reading files: encodings, separators, header rows, totals rows, formulas."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from openpyxl import Workbook

from peerdesk.services.importing.fields import SheetKind, match_header
from peerdesk.services.importing.layout import data_rows, detect_layout
from peerdesk.services.importing.problems import FileUnreadable
from peerdesk.services.importing.readers import read_file

ROWS = "First name,Last name\nZoë,Ménard\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ROWS.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ROWS.encode("utf-8"), "utf-8-sig"),
        (ROWS.encode("utf-16"), "utf-16"),
        (ROWS.encode("utf-16-le"), "utf-16"),
        (ROWS.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(data)
    source = read_file(path)
    assert source.encoding == encoding
    assert source.sheets[0].rows == [["First name", "Last name"], ["Zoë", "Ménard"]]


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_separators_are_detected_even_after_a_title(tmp_path: Path, separator: str) -> None:
    path = tmp_path / "people.csv"
    lines = ["Our members, 2025", "", separator.join(["Name", "Email", "Phone"]),
             separator.join(["Jo Smith", "jo@example.org", "01234 567890"])]  # fmt: skip
    path.write_text("\n".join(lines), encoding="utf-8")
    assert read_file(path).separator == separator


def test_the_separator_can_be_overridden(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("a;b,c\n1;2,3\n", encoding="utf-8")
    assert read_file(path, separator=";").sheets[0].rows[1] == ["1", "2,3"]


def test_an_old_xls_file_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(FileUnreadable, match=r"save it as \.xlsx"):
        read_file(path)


def test_header_row_found_below_a_merged_title_and_totals_left_out(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Members list"])
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(["Forename", "Surname", "DOB"])
    sheet.append(["Jo", "Smith", "01/02/1980"])
    sheet.append([])
    sheet.append(["Ann", "Lee", "=TODAY()"])
    sheet.append(["Total", "=COUNTA(A4:A6)"])
    path = tmp_path / "members.xlsx"
    book.save(path)
    read = read_file(path).sheets[0]
    layout = detect_layout(read)
    assert layout.header_row == 2
    assert layout.kind is SheetKind.PEOPLE
    assert set(layout.columns.values()) == {"first_name", "last_name", "date_of_birth"}
    rows, totals = data_rows(read, layout.header_row)
    assert rows == [3, 5]
    assert totals == [6]
    assert (5, 2) in read.formulas


@pytest.mark.parametrize(
    ("heading", "field"),
    [("Forename ", "first_name"), ("SURNAME", "last_name"), ("D.O.B.", "date_of_birth"),
     ("Date of birth (dd/mm/yyyy)", "date_of_birth"), ("Post code", "postcode"),
     ("E-mail", "email"), ("Condition(s)", "conditions"), ("Tel", "phone")],
)  # fmt: skip
def test_headings_and_their_synonyms(heading: str, field: str) -> None:
    assert match_header(SheetKind.PEOPLE, heading) == field
