"""Demo concerns: a realistic handful a year besides the few raised in sessions
(mentoring_rows writes those). Most are of the usual level, a few are for information and
one or two urgent; some were referred outside (mostly a GP or the local authority's adult
social care, the police rarely), some have follow-up actions, and most are closed with an
outcome (the last few weeks' are still open).

They draw from their own random source, seeded from the demo's, so this leaves every other
demo row of a seed as it was; the same seed always gives the same concerns."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlmodel import col, select

from peerdesk.data.models import Concern, ConcernAction, GroupMeeting, Pairing
from peerdesk.services.demo.state import BuilderState

#: (category, level, what happened, immediate action) about a mentee.
ABOUT_MENTEE = (
    (
        "Mental health crisis",
        "urgent",
        "Said they had thought about ending their life.",
        "Stayed with them and rang the crisis team together.",
    ),
    (
        "Self-harm or suicide risk",
        "concern",
        "Mentioned cutting again after a long gap.",
        "Talked it through; agreed they would see their GP this week.",
    ),
    (
        "Neglect or self-neglect",
        "concern",
        "Flat very cold; said they had not eaten properly.",
        "Gave food bank details and the energy advice line.",
    ),
    (
        "Financial abuse",
        "concern",
        "A relative has been taking money from their account.",
        "Listened; explained what adult social care can do.",
    ),
    (
        "Physical health",
        "information",
        "Has stopped going to physiotherapy.",
        "Encouraged them to rebook.",
    ),
    (
        "Domestic abuse",
        "concern",
        "Partner checks their phone and stops them going out.",
        "Shared the domestic abuse helpline; agreed a safe word.",
    ),
)
#: About a mentor (volunteer conduct or boundaries).
ABOUT_MENTOR = (
    (
        "Boundaries",
        "information",
        "Gave the mentee their personal phone number.",
        "Talked about boundaries; the mentor asked the mentee to use the office number.",
    ),
    (
        "Volunteer conduct",
        "concern",
        "Arrived late to three sessions running.",
        "Discussed in supervision.",
    ),
)
#: About a group.
ABOUT_GROUP = (
    (
        "Boundaries",
        "information",
        "Two members fell out over a disclosure shared outside.",
        "Facilitator went over the ground rules with the group.",
    ),
    (
        "Mental health crisis",
        "concern",
        "A member left the meeting very distressed.",
        "Co-facilitator followed them out and stayed until a friend came.",
    ),
)
REFERRALS = (
    ("Their GP", 6),
    ("Local authority adult social care", 4),
    ("Community mental health team", 2),
    ("Police", 1),
)
ACTIONS = (
    "Phone them to see how they are",
    "Check the GP appointment happened",
    "Follow up with adult social care",
    "Talk it over in supervision",
)
OUTCOMES = (
    "Support in place; no further action needed.",
    "Adult social care visited and put support in place.",
    "GP reviewed their medication; feeling safer.",
    "Talked through in supervision; resolved.",
    "Information only; nothing further to do.",
)


def write_concern_rows(state: BuilderState) -> None:
    """About six concerns a year (times the demo's scale), after pairings and groups."""
    state.flush()
    rng = random.Random(f"concerns-{state.rng.getstate()[1][:4]}")
    pairings = state.s.exec(select(Pairing).order_by(col(Pairing.id))).all()
    pairings = [p for p in pairings if p.start_date and p.start_date <= state.today]
    meetings = state.s.exec(select(GroupMeeting).order_by(col(GroupMeeting.id))).all()
    if not pairings:
        return
    for number in range(max(1, round(6 * state.years * state.scale))):
        kind = rng.choices(("mentee", "mentor", "group"), weights=(7, 2, 1 if meetings else 0))[0]
        # One in eight is urgent (a mentee in crisis): one or two in the usual three years.
        urgent = number % 8 == 3
        kind = "mentee" if urgent else kind
        if kind == "group":
            meeting = rng.choice(meetings)
            raised = meeting.meeting_date
            subject = {"group_id": meeting.group_id, "group_meeting_id": meeting.id}
            category, level, what, action = rng.choice(ABOUT_GROUP)
        else:
            pairing = rng.choice(pairings)
            start = pairing.start_date or state.start
            last = min(pairing.end_date or state.today, state.today)
            raised = start + timedelta(days=rng.randint(0, max(0, (last - start).days)))
            person = pairing.mentee_id if kind == "mentee" else pairing.mentor_id
            subject = {"about_person_id": person, "pairing_id": pairing.id}
            choices = ABOUT_MENTEE[1:] if kind == "mentee" else ABOUT_MENTOR
            category, level, what, action = ABOUT_MENTEE[0] if urgent else rng.choice(choices)
        if raised > state.today:
            continue
        _write(state, rng, raised, subject, (category, level, what, action))
    state.flush()  # the rows are queued: written now, as the last writer


def _write(
    state: BuilderState,
    rng: random.Random,
    raised: date,
    subject: dict[str, int | None],
    words: tuple[str, str, str, str],
) -> None:
    category, level, what, action = words
    age = (state.today - raised).days
    referred = level != "information" and rng.random() < 0.4
    to = rng.choices([r for r, _ in REFERRALS], weights=[w for _, w in REFERRALS])[0]
    referred_on = min(raised + timedelta(days=rng.randint(0, 2)), state.today)
    closed_on = raised + timedelta(days=rng.randint(7, 40)) if age > 45 else None
    concern_id = state.ids("concern")
    state.add(
        Concern(
            id=concern_id,
            raised_on=raised,
            category=category,
            level=level,
            what=what,
            who_was_told="Coordinator",
            action_taken=action,
            referred_to=to if referred else "",
            referred_on=referred_on if referred else None,
            referral_reference=f"REF-{rng.randint(1000, 9999)}" if referred else "",
            outcome=rng.choice(OUTCOMES) if closed_on else "",
            closed_on=closed_on,
            **subject,
        ),
        "concerns",
    )
    for number in range(rng.choice((0, 0, 1, 1, 2))):
        due = raised + timedelta(days=7 * (number + 1))
        done = due + timedelta(days=rng.randint(-2, 3))
        finished = closed_on is not None or done < state.today - timedelta(days=3)
        state.add(
            ConcernAction(
                id=state.ids("concern_action"),
                concern_id=concern_id,
                action=ACTIONS[(number + concern_id) % len(ACTIONS)],
                due_on=due,
                done_on=min(done, closed_on or done, state.today) if finished else None,
            ),
            "concern actions",
        )
