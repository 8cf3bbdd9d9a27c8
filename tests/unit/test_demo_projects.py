"""The demo's projects (issue 21 part C): two projects, the referrals mostly in the Lottery
mentoring project, pairings following their referral, one group in the HUG group, claims
following the volunteer's pairing, and one staff facilitator. Read straight from the file."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from peerdesk.services import Services


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def test_two_projects_with_the_referrals_mostly_in_the_first(demo_template: Path) -> None:
    projects = dict(rows(demo_template, "SELECT name, id FROM project"))
    assert set(projects) == {"Mentoring (Lottery)", "HUG group"}
    lottery = projects["Mentoring (Lottery)"]
    counts = dict(rows(demo_template, "SELECT project_id, count(*) FROM referral GROUP BY 1"))
    assert set(counts) == {lottery, None}
    # All but every sixth by id.
    [(total,)] = rows(demo_template, "SELECT count(*) FROM referral")
    [(sixths,)] = rows(demo_template, "SELECT count(*) FROM referral WHERE id % 6 = 0")
    assert (counts[lottery], counts[None]) == (total - sixths, sixths)


def test_a_pairing_has_the_project_of_the_referral_that_led_to_it(demo_template: Path) -> None:
    mismatched = rows(
        demo_template,
        "SELECT p.id FROM pairing p WHERE p.project_id IS NOT (SELECT r.project_id FROM "
        "referral r WHERE r.person_id = p.mentee_id AND r.referral_date <= p.proposed_on "
        "ORDER BY r.referral_date DESC, r.id DESC LIMIT 1)",
    )
    assert mismatched == []
    counts = dict(
        rows(demo_template, "SELECT project_id IS NULL, count(*) FROM pairing GROUP BY 1")
    )
    assert counts[0] > counts[1] > 0  # mostly in the Lottery project, some in none


def test_one_group_is_the_hug_groups_and_one_of_its_facilitators_is_staff(
    demo_template: Path,
) -> None:
    groups = rows(
        demo_template,
        "SELECT g.id, p.name FROM peer_group g LEFT JOIN project p ON p.id = g.project_id "
        "ORDER BY g.id",
    )
    assert [name for _, name in groups].count("HUG group") == 1
    assert groups[0][1] == "HUG group" and len(groups) > 1
    staff = rows(demo_template, "SELECT id FROM person WHERE is_staff")
    assert len(staff) == 1
    [(facilitates,)] = rows(
        demo_template,
        f"SELECT count(*) FROM group_facilitator WHERE person_id = {staff[0][0]} "
        f"AND group_id = {groups[0][0]}",
    )
    assert facilitates == 1


def test_a_mentors_claims_follow_their_pairing(demo_template: Path) -> None:
    claims = rows(
        demo_template,
        "SELECT c.project_id, (SELECT p.project_id FROM pairing p WHERE p.mentor_id = "
        "c.person_id AND p.proposed_on <= c.submitted_on ORDER BY p.proposed_on DESC, p.id "
        "DESC LIMIT 1) FROM expense_claim c WHERE EXISTS (SELECT 1 FROM pairing p WHERE "
        "p.mentor_id = c.person_id AND p.proposed_on <= c.submitted_on)",
    )
    assert claims and all(claim == pairing for claim, pairing in claims)
    counts = dict(
        rows(demo_template, "SELECT project_id IS NULL, count(*) FROM expense_claim GROUP BY 1")
    )
    assert counts[0] > 0 and counts[1] > 0


def test_the_hug_groups_figures_leave_out_its_staff_facilitators_time(
    demo_services: Services, demo_template: Path
) -> None:
    period = demo_services.figures.year(2025)
    hug = demo_services.figures.count(period, "HUG group")
    assert hug.group_meetings > 0 and hug.sessions_held == 0 and hug.referrals_received == 0
    meetings = (
        "FROM group_meeting m JOIN meeting_facilitator f ON f.meeting_id = m.id "
        "JOIN person p ON p.id = f.person_id WHERE m.group_id = (SELECT id FROM peer_group "
        "WHERE project_id = (SELECT id FROM project WHERE name = 'HUG group')) AND "
        f"m.meeting_date BETWEEN '{period.start}' AND '{period.end}'"
    )
    [(everyone,)] = rows(demo_template, f"SELECT sum(m.duration_minutes) {meetings}")
    [(volunteers,)] = rows(
        demo_template, f"SELECT sum(m.duration_minutes) {meetings} AND NOT p.is_staff"
    )
    assert hug.volunteer_hours.groups_minutes == volunteers < everyone  # type: ignore[operator]
