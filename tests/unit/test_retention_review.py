"""Retention: rules per kind of record, who is past their date, anonymise or keep."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.vocabulary import RecordKind, Role


def old_mentee(services: Services, name: str, last_contact: date) -> int:
    person = services.people.add(PersonDetails(first_name=name), roles=[Role.MENTEE])
    assert person.id is not None
    with services.db.transaction() as s:
        s.connection().execute(
            text("UPDATE person SET created_at = :d WHERE id = :p"),
            {"d": f"{last_contact.isoformat()} 10:00:00", "p": person.id},
        )
        s.connection().execute(
            text("UPDATE person_role SET started_on = :d WHERE person_id = :p"),
            {"d": last_contact, "p": person.id},
        )
    return person.id


def test_rules_have_defaults_and_can_be_changed(services: Services) -> None:
    rules = {rule.kind: rule for rule in services.retention.rules()}
    assert rules[RecordKind.MENTEE].keep_years == 6 and rules[RecordKind.MENTEE].is_default
    services.retention.set_rule(RecordKind.MENTEE, 3)
    rules = {rule.kind: rule for rule in services.retention.rules()}
    assert rules[RecordKind.MENTEE].keep_years == 3 and not rules[RecordKind.MENTEE].is_default
    with pytest.raises(ValidationError):
        services.retention.set_rule(RecordKind.MENTEE, 0)
    assert services.retention.rules()[0].keep_years == 3


def test_people_past_their_date_show_on_today_until_anonymised(services: Services) -> None:
    old = old_mentee(services, "Olwen", date(2019, 3, 1))
    recent = old_mentee(services, "Rhona", date(2023, 3, 1))
    (due,) = services.retention.due_for_review()
    assert (due.person_id, due.last_contact, due.review_on) == (
        old,
        date(2019, 3, 1),
        date(2025, 3, 1),
    )
    assert services.retention.due_for_person(old) == due
    assert services.retention.due_for_person(recent) is None
    items = [i for i in services.attention.items() if i.group == "Past the retention date"]
    assert [i.record_id for i in items] == [old]
    services.retention.set_rule(RecordKind.MENTEE, 3)
    assert {d.person_id for d in services.retention.due_for_review()} == {old, recent}
    services.retention.anonymise(old)
    assert {d.person_id for d in services.retention.due_for_review()} == {recent}
    assert services.people.get(old).display_name == "Erased person"


def test_keep_with_a_reason_hides_them_until_the_date_to_look_again(services: Services) -> None:
    old = old_mentee(services, "Olwen", date(2019, 3, 1))
    person = services.retention.keep(old, "Open insurance claim", until=date(2026, 9, 1))
    assert "Open insurance claim" in person.notes
    assert services.retention.due_for_review() == []
    assert [d.person_id for d in services.retention.due_for_review(on=date(2026, 9, 2))] == [old]
    with pytest.raises(ValidationError):
        services.retention.keep(old, "   ")
