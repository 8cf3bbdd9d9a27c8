"""The mentoring views the screens are given: a pairing's allowed actions come from the
service's own transition table, the next supervision date is worked out in the service, and
nothing the UI may import from mentoring is a database table."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import SQLModel

from peerdesk.services import Services
from peerdesk.services.mentoring import views
from peerdesk.services.mentoring.pairings import TRANSITIONS
from peerdesk.services.mentoring.views import PairingAction, SessionEntry
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.vocabulary import PairingStatus, SessionStatus
from tests.conftest import TODAY
from tests.unit.test_pairing_transitions import change, pairing_in

P = PairingStatus
A = PairingAction
#: Which status each status-changing action leads to.
TARGET = {A.INTRODUCE: P.INTRODUCED, A.ACTIVATE: P.ACTIVE, A.RESUME: P.ACTIVE, A.PAUSE: P.PAUSED}
#: What the pairing page offered before the rule moved into the service (kept as it was).
OFFERED = {
    P.PROPOSED: {A.INTRODUCE, A.ACTIVATE, A.END, A.ARRANGEMENTS, A.SUPERVISION},
    P.INTRODUCED: {A.ACTIVATE, A.END, A.LOG, A.ARRANGEMENTS, A.SUPERVISION},
    P.ACTIVE: {A.PAUSE, A.END, A.LOG, A.REVIEW, A.ARRANGEMENTS, A.SUPERVISION},
    P.PAUSED: {A.RESUME, A.END, A.LOG, A.REVIEW, A.ARRANGEMENTS, A.SUPERVISION},
    P.ENDED: {A.LOG, A.REVIEW, A.SUPERVISION},
}


@pytest.mark.parametrize("status", list(P), ids=str)
def test_a_pairing_offers_the_actions_its_status_allows(services: Services, status: P) -> None:
    view = services.pairings.get(pairing_in(services, status))
    assert view.allowed_actions == OFFERED[status]


@pytest.mark.parametrize("status", list(P), ids=str)
def test_every_status_change_offered_is_one_the_service_accepts(
    services: Services, status: P
) -> None:
    view = services.pairings.get(pairing_in(services, status))
    offered = {TARGET.get(a, P.ENDED) for a in view.allowed_actions if a in {*TARGET, A.END}}
    assert offered == TRANSITIONS[status]
    for target in sorted(offered):
        pairing_id = pairing_in(services, status)
        change(services, pairing_id, target, date(2026, 2, 1))
        assert services.pairings.get(pairing_id).status == target


def test_the_next_supervision_is_six_weeks_ahead_or_sooner_if_the_limit_is_shorter(
    services: Services,
) -> None:
    mentor_id = services.pairings.get(pairing_in(services, P.ACTIVE)).mentor_id
    plan = services.pairings.supervision_plan(mentor_id)
    assert plan.suggested_next == TODAY + timedelta(weeks=6)  # no organisation yet: 8 weeks
    assert [row.status for row in plan.pairings] == [P.ACTIVE]
    services.organisation.save(OrganisationDetails(name="Wick Peers", supervision_weeks=4))
    assert services.pairings.supervision_plan(mentor_id).suggested_next == TODAY + timedelta(
        weeks=4
    )
    services.organisation.save(OrganisationDetails(name="Wick Peers", supervision_weeks=12))
    assert services.pairings.supervision_plan(mentor_id).suggested_next == TODAY + timedelta(
        weeks=6
    )


def test_a_rearranged_session_says_the_date_it_moved_to(services: Services) -> None:
    pairing_id = pairing_in(services, P.ACTIVE)
    logged = services.sessions.log(
        pairing_id,
        SessionEntry(
            session_date=date(2026, 2, 2),
            status=SessionStatus.REARRANGED.value,
            rearranged_to=date(2026, 2, 9),
        ),
    )
    assert logged.rearranged_to_date == date(2026, 2, 9)
    assert services.sessions.get(logged.id).rearranged_to_date == date(2026, 2, 9)
    listed = {s.id: s.rearranged_to_date for s in services.sessions.for_pairing(pairing_id)}
    assert listed[logged.id] == date(2026, 2, 9)


def test_nothing_the_screens_import_from_mentoring_is_a_table() -> None:
    for name in views.__all__:
        value = getattr(views, name)
        assert not (isinstance(value, type) and issubclass(value, SQLModel)), name
