"""The history service: the change log read back in plain words, by record, person and dates."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, delete, select

from peerdesk.data.models import ChangeSet, Supervision
from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.views import PersonDetails
from tests.conftest import TODAY


def made_on(services: Services) -> str:
    """The day the change sets were made, as the history words it (they are stamped now)."""
    with services.db.session() as session:
        newest = session.exec(select(ChangeSet).order_by(col(ChangeSet.id).desc())).first()
    assert newest is not None
    return f"{newest.made_at.day} {newest.made_at:%B %Y}"


@pytest.fixture
def jo(services: Services) -> Services:
    services.organisation.save(OrganisationDetails(name="Peers", coordinator_name="Jo Smith"))
    return services


def test_a_changed_address_reads_as_people_say_it(jo: Services) -> None:
    person = jo.people.add(PersonDetails(first_name="Ann", last_name="Lee", address="1 High St"))
    details = PersonDetails(first_name="Ann", last_name="Lee", address="2 Low Rd")
    jo.people.update(person.id, details)
    added, changed = jo.history.for_record("person", person.id)
    assert added.lines[0].sentences == [f"Person added, {made_on(jo)}, by Jo Smith"]
    # updated_at changed too, but is bookkeeping: it is not shown.
    assert changed.lines[0].sentences == [
        f"Address changed from 1 High St to 2 Low Rd, {made_on(jo)}, by Jo Smith"
    ]
    assert changed.summary == "Address changed from 1 High St to 2 Low Rd"


def test_dates_and_vocabulary_read_as_words(jo: Services) -> None:
    person = jo.people.add(PersonDetails(first_name="Bo"))
    jo.people.update(person.id, PersonDetails(first_name="Bo", date_of_birth=TODAY, gender="woman"))
    [_added, changed] = jo.history.for_record("person", person.id)
    assert changed.lines[0].words == [
        "Date of birth set to 15 June 2026",
        "Gender set to Woman",
    ]


def test_a_removal_gives_its_reason(jo: Services) -> None:
    mentor = jo.people.add(PersonDetails(first_name="Cy"), roles=["mentor"])
    record = jo.volunteers.record_supervision(
        mentor.id, on=TODAY - timedelta(days=2), mode="phone", duration_minutes=30
    )
    with jo.db.transaction(
        reason="entered on the wrong person", description="Supervision removed"
    ) as session:
        session.exec(delete(Supervision).where(col(Supervision.id) == record.id))
    history = jo.history.for_record("supervision", record.id)
    assert [view.lines[0].words[0] for view in history] == [
        "Supervision added",
        "Supervision removed: entered on the wrong person",
    ]
    assert history[-1].description == "Supervision removed"


def test_a_persons_history_holds_every_record_about_them_even_removed_ones(
    jo: Services,
) -> None:
    other = jo.people.add(PersonDetails(first_name="Ed"), roles=["mentor"])
    person = jo.people.add(PersonDetails(first_name="Di"), roles=["mentor"])
    training = jo.volunteers.record_training(
        person.id, module="Boundaries", on=TODAY, duration_minutes=60, completed=True
    )
    jo.volunteers.record_training(
        other.id, module="Listening", on=TODAY, duration_minutes=60, completed=True
    )
    jo.people.set_availability(person.id, [("mon", "morning")], ["phone"])
    jo.people.set_availability(person.id, [("tue", "morning")], ["phone"])
    lines = [line for view in jo.history.for_person(person.id) for line in view.lines]
    records = {(line.table_name, line.action) for line in lines}
    assert ("training_record", "insert") in records
    assert ("availability", "delete") in records  # Monday, since replaced
    assert any(line.record_id == training.id for line in lines)
    # Nothing of the other mentor's: every line is their record, or names them.
    for line in lines:
        named = {c.column: (c.old, c.new) for c in line.fields}
        theirs = line.table_name == "person" and line.record_id == person.id
        assert theirs or person.id in named.get("person_id", ()), line
    assert "Listening" not in repr(lines)


def test_between_takes_whole_days_and_refuses_them_backwards(jo: Services) -> None:
    jo.people.add(PersonDetails(first_name="Flo"))
    with jo.db.session() as session:
        day = session.exec(select(ChangeSet.made_at)).first()
    assert day is not None
    found = jo.history.between(day.date(), day.date())
    assert any("Person added" in view.summary for view in found)
    assert jo.history.between(day.date() + timedelta(days=1), day.date() + timedelta(days=9)) == []
    with pytest.raises(ValidationError, match="before the start"):
        jo.history.between(day.date(), day.date() - timedelta(days=1))


def test_a_record_of_an_unknown_kind_is_refused_in_plain_words(jo: Services) -> None:
    with pytest.raises(ValidationError, match="no kind of record called 'nonsense'"):
        jo.history.for_record("nonsense", 1)


def test_the_latest_change_sets_come_newest_first(jo: Services) -> None:
    gus = jo.people.add(PersonDetails(first_name="Gus"))
    hep = jo.people.add(PersonDetails(first_name="Hep"))
    latest = jo.history.latest(2)
    assert [view.lines[0].fields[0].column for view in latest] == ["access_needs"] * 2
    assert [view.lines[0].record_id for view in latest] == [hep.id, gus.id]
    assert latest[0].id > latest[1].id
    assert jo.history.change_set(latest[0].id) == latest[0]
    assert jo.history.change_set(10_000) is None
