"""Figures for one project (issue 21, point 3): every project's figures plus "none" add up to
the figures for every record, event by event, hour by hour, penny by penny; counts of distinct
people never go above those for every record; the organisation-wide figures are only there.

The demo database is given two projects here, its records shared between them and "none" in
a pattern drawn from a seed (hypothesis draws the seeds), with one staff facilitator.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from peerdesk.data.models import (
    ExpenseClaim,
    ExpenseLine,
    GroupMeeting,
    MeetingFacilitator,
    MentoringSession,
    OutcomeScore,
    Pairing,
    PeerGroup,
    Person,
    Referral,
)
from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.figures import Figures, Period
from peerdesk.services.figures.counting import ORGANISATION_WIDE
from peerdesk.vocabulary import ClaimStatus, SessionStatus

#: Figures that count events (or minutes, or pence): the projects' and none's add up exactly.
EVENTS = (
    "referrals_received",
    "referrals_not_taken_forward",
    "pairings_started",
    "pairings_active",
    "pairings_ended",
    "pairings_ended_as_planned",
    "sessions_held",
    "sessions_cancelled",
    "contact_minutes",
    "group_meetings",
    "group_attendances",
    "concerns_raised",
    "expenses_paid_pence",
)
BREAKDOWNS = ("referrals_by_source", "pairings_ended_by_reason", "sessions_by_mode")
#: Figures that count distinct people: a person in two projects counts in each.
PEOPLE = (
    "mentees_supported",
    "mentees_new",
    "carers_supported",
    "group_unique_attendees",
    "people_supported",
    "volunteers_active",
    "expenses_paid_people",
)
YEARS = (2023, 2024, 2025)


def _share_out(services: Services, seed: int) -> tuple[int, int]:
    """Two projects, and every referral, pairing, group and expense claim given one of them
    or none by a seeded draw (the demo's own projects replaced); score sets named to one of
    their person's pairings or groups (or neither); the first facilitator made staff.
    Returns the projects' ids."""
    with services.db.transaction() as session:
        for model in (Referral, Pairing, PeerGroup, ExpenseClaim):
            for row in session.exec(select(model)):
                row.project_id = None  # type: ignore[attr-defined]
                session.add(row)
    for project in services.projects.listing():
        services.projects.remove(project.id, "replaced by the test's own")
    first = services.projects.add("Mentoring (Lottery)").id
    second = services.projects.add("HUG group").id
    draw = random.Random(seed)
    with services.db.transaction() as session:
        for model in (Referral, Pairing, PeerGroup, ExpenseClaim):
            for row in session.exec(select(model)):
                row.project_id = draw.choice([first, second, None])  # type: ignore[attr-defined]
                session.add(row)
        pairings = {p.mentee_id: p.id for p in session.exec(select(Pairing))}
        groups = list(session.exec(select(PeerGroup.id)))
        for score in session.exec(select(OutcomeScore)):
            where = draw.choice(["pairing", "group", "neither"])
            score.pairing_id = pairings.get(score.person_id) if where == "pairing" else None
            score.group_id = draw.choice(groups) if where == "group" and groups else None
            session.add(score)
        staff_id = session.exec(select(MeetingFacilitator.person_id)).first()
        assert staff_id is not None
        staff = session.get(Person, staff_id)
        assert staff is not None
        staff.is_staff = True
        session.add(staff)
    return first, second


def _event_values(figures: Figures) -> dict[str, int]:
    values = {key: getattr(figures, key) for key in EVENTS}
    values["volunteer_mentoring_minutes"] = figures.volunteer_hours.mentoring_minutes
    values["volunteer_groups_minutes"] = figures.volunteer_hours.groups_minutes
    for key in BREAKDOWNS:
        for bucket, count in getattr(figures, key).cells:
            values[f"{key}.{bucket}"] = count
    return values


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10_000))
def test_projects_and_none_add_up_to_every_record(demo_services: Services, seed: int) -> None:
    services = demo_services
    # Each example starts again from no project (hypothesis reuses the database).
    first, second = _share_out(services, seed)
    for year in YEARS:
        period = services.figures.year(year)
        every = services.figures.count(period)
        parts = [services.figures.count(period, p) for p in (first, second, "none")]
        total = _event_values(every)
        summed = Counter[str]()
        for part in parts:
            summed.update(_event_values(part))
        for key, value in total.items():
            assert summed[key] == value, (year, key)
        for key in PEOPLE:
            shares = [getattr(part, key) for part in parts]
            # Never above every record's, and each person counted in one project at least.
            assert max(shares) <= getattr(every, key) <= sum(shares), (year, key)
        for part in parts:
            for key in ORGANISATION_WIDE:
                assert getattr(part, key) is None, key
            assert part.volunteer_hours.training is None
            assert part.volunteer_hours.total is None
            for name, breakdown in part.demographics.items():
                everyone = dict(getattr(every.demographics, name).cells)
                for bucket, count in breakdown.cells:
                    assert count <= everyone.get(bucket, 0), (name, bucket)
            everyone_outcomes = {o.measure: o.n for o in every.outcomes}
            for outcome in part.outcomes:
                assert outcome.n <= everyone_outcomes[outcome.measure]
        assert every.volunteers_new is not None and every.volunteer_hours.total is not None


