"""Demo peer support groups: facilitators, members, meetings and attendance."""

from __future__ import annotations

from datetime import time, timedelta

from peerdesk.data.models import (
    Attendance,
    GroupFacilitator,
    GroupMeeting,
    GroupMember,
    MeetingFacilitator,
    PeerGroup,
    PersonRole,
)
from peerdesk.services.demo import vocabulary as vocab
from peerdesk.services.demo.mentoring_rows import MentoringRows
from peerdesk.vocabulary import (
    ConditionLink,
    ConsentKind,
    Weekday,
)


class GroupRows(MentoringRows):
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
