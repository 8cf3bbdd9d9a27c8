"""Spreadsheets for the import benchmarks, built the same way every time (seeded).

`people_rows(n)` is a coordinator's people list: mostly mentees, one in ten a mentor; about
one mentee in three names their mentor (by name or by email), and about one in three has a
referral. Names repeat as they do in a real list (two Jo Smiths born on different days), and
one row in a hundred repeats an earlier person (a likely duplicate the preview shows).
`pairing_rows` and `session_rows` refer to the mentors and mentees of a people list.
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

SEED = 25
PEOPLE_HEADINGS = (
    "First name",
    "Last name",
    "Date of birth",
    "Email",
    "Phone",
    "Postcode",
    "Role",
    "Mentor",
    "Date referred",
    "How they heard",
)
PAIRING_HEADINGS = ("Mentor", "Mentee", "Start date")
SESSION_HEADINGS = ("Mentor", "Mentee", "Session date", "Duration", "How")

_FIRST_NAMES = (
    "Amira Callum Bethan Priya Jo Sam Alex Morgan Rhys Siân Eilidh Fraser Aisha Tom Ruth "
    "Hamish Iona Kofi Mei Oliver Grace Leo Nia Ewan Fatima Owen Ffion Ravi Chloe Kai Isla "
    "Jamal Orla Dylan Zara Ben Lucy Arjun Megan Finn Erin Tariq Holly Euan Maya Cerys Ali "
    "Rosa Niamh Seren"
)
_FIRST = _FIRST_NAMES.split()
_LAST_NAMES = (
    "Haddad Fraser Morgan Shah Smith Jones Taylor Brown Williams Wilson Davies Evans Thomas "
    "Roberts Walker Wright Robinson Thompson White Hughes Edwards Green Hall Wood Harris "
    "Lewis Martin Jackson Clarke Clark Turner Hill Scott Cooper Ward Morris King Watson "
    "Baker Harrison Morgan-Price Patel Khan Begum Okafor MacLeod Campbell Stewart Murray "
    "Reid Ross Paterson Kerr Grant Duncan Ferguson Hunter Mitchell Graham Kelly Byrne "
    "Lloyd Price Owen Jenkins Rees Griffiths Pugh Bevan Powell Howells Mackenzie Munro "
    "Sinclair Gunn Sutherland Mackay Henderson Bell Wallace Hamilton Gibson Johnston "
    "McDonald Robertson Anderson Young Kaur Singh Ahmed Hussain Ali Iqbal Mahmood Nowak "
    "Kowalski Silva Santos"
)
_LAST = _LAST_NAMES.split()
_SOURCES = ("GP", "Self", "Social worker", "Hospital", "Family or friend", "Another charity")
_FIRST_DAY = date(1940, 1, 1)


def _name(index: int) -> tuple[str, str]:
    """The index-th name: every first name with every last name before any repeats."""
    return _FIRST[index % len(_FIRST)], _LAST[(index // len(_FIRST)) % len(_LAST)]


def people_rows(count: int, seed: int = SEED) -> list[list[str]]:
    """`count` data rows under PEOPLE_HEADINGS (strings, as a CSV holds them)."""
    pick = random.Random(seed)
    rows: list[list[str]] = []
    mentors: list[tuple[str, str]] = []  # (name, email) of each mentor so far
    for index in range(count):
        if index and index % 100 == 0:
            rows.append(list(rows[pick.randrange(len(rows))]))  # the same person again
            continue
        first, last = _name(pick.randrange(len(_FIRST) * len(_LAST)))
        born = _FIRST_DAY + timedelta(days=pick.randrange(365 * 60))
        email = f"{first}.{last}.{index}@example.org".lower().replace("â", "a")
        phone = f"07{pick.randrange(10**9):09d}"
        postcode = f"IV{pick.randrange(1, 60)} {pick.randrange(1, 10)}{chr(65 + index % 26)}Q"
        is_mentor = index % 10 == 0 or not mentors
        role = "Mentor" if is_mentor else "Mentee"
        mentor = ""
        if not is_mentor and pick.random() < 0.35:
            mentor = mentors[pick.randrange(len(mentors))][1]  # by email: names repeat
        referred, source = "", ""
        if not is_mentor and pick.random() < 0.35:
            day = date(2025, 1, 1) + timedelta(days=pick.randrange(400))
            referred, source = f"{day:%d/%m/%Y}", pick.choice(_SOURCES)
        row = [first, last, f"{born:%d/%m/%Y}", email, phone, postcode, role, mentor]
        rows.append([*row, referred, source])
        if is_mentor:
            mentors.append((f"{first} {last}", email))
    return rows


def pairing_rows(people: Sequence[Sequence[str]], count: int) -> list[list[str]]:
    """Pairings of the people list's mentors with its mentees, by email."""
    mentors = [row[3] for row in people if row[6] == "Mentor"]
    mentees = [row[3] for row in people if row[6] == "Mentee" and not row[7]]
    pick = random.Random(SEED + 1)
    rows = []
    for index in range(min(count, len(mentees))):
        start = date(2024, 1, 1) + timedelta(days=pick.randrange(500))
        rows.append([pick.choice(mentors), mentees[index], f"{start:%d/%m/%Y}"])
    return rows


def session_rows(pairings: Sequence[Sequence[str]], count: int) -> list[list[str]]:
    """Sessions of those pairings, each on or after its pairing's start."""
    rows = []
    for index in range(count):
        mentor, mentee, start = pairings[index % len(pairings)]
        day, month, year = (int(part) for part in start.split("/"))
        held = date(year, month, day) + timedelta(days=7 * (index // len(pairings)) + 1)
        held = min(held, date(2026, 6, 1))
        rows.append([mentor, mentee, f"{held:%d/%m/%Y}", "60", "Phone"])
    return rows


def write_csv(path: Path, headings: Sequence[str], rows: Sequence[Sequence[str]]) -> Path:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(headings)
    writer.writerows(rows)
    path.write_text(text.getvalue(), encoding="utf-8", newline="")
    return path


def write_xlsx(
    path: Path, sheets: dict[str, tuple[Sequence[str], Sequence[Sequence[str]]]]
) -> Path:
    """A workbook with one sheet per entry (headings, then rows), through openpyxl's
    write-only mode, as a spreadsheet program would save it (shared strings, deflated)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, (headings, rows) in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append(list(headings))
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def far_cell_xlsx(path: Path) -> Path:
    """A tiny workbook with a heading in A1 and one value at XFD1048576 (Excel's last cell)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "First name"
    sheet["XFD1048576"] = "x"
    book.save(path)
    return path


def zip_bomb_xlsx(path: Path, rows: int = 60_000) -> Path:
    """A valid workbook whose sheet is `rows` rows of the same text: it packs far better
    than 100:1, the pattern of a zip bomb."""
    from openpyxl import Workbook

    template = io.BytesIO()
    Workbook().save(template)
    cells = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{"x" * 1000}</t></is></c></row>'
        for n in range(1, rows + 1)
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = f'<worksheet xmlns="{main}"><sheetData>{cells}</sheetData></worksheet>'
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            target.writestr(member.filename, data, zipfile.ZIP_DEFLATED, 9)
    return path
