"""Concern retention and erasure (issue 22): erasing a person while a concern about them is
within the retention period keeps the concern (words, actions, history) with their name, says
so in plain words, and the sweep replaces the name with "Erased person" once the period ends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import col, select

from peerdesk.data.database import Database
from peerdesk.data.models import ChangeLogEntry, Concern, ErasureHold
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.concerns.views import ConcernInput
from peerdesk.services.opening import open_services
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import Role
from tests.conftest import TODAY

RAISED = date(2025, 3, 3)
CLOSED = date(2025, 3, 10)


def _ann(services: Services) -> int:
    person = services.people.add(
        PersonDetails(first_name="Ann", last_name="Lee"), roles=[Role.MENTEE]
    )
    assert person.id is not None
    return person.id


def _concern(services: Services, person: int, *, closed: date | None = CLOSED) -> int:
    concern = services.concerns.raise_concern(
        ConcernInput(
            raised_on=RAISED,
            what="Ann Lee said her neighbour takes her pension",
            about_person_id=person,
            category="Financial abuse",
            who_was_told="Coordinator",
        )
    )
    services.concerns.add_action(concern.id, "Ring Ann Lee's bank with her", RAISED)
    if closed is not None:
        services.concerns.close(concern.id, on=closed, outcome="Ann Lee moved her account")
    return concern.id


def _history_text(db: Database, concern_id: int) -> str:
    with db.session() as session:
        entries = session.exec(
            select(ChangeLogEntry).where(
                col(ChangeLogEntry.table_name).in_(("concern", "concern_action"))
            )
        ).all()
        return " ".join(e.changes for e in entries)


def test_erasure_within_the_period_keeps_the_concern_with_the_name_and_says_so(
    services: Services, db: Database
) -> None:
    person = _ann(services)
    cid = _concern(services, person)
    (sentence,) = services.concerns.kept_on_erasure(person)
    assert sentence == (
        "A concern raised about them on 3 March 2025 is a safeguarding record: their name "
        "stays in it until 10 March 2031, six years after it was closed, and is then replaced "
        "with 'Erased person'."
    )
    services.erasure.erase(person)
    assert services.people.get(person).display_name != "Ann Lee"  # erased everywhere else
    kept = services.concerns.get(cid)
    assert kept.what == "Ann Lee said her neighbour takes her pension"
    assert kept.outcome == "Ann Lee moved her account"
    assert kept.actions[0].action == "Ring Ann Lee's bank with her"
    assert kept.about == "Ann Lee"
    assert "Ann Lee said her neighbour" in _history_text(db, cid)
    with db.session() as session:
        (hold,) = session.exec(select(ErasureHold)).all()
        assert (hold.person_id, hold.hold_until) == (person, date(2031, 3, 10))
    # Before the period ends the sweep leaves it be.
    assert services.concerns.release_holds() == 0
    assert services.concerns.get(cid).what.startswith("Ann Lee")


def test_the_sweep_after_the_period_replaces_the_name(services: Services, db: Database) -> None:
    person = _ann(services)
    cid = _concern(services, person)
    services.erasure.erase(person)
    later = Services(db, today=lambda: date(2031, 3, 11))
    assert later.concerns.release_holds() == 1
    record = later.concerns.get(cid)
    assert record.what == "Erased person said her neighbour takes her pension"
    assert record.actions[0].action == "Ring Erased person's bank with her"
    assert record.outcome == "Erased person moved her account"
    assert "Ann" not in _history_text(db, cid) and "Lee" not in _history_text(db, cid)
    assert "Ann" not in record.about
    with db.session() as session:
        assert session.exec(select(ErasureHold)).all() == []


def test_an_open_concern_is_kept_until_it_is_closed_and_its_period_ends(
    services: Services, db: Database
) -> None:
    person = _ann(services)
    cid = _concern(services, person, closed=None)
    (sentence,) = services.concerns.kept_on_erasure(person)
    assert "is still open: their name stays in it while it is open" in sentence
    services.erasure.erase(person)
    years_on = Services(db, today=lambda: date(2033, 6, 15))
    assert years_on.concerns.release_holds() == 0  # open: always kept
    years_on.concerns.close(cid, outcome="Resolved")
    assert years_on.concerns.release_holds() == 0  # closed today: six more years
    with db.session() as session:
        (hold,) = session.exec(select(ErasureHold)).all()
        assert hold.hold_until == date(2039, 6, 15)  # moved on to the closing day + 6 years
    assert "Ann Lee" in years_on.concerns.get(cid).what


def test_a_concern_past_its_period_is_erased_as_usual(services: Services, db: Database) -> None:
    person = _ann(services)
    cid = _concern(services, person, closed=CLOSED)
    with db.transaction() as session:
        concern = session.get(Concern, cid)
        assert concern is not None
        concern.raised_on, concern.closed_on = date(2019, 1, 1), date(2019, 2, 1)
        session.add(concern)
    assert services.concerns.kept_on_erasure(person) == []
    services.erasure.erase(person)
    assert "Ann" not in services.concerns.get(cid).what
    with db.session() as session:
        assert session.exec(select(ErasureHold)).all() == []


def test_opening_the_database_runs_the_sweep(tmp_path: Path) -> None:
    paths = Paths.under(tmp_path / "other-home")
    paths.ensure()
    first = open_services(paths, today=lambda: TODAY)
    try:
        person = _ann(first)
        cid = _concern(first, person)
        first.erasure.erase(person)
    finally:
        first.close()
    # Opened again before the period ends: kept; after it: replaced, with no call of ours.
    for day, words in ((date(2031, 3, 10), "Ann Lee"), (date(2031, 3, 11), "Erased person")):
        again = open_services(paths, today=lambda d=day: d)  # type: ignore[misc]
        try:
            assert again.concerns.get(cid).what.startswith(words)
        finally:
            again.close()


def test_erasing_again_after_a_restore_keeps_the_concern_too(
    services: Services, db: Database
) -> None:
    # Restoring a backup older than the erasure brings the person back; the erasure log then
    # erases them again (`reapply`), and the concern within its period must stay as at first.
    person = _ann(services)
    cid = _concern(services, person)
    assert services.erasure.reapply([person]) == 1
    assert services.people.get(person).display_name != "Ann Lee"
    kept = services.concerns.get(cid)
    assert kept.what == "Ann Lee said her neighbour takes her pension"
    assert kept.actions[0].action == "Ring Ann Lee's bank with her"
    with db.session() as session:
        (hold,) = session.exec(select(ErasureHold)).all()
        assert (hold.person_id, hold.hold_until) == (person, date(2031, 3, 10))
