"""The import's summary says how many people it updated: two likely duplicates updated from one
file are two people updated, not one (what the coordinator reads before trusting the import).

Found by mutation testing (docs/testing.md, "Mutation testing": `apply_people` 40).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing import DuplicateChoice
from peerdesk.services.people.service import PersonDetails

CSV = (
    "First name,Last name,DOB,Phone,Email,Roles\n"
    "Jo,Smith,01/02/1980,07700 900999,,mentee\n"
    "Sam,Patel,03/04/1975,07700 900888,,mentor\n"
    "Ann,Bell,05/06/1990,07700 900777,,mentee\n"
)


def test_two_people_updated_are_counted_as_two(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    for first, last, born in (
        ("Jo", "Smith", date(1980, 2, 1)),
        ("Sam", "Patel", date(1975, 4, 3)),
    ):
        services.people.add(PersonDetails(first_name=first, last_name=last, date_of_birth=born))
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    source = services.importing.read(path)
    settings = services.importing.suggest(source)
    preview = services.importing.preview(source, settings)
    assert len(preview.duplicates) == 2
    choices = {row.key: DuplicateChoice.UPDATE for row in preview.duplicates}
    result = services.importing.run(source, settings, choices, paths.backup_dir)
    assert result.committed
    assert (result.count("people_updated"), result.count("people_created")) == (2, 1)
    phones = {row.name: row.phone for row in services.people.list_rows()}
    assert phones == {
        "Jo Smith": "07700 900999",
        "Sam Patel": "07700 900888",
        "Ann Bell": "07700 900777",
    }
