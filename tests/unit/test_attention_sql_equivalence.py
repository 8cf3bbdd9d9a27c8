"""The Today rules and the consent and retention lists filter in SQL; this checks they find
exactly what the slow, obvious way finds on the demo database.

The expected lists are computed here, in the test, by reading whole tables as objects and
filtering in Python (the way the rules used to work), on several days: the demo's own today,
and days years later when many more retention dates and consent reviews have passed.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest
from sqlmodel import Session, col, select

from peerdesk.data.models import (
    Consent,
    ErasureLogEntry,
    MentoringSession,
    Organisation,
    Pairing,
    Person,
    PersonRole,
    Referral,
    VolunteerStageChange,
)
from peerdesk.services import Services
from peerdesk.services.attention.base import AttentionContext
from peerdesk.services.attention.consents_due import consents_due
from peerdesk.services.attention.pairings_due import planned_sessions, quiet_pairings
from peerdesk.services.attention.referrals_new import new_referrals, waiting_for_a_mentor
from peerdesk.services.attention.referrals_waiting import OPEN_STATUSES, referrals_waiting
from peerdesk.services.data_protection.consents import NEEDED_BY_ROLE, ConsentService
from peerdesk.services.data_protection.retention import (
    _CONTACT_SQL,
    _ROLE_KINDS,
    add_years,
    due_for_review,
    kept_until,
    retention_rules,
)
from peerdesk.services.mentoring.reviews import _next_due, _organisation_schedule, reviews_due
from peerdesk.vocabulary import ConsentKind, PairingStatus, RecordKind, Role, SessionStatus
from tests.conftest import TODAY

DAYS = [TODAY, TODAY + timedelta(days=400), TODAY + timedelta(days=365 * 4 + 17)]


# -- the slow, obvious way -----------------------------------------------------------------
def _names(session: Session, archived_too: bool) -> dict[int, str]:
    people = session.exec(select(Person)).all()
    return {
        p.id: p.display_name
        for p in people
        if p.id is not None and (archived_too or p.archived_on is None)
    }


def _latest_consents(session: Session, on: date) -> dict[tuple[int, str], Consent]:
    latest: dict[tuple[int, str], Consent] = {}
    everything = sorted(session.exec(select(Consent)).all(), key=lambda c: (c.given_on, c.id))
    for consent in everything:
        if consent.given_on <= on:
            latest[(consent.person_id, consent.kind)] = consent
    return latest


def _roles(session: Session) -> dict[int, set[str]]:
    roles: dict[int, set[str]] = defaultdict(set)
    for row in session.exec(select(PersonRole)).all():
        if row.ended_on is None:
            roles[row.person_id].add(row.role)
    return roles


def _latest_stage(session: Session) -> dict[int, str]:
    stages: dict[int, str] = {}
    changes = session.exec(select(VolunteerStageChange)).all()
    for change in sorted(changes, key=lambda c: (c.changed_on, c.id)):
        stages[change.person_id] = change.stage
    return stages


def slow_consent_items(session: Session, today: date, warning_days: int) -> set[tuple]:
    names = _names(session, archived_too=False)
    latest = _latest_consents(session, today)
    roles = _roles(session)
    stages = _latest_stage(session)
    found: set[tuple] = set()
    for (pid, kind), consent in latest.items():
        withdrawn = consent.withdrawn_on is not None and consent.withdrawn_on <= today
        if pid not in names or not consent.agreed or withdrawn or consent.review_on is None:
            continue
        if consent.review_on <= today + timedelta(days=warning_days):
            found.add((pid, kind, "review", consent.review_on < today))
    for pid in names:
        wanted = []
        if roles[pid] & {Role.MENTEE.value, Role.CARER.value}:
            wanted.append(ConsentKind.HEALTH_DATA.value)
        if Role.MENTOR.value in roles[pid] and stages.get(pid) == "active":
            wanted.append(ConsentKind.CONFIDENTIALITY.value)
        for kind in wanted:
            consent = latest.get((pid, kind))
            if consent is None:
                found.add((pid, kind, "not recorded", False))
            elif not consent.agreed:
                found.add((pid, kind, "declined", False))
            elif consent.withdrawn_on is not None and consent.withdrawn_on <= today:
                found.add((pid, kind, "withdrawn", True))
    return found


def slow_retention(session: Session, today: date) -> list[tuple]:
    rules = retention_rules(session)
    erased = {entry.person_id for entry in session.exec(select(ErasureLogEntry)).all()}
    last: dict[int, date] = {}
    for holder, day in session.connection().exec_driver_sql(_CONTACT_SQL):
        if holder is not None and day is not None:
            when = date.fromisoformat(str(day)[:10])
            last[holder] = max(last.get(holder, when), when)
    kinds: dict[int, set[RecordKind]] = defaultdict(set)
    for row in session.exec(select(PersonRole)).all():
        kinds[row.person_id].add(_ROLE_KINDS[row.role])
    for change in session.exec(select(VolunteerStageChange)).all():
        kinds[change.person_id].add(RecordKind.VOLUNTEER)
    statuses: dict[int, set[str]] = defaultdict(set)
    for referral in session.exec(select(Referral)).all():
        statuses[referral.person_id].add(referral.status)
    for pid, seen in statuses.items():
        if seen == {"not_taken_forward"} and not kinds[pid]:
            kinds[pid].add(RecordKind.REFERRAL_NOT_TAKEN_FORWARD)
    found = []
    for person in session.exec(select(Person)).all():
        if person.id in erased or person.id not in last:
            continue
        applies = sorted(kinds[person.id], key=list(RecordKind).index)
        years = max((rules[k] for k in applies), default=max(rules.values()))
        review_on = add_years(last[person.id], years)
        kept = kept_until(person.notes)
        if review_on <= today and not (kept is not None and kept > today):
            found.append((person.id, person.display_name, tuple(applies), last[person.id], years))
    return sorted(found, key=lambda row: (add_years(row[3], row[4]), row[0]))


def slow_referrals(session: Session, today: date, limit: int) -> list[int]:
    names = _names(session, archived_too=False)
    pairings = session.exec(select(Pairing)).all()
    found = []
    for referral in sorted(session.exec(select(Referral)).all(), key=lambda r: r.referral_date):
        if referral.status not in OPEN_STATUSES or referral.person_id not in names:
            continue
        if referral.referral_date >= today - timedelta(days=limit):
            continue
        if any(
            p.mentee_id == referral.person_id and p.proposed_on >= referral.referral_date
            for p in pairings
        ):
            continue
        found.append(referral.person_id)
    return found


def slow_new_referrals(session: Session) -> list[int]:
    names = _names(session, archived_too=False)
    referrals = sorted(session.exec(select(Referral)).all(), key=lambda r: (r.referral_date, r.id))
    return [r.person_id for r in referrals if r.status == "new" and r.person_id in names]


def slow_waiting_for_a_mentor(session: Session, today: date, weeks: int) -> list[int]:
    names = _names(session, archived_too=False)
    under_way = {"proposed", "introduced", "active", "paused"}
    paired = {p.mentee_id for p in session.exec(select(Pairing)).all() if p.status in under_way}
    found = []
    for referral in session.exec(select(Referral)).all():
        if referral.status != "accepted" or referral.person_id not in names:
            continue
        if referral.person_id in paired:
            continue
        days = [d for d in (referral.decided_on, referral.reopened_on) if d is not None]
        since = max(days) if days else referral.referral_date
        if (today - since).days > 7 * weeks:
            found.append(referral.person_id)
    return sorted(found)


def slow_quiet(session: Session, today: date, weeks: int) -> list[tuple]:
    names = _names(session, archived_too=True)
    held: dict[int, date] = {}
    for record in session.exec(select(MentoringSession)).all():
        if record.status == SessionStatus.HELD.value:
            held[record.pairing_id] = max(
                held.get(record.pairing_id, date.min), record.session_date
            )
    found = []
    for pairing in session.exec(select(Pairing)).all():
        if pairing.status != PairingStatus.ACTIVE.value:
            continue
        since = held.get(pairing.id) or pairing.start_date or pairing.proposed_on
        if since <= today - timedelta(weeks=weeks):
            who = f"{pairing.reference} {names[pairing.mentor_id]} and {names[pairing.mentee_id]}"
            found.append((pairing.id, who))
    return sorted(found)


def slow_planned(session: Session, today: date) -> list[tuple]:
    names = _names(session, archived_too=True)
    pairings = {p.id: p for p in session.exec(select(Pairing)).all()}
    found = []
    for record in session.exec(select(MentoringSession)).all():
        pairing = pairings[record.pairing_id]
        if (
            record.status == SessionStatus.PLANNED.value
            and today - timedelta(days=28) <= record.session_date <= today + timedelta(days=6)
            and pairing.status in (PairingStatus.ACTIVE.value, PairingStatus.PAUSED.value)
        ):
            who = f"{names[pairing.mentor_id]} and {names[pairing.mentee_id]}"
            found.append((record.id, who, record.session_date))
    return sorted(found)


def slow_gaps(session: Session, today: date, within_days: int) -> set[tuple]:
    names = _names(session, archived_too=False)
    latest = {
        key: consent
        for key, consent in _latest_consents(session, today).items()
        if key[1] != ConsentKind.SHARING.value
    }
    needed: dict[int, set[str]] = defaultdict(set)
    for pid, roles in _roles(session).items():
        for role in roles:
            needed[pid].update(k.value for k in NEEDED_BY_ROLE.get(Role(role), ()))
    horizon = today + timedelta(days=within_days)
    found = set()
    for pid, name in names.items():
        for kind in needed[pid] | {k for (holder, k) in latest if holder == pid}:
            consent = latest.get((pid, kind))
            required = kind in needed[pid]
            if consent is None:
                state = "missing"
            elif not consent.agreed:
                state = "declined"
            elif consent.withdrawn_on is not None and consent.withdrawn_on <= today:
                state = "withdrawn"
            elif consent.review_on is not None and consent.review_on < today:
                state = "expired"
            elif consent.review_on is not None and consent.review_on <= horizon:
                state = "expiring"
            else:
                continue
            if required or state in {"expired", "expiring"}:
                found.add((pid, name, kind, state, consent.review_on if consent else None))
    return found


# -- the comparisons -------------------------------------------------------------------------
@pytest.fixture
def demo_session(demo_services: Services):
    with demo_services.db.session() as session:
        yield session


def _context(session: Session, today: date) -> AttentionContext:
    return AttentionContext(today=today, organisation=session.exec(select(Organisation)).first())


@pytest.mark.parametrize("today", DAYS)
def test_consent_lines_are_those_found_the_slow_way(demo_session: Session, today: date) -> None:
    context = _context(demo_session, today)
    expected = slow_consent_items(demo_session, today, context.setting("expiry_warning_days", 30))
    items = consents_due(demo_session, context)
    labels = {kind.label.lower(): kind.value for kind in ConsentKind}
    found = set()
    for item in items:
        label = item.title.split("(")[-1].rstrip(")") if "(" in item.title else None
        if label is not None:
            found.add((item.record_id, labels[label], "review", item.urgent))
            continue
        for text, value in labels.items():
            for state in ("not recorded", "declined", "withdrawn"):
                if item.title.endswith(f": {text} {state}"):
                    found.add((item.record_id, value, state, item.urgent))
    assert len(items) == len(found)
    assert found == expected
    assert expected  # the demo has consents to review and missing on every day tested
    assert items == sorted(items, key=lambda i: (not i.urgent, i.due, i.title))


@pytest.mark.parametrize("today", DAYS)
def test_retention_list_is_the_one_found_the_slow_way(demo_session: Session, today: date) -> None:
    found = [
        (due.person_id, due.name, due.kinds, due.last_contact, due.keep_years)
        for due in due_for_review(demo_session, today)
    ]
    assert found == slow_retention(demo_session, today)
    if today == DAYS[-1]:
        assert len(found) > 10


def test_retention_for_one_person_agrees_with_the_whole_list(demo_session: Session) -> None:
    today = DAYS[-1]
    everyone = due_for_review(demo_session, today)
    assert everyone
    for due in everyone[:5]:
        assert due_for_review(demo_session, today, due.person_id) == [due]


@pytest.mark.parametrize("today", DAYS)
def test_waiting_referrals_are_those_found_the_slow_way(demo_session: Session, today: date) -> None:
    # The demo's referrals are new, accepted or settled: every other new one has its first
    # conversation held here, so that the decision reminder has some to find too.
    new = demo_session.exec(
        select(Referral).where(Referral.status == "new").order_by(col(Referral.id))
    ).all()
    for referral in new[::2]:
        referral.status = "assessed"
        demo_session.add(referral)
    demo_session.flush()
    context = _context(demo_session, today)
    items = referrals_waiting(demo_session, context)
    expected = slow_referrals(demo_session, today, context.setting("referral_wait_days", 14))
    assert [item.record_id for item in items] == expected
    if today == DAYS[1]:
        assert expected
    new_items = new_referrals(demo_session, context)
    assert [i.record_id for i in new_items] == slow_new_referrals(demo_session)
    assert new_items
    weeks = context.setting("waiting_remind_weeks", 8)
    waiting = waiting_for_a_mentor(demo_session, context)
    assert sorted(i.record_id for i in waiting) == slow_waiting_for_a_mentor(
        demo_session, today, weeks
    )
    assert [i.due for i in waiting] == sorted(i.due for i in waiting)  # longest wait first
    if today == DAYS[1]:
        assert waiting


@pytest.mark.parametrize("today", DAYS[:2])
def test_pairing_lines_are_those_found_the_slow_way(demo_session: Session, today: date) -> None:
    context = _context(demo_session, today)
    quiet = quiet_pairings(demo_session, context)
    expected = slow_quiet(demo_session, today, context.setting("no_session_weeks", 4))
    assert sorted((i.record_id, i.title) for i in quiet) == expected
    planned = planned_sessions(demo_session, context)
    assert sorted((i.record_id, i.title.split(":")[0], i.due) for i in planned) == slow_planned(
        demo_session, today
    )
    assert planned if today == TODAY else expected


@pytest.mark.parametrize("today", DAYS)
def test_consent_gaps_are_those_found_the_slow_way(demo_services: Services, today: date) -> None:
    consents = ConsentService(demo_services.db, lambda: today)
    gaps = consents.gaps(within_days=45)
    with demo_services.db.session() as session:
        expected = slow_gaps(session, today, 45)
    assert {(g.person_id, g.name, g.kind.value, g.state, g.review_on) for g in gaps} == expected
    assert len(gaps) == len(expected) > 0


@pytest.mark.parametrize("today", DAYS[:2])
def test_reviews_due_are_those_found_one_pairing_at_a_time(
    demo_session: Session, today: date
) -> None:
    schedule = _organisation_schedule(demo_session)
    expected = []
    for pairing in demo_session.exec(select(Pairing)).all():
        due = _next_due(demo_session, pairing, schedule, today)
        if due is not None and due.due <= today + timedelta(days=14):
            expected.append(due)
    expected.sort(key=lambda d: (d.due, d.pairing_id))
    assert reviews_due(demo_session, today, 14) == expected
    assert expected
