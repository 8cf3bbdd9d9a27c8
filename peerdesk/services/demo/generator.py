"""A realistic, fictional, deterministic organisation's records over N years up to today.

Rows are built directly (with ids assigned here, in a fixed order) and written in one
transaction: going through the services one call at a time would take minutes for the large
benchmark database. The rules the services enforce are kept by construction, and
`peerdesk check` and the demo tests verify the result.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from typing import Any

from sqlalchemy import Dialect, Table, func, text
from sqlmodel import Session, SQLModel, select

from peerdesk.data.models import (
    Attendance,
    Availability,
    Concern,
    Condition,
    Consent,
    ConsentWording,
    DisclosureCheck,
    Expense,
    GroupFacilitator,
    GroupMeeting,
    GroupMember,
    MeetingFacilitator,
    MeetingModePreference,
    MentoringSession,
    Organisation,
    OutcomeScore,
    Pairing,
    PairingGoal,
    PairingStatusChange,
    PeerGroup,
    Person,
    PersonCondition,
    PersonRole,
    Referral,
    Review,
    Supervision,
    TrainingRecord,
    VolunteerProfile,
    VolunteerReference,
    VolunteerStageChange,
)
from peerdesk.errors import ValidationError
from peerdesk.services.base import Service
from peerdesk.services.consents import DEFAULT_WORDINGS
from peerdesk.services.demo import vocabulary as vocab
from peerdesk.vocabulary import (
    ClosureReason,
    ConditionLink,
    ConsentKind,
    MeetingMode,
    PartOfDay,
    ReferralSource,
    SessionStatus,
    Weekday,
)

#: How long a referral waits for a free mentor before it is closed.
MAX_WAIT_DAYS = 150

DEMO_ORGANISATION = "Northern Lights Peer Support (DEMO: fictional data)"


@dataclass(frozen=True)
class DemoOptions:
    seed: int = 1
    years: int = 3
    #: Multiplies the number of people; the benchmark uses a large scale.
    scale: float = 1.0
    force: bool = False


@dataclass
class DemoSummary:
    counts: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        return [f"{name}: {count:,}" for name, count in self.counts.items()]


class _Ids:
    """Hands out ids per table in creation order, so the same seed gives the same rows."""

    def __init__(self) -> None:
        self._next: dict[str, int] = defaultdict(lambda: 1)

    def __call__(self, table: str) -> int:
        value = self._next[table]
        self._next[table] = value + 1
        return value


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
    with db.transaction() as session:
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
        builder = _Builder(session, random.Random(options.seed), service.today(), options)
        builder.build()
        session.flush()
        _stamp_times(session, service.today())
    return DemoSummary(counts=builder.counts)


def _constant(value: Any) -> Any:
    return value


def _required() -> Any:
    raise TypeError("a required column was not given")


@dataclass(frozen=True, eq=False)
class _Shape:
    """How one table's rows are written: column order, defaults, and value conversions."""

    names: tuple[str, ...]
    defaults: tuple[Callable[[], Any], ...]
    processors: tuple[Callable[[Any], Any] | None, ...]
    sql: str
    order: int

    @classmethod
    def of(cls, model: type[SQLModel], dialect: Dialect) -> _Shape:
        table: Table = model.__table__  # type: ignore[attr-defined]
        names = tuple(column.name for column in table.columns)
        defaults: list[Callable[[], Any]] = []
        for name in names:
            info = model.model_fields[name]
            if info.default_factory is not None:
                defaults.append(info.default_factory)  # type: ignore[arg-type]
            elif info.is_required():
                defaults.append(_required)
            else:
                defaults.append(partial(_constant, info.default))
        processors = tuple(
            column.type.dialect_impl(dialect).bind_processor(dialect) for column in table.columns
        )
        quoted = ", ".join(f'"{name}"' for name in names)
        marks = ", ".join("?" for _ in names)
        sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
        order = SQLModel.metadata.sorted_tables.index(table)
        return cls(names, tuple(defaults), processors, sql, order)


def _wipe(session: Session) -> None:
    for table in reversed(SQLModel.metadata.sorted_tables):
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


