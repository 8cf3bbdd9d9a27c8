"""A person's role starts no later than the first thing the import brings in for it: a mentee
matched on 1 March 2025 has been a mentee since then, not since the day of the import (the
funder figures count who was a mentor or mentee in a year from these dates)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import select

from peerdesk.data.database import Database
from peerdesk.data.models import Pairing, PersonRole
from peerdesk.paths import Paths
from peerdesk.services import Services
from tests.conftest import TODAY
from tests.integration.test_import_links_to_existing_rules import import_rows

HEADINGS = ["First name", "Last name", "Roles", "Mentor", "Date matched"]


def _starts(db: Database) -> dict[str, date]:
    with db.session() as session:
        return {row.role: row.started_on for row in session.exec(select(PersonRole)).all()}


def test_a_pairing_matched_before_the_import_starts_both_roles_then(
    services: Services, paths: Paths, db: Database, tmp_path: Path
) -> None:
    import_rows(
        services,
        paths,
        tmp_path / "pairs.xlsx",
        HEADINGS,
        [
            ["Sam", "Patel", "mentor", None, None],
            ["Jo", "Smith", "mentee", "Sam Patel", date(2025, 3, 1)],
        ],
    )
    with db.session() as session:
        (pairing,) = session.exec(select(Pairing)).all()
        assert pairing.start_date == date(2025, 3, 1)
    assert _starts(db) == {"mentor": date(2025, 3, 1), "mentee": date(2025, 3, 1)}


def test_an_earlier_spell_that_ended_keeps_its_end(
    services: Services, paths: Paths, db: Database, tmp_path: Path
) -> None:
    """A mentor who stopped on 1 January 2025 and came back is not made a mentor through the
    gap by a pairing matched in it: the new spell starts when the old one ended, at the
    earliest."""
    import_rows(
        services, paths, tmp_path / "first.xlsx", HEADINGS[:3], [["Sam", "Patel", "mentor"]]
    )
    with db.session() as session:
        (role,) = session.exec(select(PersonRole)).all()
        role.started_on, role.ended_on = date(2024, 1, 1), date(2025, 1, 1)
        session.add(role)
        session.add(PersonRole(person_id=role.person_id, role="mentor", started_on=TODAY))
        session.commit()
    import_rows(
        services,
        paths,
        tmp_path / "second.xlsx",
        HEADINGS,
        [["Jo", "Smith", "mentee", "Sam Patel", date(2024, 6, 1)]],
    )
    with db.session() as session:
        spells = sorted(
            (r.started_on, r.ended_on)
            for r in session.exec(select(PersonRole).where(PersonRole.role == "mentor")).all()
        )
    assert spells == [(date(2024, 1, 1), date(2025, 1, 1)), (date(2025, 1, 1), None)]
