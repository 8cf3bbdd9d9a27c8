"""The change log is the whole truth about the records a coordinator edits (issue 20's
acceptance): random sequences of adds, edits and removals through the services (training,
supervision, disclosure checks, consents recorded, corrected and marked in error, people
added, and a spreadsheet import as one change set) leave a log that

(a) replayed from empty reproduces those tables exactly (and from the example's start, every
    logged table), and
(b) undone change set by change set, newest first, returns every table to the start.

One database serves every example: each starts where the last was undone back to.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from peerdesk.data.change_log import describe
from peerdesk.data.database import Database, open_database
from peerdesk.data.models.history import ChangeLogEntry, ChangeSet
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.history.undo import UndoRefused, apply_inverse
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import (
    ConsentKind,
    ConsentMethod,
    DisclosureLevel,
    DisclosureScheme,
    MeetingMode,
)
from tests.conftest import TODAY
from tests.replay import current_rows, entries_after, last_entry_id, replay
from tests.unit.test_pairings_builders import ready_mentor

KINDS = (ConsentKind.HEALTH_DATA, ConsentKind.CONTACT_EMAIL, ConsentKind.PHOTOS_CASE_STUDY)
_names = count(1)

day = st.integers(min_value=0, max_value=500).map(lambda n: TODAY - timedelta(days=n))
pick = st.integers(min_value=0, max_value=20)
step = st.one_of(
    st.tuples(st.just("add_training"), day, st.integers(15, 600), st.booleans()),
    st.tuples(st.just("edit_training"), pick, day, st.integers(15, 600)),
    st.tuples(st.just("remove_training"), pick),
    st.tuples(st.just("add_supervision"), day, st.sampled_from(list(MeetingMode))),
    st.tuples(st.just("edit_supervision"), pick, day),
    st.tuples(st.just("remove_supervision"), pick),
    st.tuples(st.just("add_check"), day, st.sampled_from(list(DisclosureScheme))),
    st.tuples(st.just("edit_check"), pick, day),
    st.tuples(st.just("remove_check"), pick),
    st.tuples(st.just("add_consent"), st.sampled_from(KINDS), day),
    st.tuples(st.just("consent_details"), pick, st.integers(1, 700)),
    st.tuples(st.just("consent_in_error"), pick),
    st.tuples(st.just("add_person"), st.text("abcdefgh", min_size=1, max_size=8)),
    st.tuples(st.just("import"), st.integers(1, 3)),
)


class World:
    def __init__(self, folder: Path) -> None:
        paths = Paths.under(folder)
        paths.ensure()
        self.folder = folder
        self.paths = paths
        self.db: Database = open_database(paths.database, backup_dir=paths.backup_dir)
        self.seeded = current_rows(self.db)  # what the migrations wrote, before any service
        services = Services(self.db, today=lambda: TODAY)
        self.mentor = ready_mentor(services, "Morag")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    made = World(tmp_path_factory.mktemp("replay"))
    yield made
    made.db.close()


def chosen(items: list[Any], index: int) -> Any | None:
    return items[index % len(items)] if items else None


def perform(app: Services, world: World, action: tuple[Any, ...]) -> None:
    """One service call, as the app makes it (each one change set)."""
    name, *args = action
    who, volunteers = world.mentor, app.volunteers
    if name == "add_training":
        volunteers.record_training(
            who, module="Listening", on=args[0], duration_minutes=args[1], completed=args[2]
        )
    elif name == "edit_training" and (r := chosen(volunteers.training(who), args[0])):
        volunteers.update_training(
            r.id, module=r.module, on=args[1], duration_minutes=args[2], completed=r.completed
        )
    elif name == "remove_training" and (r := chosen(volunteers.training(who), args[0])):
        volunteers.remove_training(r.id, "Entered in error")
    elif name == "add_supervision":
        volunteers.record_supervision(who, on=args[0], mode=args[1], duration_minutes=60)
    elif name == "edit_supervision" and (s := chosen(volunteers.supervisions(who), args[0])):
        volunteers.update_supervision(
            s.id, on=args[1], mode=s.mode, duration_minutes=45, wellbeing="Better"
        )
    elif name == "remove_supervision" and (s := chosen(volunteers.supervisions(who), args[0])):
        volunteers.remove_supervision(s.id, "Wrong mentor")
    elif name == "add_check":
        volunteers.add_disclosure_check(
            who, scheme=args[1], level=DisclosureLevel.ENHANCED, issue_date=args[0]
        )
    elif name == "edit_check" and (c := chosen(volunteers.disclosure_checks(who), args[0])):
        volunteers.update_disclosure_check(
            c.id, scheme=c.scheme, level=c.level, issue_date=args[1], reference_number="R1"
        )
    elif name == "remove_check" and (c := chosen(volunteers.disclosure_checks(who), args[0])):
        volunteers.remove_disclosure_check(c.id, "Duplicate")
    else:
        perform_more(app, world, name, args)


def perform_more(app: Services, world: World, name: str, args: list[Any]) -> None:
    consents = [c for c in app.consents.for_person(world.mentor) if not c.in_error]
    if name == "add_consent":
        entry = ConsentEntry(
            kind=args[0].value,
            given_on=args[1],
            method=ConsentMethod.VERBAL.value,
            recorded_by="Coordinator",
        )
        app.consents.record(world.mentor, entry)
    elif name == "consent_details" and (c := chosen(consents, 0)):
        app.consents.update_consent_details(
            c.id,
            purpose="",
            recorded_by="Ailsa",
            evidence_reference=c.evidence_reference,
            review_on=c.given_on + timedelta(days=args[0]),
        )
    elif name == "consent_in_error" and (c := chosen(consents, args[0])):
        app.consents.mark_entered_in_error(c.id, "Wrong person")
    elif name == "add_person":
        app.people.add(PersonDetails(first_name=args[0], last_name=f"P{next(_names)}"))
    elif name == "import":
        path = world.folder / "people.csv"
        people = "".join(f"Imported,Person{next(_names)}\n" for _ in range(args[0]))
        path.write_text("First name,Last name\n" + people, encoding="utf-8")
        source = app.importing.read(path)
        result = app.importing.run(
            source, app.importing.suggest(source), None, world.paths.backup_dir
        )
        assert result.committed


def undo_everything(app: Services) -> None:
    """Undo, newest first, every change set this run made. An import is refused by Undo (it
    has its own backup): its inverse is written the same way by hand."""
    with app.db.session() as session:
        made = len(
            session.exec(
                select(ChangeSet.id).where(col(ChangeSet.id) > app.undo.opened_after)
            ).all()
        )
    for _ in range(made + 1):  # an undo that wrote nothing would leave the same one on top
        top = app.undo.state().undo_id
        if top is None:
            return
        try:
            app.undo.undo()
        except UndoRefused:
            with app.db.session() as session:
                entries = list(session.exec(_entries_of(top)))
                assert session.get(ChangeSet, top).kind == "import"  # type: ignore[union-attr]
            with app.db.transaction(kind="undo") as session:
                describe(session, kind="undo", undoes_id=top)
                apply_inverse(session, entries)
    raise AssertionError("Undo went round without getting back to the start")


def _entries_of(change_set_id: int) -> Any:
    return (
        select(ChangeLogEntry)
        .where(ChangeLogEntry.change_set_id == change_set_id)
        .order_by(col(ChangeLogEntry.id))
    )


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=st.lists(step, min_size=1, max_size=8))
def test_the_log_replays_to_the_tables_and_undoes_to_the_start(
    world: World, actions: list[tuple[Any, ...]]
) -> None:
    start = current_rows(world.db)
    first_entry = last_entry_id(world.db)
    app = Services(world.db, today=lambda: TODAY)  # the app opening
    for action in actions:
        perform(app, world, action)
    now = current_rows(world.db)

    # (a) From the example's start, every logged table; from empty, every table the
    # migrations left empty (all a coordinator's records).
    assert replay(start, entries_after(world.db, first_entry)) == now
    from_empty = replay({}, entries_after(world.db, 0))
    for name, rows in now.items():
        if not world.seeded.get(name):
            assert from_empty.get(name, {}) == rows, name

    # (b) Undoing every change set in reverse returns every table to the start.
    undo_everything(app)
    assert current_rows(world.db) == start


def test_the_replay_helpers_see_a_change(world: World) -> None:
    """The comparison above can fail: one change not undone is a difference."""
    start = current_rows(world.db)
    app = Services(world.db, today=lambda: TODAY)
    app.volunteers.record_training(
        world.mentor, module="Extra", on=date(2026, 1, 1), duration_minutes=30, completed=True
    )
    assert current_rows(world.db) != start
    app.undo.undo()
    assert current_rows(world.db) == start
