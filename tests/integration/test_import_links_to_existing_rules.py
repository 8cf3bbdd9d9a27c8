"""A later spreadsheet adds to what an earlier import (or the coordinator) recorded: a session
for a pairing already in peerdesk goes to that pairing, and a register for a meeting already
recorded adds the people not yet on it, never the same person twice.

Found by mutation testing (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from sqlmodel import select

from peerdesk.data.models import Attendance, MentoringSession, Pairing
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing import ImportPreview
from tests.integration.test_import_fixtures import run_import


def import_rows(
    services: Services, paths: Paths, path: Path, headings: list[str], rows: list[list[object]]
) -> ImportPreview:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    book.save(path)
    source = services.importing.read(path)
    return services.importing.run(source, services.importing.suggest(source), {}, paths.backup_dir)


def test_a_later_session_goes_to_the_pairing_already_recorded(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    run_import(services, paths, "caithness_records.xlsx")
    with services.db.session() as session:
        pairings_before = len(session.exec(select(Pairing)).all())
    result = import_rows(
        services,
        paths,
        tmp_path / "november.xlsx",
        ["Mentor", "Mentee", "Date", "Outcome", "Mins", "Notes"],
        [["Ewan Sinclair", "Morag MacLeod", "04/11/2024", "Met", 45, "Cafe in Thurso"]],
    )
    assert result.committed
    assert result.count("sessions_created") == 1
    with services.db.session() as session:
        pairings = session.exec(select(Pairing)).all()
        added = session.exec(
            select(MentoringSession).where(MentoringSession.session_date == date(2024, 11, 4))
        ).one()
        held_by = session.get(Pairing, added.pairing_id)
    assert len(pairings) == pairings_before
    assert held_by is not None and held_by.start_date == date(2024, 9, 2)  # Ewan and Morag
    assert added.note == "Cafe in Thurso"


def test_a_register_adds_only_the_people_not_yet_on_it(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    run_import(services, paths, "caithness_records.xlsx")
    result = import_rows(
        services,
        paths,
        tmp_path / "register.xlsx",
        ["Group", "Date", "Name", "Present"],
        [
            ["Wick Tuesday Group", "08/10/2024", "Kirsty Bain", "✓"],  # already on it
            ["Wick Tuesday Group", "08/10/2024", "Morag MacLeod", "✓"],  # absent before
        ],
    )
    assert result.committed
    assert (result.count("meetings_created"), result.count("attendance_created")) == (0, 1)
    with services.db.session() as session:
        register = session.exec(select(Attendance)).all()
    assert len(register) == 4
