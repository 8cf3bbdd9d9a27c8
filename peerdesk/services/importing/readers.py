"""Reading spreadsheets into plain tables: XLSX (any sheet) and CSV (any usual encoding).

Everything a coordinator's file may throw at us is handled here: byte-order marks, UTF-16
from "Unicode text" exports, Windows-1252 from older Excel, semicolons from European
locales, tabs, ragged rows, merged title rows and formulas.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import stat
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from peerdesk.services.importing.problems import FileUnreadable
from peerdesk.services.importing.xlsx_stream import check_archive, stream_sheet

log = logging.getLogger(__name__)

CellValue = str | int | float | bool | date | datetime | time | None

ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with a byte-order mark",
    "utf-16": "UTF-16 (Unicode text)",
    "cp1252": "Windows (Western European)",
    "latin-1": "Latin-1",
}
SEPARATORS = {",": "Comma", ";": "Semicolon", "\t": "Tab"}
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Cells longer than this are cut when read; validation then reports them as too long.
MAX_CELL = 100_000
#: How a zip file (so an .xlsx workbook) starts: local file header, or an empty archive.
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")


@dataclass
class Sheet:
    """One table: a CSV file, or one sheet of a workbook. Rows are 0-based here."""

    name: str
    rows: list[list[CellValue]]
    #: (row index, column index) of cells holding a formula with no saved value.
    formulas: set[tuple[int, int]] = field(default_factory=set)
    #: (row index, column index) of the CSV cell whose opening quote is never closed: it holds
    #: the rest of the file, so it is a problem for its row rather than a person's name.
    open_quote: tuple[int, int] | None = None

    def cell(self, row: int, column: int) -> CellValue:
        values = self.rows[row]
        return values[column] if column < len(values) else None

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class Source:
    """What was read from a file, and how (so the assistant can show and change it)."""

    path: Path
    kind: str  # "xlsx" or "csv"
    sheets: list[Sheet]
    encoding: str | None = None
    separator: str | None = None

    def sheet(self, name: str) -> Sheet | None:
        return next((s for s in self.sheets if s.name == name), None)


def read_file(path: Path, *, encoding: str | None = None, separator: str | None = None) -> Source:
    """Read `path`; `encoding` and `separator` override what is detected (CSV only)."""
    try:
        status = path.stat()
    except OSError as error:
        raise FileUnreadable(f"The file {path.name} cannot be opened ({error.strerror}).") from None
    if not stat.S_ISREG(status.st_mode):
        # A folder, a pipe or a device: opening a pipe would wait for ever for a writer.
        raise FileUnreadable(
            f"{path.name} is not an ordinary file (it is a folder, a pipe or a device), so it "
            "cannot be imported. Choose the spreadsheet file itself."
        )
    size = status.st_size
    if size > MAX_FILE_BYTES:
        raise FileUnreadable(
            f"The file {path.name} is larger than 50 MB: please split it into smaller files."
        )
    with open(path, "rb") as handle:
        head = handle.read(8)
    # A zip's signature, not just "PK": a CSV may well start with a heading such as "PKey".
    if head.startswith(ZIP_SIGNATURES) or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileUnreadable(
            f"{path.name} is an old-style Excel file (.xls). Open it in Excel or LibreOffice "
            "and save it as .xlsx or .csv, then import that."
        )
    return _read_csv(path, encoding=encoding, separator=separator)


# -- XLSX ------------------------------------------------------------------------------------
def _read_xlsx(path: Path) -> Source:
    try:
        return _read_workbook(path)
    except FileUnreadable:
        raise
    except Exception as error:  # noqa: BLE001 - any file may be thrown at openpyxl
        # A damaged or foreign zip can fail deep inside openpyxl or the XML parser in many
        # ways (BadZipFile, KeyError, InvalidFileException, ParseError, zlib.error...): each
        # one means the same to the coordinator.
        log.info("xlsx unreadable: %s", type(error).__name__)
        raise FileUnreadable(
            f"{path.name} could not be read as an Excel workbook. It may be damaged or "
            "password-protected: open it in Excel or LibreOffice, save a copy as .xlsx, and "
            "import the copy."
        ) from None


def _read_workbook(path: Path) -> Source:
    import openpyxl  # imported here: CSV imports do not need it

    # From bytes, not the path: openpyxl refuses a path by its extension, and a workbook
    # saved as "people.csv" (or with no extension) is still a workbook.
    data = path.read_bytes()
    check_archive(data, path.name)
    # One streaming (read-only) load: saved values and formulas without one come from the
    # same pass, and the limits are enforced before a too-large sheet is ever held in memory.
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheets: list[Sheet] = []
        for worksheet in book.worksheets:
            rows, formulas = stream_sheet(worksheet, path.name, MAX_ROWS, MAX_COLUMNS)
            cut = [[_cut(value) for value in row] for row in rows]
            sheets.append(Sheet(worksheet.title, _trim(cut), formulas))
    finally:
        book.close()
    return Source(path=path, kind="xlsx", sheets=sheets)


# -- CSV -------------------------------------------------------------------------------------
def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of `data` and the encoding used (detected unless given)."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            raise FileUnreadable(
                f"The file cannot be read as {ENCODINGS.get(encoding, encoding)}: choose "
                "another character set."
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    sample = data[:4000]
    if sample and sample.count(0) > len(sample) // 4:
        # UTF-16 without a byte-order mark: the zero bytes sit on one side.
        little = sample[1::2].count(0) > sample[0::2].count(0)
        name = "utf-16-le" if little else "utf-16-be"
        return data.decode(name, errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def detect_separator(text: str) -> str:
    """The separator that splits the first lines into the most consistent, widest rows."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", -1.0
    for candidate in SEPARATORS:
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=candidate)]
        except csv.Error:
            continue
        wide = [w for w in widths if w > 1]
        if not wide:
            continue
        # Title lines have one cell whatever the separator: only wider rows count.
        common = max(set(wide), key=lambda w: (wide.count(w), w))
        score = widths.count(common) / len(widths) * 10 + common / 100
        if score > best_score:
            best, best_score = candidate, score
    return best