def test_a_projects_sessions_and_money_counted_independently(demo_services: Services) -> None:
    """The held sessions and the money paid of one project, counted here row by row."""
    services = demo_services
    first, _second = _share_out(services, seed=7)
    period = services.figures.year(2025)
    with services.db.session() as session:
        project_of = {p.id: p.project_id for p in session.exec(select(Pairing))}
        held = sum(
            1
            for s in session.exec(select(MentoringSession))
            if s.status == SessionStatus.HELD.value
            and period.start <= s.session_date <= period.end
            and project_of[s.pairing_id] == first
        )
        claims = {
            c.id
            for c in session.exec(select(ExpenseClaim))
            if c.status == ClaimStatus.PAID.value
            and c.paid_on is not None
            and period.start <= c.paid_on <= period.end
            and c.project_id == first
        }
        pence = sum(
            line.amount_pence
            for line in session.exec(select(ExpenseLine))
            if line.claim_id in claims
        )
        group_of = {g.id: g.project_id for g in session.exec(select(PeerGroup))}
        meetings = sum(
            1
            for m in session.exec(select(GroupMeeting))
            if period.start <= m.meeting_date <= period.end and group_of[m.group_id] == first
        )
    figures = services.figures.count(period, "Mentoring (Lottery)")
    assert held > 0
    assert figures.sessions_held == held
    assert figures.expenses_paid_pence == pence
    assert figures.group_meetings == meetings
    assert figures.project == "Mentoring (Lottery)"


def test_the_json_says_which_project(demo_services: Services) -> None:
    services = demo_services
    _share_out(services, seed=3)
    period = services.figures.year(2025)
    assert services.figures.report(period).data()["project"] is None
    hug = services.figures.report(period, project="hug GROUP").data()
    assert hug["project"] == "HUG group"
    assert hug["volunteers_new"] is None and hug["volunteer_hours"]["total"] is None
    assert "organisation-wide" in hug["project_note"]
    assert services.figures.report(period, project="none").data()["project"] == "none"
    # The rows (CSV, XLSX, PDF, screen) say so in words where the JSON has null.
    rows = {
        (r.figure, r.breakdown): r.value
        for r in services.figures.report(period, project="none").rows()
    }
    assert rows[("volunteers_trained", "")] == "organisation-wide"
    assert rows[("volunteer_hours", "training")] == "organisation-wide"


def test_an_unknown_project_is_refused_naming_the_projects(demo_services: Services) -> None:
    services = demo_services
    _share_out(services, seed=1)
    with pytest.raises(ValidationError) as refused:
        services.figures.report(services.figures.year(2025), project="Lottery")
    assert "“HUG group”, “Mentoring (Lottery)”" in str(refused.value)
    assert "“none”" in str(refused.value)


def test_an_unknown_project_with_no_projects_says_there_are_none(services: Services) -> None:
    with pytest.raises(ValidationError, match="There are no projects yet"):
        services.figures.count(Period.custom(date(2025, 4, 1), date(2026, 3, 31)), "HUG")
