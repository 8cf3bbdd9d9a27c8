"""Importing the fixture spreadsheets and checking exactly what was created."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import select

from peerdesk.data.models import (
    Attendance,
    GroupMeeting,
    MentoringSession,
    Pairing,
    PeerGroup,
    Person,
    PersonRole,
)
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing import ImportPreview

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def run_import(services: Services, paths: Paths, name: str, **columns: str) -> ImportPreview:
    source = services.importing.read(FIXTURES / name)
    settings = services.importing.suggest(source)
    for heading, field in columns.items():
        next(iter(settings.sheets.values())).columns[heading] = field
    return services.importing.run(source, settings, {}, paths.backup_dir)


def people(services: Services) -> dict[str, Person]:
    with services.db.session() as session:
        return {f"{p.first_name} {p.last_name}": p for p in session.exec(select(Person))}


def roles(services: Services, person: Person) -> set[str]:
    with services.db.session() as session:
        return set(session.exec(select(PersonRole.role).where(PersonRole.person_id == person.id)))


def everything(services: Services) -> tuple[int, ...]:
    with services.db.session() as session:
        return tuple(
            len(session.exec(select(model)).all())
            for model in (
                Person,
                PersonRole,
                Pairing,
                MentoringSession,
                PeerGroup,
                GroupMeeting,
                Attendance,
            )
        )


def test_the_caithness_workbook(services: Services, paths: Paths) -> None:
    result = run_import(services, paths, "caithness_records.xlsx")
    assert result.committed and not result.blocking
    assert result.backup is not None and result.backup.exists()
    found = people(services)
    assert set(found) == {
        "Morag MacLeod", "Alasdair Gunn", "Kirsty Bain", "Innes Mackay",
        "Ewan Sinclair", "Catriona Munro",
    }  # fmt: skip
    morag, alasdair = found["Morag MacLeod"], found["Alasdair Gunn"]
    kirsty, innes = found["Kirsty Bain"], found["Innes Mackay"]
    assert morag.date_of_birth == date(1961, 5, 14)  # a real Excel date
    assert alasdair.date_of_birth == date(1990, 3, 12)  # "12 March 1990"
    assert kirsty.date_of_birth == date(1975, 7, 21)  # ISO
    assert innes.date_of_birth == date(1980, 1, 1)  # Excel serial number 29221
    assert (morag.gender, alasdair.gender, kirsty.gender, innes.gender) == (
        "woman",
        "man",
        "woman",
        "man",
    )
    assert morag.postcode == "KW1 4AB"
    assert morag.phone == "01955 600100"
    assert alasdair.phone == "" and kirsty.phone == ""  # "N/A" and "-"
    assert innes.phone == ""  # a formula with no saved value: flagged, read as empty
    assert any("formula" in p.message and p.row == 8 for p in result.problems)
    assert any("totals row" in p.message and p.row == 9 for p in result.problems)
    assert services.people.conditions(alasdair.id or 0)[0].name == "Long Covid"
    assert {c.name for c in services.people.conditions(alasdair.id or 0)} == {
        "Long Covid",
        "ME/CFS",
    }
    ewan, catriona = found["Ewan Sinclair"], found["Catriona Munro"]
    assert ewan.email == "ewan@example.org"
    assert roles(services, ewan) == {"mentor"}
    assert roles(services, catriona) == {"mentor", "facilitator"}
    assert {(c.name, c.link.value) for c in services.people.conditions(ewan.id or 0)} == {
        ("COPD", "lived_experience"),
        ("Long Covid", "lived_experience"),
    }
    assert roles(services, morag) == {"mentee", "group_member"}
    assert roles(services, kirsty) == {"group_member"}
    with services.db.session() as session:
        pairings = {(p.mentor_id, p.mentee_id): p for p in session.exec(select(Pairing))}
        assert set(pairings) == {
            (ewan.id, morag.id),
            (ewan.id, alasdair.id),
            (catriona.id, innes.id),
        }
        assert pairings[(ewan.id, morag.id)].start_date == date(2024, 9, 2)
        assert pairings[(ewan.id, alasdair.id)].start_date == date(2024, 10, 1)
        assert pairings[(catriona.id, innes.id)].start_date == date(2024, 10, 1)  # serial 45566
        assert all(p.status == "active" for p in pairings.values())
        sessions = sorted(
            (s.session_date, s.status, s.duration_minutes, s.note)
            for s in session.exec(select(MentoringSession))
        )
        assert sessions == [
            (date(2024, 9, 16), "held", 60, "Walk by the harbour"),
            (date(2024, 9, 30), "did_not_attend", 60, ""),
            (date(2024, 10, 14), "held", 90, ""),
        ]
        group = session.exec(select(PeerGroup)).one()
        assert group.name == "Wick Tuesday Group"
        register = sorted(
            (m.meeting_date, a.person_id, a.is_new)
            for a, m in session.exec(
                select(Attendance, GroupMeeting).join(GroupMeeting)  # type: ignore[arg-type]
            )
        )
        assert register == sorted(
            [
                (date(2024, 10, 1), kirsty.id, True),
                (date(2024, 10, 1), morag.id, True),
                (date(2024, 10, 8), kirsty.id, False),
            ]
        )


def test_importing_the_same_file_twice_changes_nothing(services: Services, paths: Paths) -> None:
    run_import(services, paths, "caithness_records.xlsx")
    before = everything(services)
    again = run_import(services, paths, "caithness_records.xlsx")
    assert not again.committed
    assert again.count("people_unchanged") == 6
    assert again.count("people_created") == 0
    assert again.count("links_unchanged") == 9
    assert everything(services) == before


def test_a_windows_1252_csv_with_accented_names(services: Services, paths: Paths) -> None:
    result = run_import(services, paths, "people_windows1252.csv")
    assert result.committed
    found = people(services)
    assert set(found) == {"Zoë Ménard", "José Núñez", "Siobhán Ó Briain"}
    assert found["Zoë Ménard"].date_of_birth == date(1988, 11, 7)
    assert found["Siobhán Ó Briain"].date_of_birth == date(1969, 2, 3)
    assert roles(services, found["Siobhán Ó Briain"]) == {"carer"}
    assert roles(services, found["José Núñez"]) == {"mentor"}


def test_a_semicolon_csv_with_a_heading_the_user_maps(services: Services, paths: Paths) -> None:
    refused = services.importing.preview(
        source := services.importing.read(FIXTURES / "people_semicolon.csv"),
        services.importing.suggest(source),
    )
    assert [p.message for p in refused.blocking] == [
        "No column holds the first name (or full name): choose it in the column mapping."
    ]
    result = run_import(services, paths, "people_semicolon.csv", Vorname="first_name")
    assert result.committed
    found = people(services)
    assert set(found) == {"Hannah Schmidt", "Piotr Nowak"}
    hannah = found["Hannah Schmidt"]
    assert (hannah.date_of_birth, hannah.phone, hannah.email) == (
        date(1992, 12, 1),
        "07700 900123",
        "hannah@example.org",
    )
    assert roles(services, hannah) == {"mentee"}
    assert roles(services, found["Piotr Nowak"]) == {"mentor"}


def test_a_utf16_tab_separated_file(services: Services, paths: Paths) -> None:
    result = run_import(services, paths, "people_utf16.txt")
    assert result.committed
    found = people(services)
    assert set(found) == {"Łucja Wiśniewska", "Seán Ó Ceallaigh"}
    assert found["Łucja Wiśniewska"].date_of_birth == date(1984, 8, 22)
    assert found["Seán Ó Ceallaigh"].gender == "prefer_not_to_say"
    assert [c.name for c in services.people.conditions(found["Seán Ó Ceallaigh"].id or 0)] == [
        "Learning disability"
    ]


def test_a_file_with_problems_is_refused_and_writes_nothing(
    services: Services, paths: Paths
) -> None:
    result = run_import(services, paths, "people_with_problems.csv")
    assert not result.committed
    assert [(p.row, p.column) for p in result.blocking] == [
        (3, "First name"),
        (4, "Date of birth"),
        (5, "Mentor"),
    ]
    assert "no first name" in result.blocking[0].message
    assert "not a real date" in result.blocking[1].message
    assert "Unknown mentor 'Nobody Known'" in result.blocking[2].message
    assert everything(services) == (0, 0, 0, 0, 0, 0, 0)
    assert not list(paths.backup_dir.glob("*before-import*"))
