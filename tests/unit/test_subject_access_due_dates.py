"""Subject access due dates (ICO: one calendar month, month ends, weekends, bank holidays)."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.data_protection.bank_holidays import Region, region_for_postcode
from peerdesk.services.data_protection.subject_access import due_date
from peerdesk.services.organisation import OrganisationDetails
from tests.conftest import TODAY

ENGLAND = Region.ENGLAND_AND_WALES
SCOTLAND = Region.SCOTLAND


def test_31_january_is_due_at_the_end_of_february_then_the_next_working_day() -> None:
    # 28 February 2026 is a Saturday: the answer is due on Monday 2 March.
    assert due_date(date(2026, 1, 31), ENGLAND) == date(2026, 3, 2)
    # In a leap year the month has a 29th, a Tuesday.
    assert due_date(date(2028, 1, 31), ENGLAND) == date(2028, 2, 29)
    # 2027: 28 February is a Sunday.
    assert due_date(date(2027, 1, 31), SCOTLAND) == date(2027, 3, 1)


def test_30_march_is_due_on_30_april() -> None:
    assert due_date(date(2026, 3, 30), ENGLAND) == date(2026, 4, 30)
    assert due_date(date(2026, 3, 31), ENGLAND) == date(2026, 4, 30)


def test_a_request_received_on_a_saturday_counts_from_that_day() -> None:
    saturday = date(2026, 6, 13)
    assert saturday.weekday() == 5
    assert due_date(saturday, ENGLAND) == date(2026, 7, 13)
    # Saturday 28 November 2026: 28 December is the Boxing Day substitute holiday everywhere.
    assert due_date(date(2026, 11, 28), None) == date(2026, 12, 29)
    # Saturday 1 August 2026: 1 September is a Tuesday.
    assert due_date(date(2026, 8, 1), ENGLAND) == date(2026, 9, 1)


def test_bank_holidays_depend_on_the_region() -> None:
    # 2 January 2026 is a bank holiday in Scotland only.
    assert due_date(date(2025, 12, 2), SCOTLAND) == date(2026, 1, 5)
    assert due_date(date(2025, 12, 2), ENGLAND) == date(2026, 1, 2)
    # Easter Monday 2026 (6 April) is a holiday in England and Wales, not in Scotland.
    assert due_date(date(2026, 3, 6), ENGLAND) == date(2026, 4, 7)
    assert due_date(date(2026, 3, 6), SCOTLAND) == date(2026, 4, 6)
    # Not knowing the region never gives a date later than the law allows anywhere.
    assert due_date(date(2025, 12, 2), None) == date(2026, 1, 2)
    assert due_date(date(2026, 3, 6), None) == date(2026, 4, 6)


def test_region_is_told_from_the_postcode() -> None:
    assert region_for_postcode("KW1 4AB") is SCOTLAND
    assert region_for_postcode("G1 1AA") is SCOTLAND
    assert region_for_postcode("TD15 1AA") is ENGLAND
    assert region_for_postcode("GL1 2AB") is ENGLAND
    assert region_for_postcode("SW1A 1AA") is ENGLAND
    assert region_for_postcode("BT1 1AA") is None
    assert region_for_postcode("") is None


def test_a_request_is_recorded_with_its_due_date_and_shows_on_today_until_answered(
    services: Services,
) -> None:
    services.organisation.save(OrganisationDetails(name="Wick Peers", postcode="KW1 4AB"))
    person = services.people.add(_details("Ailsa"))
    assert person.id is not None
    request = services.subject_access.record_request(person.id, date(2026, 6, 1))
    assert request.due_on == date(2026, 7, 1)
    items = [i for i in services.attention.items() if i.group == "Requests to see records"]
    assert [(i.record_id, i.due) for i in items] == [(person.id, date(2026, 7, 1))]
    assert "1 July 2026" in items[0].detail
    services.subject_access.mark_answered(request.id, TODAY)
    assert not [i for i in services.attention.items() if i.group == "Requests to see records"]
    assert services.subject_access.requests_for(person.id)[0].answered_on == TODAY


def test_an_overdue_request_is_urgent(services: Services) -> None:
    person = services.people.add(_details("Bea"))
    assert person.id is not None
    services.subject_access.record_request(person.id, date(2026, 4, 1))
    (item,) = [i for i in services.attention.items() if i.group == "Requests to see records"]
    assert item.urgent
    assert "was due" in item.detail


def test_a_request_cannot_come_from_the_future(services: Services) -> None:
    person = services.people.add(_details("Cat"))
    assert person.id is not None
    with pytest.raises(ValidationError):
        services.subject_access.record_request(person.id, date(2026, 7, 1))
    assert services.subject_access.requests_for(person.id) == []


def _details(name: str):  # type: ignore[no-untyped-def]
    from peerdesk.services.people.service import PersonDetails

    return PersonDetails(first_name=name)
