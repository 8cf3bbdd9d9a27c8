"""Computing twice gives identical output; data outside the period changes nothing in it."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.data.models import (
    Attendance,
    Concern,
    GroupMeeting,
    MentoringSession,
    OutcomeScore,
    Pairing,
    Person,
    Referral,
    Supervision,
    TrainingRecord,
    VolunteerStageChange,
)
from peerdesk.services import Services
from peerdesk.services.figures.export_json import to_json
from tests.unit.figures.dataset import build

PERIOD_START, PERIOD_END = date(2025, 4, 1), date(2026, 3, 31)

#: A day outside the period: up to two years before it, or after it up to TODAY.
OUTSIDE = st.one_of(
    st.integers(1, 730).map(lambda d: PERIOD_START - timedelta(days=d)),
    st.integers(1, 75).map(lambda d: PERIOD_END + timedelta(days=d)),
)


def _snapshot(services: Services, mode: str) -> str:
    return to_json(services.figures.compute(services.figures.year(2025), mode))


def test_computing_twice_gives_identical_output(services: Services) -> None:
    build(services)
    for mode in ("internal", "publishable"):
        assert _snapshot(services, mode) == _snapshot(services, mode)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(days=st.lists(OUTSIDE, min_size=1, max_size=4), minutes=st.integers(0, 180))
def test_data_outside_the_period_changes_nothing(
    services: Services, days: list[date], minutes: int
) -> None:
    if not services.organisation.is_set_up():
        build(services)
    before = {mode: _snapshot(services, mode) for mode in ("internal", "publishable")}
    with services.db.transaction() as session:
        for day in days:
            # New people, so nothing already counted changes its history (a mentee's first
            # session ever, a volunteer's first active step).
            mentor, mentee = Person(first_name="Out"), Person(first_name="Side", area="Moray")
            session.add_all([mentor, mentee])
            session.flush()
            assert mentor.id and mentee.id
            pairing = Pairing(
                mentor_id=mentor.id,
                mentee_id=mentee.id,
                status="ended",
                proposed_on=day,
                start_date=day,
                end_date=day,
                closure_reason="completed",
                ended_as_planned=True,
            )
            session.add(pairing)
            session.flush()
            assert pairing.id
            for status in ("held", "cancelled_by_mentee", "rearranged"):
                session.add(
                    MentoringSession(
                        pairing_id=pairing.id,
                        session_date=day,
                        status=status,
                        duration_minutes=minutes,
                    )
                )
            meeting = GroupMeeting(
                group_id=1, meeting_date=day, unnamed_attendees=4, duration_minutes=minutes
            )
            session.add(meeting)
            session.flush()
            assert meeting.id
            session.add(Attendance(meeting_id=meeting.id, person_id=mentee.id))
            session.add(Referral(person_id=mentee.id, referral_date=day, source="gp"))
            session.add(VolunteerStageChange(person_id=mentor.id, stage="active", changed_on=day))
            session.add(VolunteerStageChange(person_id=mentor.id, stage="left", changed_on=day))
            session.add(
                TrainingRecord(
                    person_id=mentor.id,
                    module="M",
                    training_date=day,
                    duration_minutes=minutes,
                    completed=True,
                )
            )
            session.add(
                Supervision(mentor_id=mentor.id, supervision_date=day, duration_minutes=minutes)
            )
            session.add(Concern(raised_on=day, what="x"))
            for timing in ("before", "after"):
                session.add(
                    OutcomeScore(
                        person_id=mentee.id,
                        measure="Wellbeing",
                        timing=timing,
                        score=10,
                        scored_on=day,
                    )
                )
    after = {mode: _snapshot(services, mode) for mode in ("internal", "publishable")}
    assert after == before
