"""The form-building kit: the few shapes every form is made of.

A form module describes its content with these calls and nothing else:

    kit.heading("About you")
    kit.fields(Field("First name", "first_name"), Field("Last name", "last_name"))
    kit.box("What you hope for", "hopes", lines=4)
    kit.ticks("How would you like to meet?", "modes", ["Face to face", "Phone"])
    kit.signatures([("Mentor", "mentor_name")])

Values come from the form's `FormData` by key; a missing key prints an empty box.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from peerdesk.forms.data import FormData, OrganisationInfo
from peerdesk.forms.flowables import WriteInBox
from peerdesk.forms.fonts import markup, register_fonts
from peerdesk.forms.styles import CONTENT_WIDTH, RULE, SHADE, PrintStyle

#: Parsed text of every paragraph built so far, by (text, style, bullet). A batch of forms
#: repeats the same labels, tick options and headings hundreds of times, and parsing the
#: markup was a fifth of a form's time. The parse is read-only once made (reportlab builds
#: new lists when it wraps), so paragraphs of the same text share it. Styles are the two
#: cached `PrintStyle`s', so the cache stays small: the forms' wording, not people's data
#: (pre-filled values are printed in write-in boxes and field cells, which are few).
_PARSED: dict[tuple[str, object, str | None], tuple[str, list[object]]] = {}
_PARSED_LIMIT = 20_000


def paragraph(html: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """`Paragraph(html, style, bulletText=bullet)`, parsing each distinct text only once."""
    key = (html, style, bullet)
    parsed = _PARSED.get(key)
    if parsed is None:
        made = Paragraph(html, style, bulletText=bullet)
        if len(_PARSED) >= _PARSED_LIMIT:
            _PARSED.clear()
        _PARSED[key] = (made.text, made.frags)
        return made
    text, frags = parsed
    return Paragraph(text, style, bulletText=bullet, frags=frags)


EMPTY_BOX = "\u2610"
TICKED_BOX = "\u2612"
NBSP = "\u00a0"
GAP = 4 * mm


def table_style(commands: Sequence[tuple[object, ...]]) -> TableStyle:
    """A table style whose plain-text cells use our embedded font (reportlab's default,
    Helvetica, is not embedded and cannot print most names)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts().regular), *commands])


def tick_options(*options: str) -> str:
    """Tick boxes to print in a table cell: each box stays on the line with its words."""
    return "   ".join(f"{EMPTY_BOX}{NBSP}{NBSP.join(option.split(' '))}" for option in options)


@dataclass(frozen=True)
class Field:
    """A short labelled box in a row of fields. `value` prints fixed text instead of data."""

    label: str
    key: str = ""
    weight: float = 1.0
    value: str | None = None


@dataclass(frozen=True)
class Column:
    """A column of a table for handwriting: header, relative width, optional tick options."""

    header: str
    weight: float = 1.0
    #: What an empty row shows in this column, e.g. tick boxes to choose from.
    blank: str = ""


