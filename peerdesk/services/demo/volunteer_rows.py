"""Demo volunteers: the journey, checks, references, training and supervision."""

from __future__ import annotations

from datetime import date, timedelta

from peerdesk.data.models import (
    DisclosureCheck,
    PersonRole,
    Supervision,
    VolunteerProfile,
    VolunteerReference,
    VolunteerStageChange,
)
from peerdesk.services.demo import vocabulary as vocab
from peerdesk.services.demo.people_rows import PeopleRows
from peerdesk.vocabulary import (
    ConditionLink,
    ConsentKind,
)


class VolunteerRows(PeopleRows):
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
                # The courses are written by training_rows.py from this step's day.
                for _draw in range(vocab.TRAINING_STEP_DRAWS):
                    self.rng.randint(0, 20)
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
