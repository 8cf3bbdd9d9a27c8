"""Re-applying erasures after a restore: who counts as already erased, who is erased again.

After restoring an older backup, the erasure log is applied again. A record counts as
already erased only if it is the empty "Erased person" stub with nothing left about them;
anything else (a detail on the record, a consent, a condition) is erased again, and a
stub that is clean is left alone, whatever other people's records hold.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlmodel import select

from peerdesk.data.database import Database
from peerdesk.data.models import Consent, Person, Referral
from peerdesk.errors import NotFoundError
from peerdesk.services import Services
from peerdesk.services.data_protection.consents import ConsentEntry
from peerdesk.services.data_protection.erasure import ErasureReport, is_stub
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import ConsentKind, ConsentMethod, Role
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import active_pairing
from tests.unit.test_subject_access_export import build_everything


def add(services: Services, first: str, last: str = "Smith") -> int:
    person = services.people.add(PersonDetails(first_name=first, last_name=last))
    assert person.id is not None
    return person.id


def consent(services: Services, person_id: int) -> None:
    services.consents.record(
        person_id,
        ConsentEntry(
            kind=ConsentKind.CONFIDENTIALITY,
            given_on=date(2026, 6, 1),
            method=ConsentMethod.VERBAL,
            recorded_by="Coordinator",
        ),
    )


def consents_of(services: Services, person_id: int) -> int:
    with services.db.session() as session:
        return len(list(session.exec(select(Consent).where(Consent.person_id == person_id))))


@pytest.mark.parametrize(
    ("details", "stub"),
    [
        ({}, True),
        ({"email": "ann@example.org"}, False),
        ({"phone": "07700 900123"}, False),
        ({"address": "1 High Street"}, False),
        ({"notes": "Prefers mornings"}, False),
        ({"date_of_birth": date(1970, 5, 1)}, False),
        ({"first_name": "Ann"}, False),
        ({"last_name": "Smith"}, False),
    ],
)
def test_only_the_empty_erased_person_record_counts_as_a_stub(
    details: dict[str, object], stub: bool
) -> None:
    fields: dict[str, object] = {"first_name": "Erased", "last_name": "person"} | details
    assert is_stub(Person(**fields)) is stub  # type: ignore[arg-type]


def test_a_restored_person_with_only_their_name_is_erased_again(services: Services) -> None:
    ann = add(services, "Ann")
    assert services.erasure.reapply([ann]) == 1
    assert services.people.get(ann).display_name == "Erased person"


def test_everyone_erased_again_is_counted_and_archived(services: Services) -> None:
    # Archived: an erased person must not reappear in the lists of people.
    ann, bob = add(services, "Ann"), add(services, "Bob")
    assert services.erasure.reapply([ann, bob]) == 2
    assert [services.people.get(p).archived_on for p in (ann, bob)] == [TODAY, TODAY]


def test_a_stub_with_a_consent_left_over_is_erased_again(services: Services) -> None:
    ann = add(services, "Ann")
    services.erasure.erase(ann)
    consent(services, ann)  # as an older copy of the records might still hold
    assert services.erasure.reapply([ann]) == 1
    assert consents_of(services, ann) == 0


def test_a_clean_stub_is_left_alone_whatever_others_hold(services: Services) -> None:
    ann, bob = add(services, "Ann"), add(services, "Bob")
    consent(services, bob)
    services.erasure.erase(ann)
    assert services.erasure.reapply([ann]) == 0
    assert consents_of(services, bob) == 1


def test_a_number_not_in_the_restored_copy_is_kept_as_an_archived_stub(
    services: Services,
) -> None:
    services.erasure.reapply([41])
    stub = services.people.get(41)
    assert is_stub(stub)
    assert stub.archived_on == TODAY


def test_the_erasure_log_is_in_date_order(services: Services, db: Database) -> None:
    ann, bob = add(services, "Ann"), add(services, "Bob")
    services.erasure.erase(bob)
    earlier = Services(db, today=lambda: TODAY - timedelta(days=5))
    earlier.erasure.erase(ann)  # recorded second, dated first
    assert services.erasure.erasure_log() == [(ann, TODAY - timedelta(days=5)), (bob, TODAY)]


@pytest.mark.parametrize(("removed", "line"), [(1, "1 other note"), (2, "2 other notes")])
def test_the_report_counts_the_notes_the_name_was_removed_from(removed: int, line: str) -> None:
    report = ErasureReport(person_id=1, erased_on=TODAY, names_removed=removed)
    assert report.lines()[-1] == f"Their name removed from {line}"
    assert not any("removed from" in text for text in ErasureReport(1, TODAY).lines())


def test_re_applying_keeps_one_log_entry_with_the_first_date(
    services: Services, db: Database
) -> None:
    ann = add(services, "Ann")
    services.erasure.erase(ann)
    later = Services(db, today=lambda: TODAY + timedelta(days=30))
    later.erasure.reapply([ann])
    assert later.erasure.erasure_log() == [(ann, TODAY)]


def test_the_report_lists_only_what_was_there(services: Services) -> None:
    # Someone with a role and nothing else: nothing deleted, no notes cleared, and the
    # report says so rather than listing every table.
    person = services.people.add(
        PersonDetails(first_name="Ann", last_name="Bell"), roles=[Role.MENTEE]
    )
    assert person.id is not None
    report = services.erasure.erase(person.id)
    assert (report.person_id, report.erased_on) == (person.id, TODAY)
    assert (dict(report.deleted), dict(report.cleared)) == ({}, {})
    with pytest.raises(NotFoundError, match="That person could not be found"):
        services.erasure.erase(person.id + 100)


def referral(services: Services, person_id: int, hopes: str) -> int:
    started = services.referrals.start(
        person_id, ReferralDetails(referral_date=date(2026, 5, 1), source="self", hopes=hopes)
    )
    assert started.id is not None
    return started.id


def test_notes_are_emptied_and_a_required_reason_marked_erased(services: Services) -> None:
    ann = add(services, "Ann")
    refused = referral(services, ann, "")
    services.referrals.not_taken_forward(refused, "Moved away from the area")
    taken = referral(services, ann, "To walk to the shops again")  # after the first ended
    services.erasure.erase(ann)
    with services.db.session() as session:
        rows = {r.id: r for r in session.exec(select(Referral))}
    assert (rows[taken].hopes, rows[taken].not_taken_forward_reason) == ("", "")
    # A reason may not be blank once given (the record says one was given): marked instead.
    assert (rows[refused].hopes, rows[refused].not_taken_forward_reason) == ("", "[erased]")


def test_a_two_letter_name_is_removed_from_notes_linked_to_them(services: Services) -> None:
    person_id = build_everything(services, first_name="Jo", last_name="")
    with services.db.transaction() as session:
        session.connection().execute(text("UPDATE group_meeting SET note = 'Jo came early.'"))
    services.erasure.erase(person_id)
    with services.db.session() as session:
        note = session.connection().execute(text("SELECT note FROM group_meeting"))
        assert note.scalar_one() == "[name removed] came early."


def test_an_erasure_says_when_a_reader_kept_it_in_the_write_ahead_log(
    services: Services,
) -> None:
    # Until the write-ahead log is emptied, the erased details are still in that file.
    ann, bob = add(services, "Ann"), add(services, "Bob")
    assert services.erasure.erase(ann).checkpointed
    reader = services.db.engine.connect()
    try:
        # A read transaction left open (another window, a backup being read).
        reader.exec_driver_sql("SELECT count(*) FROM person").fetchall()
        assert not services.erasure.erase(bob).checkpointed
    finally:
        reader.close()


def test_the_report_counts_the_goals_of_their_pairings(services: Services) -> None:
    pairing = services.pairings.get(active_pairing(services))  # two goals
    report = services.erasure.erase(pairing.mentee_id)
    assert report.deleted["pairing_goal"] == 2
    assert services.pairings.goals(pairing.id or 0) == []