class Kit:
    def __init__(self, style: PrintStyle, data: FormData, organisation: OrganisationInfo) -> None:
        self.style = style
        self.data = data
        self.org = organisation

    # -- text ----------------------------------------------------------------------------
    @property
    def large(self) -> bool:
        return self.style.large

    def value(self, key: str) -> str:
        return self.data.text(key)

    def filled(self, key: str) -> bool:
        return bool(self.data.text(key).strip())

    def para(self, text: str) -> Paragraph:
        return paragraph(markup(text), self.style.p_body)

    def rich(self, html: str) -> Paragraph:
        """Static wording with simple <b>/<i> markup (never for names or notes)."""
        return paragraph(html, self.style.p_body)

    def hint(self, text: str) -> Paragraph:
        return paragraph(markup(text), self.style.p_hint)

    def heading(self, text: str, *, guard: bool = True) -> list[Flowable]:
        """A section heading. `guard` keeps it off the foot of a page (not needed inside
        `keep`, which keeps the whole block together anyway)."""
        heading = paragraph(markup(text), self.style.p_heading)
        return [CondPageBreak(self.style.line * 4), heading] if guard else [heading]

    def bullets(self, items: Iterable[str]) -> list[Flowable]:
        return [paragraph(markup(item), self.style.p_bullet, "•") for item in items]

    def space(self, lines: float = 1) -> Spacer:
        return Spacer(1, self.style.gap * lines)

    def keep(self, *flowables: Flowable | list[Flowable]) -> KeepTogether:
        flat: list[Flowable] = []
        for item in flowables:
            for flowable in item if isinstance(item, list) else [item]:
                # Nested KeepTogethers confuse reportlab's page breaking: flatten them.
                if isinstance(flowable, KeepTogether):
                    flat.extend(flowable._content)
                else:
                    flat.append(flowable)
        return KeepTogether(flat)

    def _label(self, text: str) -> Paragraph:
        return paragraph(markup(text), self.style.p_label)

    def _cell(self, text: str) -> Paragraph:
        size = f"{self.style.body * 1.3:.1f}"
        html = markup(text)
        for mark in (EMPTY_BOX, TICKED_BOX):
            html = html.replace(mark, f"<font size='{size}'>{mark}</font>")
        return paragraph(html, self.style.p_cell)

    # -- boxes ---------------------------------------------------------------------------
    def fields(self, *fields: Field) -> list[Flowable]:
        """Short boxes side by side, each with its label above. Large print: two a row."""
        per_row = 2 if self.large else 4
        rows = [fields[i : i + per_row] for i in range(0, len(fields), per_row)]
        return [KeepTogether([self._field_row(row)]) for row in rows]

    def _field_row(self, fields: Sequence[Field]) -> Table:
        total = sum(f.weight for f in fields)
        usable = CONTENT_WIDTH - GAP * (len(fields) - 1)
        widths: list[float] = []
        labels: list[Flowable | str] = []
        values: list[Flowable | str] = []
        commands: list[tuple[object, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 1.2 * mm),
            ("TOPPADDING", (0, 1), (-1, 1), 1.6 * mm),
            ("BOTTOMPADDING", (0, 1), (-1, 1), 1.6 * mm),
        ]
        for index, f in enumerate(fields):
            if index:
                widths.append(GAP)
                labels.append("")
                values.append("")
            column = len(widths)
            widths.append(usable * f.weight / total)
            labels.append(self._label(f.label))
            text = f.value if f.value is not None else self.value(f.key)
            values.append(self._cell(text) if text.strip() else "")
            commands += [
                ("BOX", (column, 1), (column, 1), 0.8, RULE),
                ("LEFTPADDING", (column, 1), (column, 1), 2 * mm),
                ("RIGHTPADDING", (column, 1), (column, 1), 2 * mm),
            ]
        table = Table(
            [labels, values],
            colWidths=widths,
            minRowHeights=[0, self.style.line],
            style=table_style(commands),
            hAlign="LEFT",
            spaceAfter=self.style.body * 0.8,
        )
        return table

    def box(self, label: str, key: str = "", lines: int = 3, hint: str = "") -> list[Flowable]:
        """A labelled box with room for `lines` lines of handwriting."""
        text = self.value(key) if key else ""
        title = self._label(label)
        if hint:
            title = Paragraph(
                f"{markup(label)} <font name='{self.style.p_hint.fontName}' "
                f"size='{self.style.small}' color='#4a4a4a'>{markup(hint)}</font>",
                self.style.p_label,
            )
        continued = self._label(f"{label} (continued)")
        body = self._cell(text) if text.strip() else None
        height = lines * self.style.line + 2 * WriteInBox.PAD
        return [
            WriteInBox(title, body, height, self.style.line, continued),
            Spacer(1, self.style.body * 0.8),
        ]

    def box_pair(
        self, left: tuple[str, str], right: tuple[str, str], lines: int = 3
    ) -> list[Flowable]:
        """Two labelled boxes side by side (for short answers; each is (label, key))."""
        if self.large:
            return self.box(*left, lines=lines) + self.box(*right, lines=lines)
        half = (CONTENT_WIDTH - GAP) / 2
        cells = [self.box(label, key, lines)[0] for label, key in (left, right)]
        table = Table(
            [[cells[0], "", cells[1]]],
            colWidths=[half, GAP, half],
            style=table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
            hAlign="LEFT",
            spaceAfter=self.style.body * 0.8,
        )
        return [table]

    # -- tick boxes ----------------------------------------------------------------------
    def _tick(self, key: str, option: str) -> Paragraph:
        mark = TICKED_BOX if self.data.ticked(key, option) else EMPTY_BOX
        size = self.style.body * 1.3
        # The box stays with the first word; longer options wrap at spaces under themselves.
        first, _, rest = markup(option).partition(" ")
        words = f"{first} {rest}" if rest else first
        return paragraph(f"<font size='{size:.1f}'>{mark}</font>{NBSP}{words}", self.style.p_tick)

    def ticks(
        self,
        label: str,
        key: str,
        options: Sequence[str],
        columns: int | None = None,
        hint: str = "",
    ) -> list[Flowable]:
        """A question with a tick box for each option, laid out in even columns."""
        if columns is None:
            width = max(self._option_width(o) for o in options) + GAP
            columns = max(1, min(4, len(options), int(CONTENT_WIDTH // width)))
        per_column = CONTENT_WIDTH / columns
        rows = math.ceil(len(options) / columns)
        cells: list[list[Flowable | str]] = [[""] * columns for _ in range(rows)]
        for index, option in enumerate(options):
            cells[index // columns][index % columns] = self._tick(key, option)
        grid = Table(
            cells,
            colWidths=[per_column] * columns,
            style=table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.2 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
                ]
            ),
            hAlign="LEFT",
        )
        parts: list[Flowable] = [self._label(label)]
        if hint:
            parts.append(self.hint(hint))
        parts += [grid, Spacer(1, self.style.body * 0.8)]
        return [KeepTogether(parts)]

    def _option_width(self, option: str) -> float:
        fonts = register_fonts()
        return stringWidth(option, fonts.regular, self.style.body) + self.style.body * 2.6

    def choice_line(
        self, question: str, key: str, options: Sequence[str] = ("Yes", "No")
    ) -> list[Flowable]:
        """A question on the left and its tick boxes on the right, on one line when they fit
        (otherwise the options go in columns below the question)."""
        option_widths = [self._option_width(o) for o in options]
        question_width = CONTENT_WIDTH - sum(option_widths)
        fonts = register_fonts()
        if question_width < min(
            stringWidth(question, fonts.regular, self.style.body) + 4 * mm, CONTENT_WIDTH * 0.4
        ):
            return self.ticks(question, key, options)
        row: list[Flowable | str] = [self._cell(question)]
        row += [self._tick(key, option) for option in options]
        table = Table(
            [row],
            colWidths=[question_width, *option_widths],
            style=table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, SHADE),
                ]
            ),
            hAlign="LEFT",
        )
        return [table]

    def yes_no(self, question: str, key: str) -> list[Flowable]:
        return self.choice_line(question, key, ("Yes", "No"))

    def tick_grid(
        self, label: str, key: str, rows: Sequence[str], columns: Sequence[str]
    ) -> list[Flowable]:
        """A grid of tick boxes, e.g. weekdays × parts of the day. The option ticked for a
        cell is "<row> <column>" in lower case after the row, e.g. "Monday morning"."""
        size = self.style.body * 1.3
        header: list[Flowable | str] = ["", *(self._label(c) for c in columns)]
        body: list[list[Flowable | str]] = [header]
        for row in rows:
            line: list[Flowable | str] = [self._cell(row)]
            for column in columns:
                ticked = self.data.ticked(key, f"{row} {column.lower()}")
                mark = TICKED_BOX if ticked else EMPTY_BOX
                line.append(paragraph(f"<font size='{size:.1f}'>{mark}</font>", self.style.p_cell))
            body.append(line)
        first = CONTENT_WIDTH * (0.34 if self.large else 0.25)
        rest = (CONTENT_WIDTH - first) / len(columns)
        grid = Table(
            body,
            colWidths=[first] + [rest] * len(columns),
            style=table_style(
                [
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, SHADE),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (0, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * mm),
                ]
            ),
            hAlign="LEFT",
            spaceAfter=self.style.body,
        )
        return [KeepTogether([self._label(label), grid])]

    # -- tables for handwriting ----------------------------------------------------------
    def table(
        self,
        columns: Sequence[Column],
        key: str = "",
        blank_rows: int = 6,
        row_lines: float = 1.0,
        total_rows: int | None = None,
        rows: Sequence[Sequence[str]] | None = None,
    ) -> list[Flowable]:
        """A ruled table: pre-filled rows from `key` (or `rows`), then empty rows to write in.

        With `total_rows`, empty rows top the table up to that many rows (at least one)."""
        total = sum(c.weight for c in columns)
        widths = [CONTENT_WIDTH * c.weight / total for c in columns]
        header: list[Flowable | str] = [self._label(c.header) for c in columns]
        body: list[list[Flowable | str]] = []
        given = rows if rows is not None else (self.data.rows.get(key, ()) if key else ())
        for row in given:
            body.append([self._cell(str(v)) if str(v).strip() else "" for v in row])
        at_least = 0 if body else 1
        empty = blank_rows if total_rows is None else max(total_rows - len(body), at_least)
        blank: list[Flowable | str] = [self._cell(c.blank) if c.blank else "" for c in columns]
        body += [list(blank) for _ in range(empty)]
        table = Table(
            [header, *body],
            colWidths=widths,
            repeatRows=1,
            minRowHeights=[0] + [self.style.line * row_lines] * len(body),
            splitInRow=1,
            style=table_style(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, RULE),
                    ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ]
            ),
            hAlign="LEFT",
            spaceAfter=self.style.body,
        )
        # A short table is kept whole; a long one repeats its header on each page.
        return [KeepTogether([table])] if len(body) <= 8 else [table]

    # -- signatures ----------------------------------------------------------------------
    def signatures(
        self,
        signers: Sequence[tuple[str, str]],
        *,
        name_line: bool = True,
        heading: str = "Signatures",
        lead: str = "",
    ) -> list[Flowable]:
        """A heading, then for each (role, name key): name, signature and date lines, all
        kept on one page so that nobody signs a page apart from the others."""
        label = 0.24 if self.large else 0.16
        date = 0.1 if self.large else 0.07
        widths = [CONTENT_WIDTH * w for w in (label, 0.62 - label + 0.16, date)]
        widths.append(CONTENT_WIDTH - sum(widths))
        flowables: list[Flowable] = []
        if heading:
            flowables += self.heading(heading, guard=False)
        if lead:
            flowables.append(self.para(lead))
        for role, key in signers:
            rows: list[list[Flowable | str]] = []
            if name_line:
                name = self.value(key) if key else ""
                rows.append([self._cell("Name"), self._cell(name) if name else "", "", ""])
                # A signer's role from Settings (the coordinator's), under their name.
                position = self.value(key.removesuffix("_name") + "_role") if key else ""
                if name and position:
                    rows.append([self._cell("Role"), self._cell(position), "", ""])
            rows.append([self._cell("Signature"), "", self._cell("Date"), ""])
            commands: list[tuple[object, ...]] = [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (1, -1), (1, -1), 0.8, RULE),
                ("LINEBELOW", (3, -1), (3, -1), 0.8, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2 * mm),
            ]
            if name_line:
                commands.append(("LINEBELOW", (1, 0), (3, 0), 0.8, RULE))
                commands.append(("SPAN", (1, 0), (3, 0)))
            table = Table(
                rows,
                colWidths=widths,
                minRowHeights=[self.style.line * 1.2] * len(rows),
                style=table_style(commands),
                hAlign="LEFT",
            )
            flowables += [self._label(role), table, Spacer(1, self.style.gap)]
        return [self.keep(flowables)]
