"""What an import writes for pairings kept in a spreadsheet: ongoing ones active, finished ones
ended with their reason and dates, each with the history a pairing made in peerdesk would have,
and the people given the roles the pairing implies."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import select

from peerdesk.data.models import Pairing, PersonRole
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing import DuplicateChoice
from peerdesk.services.people.service import PersonDetails
from peerdesk.services.people.views import ConditionEntry
from peerdesk.vocabulary import ConditionLink

PEOPLE = [
    ("Ewan", "Sinclair", ""),  # a mentor because the pairings say so
    ("Morag", "Gunn", "mentee"),
    ("Innes", "Bain", ""),
    ("Alasdair", "Mackay", "mentee"),
]
PAIRINGS = [
    (
        "Ewan Sinclair",
        "Morag Gunn",
        date(2025, 3, 3),
        date(2025, 9, 1),
        "completed",
        "mentee",
        "phone",
    ),
    ("Ewan Sinclair", "Innes Bain", date(2025, 4, 7), None, None, "carer", "video"),
    (
        "Ewan Sinclair",
        "Alasdair Mackay",
        date(2025, 5, 5),
        date(2025, 6, 2),
        "no_contact",
        "mentee",
        "face_to_face",
    ),
]


@pytest.fixture
def imported(services: Services, paths: Paths, tmp_path: Path) -> dict[str, Pairing]:
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.title = "People"
    people.append(["First name", "Last name", "Roles"])
    for row in PEOPLE:
        people.append(list(row))
    pairings = book.create_sheet("Pairings")
    pairings.append(
        ["Mentor", "Mentee", "Start date", "End date", "Reason for ending", "Supported as",
         "How they meet"]
    )  # fmt: skip
    for pairing_row in PAIRINGS:
        pairings.append(list(pairing_row))
    path = tmp_path / "records.xlsx"
    book.save(path)

    source = services.importing.read(path)
    result = services.importing.run(
        source, services.importing.suggest(source), {}, paths.backup_dir
    )
    assert result.committed
    assert result.counts["pairings_created"] == 3
    with services.db.session() as session:
        found = {}
        for pairing in session.exec(select(Pairing)):
            mentee = services.people.get(pairing.mentee_id)
            found[mentee.first_name] = pairing
        return found


def history(services: Services, pairing: Pairing) -> list[tuple[str, date]]:
    assert pairing.id is not None
    return [(h.status, h.changed_on) for h in services.pairings.history(pairing.id)]


def test_a_finished_pairing_is_ended_with_its_reason_and_dates(
    services: Services, imported: dict[str, Pairing]
) -> None:
    morag = imported["Morag"]
    assert (morag.status, morag.start_date, morag.end_date) == (
        "ended",
        date(2025, 3, 3),
        date(2025, 9, 1),
    )
    assert (morag.closure_reason, morag.ended_as_planned) == ("completed", True)
    assert (morag.usual_mode, morag.supported_as) == ("phone", "mentee")
    assert history(services, morag) == [
        ("proposed", date(2025, 3, 3)),
        ("active", date(2025, 3, 3)),
        ("ended", date(2025, 9, 1)),
    ]
    # Ended for another reason than completing it: not "as planned".
    alasdair = imported["Alasdair"]
    assert (alasdair.status, alasdair.closure_reason) == ("ended", "no_contact")
    assert alasdair.ended_as_planned is False


def test_an_ongoing_pairing_is_active_and_supports_a_carer_as_a_carer(
    services: Services, imported: dict[str, Pairing]
) -> None:
    innes = imported["Innes"]
    assert (innes.status, innes.end_date, innes.closure_reason) == ("active", None, None)
    assert innes.ended_as_planned is None
    assert (innes.usual_mode, innes.supported_as) == ("video", "carer")
    assert history(services, innes) == [
        ("proposed", date(2025, 4, 7)),
        ("active", date(2025, 4, 7)),
    ]
    with services.db.session() as session:
        roles = {(r.person_id, r.role, r.started_on) for r in session.exec(select(PersonRole))}
    assert (innes.mentee_id, "carer", date(2025, 4, 7)) in roles
    # The mentor's role starts with their first pairing in the sheet.
    assert (innes.mentor_id, "mentor", date(2025, 3, 3)) in roles
    assert not any(pid == innes.mentee_id and role == "mentee" for pid, role, _ in roles)


def test_every_status_change_of_an_imported_pairing_says_where_it_came_from(
    services: Services, imported: dict[str, Pairing]
) -> None:
    assert imported["Morag"].id is not None
    notes = {h.note for h in services.pairings.history(imported["Morag"].id)}
    assert notes == {"Imported from a spreadsheet"}


def test_updating_someone_adds_their_new_conditions_and_keeps_the_old(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    jo = services.people.add(
        PersonDetails(first_name="Jo", last_name="Smith", date_of_birth=date(1980, 2, 1)),
        conditions=[
            ConditionEntry("COPD", ConditionLink.LIVED_EXPERIENCE),
            ConditionEntry("ME/CFS", ConditionLink.LIVES_WITH),
        ],
    )
    services.people.add(
        PersonDetails(first_name="Sam", last_name="Patel"),
        conditions=[ConditionEntry("Asthma", ConditionLink.LIVES_WITH)],
    )
    assert jo.id is not None
    path = tmp_path / "people.csv"
    path.write_text(
        'First name,Last name,DOB,Condition(s)\nJo,Smith,01/02/1980,"copd, Long Covid"\n',
        encoding="utf-8",
    )
    source = services.importing.read(path)
    settings = services.importing.suggest(source)
    preview = services.importing.preview(source, settings)
    choices = {row.key: DuplicateChoice.UPDATE for row in preview.duplicates}
    assert len(choices) == 1
    assert services.importing.run(source, settings, choices, paths.backup_dir).committed
    assert sorted((c.name, c.link) for c in services.people.conditions(jo.id)) == [
        ("COPD", ConditionLink.LIVED_EXPERIENCE),  # "copd" is the same condition: kept as it was
        ("Long Covid", ConditionLink.LIVES_WITH),
        ("ME/CFS", ConditionLink.LIVES_WITH),
    ]
