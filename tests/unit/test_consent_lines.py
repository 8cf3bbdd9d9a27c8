"""Consent lines as the person page gets them: the wording's version and whether each can
still be withdrawn decided in the service; requests to see records answered all at once."""

from __future__ import annotations

from datetime import date

import pytest

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.vocabulary import ConsentKind
from tests.conftest import TODAY
from tests.unit.test_consent_rules import answer, person

CONF = ConsentKind.CONFIDENTIALITY
HEALTH = ConsentKind.HEALTH_DATA


def test_only_an_agreement_not_yet_withdrawn_can_be_withdrawn(services: Services) -> None:
    someone = person(services, "Ailsa")
    agreed = answer(services, someone, CONF, date(2026, 1, 5))
    declined = answer(services, someone, HEALTH, date(2026, 1, 6), agreed=False)
    withdrawn = answer(services, someone, ConsentKind.CONTACT_EMAIL, date(2026, 1, 7))
    services.consents.withdraw(withdrawn, on=date(2026, 2, 1))
    lines = {line.id: line for line in services.consents.for_person(someone)}
    assert lines[agreed].can_withdraw
    assert not lines[declined].can_withdraw
    assert not lines[withdrawn].can_withdraw
    assert lines[withdrawn].withdrawn_on == date(2026, 2, 1)


def test_a_declined_consent_cannot_be_withdrawn_and_stays_as_it_was(services: Services) -> None:
    someone = person(services, "Bea")
    declined = answer(services, someone, HEALTH, date(2026, 1, 6), agreed=False)
    with pytest.raises(ValidationError, match="declined") as raised:
        services.consents.withdraw(declined)
    assert raised.value.field == "withdrawn_on"
    (line,) = services.consents.for_person(someone)
    assert line.withdrawn_on is None and line.withdrawal_method is None


def test_each_line_carries_the_version_of_the_words_shown(services: Services) -> None:
    someone = person(services, "Cal")
    first = answer(services, someone, CONF, date(2026, 1, 5))
    services.consents.supersede_wording(CONF, "I will keep what I hear here to myself.")
    second = answer(services, someone, CONF, date(2026, 2, 5))
    versions = {line.id: line.wording_version for line in services.consents.for_person(someone)}
    assert versions == {first: 1, second: 2}


def test_every_waiting_request_is_marked_answered_in_one_call(services: Services) -> None:
    someone = person(services, "Dee")
    other = person(services, "Eve")
    services.subject_access.record_request(someone, date(2026, 5, 1))
    services.subject_access.record_request(someone, date(2026, 6, 1))
    services.subject_access.record_request(other, date(2026, 6, 1))
    answered = services.subject_access.mark_all_answered(someone)
    assert [r.received_on for r in answered] == [date(2026, 6, 1), date(2026, 5, 1)]
    assert [r.answered_on for r in services.subject_access.requests_for(someone)] == [TODAY] * 2
    assert [r.answered_on for r in services.subject_access.requests_for(other)] == [None]
    assert services.subject_access.mark_all_answered(someone) == []


def test_if_one_request_cannot_be_answered_on_that_day_none_is(services: Services) -> None:
    someone = person(services, "Fay")
    services.subject_access.record_request(someone, date(2026, 5, 1))
    services.subject_access.record_request(someone, date(2026, 6, 10))
    with pytest.raises(ValidationError, match="before it was received"):
        services.subject_access.mark_all_answered(someone, date(2026, 6, 1))
    assert [r.answered_on for r in services.subject_access.requests_for(someone)] == [None] * 2


def test_the_ways_to_contact_them_are_the_contact_consents_agreed_now(
    services: Services,
) -> None:
    someone = person(services, "Gail")
    assert services.consents.contact_ways(someone) == ()
    answer(services, someone, ConsentKind.CONTACT_POST, date(2026, 1, 5))
    answer(services, someone, ConsentKind.CONTACT_PHONE, date(2026, 1, 5))
    answer(services, someone, ConsentKind.CONTACT_TEXT, date(2026, 1, 5), agreed=False)
    email = answer(services, someone, ConsentKind.CONTACT_EMAIL, date(2026, 1, 5))
    answer(services, someone, CONF, date(2026, 1, 5))
    assert services.consents.contact_ways(someone) == (
        ConsentKind.CONTACT_PHONE,
        ConsentKind.CONTACT_EMAIL,
        ConsentKind.CONTACT_POST,
    )
    services.consents.withdraw(email)
    assert ConsentKind.CONTACT_EMAIL not in services.consents.contact_ways(someone)
