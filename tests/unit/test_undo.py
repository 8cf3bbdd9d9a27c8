"""Undo and Redo of whole change sets made since the app opened: a removal undone puts the
record back as it was (with what went with it); an import, an erasure or a restore is refused
in plain words; undoing in turn walks back through this run's changes (an undone change
does not block the one before it), and a new change after an undo leaves nothing to redo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from peerdesk.data.models import SupervisionPairing, TrainingRecord
from peerdesk.data.models.history import ChangeSet
from peerdesk.services import Services
from peerdesk.services.history.undo import UndoRefused
from peerdesk.vocabulary import MeetingMode
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import active_pairing, ready_mentor


def opened(services: Services) -> Services:
    """The app opening on the same database: Undo reaches back to here."""
    return Services(services.db, today=lambda: TODAY)


def test_undoing_a_removal_puts_it_back_with_what_went_with_it(services: Services) -> None:
    pairing = services.pairings.get(active_pairing(services))
    supervision = services.volunteers.record_supervision(
        pairing.mentor_id,
        on=date(2026, 3, 3),
        mode=MeetingMode.PHONE,
        duration_minutes=45,
        pairing_ids=[pairing.id],
    )
    app = opened(services)
    assert app.undo.state().undo_id is None
    with pytest.raises(UndoRefused, match="nothing to undo"):
        app.undo.undo()
    app.volunteers.remove_supervision(supervision.id, "Entered twice")
    assert app.undo.undo() == "Removed supervision on 3 March 2026"
    assert app.volunteers.supervisions(pairing.mentor_id) == [supervision]
    with app.db.session() as session:
        assert len(session.exec(select(SupervisionPairing)).all()) == 1
    assert app.undo.redo() == "Removed supervision on 3 March 2026"
    assert app.volunteers.supervisions(pairing.mentor_id) == []


def test_an_import_is_not_undone_here(services: Services) -> None:
    app = opened(services)
    with app.db.transaction(kind="import", description="Import of people.xlsx") as session:
        session.add(
            TrainingRecord(person_id=ready_mentor(app, "Iain"), module="X", training_date=TODAY)
        )
    with pytest.raises(UndoRefused, match="An import cannot be undone here: restore the backup"):
        app.undo.undo()


def test_undo_walks_back_and_a_new_change_ends_redo(services: Services) -> None:
    mentor = ready_mentor(services, "Morag")
    [record] = services.volunteers.training(mentor)
    app = opened(services)
    app.volunteers.update_training(
        record.id, module="First", on=date(2026, 3, 3), duration_minutes=60, completed=True
    )
    first = app.undo.state().undo_id
    app.volunteers.update_training(
        record.id, module="Second", on=date(2026, 3, 3), duration_minutes=60, completed=True
    )
    app.undo.undo()  # Second undone: First is the last still in effect, and can go too
    assert app.undo.state().undo_id == first
    app.undo.undo()
    assert app.volunteers.training(mentor)[0].module == "Self care"
    app.undo.redo()
    assert app.volunteers.training(mentor)[0].module == "First"
    # A new change: what was undone stays undone.
    app.volunteers.record_training(
        mentor, module="Third", on=date(2026, 3, 4), duration_minutes=60, completed=True
    )
    assert app.undo.state().redo_id is None
    with pytest.raises(UndoRefused, match="nothing to redo"):
        app.undo.redo()


@pytest.mark.parametrize("kind", ["erasure", "restore"])
def test_an_erasure_or_a_restore_is_not_undone(services: Services, kind: str) -> None:
    mentor = ready_mentor(services, "Morag")
    [record] = services.volunteers.training(mentor)
    app = opened(services)
    with app.db.transaction(kind=kind) as session:
        found = session.get(TrainingRecord, record.id)
        assert found is not None
        found.module = "Changed"
        session.add(found)
    with pytest.raises(UndoRefused, match=f"A{'n' if kind == 'erasure' else ''} {kind} cannot"):
        app.undo.undo()
    assert app.volunteers.training(mentor)[0].module == "Changed"


def test_change_sets_from_before_the_app_opened_stay_out_of_reach_after_a_restore(
    services: Services,
) -> None:
    """A backup restored while the app is open can hold change sets made in an earlier run
    (with higher numbers than this run's first): they are not this run's to undo."""
    app = opened(services)
    mentor = ready_mentor(services, "Morag")  # made since the app opened: undoable...
    assert app.undo.state().undo_id is not None
    with app.db.transaction() as session:
        for change_set in session.exec(select(ChangeSet)):
            change_set.made_at = change_set.made_at - timedelta(days=2)  # ...as if restored
            session.add(change_set)
    assert app.undo.state().undo_id is None
    assert services.volunteers.training(mentor) != []
