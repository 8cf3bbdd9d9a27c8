"""The edges of the consents-needing-attention list and the helpers it is built from, found by
mutation testing (docs/testing.md, "Mutation testing"): the organisation's warning window,
optional consents that were declined, the order of one person's gaps, and which answers count
"by" a day."""

from __future__ import annotations

from datetime import date, timedelta

from peerdesk.services import Services
from peerdesk.services.data_protection.consents import (
    LatestAnswer,
    answered_kinds,
    latest_consents,
)
from peerdesk.services.data_protection.gates import current_sharing
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.vocabulary import ConsentKind, Role
from tests.conftest import TODAY
from tests.unit.test_consent_rules import GP, answer, person

CONF = ConsentKind.CONFIDENTIALITY
HEALTH = ConsentKind.HEALTH_DATA
PHONE = ConsentKind.CONTACT_PHONE
EMAIL = ConsentKind.CONTACT_EMAIL
GIVEN = date(2026, 1, 5)


def gaps(services: Services) -> list[tuple[str, ConsentKind, str]]:
    return [(g.name, g.kind, g.state) for g in services.consents.gaps()]


def test_the_organisations_warning_window_is_used_unless_told_otherwise(
    services: Services,
) -> None:
    services.organisation.save(OrganisationDetails(name="Far North", expiry_warning_days=60))
    mo = person(services, "Mo", Role.MENTOR)
    answer(services, mo, CONF, GIVEN, review_on=TODAY + timedelta(days=45))
    assert gaps(services) == [("Mo Test", CONF, "expiring")]
    assert services.consents.gaps(within_days=30) == []


def test_an_optional_consent_they_declined_is_no_gap(services: Services) -> None:
    mo = person(services, "Mo", Role.MENTOR)  # a mentor needs confidentiality only
    answer(services, mo, CONF, GIVEN)
    answer(services, mo, PHONE, GIVEN, agreed=False)
    assert gaps(services) == []


def test_a_declined_optional_consent_hides_no_gap_after_it(services: Services) -> None:
    mo = person(services, "Mo", Role.MENTOR)
    answer(services, mo, CONF, GIVEN)
    answer(services, mo, PHONE, GIVEN, agreed=False)
    answer(services, mo, EMAIL, GIVEN, review_on=TODAY - timedelta(days=1))
    assert gaps(services) == [("Mo Test", EMAIL, "expired")]


def test_one_persons_gaps_of_the_same_urgency_follow_the_order_of_kinds(
    services: Services,
) -> None:
    # Health data comes before contact by phone on every screen (ConsentKind's order), though
    # "contact_phone" sorts first by name.
    mia = person(services, "Mia", Role.MENTEE)
    lapsed = TODAY - timedelta(days=10)
    answer(services, mia, CONF, GIVEN)
    answer(services, mia, PHONE, GIVEN, review_on=lapsed)
    answer(services, mia, HEALTH, GIVEN, review_on=lapsed)
    assert gaps(services) == [("Mia Test", HEALTH, "expired"), ("Mia Test", PHONE, "expired")]


def test_an_answer_reviewed_after_the_warning_window_is_no_gap() -> None:
    horizon = TODAY + timedelta(days=30)
    later = LatestAnswer(1, CONF.value, True, None, horizon + timedelta(days=1))
    due = LatestAnswer(1, CONF.value, True, None, horizon)
    open_ended = LatestAnswer(1, CONF.value, True, None, None)
    assert later.gap_state(TODAY, horizon) is None
    assert due.gap_state(TODAY, horizon) == "expiring"
    assert open_ended.gap_state(TODAY, horizon) is None


def test_answered_by_a_day_counts_only_answers_given_by_then_of_the_kinds_asked(
    services: Services,
) -> None:
    mia = person(services, "Mia", Role.MENTEE)
    answer(services, mia, CONF, date(2026, 3, 1), agreed=False)
    answer(services, mia, HEALTH, date(2026, 5, 1))
    with services.db.session() as session:
        assert answered_kinds(session, date(2026, 4, 1), [CONF.value, HEALTH.value]) == {
            (mia, CONF.value)
        }
        assert answered_kinds(session, date(2026, 5, 1), [HEALTH.value]) == {(mia, HEALTH.value)}


def test_flagged_latest_answers_are_only_those_needing_the_coordinator(
    services: Services,
) -> None:
    mia, ned = person(services, "Mia", Role.MENTEE), person(services, "Ned", Role.MENTEE)
    answer(services, mia, CONF, GIVEN)  # agreed, open-ended: nothing to do
    answer(services, ned, CONF, GIVEN, agreed=False)
    with services.db.session() as session:
        flagged = latest_consents(
            session, TODAY, kinds=[CONF.value], flagged_by=TODAY + timedelta(days=30)
        )
        every = latest_consents(session, TODAY, kinds=[CONF.value])
    assert [(a.person_id, a.agreed) for a in flagged] == [(ned, False)]
    assert sorted((a.person_id, a.agreed) for a in every) == [(mia, True), (ned, False)]


def test_sharing_agreed_after_a_day_does_not_count_on_that_day(services: Services) -> None:
    mia = person(services, "Mia", Role.MENTEE)
    answer(services, mia, ConsentKind.SHARING, date(2026, 6, 1), third_party=GP)
    with services.db.session() as session:
        assert current_sharing(session, mia, date(2026, 5, 31)) == []
        assert [c.third_party for c in current_sharing(session, mia, date(2026, 6, 1))] == [GP]


def test_the_latest_answer_by_a_day_ignores_answers_given_after_it(services: Services) -> None:
    mia = person(services, "Mia", Role.MENTEE)
    answer(services, mia, CONF, date(2026, 3, 1))
    answer(services, mia, CONF, date(2026, 5, 1), agreed=False)
    with services.db.session() as session:
        before_refusal = latest_consents(session, date(2026, 4, 1), kinds=[CONF.value])
        after_refusal = latest_consents(session, date(2026, 5, 1), kinds=[CONF.value])
    assert [(a.person_id, a.agreed) for a in before_refusal] == [(mia, True)]
    assert [(a.person_id, a.agreed) for a in after_refusal] == [(mia, False)]


def test_an_answer_entered_in_error_is_not_the_latest_answer(services: Services) -> None:
    mia = person(services, "Mia", Role.MENTEE)
    answer(services, mia, CONF, date(2026, 3, 1))
    refusal = answer(services, mia, CONF, date(2026, 5, 1), agreed=False)
    services.consents.mark_entered_in_error(refusal, "Recorded against the wrong person")
    with services.db.session() as session:
        latest = latest_consents(session, TODAY, kinds=[CONF.value])
    assert [(a.person_id, a.agreed) for a in latest] == [(mia, True)]
