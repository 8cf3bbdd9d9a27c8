"""Undo refuses a change set whose record was changed since by a change set that is not on
this run's undo stack (issue 20): undoing it would silently throw the later change away.
The refusal says why in plain words, and nothing is written: no record changes and no
"undo" change set appears. A later change to a different record does not stand in the way.

How a later change set comes to be off the stack: the stack holds the change sets made since
the app opened, by number and by time. The app holds the database's instance lock, so today
the way one arrives is a change set numbered after this run's but dated before the app
opened: written by another `Services` on the same database (a second window, the CLI) with
its time before the opening, as when the computer's clock is put back while the app is open.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import col, select

from peerdesk.data.models.history import ChangeSet
from peerdesk.services import Services
from peerdesk.services.history.undo import UndoRefused
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import ready_mentor, table_snapshot

TABLES = ("training_record", "change_set", "change_log")


def opened(services: Services) -> Services:
    """The app opening on the same database: Undo reaches back to here."""
    return Services(services.db, today=lambda: TODAY)


def off_the_stack(app: Services, change_set_id: int) -> None:
    """Date a change set made by another writer before the app opened (its clock behind)."""
    with app.db.engine.begin() as connection:
        connection.execute(
            ChangeSet.__table__.update()  # type: ignore[attr-defined]
            .where(ChangeSet.__table__.c.id == change_set_id)  # type: ignore[attr-defined]
            .values(made_at=app.undo.opened_at - timedelta(hours=1))
        )


def newest_change_set(services: Services) -> int:
    with services.db.session() as session:
        newest = session.exec(select(ChangeSet.id).order_by(col(ChangeSet.id).desc())).first()
    assert newest is not None
    return newest


def edit_training(services: Services, record_id: int, module: str, on: date) -> int:
    services.volunteers.update_training(
        record_id, module=module, on=on, duration_minutes=90, completed=True
    )
    return newest_change_set(services)


def test_a_record_changed_since_by_another_writer_is_not_undone(services: Services) -> None:
    [record] = services.volunteers.training(ready_mentor(services, "Morag"))
    app = opened(services)
    first = edit_training(app, record.id, "Listening skills", date(2026, 3, 3))
    elsewhere = opened(services)  # a second window, or the CLI, on the same database
    later = edit_training(elsewhere, record.id, "Listening skills", date(2026, 4, 4))
    off_the_stack(app, later)
    assert app.undo.state().undo_id == first  # the later change is not this run's to undo
    before = table_snapshot(app, *TABLES)

    with pytest.raises(UndoRefused) as refused:
        app.undo.undo()

    assert str(refused.value) == (
        "\u201cEdited training: Listening skills\u201d cannot be undone: a record in it was "
        "changed since. Change it back by hand, or undo the later change first."
    )
    assert table_snapshot(app, *TABLES) == before  # nothing written, not even a change set
    [kept] = app.volunteers.training(record.person_id)
    assert (kept.module, kept.training_date) == ("Listening skills", date(2026, 4, 4))


def test_a_later_change_to_another_record_does_not_stand_in_the_way(
    services: Services,
) -> None:
    [record] = services.volunteers.training(ready_mentor(services, "Morag"))
    [other] = services.volunteers.training(ready_mentor(services, "Iain"))
    app = opened(services)
    first = edit_training(app, record.id, "Listening skills", date(2026, 3, 3))
    elsewhere = opened(services)
    off_the_stack(app, edit_training(elsewhere, other.id, "Boundaries", date(2026, 4, 4)))
    assert app.undo.state().undo_id == first

    assert app.undo.undo() == "Edited training: Listening skills"

    [undone] = app.volunteers.training(record.person_id)
    assert (undone.module, undone.training_date) == (record.module, record.training_date)
    [untouched] = app.volunteers.training(other.person_id)
    assert untouched.module == "Boundaries"
