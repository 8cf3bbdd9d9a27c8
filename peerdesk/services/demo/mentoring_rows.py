"""Demo mentoring: referrals, waiting for a mentor, pairings, sessions and reviews."""

from __future__ import annotations

from datetime import date, time, timedelta

from peerdesk.data.models import (
    Concern,
    MentoringSession,
    Pairing,
    PairingGoal,
    PairingStatusChange,
    PersonRole,
    Referral,
    Review,
)
from peerdesk.services.demo import vocabulary as vocab
from peerdesk.services.demo.volunteer_rows import VolunteerRows
from peerdesk.vocabulary import (
    ClosureReason,
    ConditionLink,
    ConsentKind,
    ReferralSource,
    SessionStatus,
)

#: How long a referral waits for a free mentor before it is closed.
MAX_WAIT_DAYS = 150


class MentoringRows(VolunteerRows):
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
                # Outcome scores are written by outcome_rows.py, once every pairing is in;
                # these draws, once made here, keep the rest of a seed's demo as it was.
                _ = (rng.randint(28, 48), rng.randint(-3, 12))
        if self.chance(0.3) and start_date is not None:
            # Expense claims are written by expense_rows.py once every volunteer is in;
            # this draw, once made here, keeps the rest of a seed's demo as it was.
            _ = rng.randint(20, 300)
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
