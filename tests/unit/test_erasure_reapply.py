"""Erasure decisions per table, the preview, and re-applying the log after a restore."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import text

from peerdesk.data.database import open_database
from peerdesk.services import Services
from peerdesk.services.data_protection.erasure import PERSON_TABLES
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY
from tests.unit.test_subject_access_export import (
    MARKER,
    build_everything,
    tables_referring_to_a_person,
)


def dump(services: Services) -> str:
    """Every row of every table as text, to search for what should have gone."""
    with services.db.session() as s:
        connection = s.connection()
        names = [
            row[0]
            for row in connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'table'")
            )
        ]
        rows = {
            name: [list(map(str, r)) for r in connection.execute(text(f'SELECT * FROM "{name}"'))]
            for name in names
        }
    return json.dumps(rows)


def test_every_table_that_refers_to_a_person_has_an_erasure_decision() -> None:
    assert set(PERSON_TABLES) == tables_referring_to_a_person()


def test_erasure_leaves_nothing_that_names_or_describes_them(services: Services) -> None:
    person_id = build_everything(services)
    assert MARKER in dump(services)
    report = services.erasure.erase(person_id)
    everything = dump(services)
    assert MARKER not in everything
    assert MARKER.lower() not in everything.lower()
    for words in ("talked about pacing", "hopes to walk", "feeling low", "Dana to rest"):
        assert words not in everything
    assert "07700 900123" not in everything and "1970-05-01" not in everything
    assert report.deleted["consent"] == 1 and report.deleted["person_condition"] == 1
    assert report.cleared["mentoring_session"] == 1
    # Counted things stay: the session, the attendance, the training hours, the expense amount.
    with services.db.session() as s:
        c = s.connection()
        assert c.execute(text("SELECT count(*) FROM mentoring_session")).scalar_one() == 1
        assert c.execute(text("SELECT count(*) FROM attendance")).scalar_one() == 1
        assert c.execute(text("SELECT sum(amount_pence) FROM expense_line")).scalar_one() == 340
        assert c.execute(text("SELECT what FROM concern")).scalar_one() == "[erased]"
    # The other person is untouched.
    assert "Morag" in everything


def test_preview_names_what_will_go_and_changes_nothing(services: Services) -> None:
    person_id = build_everything(services)
    before = dump(services)
    preview = services.erasure.preview(person_id)
    assert dump(services) == before
    words = "\n".join(preview.lines())
    assert "Consents: 1 deleted" in words
    assert "Sessions: the written notes of 1 cleared" in words
    assert "name removed from 1 other note" in words  # the group meeting's note
    assert services.erasure.erased_ids() == []


def test_reapply_after_restoring_an_older_backup_erases_them_again(
    services: Services, tmp_path: Path
) -> None:
    person_id = build_everything(services)
    with services.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    older = tmp_path / "older.db"
    shutil.copyfile(services.database_path, older)
    services.erasure.erase(person_id)
    erased = services.erasure.erased_ids()
    assert erased == [person_id]

    restored = open_database(older, backup_dir=tmp_path / "b", lock=False)
    try:
        again = Services(restored, today=lambda: TODAY)
        assert MARKER in dump(again)
        assert again.erasure.reapply(erased) == 1
        assert MARKER not in dump(again)
        assert again.erasure.erased_ids() == erased
        assert again.erasure.reapply(erased) == 0  # already erased: nothing more to do
    finally:
        restored.close()


def test_reapply_reserves_the_number_of_someone_not_yet_in_the_backup(
    services: Services,
) -> None:
    assert services.erasure.reapply([41]) == 0
    assert services.people.get(41).display_name == "Erased person"
    newcomer = services.people.add(PersonDetails(first_name="Newcomer"))
    assert newcomer.id != 41
    assert services.erasure.erased_ids() == [41]


def test_a_first_name_alone_is_removed_only_from_notes_linked_to_them(services: Services) -> None:
    from tests.unit.test_subject_access_export import build_everything as build

    person_id = build(services, first_name="Will", last_name="")
    with services.db.transaction() as s:
        s.connection().execute(
            text("UPDATE group_meeting SET note = 'Will came; we will meet again.'")
        )
        s.connection().execute(
            text("UPDATE person SET notes = 'Will you call back? Will said yes.' WHERE id != :p"),
            {"p": person_id},
        )
    services.erasure.erase(person_id)
    with services.db.session() as s:
        c = s.connection()
        assert c.execute(text("SELECT note FROM group_meeting")).scalar_one() == (
            "[name removed] came; we will meet again."
        )
        other = c.execute(text("SELECT notes FROM person WHERE id != :p"), {"p": person_id})
        assert other.scalar_one() == "Will you call back? Will said yes."
