"""Putting right a referral's details (issue 20): `ReferralService.update_details` saves what
was entered when it was taken, with the same checks as taking it, in one change set
described "Edited referral of NAME"; its status and dated steps stay as they were. A refused
edit changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from peerdesk.errors import NotFoundError, ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.views import ReferralDetails, ReferralPreferences
from peerdesk.vocabulary import ReferralSource, ReferralStatus
from tests.conftest import TODAY
from tests.unit.test_pairings_builders import table_snapshot
from tests.unit.test_referral_transitions import RECEIVED, TABLES, page_steps, referral_in

CHANGE_TABLES = (*TABLES, "change_set", "change_log")


def details(**changes: object) -> ReferralDetails:
    wanted = ReferralDetails(
        referral_date=RECEIVED,
        source=ReferralSource.GP.value,
        referrer_name="Dr Iqbal",
        person_agreed=True,
        hopes="Someone to talk to who has been there",
    )
    return replace(wanted, **changes)  # type: ignore[arg-type]


def test_an_edit_saves_the_details_and_keeps_the_status_and_steps(services: Services) -> None:
    referral = referral_in(services, ReferralStatus.ACCEPTED)
    steps_before = page_steps(services, referral.person_id)
    sets_before = len(services.history.for_person(referral.person_id))

    saved = services.referrals.update_details(
        referral.id,
        details(
            referral_date=RECEIVED - timedelta(days=2),
            preferences=ReferralPreferences(languages="Gaelic"),
        ),
    )

    assert (saved.source, saved.referrer_name, saved.person_agreed) == ("gp", "Dr Iqbal", True)
    assert saved.hopes == "Someone to talk to who has been there"
    assert saved.referral_date == RECEIVED - timedelta(days=2)
    assert saved.status == ReferralStatus.ACCEPTED
    # "Received" moves with the date; the steps taken since are as they were.
    assert page_steps(services, referral.person_id) == [
        (RECEIVED - timedelta(days=2), "Received"),
        *steps_before[1:],
    ]
    assert services.people.get(referral.person_id).languages == "Gaelic"
    changes = services.history.for_person(referral.person_id)
    assert len(changes) == sets_before + 1  # one change set for the referral and the person
    newest = changes[-1]  # oldest first
    assert newest.description == "Edited referral of Ruth"
    changed = {f.column for line in newest.lines for f in line.fields}
    assert {"source", "referrer_name", "hopes", "referral_date", "languages"} <= changed
    assert "status" not in changed


@pytest.mark.parametrize(
    ("wrong", "field"),
    [
        ({"referral_date": TODAY + timedelta(days=1)}, "referral_date"),
        ({"person_agreed": False}, "person_agreed"),
        ({"source": "carrier pigeon"}, "source"),
        ({"support_as": "friend"}, "support_as"),
        ({"referrer_name": "x" * 1000}, "referrer_name"),
        # After its first step (the first conversation, the day after it was received).
        ({"referral_date": RECEIVED + timedelta(days=2)}, "referral_date"),
    ],
)
def test_an_edit_is_checked_as_a_new_referral_is_and_a_refusal_changes_nothing(
    services: Services, wrong: dict[str, object], field: str
) -> None:
    referral = referral_in(services, ReferralStatus.ASSESSED)
    before = table_snapshot(services, *CHANGE_TABLES)
    with pytest.raises(ValidationError) as refused:
        services.referrals.update_details(referral.id, details(**wrong))
    assert refused.value.field == field
    assert table_snapshot(services, *CHANGE_TABLES) == before


def test_the_date_may_not_move_after_the_first_step_and_says_which(services: Services) -> None:
    referral = referral_in(services, ReferralStatus.ASSESSED)
    first = RECEIVED + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        services.referrals.update_details(
            referral.id, details(referral_date=first + timedelta(days=1))
        )
    assert f"{first.day} {first:%B %Y}" in refused.value.message
    # On the day of the first step is fine.
    saved = services.referrals.update_details(referral.id, details(referral_date=first))
    assert saved.referral_date == first


def test_a_referral_that_is_gone_says_so(services: Services) -> None:
    with pytest.raises(NotFoundError, match="That referral could not be found"):
        services.referrals.update_details(9999, details())
