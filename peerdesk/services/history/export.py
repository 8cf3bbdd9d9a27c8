"""The history as a CSV file for an auditor: one row per field changed.

Written whole (a half-written file never replaces a good one) and readable by its owner only,
like every file peerdesk writes; text cells are neutralised so a spreadsheet never runs them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import astuple, fields
from pathlib import Path

from peerdesk import files
from peerdesk.services.history.service import ExportRow
from peerdesk.services.importing.spreadsheet_safety import neutralise

HEADINGS = tuple(f.name for f in fields(ExportRow))


def to_csv(rows: list[ExportRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADINGS)
    for row in rows:
        writer.writerow([neutralise(value) for value in astuple(row)])
    return buffer.getvalue()


def write_csv(rows: list[ExportRow], path: Path) -> Path:
    # utf-8-sig: Excel reads names with accents correctly only with the byte-order mark.
    return files.write_text(path, to_csv(rows), encoding="utf-8-sig", newline="")