def _read_csv(path: Path, *, encoding: str | None, separator: str | None) -> Source:
    data = path.read_bytes()
    text, used = decode(data, encoding)
    # Stray NUL characters would stop the csv module; they never carry meaning.
    text = text.replace("\x00", "")
    used_separator = separator or detect_separator(text)
    rows: list[list[CellValue]] = []
    lines = list(io.StringIO(text, newline=""))
    last_start = 0
    # Most cells repeat down a column (names, roles, dates, sources): the rows share one
    # string for each short text instead of a copy per row (a third of the rows' memory).
    shared: dict[str, str] = {}
    try:
        reader = csv.reader(lines, delimiter=used_separator)
        while True:
            start = reader.line_num
            try:
                row = next(reader)
            except StopIteration:
                break
            if len(rows) >= MAX_ROWS:
                raise FileUnreadable(_too_many_rows(path))
            last_start = start
            rows.append([_shared(cell, shared) for cell in row[:MAX_COLUMNS]])
    except csv.Error:
        raise FileUnreadable(
            f"{path.name} is not a well-formed CSV file (a quote may be left open). Open it "
            "in a spreadsheet program and save it again as CSV."
        ) from None
    name = path.stem or "Sheet"
    sheet = Sheet(name, _trim(rows))
    if rows and _ends_inside_quote(lines[last_start:], used_separator):
        sheet.open_quote = (len(rows) - 1, min(len(rows[-1]), MAX_COLUMNS) - 1)
    return Source(
        path=path,
        kind="csv",
        sheets=[sheet],
        encoding=used,
        separator=used_separator,
    )


def _ends_inside_quote(last_record: list[str], separator: str) -> bool:
    """Whether the file's last record leaves a quote open (the lenient reader hides it).

    Only the last record is read again, so this stays linear in the file's size.
    """
    try:
        for _ in csv.reader(last_record, delimiter=separator, strict=True):
            pass
    except csv.Error as error:
        # Strict reading also objects to text after a closing quote ('"Jo"x'), which the
        # lenient reader took as typed: only a record cut off inside its quote counts.
        return "end of data" in str(error)
    return False


def _shared(cell: str, shared: dict[str, str]) -> str:
    """The cell's text, cut to length; a short text already seen is that same string."""
    if len(cell) > _SHARED_LENGTH:
        return cell[:MAX_CELL]
    return shared.setdefault(cell, cell)


#: Texts this short are shared between rows (longer ones, such as notes, rarely repeat).
_SHARED_LENGTH = 40


def _cut(value: object) -> CellValue:
    if isinstance(value, str):
        return value[:MAX_CELL]
    if value is None or isinstance(value, int | float | bool | date | datetime | time):
        return value
    return str(value)[:MAX_CELL]


def _trim(rows: list[list[CellValue]]) -> list[list[CellValue]]:
    """Drop trailing empty cells of each row and empty rows at the end."""
    trimmed = []
    for row in rows:
        end = len(row)
        while end and (row[end - 1] is None or row[end - 1] == ""):
            end -= 1
        trimmed.append(row if end == len(row) else row[:end])
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return trimmed


def _too_many_rows(path: Path) -> str:
    return f"{path.name} has more than {MAX_ROWS:,} rows: please split it into smaller files."
