"""Erasure: the person's words leave the database files; past figures stay the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from tests.conftest import TODAY

MARKER_FIRST = "Zyxqunthia"
MARKER_LAST = "Prewkvolder"
MARKERS = (MARKER_FIRST.encode(), MARKER_LAST.encode())


def database_bytes(services: Services) -> bytes:
    path = services.database_path
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def checkpoint(services: Services) -> None:
    with services.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def pick_mentee(services: Services) -> tuple[int, int]:
    """A mentee with held sessions and group attendance, and their mentor."""
    with services.db.session() as s:
        row = (
            s.connection()
            .execute(
                text(
                    "SELECT p.mentee_id, p.mentor_id FROM pairing p "
                    "JOIN mentoring_session m ON m.pairing_id = p.id AND m.status = 'held' "
                    "JOIN attendance a ON a.person_id = p.mentee_id "
                    "GROUP BY p.id ORDER BY count(DISTINCT m.id) DESC LIMIT 1"
                )
            )
            .one()
        )
    return int(row[0]), int(row[1])


def independent_counts(services: Services, start: date, end: date) -> dict[str, int]:
    """Counted here in SQL, apart from the figures service, as a second check."""
    queries = {
        "sessions_held": "SELECT count(*) FROM mentoring_session WHERE status = 'held' "
        "AND session_date BETWEEN :a AND :b",
        "contact_minutes": "SELECT coalesce(sum(duration_minutes), 0) FROM mentoring_session "
        "WHERE status = 'held' AND session_date BETWEEN :a AND :b",
        "mentees_supported": "SELECT count(DISTINCT p.mentee_id) FROM mentoring_session s "
        "JOIN pairing p ON p.id = s.pairing_id WHERE s.status = 'held' "
        "AND s.session_date BETWEEN :a AND :b",
        "attendances": "SELECT count(*) FROM attendance a JOIN group_meeting m "
        "ON m.id = a.meeting_id WHERE m.meeting_date BETWEEN :a AND :b",
        "unique_attendees": "SELECT count(DISTINCT a.person_id) FROM attendance a "
        "JOIN group_meeting m ON m.id = a.meeting_id WHERE m.meeting_date BETWEEN :a AND :b",
        "pairings_active": "SELECT count(*) FROM pairing WHERE start_date <= :b "
        "AND (end_date IS NULL OR end_date >= :a)",
        "pairings_started": "SELECT count(*) FROM pairing WHERE start_date BETWEEN :a AND :b",
        "concerns_raised": "SELECT count(*) FROM concern WHERE raised_on BETWEEN :a AND :b",
        "referrals": "SELECT count(*) FROM referral WHERE referral_date BETWEEN :a AND :b",
    }
    with services.db.session() as s:
        return {
            key: int(s.connection().execute(text(sql), {"a": start, "b": end}).scalar_one())
            for key, sql in queries.items()
        }


def figures_without_demographics(services: Services, year: int) -> dict[str, object]:
    figures = services.figures.count(services.figures.year(year))
    values = {
        name: getattr(figures, name)
        for name in figures.__dataclass_fields__
        if name not in {"demographics", "organisation"}
    }
    for name, breakdown in figures.demographics.items():
        if name != "condition":  # a person's conditions are health data, and go
            values[f"{name}_total"] = breakdown.total
    return values


def test_erasing_a_person_removes_their_words_from_the_files_and_keeps_the_figures(
    demo_services: Services, paths: Paths
) -> None:
    services = demo_services
    mentee_id, mentor_id = pick_mentee(services)
    details = PersonDetails.of(services.people.get(mentee_id))
    details.first_name, details.last_name = MARKER_FIRST, MARKER_LAST
    details.email = f"{MARKER_FIRST.lower()}@example.org"
    details.notes = f"{MARKER_FIRST} prefers mornings."
    services.people.update(mentee_id, details)
    with services.db.transaction() as s:
        connection = s.connection()
        # Free text about them in other people's records.
        connection.execute(
            text(
                "UPDATE mentoring_session SET note = :note WHERE pairing_id IN "
                "(SELECT id FROM pairing WHERE mentee_id = :p)"
            ),
            {"note": f"{MARKER_FIRST} talked about pacing and sleep.", "p": mentee_id},
        )
        connection.execute(
            text(
                "UPDATE group_meeting SET note = :note WHERE id = "
                "(SELECT meeting_id FROM attendance WHERE person_id = :p LIMIT 1)"
            ),
            {"note": f"Welcomed {MARKER_FIRST} {MARKER_LAST} back.", "p": mentee_id},
        )
        # The demo's own concerns about them or their pairings, closed long ago too: a concern
        # within the retention period would keep their name (as it should).
        connection.execute(
            text(
                "UPDATE concern SET raised_on = '2018-05-01', closed_on = '2019-05-01' "
                "WHERE about_person_id = :p OR pairing_id IN "
                "(SELECT id FROM pairing WHERE mentee_id = :p) OR session_id IN "
                "(SELECT s.id FROM mentoring_session s JOIN pairing q ON q.id = s.pairing_id "
                "WHERE q.mentee_id = :p)"
            ),
            {"p": mentee_id},
        )
        connection.execute(
            text("UPDATE supervision SET wellbeing = :w WHERE mentor_id = :m"),
            {"w": f"Worried about {MARKER_FIRST} {MARKER_LAST}.", "m": mentor_id},
        )
        connection.execute(
            text(
                # Closed more than six years ago: past the concern retention period, so
                # erased as usual (one within it: tests/unit/test_concern_retention.py).
                "INSERT INTO concern (raised_on, closed_on, about_person_id, what, "
                "who_was_told, action_taken) "
                "VALUES ('2019-05-05', '2019-06-01', :p, :w, 'Coordinator', 'Called GP')"
            ),
            {"p": mentee_id, "w": f"{MARKER_FIRST} said they felt hopeless."},
        )
    checkpoint(services)
    assert all(marker in database_bytes(services) for marker in MARKERS)  # the test can fail

    years = [2023, 2024, 2025]
    periods = [(services.figures.year(y).start, services.figures.year(y).end) for y in years]
    figures_before = [figures_without_demographics(services, y) for y in years]
    counts_before = [independent_counts(services, a, b) for a, b in periods]
    assert any(counts["sessions_held"] for counts in counts_before)

    report = services.erasure.erase(mentee_id, backup_dir=paths.backup_dir)

    assert report.checkpointed
    raw = database_bytes(services)
    for marker in MARKERS:
        assert marker not in raw
        assert marker.lower() not in raw.lower()
    assert report.backup is not None and MARKERS[1] in report.backup.read_bytes()
    assert [figures_without_demographics(services, y) for y in years] == figures_before
    assert [independent_counts(services, a, b) for a, b in periods] == counts_before
    assert services.erasure.erased_ids() == [mentee_id]
    # The mentor's own supervision note keeps its words, without the name.
    with services.db.session() as s:
        notes = s.connection().execute(
            text("SELECT wellbeing FROM supervision WHERE mentor_id = :m"), {"m": mentor_id}
        )
        assert {row[0] for row in notes} <= {"", "Worried about [name removed]."}
    stub = services.people.get(mentee_id)
    assert (stub.display_name, stub.email, stub.notes, stub.archived_on) == (
        "Erased person",
        "",
        "",
        TODAY,
    )


def test_the_erasure_log_keeps_ids_and_dates_only(services: Services) -> None:
    from tests.unit.test_subject_access_export import build_everything

    person_id = build_everything(services)
    services.erasure.erase(person_id)
    assert services.erasure.erasure_log() == [(person_id, TODAY)]
    with services.db.session() as s:
        columns = [row[1] for row in s.connection().execute(text("PRAGMA table_info(erasure_log)"))]
    assert columns == ["id", "person_id", "erased_on"]


def test_a_backup_is_made_first_when_a_folder_is_given(services: Services, tmp_path: Path) -> None:
    person = services.people.add(PersonDetails(first_name="Nell", last_name=MARKER_LAST))
    assert person.id is not None
    report = services.erasure.erase(person.id, backup_dir=tmp_path / "backups")
    assert report.backup is not None and report.backup.parent == tmp_path / "backups"
    assert MARKERS[1] in report.backup.read_bytes()
