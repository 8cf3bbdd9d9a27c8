"""Every export of one project's figures says which project, and says in words that the
organisation-wide figures are not counted for it; expenses paid are pounds in the workbook."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from peerdesk.services import Services
from peerdesk.services.figures.export_xlsx import HEADER_ROW


def test_csv_xlsx_pdf_and_json_say_which_project(demo_services: Services, tmp_path: Path) -> None:
    services = demo_services
    report = services.figures.report(services.figures.year(2025), project="HUG group")
    for fmt in ("json", "csv", "xlsx", "pdf"):
        services.figures.export(report, fmt, tmp_path / f"hug.{fmt}")

    data = json.loads((tmp_path / "hug.json").read_text(encoding="utf-8"))
    assert data["project"] == "HUG group"
    assert data["volunteers_left"] is None and data["previous"]["volunteers_left"] is None

    with open(tmp_path / "hug.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    about = {(r[1], r[2]): r[3] for r in rows[1:] if r[0] == "about"}
    assert about[("project", "")] == "HUG group"
    assert about[("project_note", "")].startswith("Project “HUG group” only")
    values = {(r[1], r[2]): (r[3], r[4]) for r in rows[1:] if r[0] != "about"}
    assert values[("volunteers_left", "")] == ("organisation-wide", "organisation-wide")
    assert values[("expenses_paid_pence", "")][0] == str(report.figures.expenses_paid_pence)

    book = load_workbook(tmp_path / "hug.xlsx")
    notes = {row[0]: row[1] for row in book["Notes"].iter_rows(values_only=True) if row[0]}
    assert notes["Project"] == "HUG group"
    assert "organisation-wide" in notes["Which records"]
    sheet = book["Expenses"]
    assert sheet.cell(2, 1).value.endswith(", project HUG group")  # type: ignore[union-attr]
    money = sheet.cell(HEADER_ROW + 1, 3)
    assert sheet.cell(HEADER_ROW + 1, 1).value == "Expenses paid"
    assert money.value == report.figures.expenses_paid_pence / 100
    assert money.number_format == "£#,##0.00"

    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "hug.pdf").pages)
    text = " ".join(text.split())
    assert "HUG group" in text and "organisation-wide" in text


def test_every_records_figures_say_all_projects(demo_services: Services, tmp_path: Path) -> None:
    report = demo_services.figures.report(demo_services.figures.year(2025))
    demo_services.figures.export(report, "xlsx", tmp_path / "all.xlsx")
    notes = {
        row[0]: row[1]
        for row in load_workbook(tmp_path / "all.xlsx")["Notes"].iter_rows(values_only=True)
        if row[0]
    }
    assert notes["Project"] == "All projects"
    assert report.data()["project"] is None
