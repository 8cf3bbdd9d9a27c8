"""Erasure and the history: nothing of the person stays in the change log or its files."""

from __future__ import annotations

from sqlmodel import col, select

from peerdesk.data.models import ChangeLogEntry, ChangeSet, Person
from peerdesk.services import Services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.views import PersonDetails
from tests.conftest import TODAY

FIRST, LAST = "Zyxqunthia", "Prewkvolder"
EMAIL, PHONE = "zq@quillmarsh.example", "07700 918273"
MARKERS = (FIRST, LAST, "quillmarsh", "918273", "Brackenwhirl")


def database_bytes(services: Services) -> bytes:
    path = services.database_path
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def change_sets(services: Services) -> list[ChangeSet]:
    with services.db.session() as session:
        return list(session.exec(select(ChangeSet).order_by(col(ChangeSet.id))))


def build(services: Services) -> tuple[int, int]:
    """The person, their address changed; someone else whose notes named them and gave their
    e-mail address, since edited (the old notes are only in the history)."""
    services.organisation.save(OrganisationDetails(name="Peers", coordinator_name="Jo Smith"))
    details = PersonDetails(
        first_name=FIRST, last_name=LAST, email=EMAIL, phone=PHONE, address="1 Brackenwhirl Row"
    )
    person = services.people.add(details)
    details.address = "2 Low Rd"
    services.people.update(person.id, details)
    other = services.people.add(
        PersonDetails(first_name="Morag", notes=f"Met {FIRST} {LAST} at the group; {EMAIL}")
    )
    services.people.update(
        other.id, PersonDetails(first_name="Morag", notes=f"Introduced to {FIRST} {LAST}")
    )
    with services.db.transaction(reason=f"asked by {FIRST} {LAST}") as session:
        found = session.get(Person, other.id)
        assert found is not None
        found.pronouns = "she/her"
        session.add(found)
    return person.id, other.id


def test_erasure_scrubs_the_history_and_leaves_one_anonymous_change_set(
    services: Services,
) -> None:
    person_id, other_id = build(services)
    assert all(marker.encode() in database_bytes(services) for marker in MARKERS)
    before = len(change_sets(services))

    report = services.erasure.erase(person_id)

    assert report.checkpointed
    data = database_bytes(services)
    assert [m for m in MARKERS if m.encode() in data or m.lower().encode() in data] == []
    [erasure] = change_sets(services)[before:]
    assert (erasure.kind, erasure.description, erasure.reason, erasure.changed_by) == (
        "erasure",
        "Erased on 15 June 2026",
        "",
        "Jo Smith",
    )
    with services.db.session() as session:
        assert (
            session.exec(
                select(ChangeLogEntry).where(ChangeLogEntry.change_set_id == erasure.id)
            ).all()
            == []
        )
    # Their own record's history says only that it was added and changed, with no values.
    own = services.history.for_record("person", person_id)
    assert [line.words for view in own for line in view.lines] == [
        ["Person added"],
        ["Person changed"],
    ]
    # The other person's history stays, with the name taken out.
    others = [
        line for view in services.history.for_record("person", other_id) for line in view.lines
    ]
    words = " ".join(w for line in others for w in line.words)
    # Their e-mail address is gone from the old notes, as their name is.
    assert (
        "Notes changed from Met [name removed] at the group; [name removed] to Introduced to "
        "[name removed]" in words
    )
    assert "asked by [name removed]" in [line.reason for line in others]


def test_a_preview_changes_no_history(services: Services) -> None:
    person_id, _other = build(services)
    with services.db.session() as session:
        before = session.exec(select(ChangeLogEntry.changes)).all()
    services.erasure.preview(person_id)
    with services.db.session() as session:
        assert session.exec(select(ChangeLogEntry.changes)).all() == before
    assert TODAY.year == 2026
