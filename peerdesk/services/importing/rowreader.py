"""Reading the mapped cells of one row into values, recording each problem where it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from peerdesk.services.importing import values as val
from peerdesk.services.importing.fields import (
    FIELDS,
    FieldSpec,
    SheetKind,
    ValueKind,
    field_spec,
)
from peerdesk.services.importing.problems import Problem, Severity
from peerdesk.services.importing.readers import Sheet
from peerdesk.services.importing.settings import ImportSettings

#: Fields holding a name as plain text (alongside NAME and PERSON fields): never on two lines.
_NAME_KEYS = frozenset({"first_name", "last_name", "preferred_name", "referrer_name"})
_JOINERS = {"address": ", ", "phone": " / ", "notes": "\n", "note": "\n"}
#: Every cell of every row asks for its field's spec: look each up once.
_spec = cache(field_spec)
#: How many different texts of one field are remembered as read (bounds the memory).
_REMEMBERED = 4096
_LISTS = frozenset({ValueKind.ROLES, ValueKind.CONDITIONS})
_NAMES = frozenset({ValueKind.NAME, ValueKind.PERSON})
_TEXTS = frozenset({ValueKind.TEXT, ValueKind.LONG_TEXT, ValueKind.NAME, ValueKind.PERSON})
#: The fields read through a table of words: (table, what it is, the choices named).
_TABLES = {
    ValueKind.SESSION_STATUS: (val.SESSION_STATUSES, "what happened", "held, cancelled by mentee, cancelled by mentor, did not attend, planned"),
    ValueKind.MODE: (val.MODES, "a way of meeting", "face to face, phone, video, walk and talk"),
    ValueKind.CLOSURE_REASON: (val.CLOSURE_REASONS, "a reason for ending", "completed, mentee withdrew, mentor withdrew, change in circumstances, no longer eligible, no contact"),
    ValueKind.SUPPORTED_AS: (val.SUPPORTED_AS, "mentee or carer", "mentee, carer"),
    ValueKind.REFERRAL_SOURCE: (val.REFERRAL_SOURCES, "a referral source", "self, GP, nurse, social worker, another charity, hospital, family or friend, other"),
    ValueKind.REFERRAL_STATUS: (val.REFERRAL_STATUSES, "a referral status", "received, first conversation held, accepted, waiting for a mentor, not taken forward, closed"),
}  # fmt: skip


@dataclass
class SheetContext:
    """One sheet being read: where its columns are and where problems go."""

    sheet: Sheet
    kind: SheetKind
    columns: dict[int, str]  # column index → field key
    headers: list[str]
    settings: ImportSettings
    today: date
    problems: list[Problem] = field(default_factory=list)
    #: Field → (first row, note) of dates that could be read day or month first.
    ambiguous_dates: dict[str, tuple[int, str]] = field(default_factory=dict)
    settled_dates: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        # Each row asks for each field's columns many times: work them out once (`columns`
        # is fixed once the context is made).
        self.indexes: dict[str, list[int]] = {}
        self._having: dict[tuple[str, ...], tuple[str, ...]] = {}
        # The first spec of each key, as field_spec finds it.
        self.specs = {spec.key: spec for spec in reversed(FIELDS[self.kind])}
        #: Field → cell text → how it read (see `RowReader._parsed`).
        self.parsed: dict[str, dict[str, val.Parsed]] = {}
        for index, key in sorted(self.columns.items()):
            self.indexes.setdefault(key, []).append(index)

    def column_of(self, key: str) -> str:
        indexes = self.indexes.get(key)
        return self.headers[indexes[0]] if indexes and indexes[0] < len(self.headers) else ""

    def finish(self) -> None:
        """One note per date column that was read day first only by convention."""
        for key, (row, note) in self.ambiguous_dates.items():
            if key not in self.settled_dates:
                self.problem(note, row, key, Severity.WARNING)

    def has(self, key: str) -> bool:
        return key in self.indexes

    def having(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        """Those of `keys` that have a column, in their order (asked by every row: worked
        out once per set of keys)."""
        found = self._having.get(keys)
        if found is None:
            found = self._having[keys] = tuple(key for key in keys if key in self.indexes)
        return found

    def problem(
        self, message: str, row: int, key: str = "", severity: Severity = Severity.BLOCKING
    ) -> None:
        self.problems.append(
            Problem(message, row + 1, self.column_of(key) if key else "", self.sheet.name, severity)
        )


class RowReader:
    """The values of one data row (`row` is 0-based; problems use the 1-based number)."""

    def __init__(self, context: SheetContext, row: int) -> None:
        self.context = context
        self.row = row
        self.number = row + 1
        self.errors = 0
        sheet = context.sheet
        self._values = sheet.rows[row]
        #: Whether any cell of the sheet was not read as written (most sheets: none).
        self._unusual = bool(sheet.formulas) or sheet.open_quote is not None

    def _hygiene(self, key: str, indexes: list[int]) -> None:
        """Say which of the field's cells were not read as written: a formula with no saved
        result, a quote left open."""
        sheet = self.context.sheet
        for index in indexes:
            if (self.row, index) in sheet.formulas:
                self.context.problems.append(
                    Problem(
                        "This cell holds a formula with no saved result, so it was read as "
                        "empty. Open the file in Excel or LibreOffice, save it, and import again.",
                        self.number,
                        self.context.headers[index],
                        sheet.name,
                        Severity.WARNING,
                    )
                )
            if (self.row, index) == sheet.open_quote:
                self._report(
                    "A quote opened in this cell is never closed, so the rest of the file was "
                    "read into it. Close the quote (or remove it) in the file and import again.",
                    key,
                )

    def filled(self, key: str) -> list[tuple[Any, str]]:
        """The field's cells that hold something, each with its text (built once: every
        blank test and join reads it); says which were not read as written."""
        indexes = self.context.indexes.get(key)
        if not indexes:
            return []
        if self._unusual:
            self._hygiene(key, indexes)
        values = self._values
        width = len(values)
        cells = []
        for index in indexes:
            value = values[index] if index < width else None
            if value is None or value == "":
                continue
            text = val.text_of(value)
            if text.casefold() not in val.BLANKS:
                cells.append((value, text))
        return cells

    def value(self, key: str) -> Any:
        """The parsed value of a field, or None when blank or unreadable (then a problem)."""
        spec = self.context.specs.get(key) or _spec(self.context.kind, key)
        kind = spec.kind
        cells = self.filled(key)
        if not cells:
            return [] if kind in _LISTS else None
        if (kind in _NAMES or key in _NAME_KEYS) and any("\n" in text for _, text in cells):
            # A name never has line breaks: usually a quote left open swallowed the next rows.
            self._report(
                "This name runs over more than one line (a quote in the file may be left "
                "open). Put the name on one line in the file and import again.",
                key,
            )
            return None
        if kind in _TEXTS:
            return _JOINERS.get(key, " ").join(text for _, text in cells)
        if kind is ValueKind.CONDITIONS:
            names: list[str] = []
            for cell, _ in cells:
                names += [n for n in val.split_list(cell) if n not in names]
            return names
        results = [self._parsed(spec, cell) for cell, _ in cells]
        if kind is ValueKind.ROLES:
            merged: list[str] = []
            for result in results:
                if result.error:
                    self._report(result.error, key)
                    continue
                merged += [r for r in result.value if r not in merged]
            return merged
        result = results[0]
        if result.settles_order:
            self.context.settled_dates.add(key)
        if result.ambiguous:
            self.context.ambiguous_dates.setdefault(key, (self.row, result.note or ""))
        elif result.note:
            self.context.problem(result.note, self.row, key, Severity.WARNING)
        if result.error:
            self._report(result.error, key)
            return None
        return result.value

    def _parsed(self, spec: FieldSpec, cell: object) -> val.Parsed:
        """`_parse`, remembered per field for texts: a column repeats its dates, roles and
        sources, and the same text under the same settings always reads the same (a Parsed
        is immutable; a list of roles is copied by `value`)."""
        if type(cell) is not str:
            return self._parse(spec, cell)
        seen = self.context.parsed.setdefault(spec.key, {})
        result = seen.get(cell)
        if result is None:
            result = self._parse(spec, cell)
            if len(seen) < _REMEMBERED:
                seen[cell] = result
        return result

    def _parse(self, spec: FieldSpec, cell: object) -> val.Parsed:
        extra = self.context.settings.values.get(spec.key, {})
        kind = spec.kind
        if kind is ValueKind.DATE:
            return val.parse_date(
                cell, day_first=self.context.settings.day_first, today=self.context.today
            )
        if kind is ValueKind.GENDER:
            return val.parse_gender(cell, extra)
        if kind is ValueKind.YES_NO:
            return val.parse_yes_no(cell, extra)
        if kind is ValueKind.FLAG:
            return val.parse_flag(cell, extra)
        if kind is ValueKind.ROLES:
            return val.parse_roles(cell, extra)
        if kind is ValueKind.MINUTES:
            return val.parse_minutes(cell)
        table, what, choices = _TABLES[kind]
        return val.parse_mapped(cell, table, extra, what, choices)

    def _report(self, message: str, key: str) -> None:
        self.errors += 1
        self.context.problem(message, self.row, key)

    def fail(self, message: str, key: str = "") -> None:
        self._report(message, key)
