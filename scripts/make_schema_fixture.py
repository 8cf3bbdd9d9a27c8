"""Write tests/fixtures/schemas/<revision>.db: a small, realistic database at the head revision.

Run it once per new migration, BEFORE writing the next one, and commit the file (the history
tables, change_set and change_log from 0006, fill themselves: every service call is logged):
`tests/integration/test_migrations.py` upgrades every committed schema version to head and
checks that every row came across, so each fixture must hold rows in every table.

The file is deterministic (a fixed seed and a fixed "today"; creation times are stamped from
that day) and self-contained (journal_mode DELETE: no -wal beside it).
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import sqlite3
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session, col, select

from peerdesk.data.database import Database, open_database
from peerdesk.data.migrate import head_revision
from peerdesk.data.models import (
    Concern,
    ConcernAction,
    ErasureHold,
    ExpenseClaim,
    ExpenseLine,
    MentoringSession,
    Organisation,
    OutcomeAnswer,
    OutcomeScore,
    Pairing,
    PeerGroup,
    Person,
    Project,
    Referral,
    TrainingModule,
    TrainingRecord,
    TrainingSession,
    TrainingSessionModule,
    VolunteerProfile,
    VolunteerReference,
)
from peerdesk.services import Services
from peerdesk.services.demo import DemoOptions
from peerdesk.services.groups.service import GroupDetails
from peerdesk.services.mentoring.referrals import ReferralDetails, ReferralPreferences
from peerdesk.services.mentoring.reviews import ReviewEntry
from peerdesk.services.mentoring.sessions import ConcernDetails
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.views import PersonDetails
from peerdesk.vocabulary import GroupKind, MeetingMode, RecordKind, SessionStatus

FOLDER = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "schemas"
#: The fixture's "today": every date in it is on or before this day.
TODAY = date(2026, 1, 15)
SEED = 7
#: The identity every fixture carries (from 0002), instead of a random one and this machine's path.
IDENTITY = "00000000-0000-4000-8000-000000000002"


def build(target: Path) -> None:
    """Write the fixture database at `target` (replacing any file there)."""
    target.unlink(missing_ok=True)
    database = open_database(target, lock=False)
    try:
        services = Services(database, today=lambda: TODAY)
        services.demo.generate(DemoOptions(seed=SEED, years=1, scale=0.2))
        _fill_the_rest(services, database)
        _fill_referral_steps(services)
        _fill_settings(services)
        _stamp_times(database)
        _fix_identity(database)
    finally:
        database.close()
    # One self-contained, compact file (no -wal beside it) is what gets committed.
    with contextlib.closing(sqlite3.connect(target)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("VACUUM")


def _fill_settings(services: Services) -> None:
    """Settings columns with values (not their defaults), so a later migration is seen to keep
    them. No backup folder: a path from this machine would make the file differ by machine."""
    organisation = services.organisation.get()
    assert organisation is not None
    details = OrganisationDetails.of(organisation)
    services.organisation.save(
        dataclasses.replace(details, coordinator_name="Morag Gunn", waiting_remind_weeks=10)
    )
    # A family of the coordinator's own beside the seeded ones (0005's column with values).
    for entry in services.conditions.listing().entries:
        if entry.name in ("ME/CFS", "Long Covid"):
            services.conditions.set_family(entry.id, "Post-viral illness")
    services.organisation.set_backup_rotation({"recent": 3, "daily": 10, "monthly": 24})


def _fill_the_rest(services: Services, database: Database) -> None:
    """Rows for the tables a small demo leaves empty, through the services where one exists.

    Each table needs rows so that the upgrade test can prove a migration carried them across.
    """
    with database.session() as session:
        pairing = session.exec(
            select(Pairing)
            .where(col(Pairing.start_date).is_not(None), col(Pairing.end_date).is_(None))
            .order_by(col(Pairing.id))
        ).first()
        assert pairing is not None and pairing.id is not None and pairing.start_date is not None
        held = session.exec(
            select(MentoringSession)
            .where(
                MentoringSession.pairing_id == pairing.id,
                MentoringSession.status == SessionStatus.HELD.value,
            )
            .order_by(col(MentoringSession.session_date))
        ).first()
        assert held is not None and held.id is not None
        people = [p.id for p in session.exec(select(Person).order_by(col(Person.id))) if p.id]
    mentee, mentor = pairing.mentee_id, pairing.mentor_id

    services.sessions.raise_concern(
        ConcernDetails(
            raised_on=held.session_date,
            what="Mentee said they had not been sleeping (fixture).",
            about_person_id=mentee,
            who_was_told="Coordinator",
            action_taken="Talked it through; agreed to check in next week.",
        ),
        session_id=held.id,
    )
    services.reviews.record(
        pairing.id,
        ReviewEntry(
            review_date=min(TODAY, pairing.start_date + timedelta(weeks=6)),
            progress=("Some progress",),
            what_is_working="Meeting regularly.",
        ),
    )
    services.volunteers.record_supervision(
        mentor,
        on=TODAY - timedelta(days=3),
        mode=MeetingMode.PHONE,
        duration_minutes=45,
        pairing_ids=[pairing.id],
        wellbeing="Fine (fixture).",
    )
    group = services.groups.create(
        GroupDetails(
            name="Closed course (fixture)",
            kind=GroupKind.CLOSED.value,
            venue="Library meeting room",
            started_on=TODAY - timedelta(days=60),
        )
    )
    assert group.id is not None
    for person_id in people[-6:-3]:
        services.groups.add_member(group.id, person_id, TODAY - timedelta(days=60))
    services.subject_access.record_request(mentee, TODAY - timedelta(days=10))
    services.retention.set_rule(RecordKind.MENTEE, 6)
    services.retention.set_rule(RecordKind.VOLUNTEER, 7)
    # No service records outcome scores one by one (they arrive by import), so plain inserts.
    with database.transaction() as session:
        for timing, score, day in (
            ("before", 31.0, pairing.start_date),
            ("after", 38.0, TODAY),
        ):
            session.add(
                OutcomeScore(
                    person_id=mentee,
                    measure="Wellbeing scale (demo)",
                    timing=timing,
                    score=score,
                    scored_on=day,
                )
            )
    _fill_projects_outcomes_expenses(database, pairing, mentor)
    _fill_concerns_training(database, pairing, mentor)
    # Erasure last: the erased person is the newest one, untouched by the rows above.
    services.erasure.erase(people[-1])


def _fill_projects_outcomes_expenses(database: Database, pairing: Pairing, mentor: int) -> None:
    """0007's tables and columns, with values (plain inserts: the fixture of 0007 was made
    with the schema before their services)."""
    with database.transaction() as session:
        lottery = Project(name="Befriending (Council)")
        hug = Project(name="Carers' cafe", ended_on=TODAY - timedelta(days=5))
        session.add_all([lottery, hug])
        session.flush()
        row = session.get(Pairing, pairing.id)
        assert row is not None
        row.project_id = lottery.id
        group = session.exec(select(PeerGroup).order_by(col(PeerGroup.id))).first()
        assert group is not None
        group.project_id = hug.id
        referral = session.exec(
            select(Referral).where(Referral.person_id == pairing.mentee_id)
        ).first()
        if referral is not None:
            referral.project_id = lottery.id
        staff = session.get(Person, mentor)
        assert staff is not None
        staff.is_staff = True
        scored = OutcomeScore(
            person_id=pairing.mentee_id,
            measure="Wellbeing check",
            timing="during",
            score=8.0,
            scored_on=TODAY - timedelta(days=3),
            pairing_id=pairing.id,
        )
        session.add(scored)
        session.flush()
        assert scored.id is not None
        for position, (question, answer) in enumerate(
            (("I have felt hopeful", 3), ("I have felt able to cope", 5)), start=1
        ):
            session.add(
                OutcomeAnswer(
                    score_id=scored.id, position=position, question=question, answer=answer
                )
            )
        claim = ExpenseClaim(
            person_id=mentor,
            submitted_on=TODAY - timedelta(days=20),
            status="paid",
            approved_on=TODAY - timedelta(days=15),
            paid_on=TODAY - timedelta(days=10),
            paid_how="Bank transfer",
            project_id=lottery.id,
        )
        session.add(claim)
        session.flush()
        assert claim.id is not None
        session.add_all(
            [
                ExpenseLine(
                    claim_id=claim.id,
                    line_date=TODAY - timedelta(days=22),
                    kind="mileage",
                    description="To the cafe and back",
                    miles_tenths=124,
                    rate_pence=45,
                    amount_pence=558,
                ),
                ExpenseLine(
                    claim_id=claim.id,
                    line_date=TODAY - timedelta(days=22),
                    kind="parking",
                    amount_pence=250,
                    has_receipt=True,
                ),
            ]
        )
        organisation = session.exec(select(Organisation)).one()
        organisation.mileage_reduced_rate_pence = 24
        organisation.mileage_threshold_miles = 9000
        organisation.coordinator_role = "Peer support coordinator"
        organisation.outcome_questions = "I have felt hopeful\nI have felt able to cope"


def _fill_concerns_training(database: Database, pairing: Pairing, mentor: int) -> None:
    """0008's tables and columns, with values (plain inserts: the fixture of 0008 was made
    with the schema before their services)."""
    with database.transaction() as session:
        concern = session.exec(select(Concern).order_by(col(Concern.id))).first()
        assert concern is not None and concern.id is not None
        concern.pairing_id = pairing.id
        concern.category = "Wellbeing"
        concern.level = "urgent"
        concern.referred_to = "GP"
        concern.referred_on = TODAY - timedelta(days=4)
        concern.referral_reference = "GP-2231"
        session.add(
            ConcernAction(
                concern_id=concern.id, action="Call back next week", due_on=TODAY + timedelta(7)
            )
        )
        modules = session.exec(select(TrainingModule).order_by(col(TrainingModule.id))).all()
        training = TrainingSession(
            session_date=TODAY - timedelta(days=30),
            duration_minutes=150,
            trainer_name="Scottish Recovery Network",
        )
        session.add(training)
        session.flush()
        assert training.id is not None and modules[0].id is not None
        session.add(TrainingSessionModule(session_id=training.id, module_id=modules[0].id))
        session.add(
            TrainingRecord(
                person_id=mentor,
                module=modules[0].name,
                training_date=training.session_date,
                duration_minutes=150,
                completed=True,
                module_id=modules[0].id,
                training_session_id=training.id,
            )
        )
        reference = session.exec(select(VolunteerReference)).first()
        if reference is not None:
            reference.satisfactory = True
        profile = session.get(VolunteerProfile, mentor)
        if profile is not None:
            profile.legacy_trained_on = TODAY - timedelta(days=400)
        session.add(ErasureHold(person_id=999, names='["Fixture Person"]', hold_until=TODAY))
        organisation = session.exec(select(Organisation)).one()
        organisation.concern_keep_years = 7
        organisation.references_required = 2


def _fill_referral_steps(services: Services) -> None:
    """A referral that went through every step (0004's columns with values): a new person
    (after the erasure above, which takes the newest one), their first conversation, not
    taken forward and signposted, reopened, then closed."""
    referral = services.referrals.start_with_person(
        PersonDetails(first_name="Rhona", last_name="Fixture"),
        ReferralDetails(
            referral_date=TODAY - timedelta(days=40),
            source="gp",
            referrer_name="Dr Fixture",
            person_agreed=True,
            wants_same_condition=True,
            preferences=ReferralPreferences(mentor_gender="woman", languages="English, Gaelic"),
        ),
    )
    services.referrals.assess(referral.id, TODAY - timedelta(days=30), "Keen; evenings only.")
    services.referrals.not_taken_forward(
        referral.id, "Wanted a group instead", TODAY - timedelta(days=25), "Tuesday drop-in"
    )
    services.referrals.reopen(
        referral.id, "assessed", "Asked again for a mentor", TODAY - timedelta(days=20)
    )
    services.referrals.close(referral.id, "Moved out of the area", TODAY - timedelta(days=10))


def _stamp_times(database: Database) -> None:
    """Services stamp rows with the real time; the fixture uses its fixed day instead."""
    stamp = datetime.combine(TODAY, time(9, 0), tzinfo=UTC).strftime("%Y-%m-%d %H:%M:%S")
    with database.transaction() as session:
        for table, column in (
            ("person", "created_at"),
            ("person", "updated_at"),
            ("consent_wording", "created_at"),
            ("organisation", "created_at"),
            ("change_set", "made_at"),
        ):
            if column in _columns(session, table):
                session.execute(text(f"UPDATE {table} SET {column} = :stamp"), {"stamp": stamp})
        if "change_log" in _tables(session):
            _stamp_history(session, datetime.combine(TODAY, time(9, 0), tzinfo=UTC).isoformat())


def _stamp_history(session: Session, stamp: str) -> None:
    """The history holds the real times the rows were stamped with when logged: the fixed day's
    instead, as in the tables."""
    moment = re.compile(r'"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00"')
    rows = session.execute(text("SELECT id, changes FROM change_log")).all()
    for entry_id, changes in rows:
        stamped = moment.sub(f'"{stamp}"', changes)
        if stamped != changes:
            session.execute(
                text("UPDATE change_log SET changes = :changes WHERE id = :id"),
                {"changes": stamped, "id": entry_id},
            )


def _tables(session: Session) -> set[str]:
    return {
        row[0]
        for row in session.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
    }


def _columns(session: Session, table: str) -> set[str]:
    """The table's columns (none if it is not in this schema yet: the script runs at any head)."""
    return {row[1] for row in session.execute(text(f'PRAGMA table_info("{table}")'))}


def _fix_identity(database: Database) -> None:
    """A fixed identity, and no last path: as if made by the migration and never opened."""
    with database.transaction() as session:
        tables = session.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        if "database_identity" in {row[0] for row in tables}:
            session.execute(
                text("UPDATE database_identity SET uuid = :uuid, last_path = ''"),
                {"uuid": IDENTITY},
            )


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    target = FOLDER / f"{head_revision()}.db"
    build(target)
    with contextlib.closing(sqlite3.connect(f"file:{target}?mode=ro", uri=True)) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        empty = [t for t in tables if not connection.execute(f'SELECT 1 FROM "{t}"').fetchone()]
    if empty:
        print(f"these tables are empty; add rows for them here: {', '.join(empty)}")
        return 1
    print(f"wrote {target} ({target.stat().st_size // 1024} KB, rows in all {len(tables)} tables)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
