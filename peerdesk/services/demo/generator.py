"""A realistic, fictional, deterministic organisation's records over N years up to today.

Rows are built directly (with ids assigned here, in a fixed order) and written in one
transaction: going through the services one call at a time would take minutes for the large
benchmark database. The rules the services enforce are kept by construction, and
`peerdesk check` and the demo tests verify the result.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time

from sqlalchemy import delete, func, text
from sqlmodel import Session, SQLModel, select

from peerdesk.data import change_log
from peerdesk.data.models import (
    Condition,
    ConsentWording,
    Organisation,
    Person,
)
from peerdesk.errors import ValidationError
from peerdesk.services.base import Service
from peerdesk.services.data_protection.consents import DEFAULT_WORDINGS
from peerdesk.services.demo import vocabulary as vocab
from peerdesk.services.demo.concern_rows import write_concern_rows
from peerdesk.services.demo.expense_rows import write_expense_rows
from peerdesk.services.demo.group_rows import GroupRows
from peerdesk.services.demo.options import DemoOptions, DemoSummary
from peerdesk.services.demo.outcome_rows import write_outcome_rows
from peerdesk.services.demo.project_rows import write_project_rows
from peerdesk.services.demo.reference_rows import write_reference_rows
from peerdesk.services.demo.training_rows import write_training_rows
from peerdesk.services.people.conditions import seeded_family

DEMO_ORGANISATION = "Northern Lights Peer Support (DEMO: fictional data)"


class DemoService(Service):
    def has_records(self) -> bool:
        with self.db.session() as session:
            return bool(session.exec(select(func.count()).select_from(Person)).one()) or bool(
                session.exec(select(func.count()).select_from(Organisation)).one()
            )

    def generate(self, options: DemoOptions) -> DemoSummary:
        return generate_demo(self, options)


def generate_demo(service: Service, options: DemoOptions) -> DemoSummary:
    if not 1 <= options.years <= 30:
        raise ValidationError("The demo can cover between 1 and 30 years.", "years")
    if not 0.1 <= options.scale <= 200:
        raise ValidationError("The demo scale must be between 0.1 and 200.", "scale")
    db = service.db
    with db.transaction(kind="import", description="Demo data (fictional) added") as session:
        people = session.exec(select(func.count()).select_from(Person)).one()
        if people and not options.force:
            raise ValidationError(
                "This database already holds records, so the demo was not added. Use a new "
                "database file (for example: peerdesk --db demo.db demo), or add --force to "
                "delete everything in this one first.",
                "force",
            )
        # A rearranged session points at its replacement, written just after it.
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        # The large benchmark database is written in one transaction; with SQLite's default
        # 2 MB page cache its random index inserts spill to disk and slow down quadratically.
        # The connection is not pooled, so the setting ends with this transaction.
        session.execute(text("PRAGMA cache_size = -262144"))
        if options.force:
            _wipe(session)
        known = change_log.row_keys(session)
        builder = _Builder(session, random.Random(options.seed), service.today(), options)
        builder.build()
        session.flush()
        _stamp_times(session, service.today())
        # Its rows are written with the driver, unseen by the history: logged here, read back.
        change_log.log_new_rows(session, known)
        change_log.stamp_change_set(session, datetime.combine(service.today(), time(9), UTC))
    return DemoSummary(counts=builder.counts)


def _wipe(session: Session) -> None:
    for table in reversed(SQLModel.metadata.sorted_tables):
        # The history stays: the removals are in it (the change log hook sees them).
        if table.name not in ("change_set", "change_log"):
            session.execute(table.delete())


def _stamp_times(session: Session, today: date) -> None:
    """Creation timestamps follow the records' own dates, so two runs are identical."""
    stamp = datetime.combine(today, time(9, 0), tzinfo=UTC).strftime("%Y-%m-%d %H:%M:%S")
    for table, column in (
        ("person", "created_at"),
        ("person", "updated_at"),
        ("consent_wording", "created_at"),
        ("organisation", "created_at"),
    ):
        session.execute(text(f"UPDATE {table} SET {column} = :stamp"), {"stamp": stamp})
    session.execute(text("UPDATE consent SET recorded_at = given_on || ' 12:00:00'"))


class _Builder(GroupRows):
    """Builds the whole demo organisation, in a fixed order."""

    def build(self) -> None:
        self.organisation()
        self.reference_data()
        mentors = self.mentors(max(3, round(40 * self.scale)))
        mentees = round(150 * self.scale * self.years / 3)
        self.mentees(max(5, mentees), mentors)
        self.groups(max(1, round(3 * min(self.scale, 20))))
        write_expense_rows(self)
        write_outcome_rows(self)
        write_project_rows(self)
        write_reference_rows(self)
        write_training_rows(self)
        write_concern_rows(self)

    # -- organisation and vocabularies ---------------------------------------------------
    def organisation(self) -> None:
        self.add(
            Organisation(
                id=1,
                name=DEMO_ORGANISATION,
                address="Unit 4, The Old School\nHigh Street\nThurso",
                postcode="KW14 7AB",
                phone="01847 000000",
                email="hello@example.org",
                charity_number="SC000000",
                reporting_year_start_month=4,
                is_demo=True,
            )
        )

    def reference_data(self) -> None:
        # A new database already holds the seeded families' entries (migration 0005); nobody
        # has them yet (the demo needs a database without people), so the demo's own list
        # replaces them, with the same ids for the same seed, and in the same families.
        self.s.execute(delete(Condition))
        for name in vocab.CONDITIONS:
            condition_id = self.ids("condition")
            self.condition_ids[name] = condition_id
            self.add(Condition(id=condition_id, name=name, family=seeded_family(name)))
        for kind, wording in DEFAULT_WORDINGS.items():
            wording_id = self.ids("consent_wording")
            self.wording_ids[kind.value] = wording_id
            self.add(ConsentWording(id=wording_id, kind=kind, version=1, text=wording))

    # -- people --------------------------------------------------------------------------
