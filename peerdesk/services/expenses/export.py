"""The treasurer's file (`peerdesk expenses`): one row per claim line dated in the period,
then the totals by claim status. CSV (UTF-8 with a byte-order mark, so Excel reads £) or
XLSX (amounts as numbers, in pounds and in pence). Written atomically: a failure leaves no
file behind, and the old one if there was one."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from sqlmodel import Session, col, select

from peerdesk.data.models import ExpenseClaim, ExpenseLine
from peerdesk.errors import ValidationError
from peerdesk.services.expenses.ledger import claim_views
from peerdesk.services.expenses.views import ClaimView, ExportSummary, LineView, miles
from peerdesk.services.figures.writing import atomic_path
from peerdesk.services.importing.spreadsheet_safety import neutralise
from peerdesk.vocabulary import ClaimStatus

FORMATS = ("csv", "xlsx")
HEADER = (
    "Claim",
    "Volunteer",
    "Line date",
    "Kind",
    "Description",
    "Miles",
    "Rate",
    "Amount (£)",
    "Receipt",
    "Claim status",
    "Approved on",
    "Paid on",
    "Paid how",
    "Project",
)
TOTALS = (
    (ClaimStatus.PAID.value, "Total paid"),
    (ClaimStatus.APPROVED.value, "Total approved, not yet paid"),
    (ClaimStatus.SUBMITTED.value, "Total submitted, not yet approved"),
)


@dataclass(frozen=True)
class Row:
    claim: ClaimView
    line: LineView


def rows_between(session: Session, start: date, end: date) -> list[Row]:
    """Every line dated from `start` to `end` (both included), by date, claim and line."""
    claim_ids = set(
        session.exec(
            select(ExpenseLine.claim_id).where(
                col(ExpenseLine.line_date) >= start, col(ExpenseLine.line_date) <= end
            )
        ).all()
    )
    claims = session.exec(select(ExpenseClaim).where(col(ExpenseClaim.id).in_(claim_ids))).all()
    found = [
        Row(claim, line)
        for claim in claim_views(session, claims)
        for line in claim.lines
        if start <= line.line_date <= end
    ]
    return sorted(found, key=lambda r: (r.line.line_date, r.claim.id, r.line.id))


def write(rows: Sequence[Row], fmt: str, out: Path) -> ExportSummary:
    if fmt not in FORMATS:
        raise ValidationError("The format must be csv or xlsx.", "format")
    totals = {status: 0 for status, _ in TOTALS}
    for row in rows:
        totals[row.claim.status] += row.line.amount_pence
    with atomic_path(Path(out)) as temporary:
        if fmt == "csv":
            temporary.write_bytes(_csv(rows, totals).encode("utf-8-sig"))
        else:
            _xlsx(rows, totals, temporary)
    return ExportSummary(
        str(out),
        len(rows),
        totals[ClaimStatus.PAID.value],
        totals[ClaimStatus.APPROVED.value],
        totals[ClaimStatus.SUBMITTED.value],
    )


def _pounds(pence: int) -> str:
    return f"{pence // 100}.{pence % 100:02d}"


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _cells(row: Row) -> list[str]:
    claim, line = row.claim, row.line
    rate = ""
    if line.miles_tenths:
        rate = f"{line.rate_pence}p"
        if line.reduced_miles_tenths:
            rate += f" then {line.reduced_rate_pence}p"
    return [
        str(claim.id),
        claim.person_name,
        _day(line.line_date),
        line.kind_label,
        line.description,
        miles(line.miles_tenths).replace(",", "") if line.miles_tenths else "",
        rate,
        _pounds(line.amount_pence),
        "Yes" if line.has_receipt else "No",
        claim.status_label,
        _day(claim.approved_on),
        _day(claim.paid_on),
        claim.paid_how,
        claim.project_name,
    ]


def _csv(rows: Sequence[Row], totals: dict[str, int]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in _cells(row)])
    writer.writerow([])
    for status, label in TOTALS:
        writer.writerow([label, "", "", "", "", "", "", _pounds(totals[status])])
    return buffer.getvalue()


def _xlsx(rows: Sequence[Row], totals: dict[str, int], path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Expenses"
    sheet.append([*HEADER, "Amount (pence)"])
    money = "£#,##0.00"
    for row in rows:
        cells: list[object] = [neutralise(cell) for cell in _cells(row)]
        cells[0] = row.claim.id
        cells[2] = row.line.line_date
        cells[5] = row.line.miles_tenths / 10 if row.line.miles_tenths else None
        cells[7] = row.line.amount_pence / 100
        sheet.append([*cells, row.line.amount_pence])
        sheet.cell(sheet.max_row, 8).number_format = money
        sheet.cell(sheet.max_row, 3).number_format = "yyyy-mm-dd"
    sheet.append([])
    for status, label in TOTALS:
        sheet.append([label, *[None] * 6, totals[status] / 100, *[None] * 6, totals[status]])
        sheet.cell(sheet.max_row, 8).number_format = money
    for letter, width in zip(
        "ABCDEFGHIJKLMNO", (8, 24, 12, 10, 30, 8, 14, 12, 9, 12, 12, 12, 14, 20, 14), strict=True
    ):
        sheet.column_dimensions[letter].width = width
    workbook.save(path)
