"""What erasure leaves in the written notes it clears, and what its report counts.

A cleared note is blank, except a reason the record must keep (a referral not taken forward
says one was given), which reads "[erased]". The report, shown to the coordinator before and
after, counts only the records that had notes to clear: a referral with nothing written is
not one of them. Found by mutation testing (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from peerdesk.data.models import Referral
from peerdesk.services import Services
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.people.service import PersonDetails


def test_cleared_notes_are_blank_a_required_reason_says_erased_and_only_written_ones_count(
    services: Services,
) -> None:
    person = services.people.add(PersonDetails(first_name="Ann", last_name="Bell"))
    assert person.id is not None
    details = ReferralDetails(referral_date=date(2026, 5, 1), source="self")
    refused = services.referrals.start(person.id, details).id
    assert refused is not None
    services.referrals.not_taken_forward(
        refused, "Moved away from the area", signposted_to="Citizens Advice Wick"
    )
    # Nothing written on it at all (the reason not taken forward is blank, as it may be).
    unwritten = services.referrals.start(person.id, details).id
    report = services.erasure.erase(person.id)
    with services.db.session() as session:
        rows = {r.id: r for r in session.exec(select(Referral))}
    assert (rows[refused].signposted_to, rows[refused].not_taken_forward_reason) == (
        "",
        "[erased]",
    )
    assert (rows[unwritten].hopes, rows[unwritten].not_taken_forward_reason) == ("", "")
    assert report.cleared["referral"] == 1