class _Builder:
    def __init__(
        self, session: Session, rng: random.Random, today: date, options: DemoOptions
    ) -> None:
        self.s = session
        self.rng = rng
        self.today = today
        self.start = today - timedelta(days=365 * options.years)
        self.scale = options.scale
        self.years = options.years
        self.ids = _Ids()
        self.counts: dict[str, int] = defaultdict(int)
        self.pending: dict[_Shape, list[tuple[Any, ...]]] = defaultdict(list)
        self.pending_rows = 0
        self.shapes: dict[type[SQLModel], _Shape] = {}
        self.condition_ids: dict[str, int] = {}
        self.wording_ids: dict[str, int] = {}
        self.mentor_busy: dict[int, list[tuple[date, date]]] = defaultdict(list)
        self.mentor_capacity: dict[int, int] = {}
        self.mentor_active_from: dict[int, date] = {}
        self.mentor_until: dict[int, date] = {}
        self.name_index = 0

    # -- helpers -------------------------------------------------------------------------
    # Rows are written with the driver's executemany, one statement per table, not through
    # the ORM: the large benchmark database (over 100,000 sessions) would otherwise spend
    # most of its time building and flushing ORM objects. Rows keep their order within each
    # table, so autoincrement ids are the same as before; foreign keys are checked at commit
    # (defer_foreign_keys), so the order of tables does not matter.
    def add(self, row: SQLModel, kind: str | None = None) -> None:
        shape = self.shape(type(row))
        self.queue(shape, tuple(getattr(row, name) for name in shape.names), kind)

    def put(self, model: type[SQLModel], counted: str | None = None, /, **values: Any) -> None:
        """Like `add(model(**values))`, without building the ORM object (for the many rows)."""
        shape = self.shape(model)
        row = tuple(
            values[name] if name in values else default()
            for name, default in zip(shape.names, shape.defaults, strict=True)
        )
        self.queue(shape, row, counted)

    def queue(self, shape: _Shape, row: tuple[Any, ...], kind: str | None) -> None:
        self.pending[shape].append(
            tuple(
                value if convert is None or value is None else convert(value)
                for value, convert in zip(row, shape.processors, strict=True)
            )
        )
        self.pending_rows += 1
        if kind:
            self.counts[kind] += 1
        if self.pending_rows >= 5000:
            self.flush()

    def shape(self, model: type[SQLModel]) -> _Shape:
        shape = self.shapes.get(model)
        if shape is None:
            shape = self.shapes[model] = _Shape.of(model, self.s.get_bind().dialect)
        return shape

    def flush(self) -> None:
        # Parents before children, for the same reason as above: outstanding foreign keys
        # make every insert scan the tables that refer to it.
        connection = self.s.connection()
        for shape in sorted(self.pending, key=lambda shape: shape.order):
            connection.exec_driver_sql(shape.sql, self.pending[shape])
        self.pending.clear()
        self.pending_rows = 0

    def day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def build(self) -> None:
        self.organisation()
        self.reference_data()
        mentors = self.mentors(max(3, round(40 * self.scale)))
        mentees = round(150 * self.scale * self.years / 3)
        self.mentees(max(5, mentees), mentors)
        self.groups(max(1, round(3 * min(self.scale, 20))))
        self.flush()

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
                outcome_measure_name="Wellbeing scale (demo)",
            )
        )

    def reference_data(self) -> None:
        for name in vocab.CONDITIONS:
            condition_id = self.ids("condition")
            self.condition_ids[name] = condition_id
            self.add(Condition(id=condition_id, name=name))
        for kind, wording in DEFAULT_WORDINGS.items():
            wording_id = self.ids("consent_wording")
            self.wording_ids[kind.value] = wording_id
            self.add(ConsentWording(id=wording_id, kind=kind, version=1, text=wording))

    # -- people --------------------------------------------------------------------------
    def person(self, role_date: date, *, age_range: tuple[int, int] = (18, 85)) -> Person:
        rng = self.rng
        if self.name_index < len(vocab.FEATURED_PEOPLE):
            first, last = vocab.FEATURED_PEOPLE[self.name_index]
        else:
            first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
        self.name_index += 1
        area = rng.choice(vocab.AREAS)
        stem = rng.choice(vocab.POSTCODE_STEMS[area])
        postcode = (
            f"{stem} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
            f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        )
        age = rng.randint(*age_range)
        dob = self.today - timedelta(days=age * 365 + rng.randint(0, 364))
        person_id = self.ids("person")
        ascii_first = "".join(ch for ch in first.lower() if ch.isascii() and ch.isalpha())
        person = Person(
            id=person_id,
            first_name=first,
            last_name=last,
            date_of_birth=dob if self.chance(0.9) else None,
            gender=rng.choice(["woman", "woman", "man", "man", "non_binary", "prefer_not_to_say"])
            if self.chance(0.92)
            else None,
            ethnicity=rng.choice(vocab.ETHNICITIES) if self.chance(0.85) else None,
            disability=rng.choice(["yes", "yes", "no", "prefer_not_to_say"])
            if self.chance(0.8)
            else None,
            area=area,
            postcode=postcode,
            address=f"{rng.randint(1, 120)} {rng.choice(vocab.STREETS)}",
            phone=f"07700 9{rng.randint(0, 99999):05d}",
            email=f"{ascii_first or 'person'}{person_id}@example.org",
            languages=rng.choice(
                [
                    "English",
                    "English",
                    "English, Polish",
                    "English, Arabic",
                    "English, Gaelic",
                    "English, Mandarin",
                ]
            ),
            needs_large_print=self.chance(0.08),
            energy_needs=rng.choice(
                ["", "", "Short sessions (45 minutes)", "Mornings are better", "Needs rest breaks"]
            ),
            access_needs=rng.choice(["", "", "", "Ground floor only", "Hearing loop helps"]),
        )
        self.add(person, "people")
        return person

    def conditions(self, person_id: int, link: ConditionLink, count: int) -> list[str]:
        names = self.rng.sample(vocab.CONDITIONS, count)
        for name in names:
            self.put(
                PersonCondition,
                person_id=person_id,
                condition_id=self.condition_ids[name],
                link=link,
            )
        return names

    def availability(self, person_id: int) -> None:
        slots = {
            (self.rng.choice(list(Weekday)[:6]), self.rng.choice(list(PartOfDay)))
            for _ in range(self.rng.randint(2, 5))
        }
        for day, part in sorted(slots):
            self.put(Availability, person_id=person_id, weekday=day, part_of_day=part)
        modes = self.rng.sample(list(MeetingMode), self.rng.randint(1, 3))
        for mode in sorted(modes):
            self.put(MeetingModePreference, person_id=person_id, mode=mode)

    def consent(
        self,
        person_id: int,
        kind: ConsentKind,
        given_on: date,
        *,
        third_party: str = "",
        withdraw_chance: float = 0.0,
        review_years: int | None = None,
    ) -> None:
        review_on = None
        if review_years is not None:
            review_on = given_on + timedelta(days=365 * review_years)
        withdrawn = None
        if withdraw_chance and self.chance(withdraw_chance):
            withdrawn = self.day_between(given_on, self.today)
        self.put(
            Consent,
            "consents",
            id=self.ids("consent"),
            person_id=person_id,
            kind=kind,
            wording_id=self.wording_ids[kind.value],
            agreed=True,
            third_party=third_party,
            purpose="Joint support planning" if third_party else "",
            given_on=given_on,
            method="signed_form",
            recorded_by="Coordinator (demo)",
            evidence_reference=f"F{person_id:05d}-{kind.value[:3].upper()}",
            review_on=review_on,
            withdrawn_on=withdrawn,
            withdrawal_method="email" if withdrawn else None,
        )

    # -- mentors -------------------------------------------------------------------------
    def mentors(self, count: int) -> list[int]:
        mentor_ids: list[int] = []
        span = (self.today - self.start).days
        for index in range(count):
            early = index < count * 0.7
            enquiry = self.start + timedelta(
                days=self.rng.randint(0, span // 4 if early else max(span - 20, 1))
            )
            person = self.person(enquiry, age_range=(23, 72))
            assert person.id is not None
            mentor_ids.append(person.id)
            self.add(
                PersonRole(
                    id=self.ids("person_role"),
                    person_id=person.id,
                    role="mentor",
                    started_on=enquiry,
                )
            )
            self.conditions(person.id, ConditionLink.LIVED_EXPERIENCE, self.rng.randint(1, 2))
            self.availability(person.id)
            capacity = self.rng.choice([1, 1, 2, 2, 3])
            self.add(
                VolunteerProfile(
                    person_id=person.id,
                    max_mentees=capacity,
                    lived_experience="Lives with a long-term condition "
                    "and wants to share what helped.",
                    skills=self.rng.choice(["Listening", "Cooking", "Gardening", "Walking"]),
                )
            )
            self.mentor_capacity[person.id] = capacity
            self.journey(person.id, enquiry)
        return mentor_ids

    def journey(self, person_id: int, enquiry: date) -> None:
        steps = (
            ("enquiry", 0),
            ("application", 7),
            ("references", 18),
            ("disclosure_check", 30),
            ("interview", 38),
            ("training", 45),
            ("active", 70),
        )
        reached: date | None = None
        for stage, offset in steps:
            when = enquiry + timedelta(days=offset)
            if when > self.today:
                break
            self.add(
                VolunteerStageChange(
                    id=self.ids("volunteer_stage_change"),
                    person_id=person_id,
                    stage=stage,
                    changed_on=when,
                )
            )
            if stage == "references":
                for referee in ("Former colleague", "Friend"):
                    self.add(
                        VolunteerReference(
                            id=self.ids("volunteer_reference"),
                            person_id=person_id,
                            referee_name=f"{self.rng.choice(vocab.FIRST_NAMES)} "
                            f"{self.rng.choice(vocab.LAST_NAMES)}",
                            relationship=referee,
                            requested_on=when,
                            received_on=min(when + timedelta(days=9), self.today),
                        )
                    )
            if stage == "disclosure_check":
                scheme = self.rng.choice(["pvg", "pvg", "dbs"])
                level = "scheme_record" if scheme == "pvg" else "enhanced"
                issued = when + timedelta(days=10)
                if issued <= self.today:
                    renewal = issued + timedelta(days=365 * 3)
                    if self.chance(0.1):
                        renewal = self.today + timedelta(days=self.rng.randint(3, 28))
                    self.add(
                        DisclosureCheck(
                            id=self.ids("disclosure_check"),
                            person_id=person_id,
                            scheme=scheme,
                            level=level,
                            reference_number=f"{self.rng.randint(10**11, 10**12 - 1)}",
                            issue_date=issued,
                            renewal_date=renewal,
                        ),
                        "disclosure checks",
                    )
            if stage == "training":
                for module, minutes in vocab.TRAINING_MODULES:
                    day = min(when + timedelta(days=self.rng.randint(0, 20)), self.today)
                    self.add(
                        TrainingRecord(
                            id=self.ids("training_record"),
                            person_id=person_id,
                            module=module,
                            training_date=day,
                            duration_minutes=minutes,
                            completed=True,
                        ),
                        "training records",
                    )
                self.consent(person_id, ConsentKind.CONFIDENTIALITY, when)
                self.consent(person_id, ConsentKind.HEALTH_DATA, when)
            if stage == "active":
                reached = when
        if reached is None:
            return
        self.mentor_active_from[person_id] = reached
        until = self.today
        if self.chance(0.12):
            left = self.day_between(reached + timedelta(days=120), self.today)
            if left < self.today:
                self.add(
                    VolunteerStageChange(
                        id=self.ids("volunteer_stage_change"),
                        person_id=person_id,
                        stage="left",
                        changed_on=left,
                        reason="Moved away from the area",
                    )
                )
                until = left
        elif self.chance(0.08):
            paused = self.day_between(self.today - timedelta(days=60), self.today)
            if paused > reached:
                self.add(
                    VolunteerStageChange(
                        id=self.ids("volunteer_stage_change"),
                        person_id=person_id,
                        stage="paused",
                        changed_on=paused,
                        reason="Health flare-up",
                    )
                )
                until = paused
        self.mentor_until[person_id] = until
        self.supervision_schedule(person_id, reached, until)

    def supervision_schedule(self, mentor_id: int, first: date, until: date) -> None:
        day = first + timedelta(days=self.rng.randint(20, 45))
        while day <= until:
            self.put(
                Supervision,
                "supervisions",
                id=self.ids("supervision"),
                mentor_id=mentor_id,
                supervision_date=day,
                mode=self.rng.choice(["face_to_face", "phone", "video"]),
                duration_minutes=self.rng.choice([45, 60, 60, 75]),
                wellbeing=self.rng.choice(
                    [
                        "Feeling well supported.",
                        "Tired this month; agreed to pace.",
                        "Enjoying the role.",
                    ]
                ),
                actions="Check in again next time.",
            )
            day += timedelta(days=self.rng.randint(28, 63))

    # -- mentees, referrals, pairings ----------------------------------------------------
    def mentees(self, count: int, mentors: list[int]) -> None:
        span = (self.today - self.start).days
        for index in range(count):
            # The last few were referred a month ago, so the demo always shows pairings that
            # have just been proposed or introduced.
            recent = index >= count - 4
            referral_date = (
                self.today - timedelta(days=30)
                if recent
                else self.start + timedelta(days=self.rng.randint(0, span))
            )
            person = self.person(referral_date)
            assert person.id is not None
            carer = self.chance(0.17)
            role = "carer" if carer else "mentee"
            self.add(
                PersonRole(
                    id=self.ids("person_role"),
                    person_id=person.id,
                    role=role,
                    started_on=referral_date,
                    cared_for_relationship="Partner" if carer else "",
                )
            )
            link = ConditionLink.CARES_FOR if carer else ConditionLink.LIVES_WITH
            names = self.conditions(person.id, link, self.rng.choice([1, 1, 1, 2]))
            self.availability(person.id)
            self.consent(
                person.id,
                ConsentKind.HEALTH_DATA,
                referral_date,
                withdraw_chance=0.03,
                review_years=None,
            )
            for kind in (ConsentKind.CONTACT_PHONE, ConsentKind.CONTACT_EMAIL):
                if self.chance(0.7):
                    self.consent(person.id, kind, referral_date, withdraw_chance=0.05)
            self.referral_and_pairing(
                person.id, referral_date, carer, names, mentors, recent=recent
            )

    def referral_and_pairing(
        self,
        person_id: int,
        referral_date: date,
        carer: bool,
        conditions: list[str],
        mentors: list[int],
        *,
        recent: bool = False,
    ) -> None:
        rng = self.rng
        source = rng.choice([s.value for s in ReferralSource])
        status = "accepted"
        reason = ""
        closed_on: date | None = None
        age_days = (self.today - referral_date).days
        if age_days < 10:
            status = "new"
        elif not recent and self.chance(0.1):
            status, reason = (
                "not_taken_forward",
                rng.choice(
                    [
                        "Wanted a different kind of support",
                        "Could not be contacted",
                        "Needs were better met by the community mental health team",
                    ]
                ),
            )
        match: tuple[int, date] | None = None
        if status == "accepted":
            match = self.wait_for_mentor(mentors, referral_date, recent=recent)
            gave_up = referral_date + timedelta(days=MAX_WAIT_DAYS)
            if match is None and gave_up < self.today:
                # Nobody could take them in time: the referral was closed and they were
                # pointed to other support, as a coordinator would.
                status, closed_on = "closed", gave_up
        if match is not None:
            mentor, proposed = match
            ended, wants_new = self.pairing(mentor, person_id, proposed, carer)
            if ended is not None and not wants_new:
                # Support given and finished: the referral is closed with the pairing.
                status, closed_on = "closed", ended
        referral_id = self.ids("referral")
        self.add(
            Referral(
                id=referral_id,
                person_id=person_id,
                referral_date=referral_date,
                source=source,
                support_as="carer" if carer else "mentee",
                status=status,
                person_agreed=True,
                referrer_name=""
                if source == "self"
                else f"{rng.choice(vocab.FIRST_NAMES)} {rng.choice(vocab.LAST_NAMES)}",
                referrer_organisation={
                    "gp": "Riverside Medical Practice",
                    "nurse": "Community nursing team",
                    "social_work": "Adult social work",
                }.get(source, ""),
                cared_for_condition=conditions[0] if carer else "",
                hopes=rng.choice(
                    [
                        "Someone who understands",
                        "To feel less alone",
                        "Practical tips for pacing",
                        "Confidence to go out again",
                    ]
                ),
                assessed_on=referral_date + timedelta(days=5) if age_days >= 10 else None,
                decided_on=referral_date + timedelta(days=7) if age_days >= 10 else None,
                not_taken_forward_reason=reason,
                closed_on=closed_on,
            ),
            "referrals",
        )
        if match is None:
            return
        if self.chance(0.15):
            self.consent(
                person_id, ConsentKind.SHARING, proposed, third_party="Riverside Medical Practice"
            )

    def wait_for_mentor(
        self, mentors: list[int], referral_date: date, *, recent: bool
    ) -> tuple[int, date] | None:
        """The first mentor free within a few months of the referral, and when."""
        rng = self.rng
        proposed = referral_date + timedelta(days=rng.randint(10, 40))
        if recent:
            proposed = self.today - timedelta(days=rng.randint(0, 9))
        last = min(referral_date + timedelta(days=MAX_WAIT_DAYS), self.today)
        while proposed <= last:
            mentor = self.free_mentor(mentors, proposed)
            if mentor is not None:
                return mentor, proposed
            proposed += timedelta(days=14)
        return None

    def free_mentor(self, mentors: list[int], on: date) -> int | None:
        candidates = [
            m
            for m in mentors
            if m in self.mentor_active_from
            and self.mentor_active_from[m] <= on
            and self.mentor_until.get(m, self.today) > on
            and sum(1 for a, b in self.mentor_busy[m] if a <= on <= b) < self.mentor_capacity[m]
        ]
        return self.rng.choice(candidates) if candidates else None

    def pairing(
        self, mentor_id: int, mentee_id: int, proposed: date, carer: bool
    ) -> tuple[date | None, bool]:
        """Write a pairing and its history; returns (end date, wants a new pairing)."""
        rng = self.rng
        pairing_id = self.ids("pairing")
        introduced = proposed + timedelta(days=rng.randint(3, 10))
        started = introduced + timedelta(days=rng.randint(5, 14))
        planned_weeks = rng.choice([12, 26, 26, 39, 52])
        frequency = rng.choice(["weekly", "weekly", "fortnightly"])
        mode = rng.choice(["face_to_face", "face_to_face", "phone", "video", "walk_and_talk"])
        place = rng.choice(vocab.PLACES) if mode in ("face_to_face", "walk_and_talk") else ""
        duration = rng.choice([45, 60, 60, 90])
        history: list[tuple[str, date, str]] = [("proposed", proposed, "")]
        status, start_date, end_date = "proposed", None, None
        reason = None
        as_planned = wants_new = None
        if introduced <= self.today:
            history.append(("introduced", introduced, ""))
            status = "introduced"
        if started <= self.today:
            history.append(("active", started, ""))
            status, start_date = "active", started
            planned_end = started + timedelta(weeks=planned_weeks)
            end = planned_end + timedelta(days=rng.randint(-40, 30))
            until = min(self.mentor_until.get(mentor_id, self.today), self.today)
            if end <= until and end > started:
                early = self.chance(0.3)
                if early:
                    end = self.day_between(started + timedelta(days=21), end)
                    reason = rng.choice(
                        [
                            ClosureReason.MENTEE_WITHDREW,
                            ClosureReason.CHANGE_IN_CIRCUMSTANCES,
                            ClosureReason.NO_CONTACT,
                            ClosureReason.MENTOR_WITHDREW,
                        ]
                    ).value
                else:
                    reason = ClosureReason.COMPLETED.value
                status, end_date = "ended", end
                as_planned, wants_new = not early, self.chance(0.15)
            elif until < self.today and until > started:
                status, end_date, reason = "ended", until, ClosureReason.MENTOR_WITHDREW.value
                as_planned, wants_new = False, True
            elif self.chance(0.1):
                paused_on = self.day_between(self.today - timedelta(days=40), self.today)
                if paused_on > started:
                    history.append(("paused", paused_on, "Mentee unwell: pausing for now"))
                    status = "paused"
            if end_date is not None:
                history.append(("ended", end_date, ""))
        busy_until = end_date or self.today + timedelta(weeks=planned_weeks)
        self.mentor_busy[mentor_id].append((proposed, busy_until))
        self.add(
            Pairing(
                id=pairing_id,
                mentor_id=mentor_id,
                mentee_id=mentee_id,
                supported_as="carer" if carer else "mentee",
                status=status,
                proposed_on=proposed,
                start_date=start_date,
                end_date=end_date,
                planned_length_weeks=planned_weeks,
                meeting_frequency=frequency,
                usual_mode=mode,
                usual_place=place,
                usual_duration_minutes=duration,
                closure_reason=reason,
                ended_as_planned=as_planned,
                wants_new_pairing=wants_new,
            ),
            "pairings",
        )
        for position, goal in enumerate(rng.sample(vocab.GOALS, rng.randint(1, 3)), start=1):
            self.add(PairingGoal(pairing_id=pairing_id, position=position, text=goal))
        for state, when, note in history:
            self.put(
                PairingStatusChange,
                id=self.ids("pairing_status_change"),
                pairing_id=pairing_id,
                status=state,
                changed_on=when,
                note=note,
            )
        for party in (mentor_id, mentee_id):
            if party == mentee_id:
                self.consent(
                    party,
                    ConsentKind.CONFIDENTIALITY,
                    introduced if introduced <= self.today else proposed,
                )
        if start_date is not None:
            last = end_date or self.today
            self.sessions(
                pairing_id, mentee_id, start_date, last, frequency, mode, place, duration, status
            )
            self.reviews(pairing_id, start_date, last, frequency)
            if end_date is not None and self.chance(0.6):
                before = float(rng.randint(28, 48))
                self.add(
                    OutcomeScore(
                        id=self.ids("outcome_score"),
                        person_id=mentee_id,
                        measure="Wellbeing scale (demo)",
                        timing="before",
                        score=before,
                        scored_on=start_date,
                    )
                )
                self.add(
                    OutcomeScore(
                        id=self.ids("outcome_score"),
                        person_id=mentee_id,
                        measure="Wellbeing scale (demo)",
                        timing="after",
                        score=min(70.0, before + rng.randint(-3, 12)),
                        scored_on=end_date,
                    ),
                    "outcome scores",
                )
        if self.chance(0.3) and start_date is not None:
            self.add(
                Expense(
                    id=self.ids("expense"),
                    person_id=mentor_id,
                    claim_date=start_date + timedelta(days=30),
                    purpose="Travel to sessions",
                    miles_tenths=rng.randint(20, 300),
                    mileage_rate_pence=45,
                    parking_pence=rng.choice([0, 0, 250]),
                    approved_on=start_date + timedelta(days=35),
                    paid_on=start_date + timedelta(days=40),
                ),
                "expenses",
            )
        return end_date, bool(wants_new)

    def sessions(
        self,
        pairing_id: int,
        mentee_id: int,
        first: date,
        last: date,
        frequency: str,
        mode: str,
        place: str,
        duration: int,
        status: str,
    ) -> None:
        rng = self.rng
        step = {"weekly": 7, "fortnightly": 14}.get(frequency, 28)
        day = first
        while day <= last:
            roll = rng.random()
            session_id = self.ids("mentoring_session")
            outcome = SessionStatus.HELD.value
            if roll < 0.07:
                outcome = SessionStatus.CANCELLED_BY_MENTEE.value
            elif roll < 0.11:
                outcome = SessionStatus.CANCELLED_BY_MENTOR.value
            elif roll < 0.17:
                outcome = SessionStatus.REARRANGED.value
            elif roll < 0.21:
                outcome = SessionStatus.DID_NOT_ATTEND.value
            replacement_id = None
            if outcome == SessionStatus.REARRANGED.value:
                new_day = day + timedelta(days=rng.randint(2, 5))
                if new_day <= last:
                    replacement_id = self.ids("mentoring_session")
                else:
                    outcome = SessionStatus.CANCELLED_BY_MENTEE.value
            held = outcome == SessionStatus.HELD.value
            concern = held and self.chance(0.004)
            # The replacement is written first (ids are fixed, so the rows are the same): a
            # session pointing at one not yet written is an outstanding deferred foreign key,
            # and while one is outstanding SQLite scans the table on every insert.
            if replacement_id is not None:
                self.put(
                    MentoringSession,
                    "sessions",
                    id=replacement_id,
                    pairing_id=pairing_id,
                    session_date=new_day,
                    duration_minutes=duration,
                    mode=mode,
                    place=place,
                    status=SessionStatus.HELD.value,
                    note="Rearranged from the earlier date.",
                )
            self.put(
                MentoringSession,
                "sessions",
                id=session_id,
                pairing_id=pairing_id,
                session_date=day,
                start_time=time(rng.choice([10, 11, 14, 15]), rng.choice([0, 30])),
                duration_minutes=max(15, duration + rng.choice([-15, 0, 0, 0, 15]))
                if held
                else duration,
                mode=mode,
                place=place,
                status=outcome,
                note=rng.choice(vocab.SESSION_NOTES) if held else "",
                concern_flag=concern,
                rearranged_to_id=replacement_id,
            )
            if concern:
                self.add(
                    Concern(
                        id=self.ids("concern"),
                        raised_on=day,
                        about_person_id=mentee_id,
                        session_id=session_id,
                        what="Mentee mentioned feeling very low this week.",
                        who_was_told="Coordinator",
                        action_taken="Coordinator phoned the next day.",
                        closed_on=day + timedelta(days=7)
                        if day + timedelta(days=7) < self.today
                        else None,
                    ),
                    "concerns",
                )
            day += timedelta(days=step + rng.choice([0, 0, 0, 1, -1, 2]))
        if status == "active":
            upcoming = self.today + timedelta(days=rng.randint(1, 6))
            self.put(
                MentoringSession,
                "sessions",
                id=self.ids("mentoring_session"),
                pairing_id=pairing_id,
                session_date=upcoming,
                start_time=time(11, 0),
                duration_minutes=duration,
                mode=mode,
                place=place,
                status=SessionStatus.PLANNED.value,
            )

    def reviews(self, pairing_id: int, first: date, last: date, frequency: str) -> None:
        per_week = {"weekly": 1.0, "fortnightly": 0.5}.get(frequency, 0.25)
        for weeks in (6, 13, 26):
            day = first + timedelta(weeks=weeks)
            if day > last or self.chance(0.15):
                continue
            planned = round(weeks * per_week)
            held = max(0, planned - self.rng.randint(0, 2))
            self.add(
                Review(
                    id=self.ids("review"),
                    pairing_id=pairing_id,
                    review_date=day,
                    sessions_held=held,
                    sessions_planned=planned,
                    progress_goal_1=self.rng.choice(
                        ["Good progress", "Some progress", "Early days"]
                    ),
                    what_is_working="Meeting regularly; the mentee says it helps.",
                    decision=self.rng.choice(["continue", "continue", "adjust"]),
                ),
                "reviews",
            )

    # -- groups --------------------------------------------------------------------------
    def groups(self, count: int) -> None:
        rng = self.rng
        pool: list[int] = []
        for _ in range(round(60 * self.scale)):
            joined = self.day_between(self.start, self.today)
            person = self.person(joined)
            assert person.id is not None
            pool.append(person.id)
            self.conditions(person.id, ConditionLink.LIVES_WITH, 1)
            self.consent(person.id, ConsentKind.CONFIDENTIALITY, joined)
        mentee_ids = [pid for pid in range(1, self.ids._next["person"])]
        facilitators = list(self.mentor_active_from)
        for index in range(count):
            name, kind, venue, online, weekday, duration = vocab.GROUPS[index % len(vocab.GROUPS)]
            if index >= len(vocab.GROUPS):
                name = f"{name} {index // len(vocab.GROUPS) + 1}"
            group_id = self.ids("peer_group")
            self.add(
                PeerGroup(
                    id=group_id,
                    name=name,
                    kind=kind,
                    venue=venue,
                    is_online=online,
                    usual_weekday=weekday,
                    usual_time=time(14, 0) if not online else time(19, 0),
                    usual_duration_minutes=duration,
                    ground_rules=vocab.GROUND_RULES,
                    ground_rules_reviewed_on=self.today
                    - timedelta(days=rng.choice([90, 200, 400])),
                    started_on=self.start,
                ),
                "groups",
            )
            leads = rng.sample(facilitators, min(2, len(facilitators))) if facilitators else []
            for lead in leads:
                self.add(GroupFacilitator(group_id=group_id, person_id=lead))
                self.add(
                    PersonRole(
                        id=self.ids("person_role"),
                        person_id=lead,
                        role="facilitator",
                        started_on=self.start,
                    )
                )
            regulars = rng.sample(pool, min(len(pool), rng.randint(8, 14)))
            extra = rng.sample(mentee_ids, min(len(mentee_ids), 4))
            members = list(dict.fromkeys(regulars + extra))
            for person_id in members:
                self.add(
                    PersonRole(
                        id=self.ids("person_role"),
                        person_id=person_id,
                        role="group_member",
                        started_on=self.start,
                    )
                )
                if kind == "closed":
                    self.add(
                        GroupMember(group_id=group_id, person_id=person_id, joined_on=self.start)
                    )
            step = {0: 7, 1: 14}.get(index % 3, 28)
            seen: set[int] = set()
            # Meetings fall on the group's usual day of the week.
            usual = list(Weekday).index(Weekday(weekday))
            day = self.start + timedelta(days=(usual - self.start.weekday()) % 7)
            while day <= self.today:
                meeting_id = self.ids("group_meeting")
                self.put(
                    GroupMeeting,
                    "group meetings",
                    id=meeting_id,
                    group_id=group_id,
                    meeting_date=day,
                    start_time=time(14, 0),
                    duration_minutes=duration,
                    venue=venue,
                    unnamed_attendees=rng.randint(0, 4) if kind == "drop_in" else 0,
                )
                for lead in leads:
                    self.put(MeetingFacilitator, meeting_id=meeting_id, person_id=lead)
                present = rng.sample(
                    members, rng.randint(max(1, len(members) // 3), max(1, len(members) * 2 // 3))
                )
                for person_id in sorted(present):
                    self.put(
                        Attendance,
                        "attendances",
                        meeting_id=meeting_id,
                        person_id=person_id,
                        is_new=person_id not in seen,
                    )
                    seen.add(person_id)
                day += timedelta(days=step)
