"""Likely duplicates (same name and date of birth, or same email): update, skip or add."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing import Action, DuplicateChoice, MappingStore
from peerdesk.services.people.service import PersonDetails

CSV = (
    "First name,Last name,DOB,Phone,Email,Roles\n"
    "Jo,Smith,01/02/1980,07700 900999,,mentee\n"
    "Sam,Patel,,,sam@example.org,mentor\n"
    "Sam,Patel,,,sam@example.org,mentor\n"
)


@pytest.fixture
def file(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


@pytest.fixture
def jo(services: Services) -> int:
    person = services.people.add(
        PersonDetails(
            first_name="Jo", last_name="Smith", date_of_birth=date(1980, 2, 1), phone="01955 600100"
        )
    )
    assert person.id is not None
    return person.id


def _run(services: Services, paths: Paths, file: Path, choice: DuplicateChoice | None):
    source = services.importing.read(file)
    settings = services.importing.suggest(source)
    preview = services.importing.preview(source, settings)
    choices = {row.key: choice for row in preview.duplicates} if choice else {}
    return preview, services.importing.run(source, settings, choices, paths.backup_dir)


def test_duplicates_are_shown_and_skipped_by_default(
    services: Services, paths: Paths, file: Path, jo: int
) -> None:
    preview, result = _run(services, paths, file, None)
    duplicate = preview.duplicates[0]
    assert (duplicate.row, duplicate.duplicate.reason, duplicate.choice) == (  # type: ignore[union-attr]
        2,
        "same name and date of birth",
        DuplicateChoice.SKIP,
    )
    # Row 4 repeats row 3 exactly: the same person, nothing to ask.
    assert [r.action for r in preview.rows] == [Action.SKIP, Action.CREATE, Action.UNCHANGED]
    assert services.people.get(jo).phone == "01955 600100"
    assert len(services.people.list_rows()) == 2
    assert result.committed


def test_update_fills_in_what_the_file_says(
    services: Services, paths: Paths, file: Path, jo: int
) -> None:
    _run(services, paths, file, DuplicateChoice.UPDATE)
    person = services.people.get(jo)
    assert person.phone == "07700 900999"
    assert person.date_of_birth == date(1980, 2, 1)
    assert [r.role for r in services.people.roles(jo)] == ["mentee"]
    assert len(services.people.list_rows()) == 2


def test_add_anyway_makes_a_second_person(
    services: Services, paths: Paths, file: Path, jo: int
) -> None:
    _run(services, paths, file, DuplicateChoice.ADD)
    names = [r.name for r in services.people.list_rows()]
    assert names.count("Jo Smith") == 2


def test_same_email_is_a_duplicate(services: Services, paths: Paths, file: Path) -> None:
    services.people.add(
        PersonDetails(first_name="Samir", last_name="Patel", email="SAM@example.org")
    )
    preview, _ = _run(services, paths, file, None)
    assert [(d.row, d.duplicate.reason) for d in preview.duplicates] == [  # type: ignore[union-attr]
        (3, "same email"),
        (4, "same email"),
    ]


def test_a_mapping_is_saved_and_reused(services: Services, tmp_path: Path, file: Path) -> None:
    store = MappingStore(tmp_path / "import-mappings")
    source = services.importing.read(file)
    settings = services.importing.suggest(source)
    settings.sheets["people"].columns["Phone"] = ""  # the coordinator chose not to import it
    settings.day_first = False
    store.save("Monthly list", settings)
    assert store.names() == ["Monthly list"]
    again = services.importing.suggest(source, store.load("Monthly list"))
    assert again.sheets["people"].columns["Phone"] == ""
    assert again.sheets["people"].columns["First name"] == "first_name"
    assert again.day_first is False
