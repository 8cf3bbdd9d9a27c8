"""Yearly figures: one reporting year, internal mode, against raw SQL on the same file.

Ours: `services.figures.compute(period, "internal")`, everything the Figures screen shows.
Floor: a kept-open sqlite3 connection running hand-written SQL for the same headline counts,
volunteer hours and demographic breakdowns (outcomes are left out of the floor: one small
query). The two are checked to agree before timing; any figure that differs is reported.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

from bench.harness import Comparison, interleave

#: The reporting year that starts in April 2025: the latest complete year on TODAY.
YEAR = 2025

HELD = "s.status = 'held' AND s.session_date BETWEEN :start AND :end"
MEETINGS = "SELECT id FROM group_meeting WHERE meeting_date BETWEEN :start AND :end"
#: Staff members' time is not volunteer time (docs/figures.md, "Staff and volunteers").
STAFF = "SELECT id FROM person WHERE is_staff"

#: Worked out once per run, as a person writing the SQL by hand would: the held sessions of
#: the period with their pairing's people, and the people supported.
TEMPORARY: tuple[str, ...] = (
    f"""CREATE TEMP TABLE held AS SELECT p.mentee_id, p.mentor_id, p.supported_as, s.mode,
        s.duration_minutes FROM mentoring_session s JOIN pairing p ON p.id = s.pairing_id
        WHERE {HELD}""",
    f"""CREATE TEMP TABLE attendees AS SELECT DISTINCT person_id FROM attendance
        WHERE meeting_id IN ({MEETINGS})""",
    """CREATE TEMP TABLE people AS SELECT mentee_id AS person_id FROM held
        UNION SELECT person_id FROM attendees""",
)
DROP = ("DROP TABLE temp.held", "DROP TABLE temp.attendees", "DROP TABLE temp.people")
PEOPLE = "SELECT person_id FROM temp.people"

SCALARS: dict[str, str] = {
    "referrals_received": "SELECT count(*) FROM referral WHERE referral_date BETWEEN :start AND :end",
    "referrals_not_taken_forward": "SELECT count(*) FROM referral WHERE referral_date "
    "BETWEEN :start AND :end AND status = 'not_taken_forward'",
    "mentees_supported": "SELECT count(DISTINCT mentee_id) FROM temp.held",
    "mentees_new": """SELECT count(*) FROM (SELECT p.mentee_id, min(s.session_date) AS first
        FROM mentoring_session s JOIN pairing p ON p.id = s.pairing_id
        WHERE s.status = 'held' GROUP BY p.mentee_id) WHERE first BETWEEN :start AND :end""",
    "carers_supported": "SELECT count(DISTINCT mentee_id) FROM temp.held "
    "WHERE supported_as = 'carer'",
    "pairings_started": "SELECT count(*) FROM pairing WHERE start_date BETWEEN :start AND :end",
    "pairings_active": "SELECT count(*) FROM pairing WHERE start_date IS NOT NULL AND "
    "start_date <= :end AND (end_date IS NULL OR end_date >= :start)",
    "pairings_ended": "SELECT count(*) FROM pairing WHERE end_date BETWEEN :start AND :end",
    "pairings_ended_as_planned": "SELECT count(*) FROM pairing WHERE end_date BETWEEN :start "
    "AND :end AND ended_as_planned = 1",
    "sessions_held": "SELECT count(*) FROM temp.held",
    "sessions_cancelled": "SELECT count(*) FROM mentoring_session WHERE session_date BETWEEN "
    ":start AND :end AND status IN ('cancelled_by_mentee', 'cancelled_by_mentor', "
    "'rearranged', 'did_not_attend')",
    "contact_minutes": "SELECT coalesce(sum(duration_minutes), 0) FROM temp.held",
    "group_meetings": f"SELECT count(*) FROM ({MEETINGS})",
    "group_attendances": f"""SELECT (SELECT count(*) FROM attendance WHERE meeting_id IN
        ({MEETINGS})) + (SELECT coalesce(sum(unnamed_attendees), 0) FROM group_meeting
        WHERE meeting_date BETWEEN :start AND :end)""",
    "group_unique_attendees": "SELECT count(*) FROM temp.attendees",
    "people_supported": "SELECT count(*) FROM temp.people",
    "volunteers_active": f"""SELECT count(*) FROM (SELECT mentor_id FROM temp.held
        WHERE mentor_id NOT IN ({STAFF}) UNION SELECT person_id FROM meeting_facilitator
        WHERE meeting_id IN ({MEETINGS}) AND person_id NOT IN ({STAFF}))""",
    "volunteers_new": """SELECT count(*) FROM (SELECT min(changed_on) AS first
        FROM volunteer_stage_change WHERE stage = 'active' GROUP BY person_id)
        WHERE first BETWEEN :start AND :end""",
    "volunteers_left": "SELECT count(DISTINCT person_id) FROM volunteer_stage_change "
    "WHERE stage = 'left' AND changed_on BETWEEN :start AND :end",
    "volunteers_trained": "SELECT count(DISTINCT person_id) FROM training_record "
    "WHERE completed = 1 AND training_date BETWEEN :start AND :end",
    "group_minutes": f"""SELECT coalesce(sum(m.duration_minutes * (SELECT count(*) FROM
        meeting_facilitator f WHERE f.meeting_id = m.id AND f.person_id NOT IN ({STAFF}))), 0)
        FROM group_meeting m WHERE m.meeting_date BETWEEN :start AND :end""",
    "training_minutes": "SELECT coalesce(sum(duration_minutes), 0) FROM training_record "
    f"WHERE completed = 1 AND training_date BETWEEN :start AND :end AND person_id NOT IN "
    f"({STAFF})",
    "supervision_minutes": "SELECT coalesce(sum(duration_minutes), 0) FROM supervision "
    f"WHERE supervision_date BETWEEN :start AND :end AND mentor_id NOT IN ({STAFF})",
    "supervision_sessions": "SELECT count(*) FROM supervision WHERE supervision_date "
    "BETWEEN :start AND :end",
    "concerns_raised": "SELECT count(*) FROM concern WHERE raised_on BETWEEN :start AND :end",
}

BREAKDOWNS: dict[str, str] = {
    "referrals_by_source": "SELECT source, count(*) FROM referral WHERE referral_date BETWEEN "
    ":start AND :end GROUP BY source",
    "pairings_ended_by_reason": "SELECT closure_reason, count(*) FROM pairing WHERE end_date "
    "BETWEEN :start AND :end GROUP BY closure_reason",
    "sessions_by_mode": "SELECT mode, count(*) FROM temp.held GROUP BY mode",
    "gender": f"SELECT gender, count(*) FROM person WHERE id IN ({PEOPLE}) GROUP BY gender",
    "ethnicity": f"SELECT ethnicity, count(*) FROM person WHERE id IN ({PEOPLE}) "
    "GROUP BY ethnicity",
    "disability": f"SELECT disability, count(*) FROM person WHERE id IN ({PEOPLE}) "
    "GROUP BY disability",
    "area": f"SELECT area, count(*) FROM person WHERE id IN ({PEOPLE}) GROUP BY area",
    "age": f"""SELECT CASE WHEN date_of_birth IS NULL THEN 'not known' ELSE
        CAST(strftime('%Y', :end) AS INTEGER) - CAST(strftime('%Y', date_of_birth) AS INTEGER)
        - (strftime('%m-%d', :end) < strftime('%m-%d', date_of_birth)) END AS age, count(*)
        FROM person WHERE id IN ({PEOPLE}) GROUP BY age""",
    "condition": f"""SELECT c.name, count(DISTINCT pc.person_id) FROM person_condition pc
        JOIN condition c ON c.id = pc.condition_id WHERE pc.person_id IN ({PEOPLE})
        GROUP BY c.name""",
}


def raw_figures(connection: sqlite3.Connection, start: date, end: date) -> dict[str, Any]:
    """Every figure above in raw SQL: plain numbers, and breakdowns as lists of rows."""
    params = {"start": start.isoformat(), "end": end.isoformat()}
    for sql in TEMPORARY:
        connection.execute(sql, params)
    try:
        result: dict[str, Any] = {
            key: connection.execute(sql, params).fetchone()[0] for key, sql in SCALARS.items()
        }
        for key, sql in BREAKDOWNS.items():
            result[key] = connection.execute(sql, params).fetchall()
    finally:
        for sql in DROP:
            connection.execute(sql)
    return result


def _hours(minutes: int) -> float:
    return int(minutes * 10 / 60 + 0.5 + 1e-9) / 10


def disagreements(ours: Any, raw: dict[str, Any]) -> list[str]:
    """The headline figures where peerdesk and the raw SQL differ (none, we hope)."""
    expected = {key: value for key, value in raw.items() if key in SCALARS}
    expected["contact_hours"] = _hours(expected.pop("contact_minutes"))
    for kind in ("group", "training", "supervision"):
        minutes = expected.pop(f"{kind}_minutes")
        expected[f"volunteer_hours.{kind if kind != 'group' else 'groups'}"] = _hours(minutes)
    found = []
    for key, value in expected.items():
        if key.startswith("volunteer_hours."):
            mine = getattr(ours.volunteer_hours, key.split(".")[1])
        else:
            mine = getattr(ours, key)
        if mine != value:
            found.append(f"{key}: peerdesk {mine}, raw SQL {value}")
    genders = sum(count for _, count in raw["gender"])
    if genders != ours.people_supported:
        found.append(f"gender breakdown adds to {genders}, not {ours.people_supported}")
    return found


def run(services: Any, database: Path, runs: int) -> Comparison:
    period = services.figures.year(YEAR)
    with closing(sqlite3.connect(database)) as connection:
        ours_report = services.figures.compute(period, "internal")
        differs = disagreements(
            ours_report.figures, raw_figures(connection, period.start, period.end)
        )
        mine, floor = interleave(
            lambda: services.figures.compute(period, "internal"),
            lambda: raw_figures(connection, period.start, period.end),
            runs,
        )
    notes = [
        f"reporting year {period.start} to {period.end}, internal mode",
        "figures agree with the raw SQL: "
        + ("yes" if not differs else "NO — " + "; ".join(differs)),
    ]
    return Comparison(
        "figures",
        "Yearly figures, one year",
        mine,
        floor,
        3.0,
        "raw sqlite3 SQL for the same counts and breakdowns",
        notes=notes,
        extra={"disagreements": differs},
    )


def time_once(services: Any, database: Path, runs: int) -> tuple[float, float]:
    """Median seconds (ours, floor) for the scaling benchmark."""
    result = run(services, database, runs)
    return result.ours_median, result.floor_median
