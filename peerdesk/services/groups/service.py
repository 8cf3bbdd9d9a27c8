"""Peer support groups: the group, its facilitators and members, meetings and registers."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, func
from sqlmodel import col, select

from peerdesk.data.models import (
    Attendance,
    GroupFacilitator,
    GroupMeeting,
    GroupMember,
    MeetingFacilitator,
    PeerGroup,
    Person,
)
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import change_set, removal_reason
from peerdesk.services.groups import people as group_people
from peerdesk.services.groups import reports as reports
from peerdesk.services.groups.register import (
    apply_record,
    ensure_role,
    meeting_facilitator_ids,
    recompute_is_new,
    write_register,
)
from peerdesk.services.groups.rows import (
    FacilitatorLine,
    GroupDetails,
    GroupPerson,
    GroupRow,
    GroupSummary,
    GroupView,
    GroupYear,
    MeetingRecord,
    MeetingRow,
    MeetingView,
    MemberLine,
    RegisterCandidate,
    came_before,
    group_rows,
    group_view,
    meeting_rows,
    meeting_view,
    register_candidates,
)
from peerdesk.services.projects import check_project
from peerdesk.vocabulary import GroupKind, GroupStatus, Role, Weekday

__all__ = [
    "GroupDetails",
    "GroupRow",
    "GroupService",
    "GroupSummary",
    "MeetingRecord",
    "MeetingRow",
    "RegisterCandidate",
]


class GroupService(Service):
    # -- groups --------------------------------------------------------------------------
    def create(self, details: GroupDetails) -> GroupView:
        checked = self._validate(details)
        with self.db.transaction() as session:
            check_project(session, checked.project_id)
            group = PeerGroup(**checked.__dict__)
            session.add(group)
            session.flush()
            session.refresh(group)
            return group_view(session, group, self.today())

    def update(self, group_id: int, details: GroupDetails) -> GroupView:
        checked = self._validate(details)
        with self.db.transaction() as session:
            group = get_or_raise(session, PeerGroup, group_id, "group")
            check_project(session, checked.project_id, current=group.project_id)
            if checked.kind == GroupKind.DROP_IN.value and group.kind == GroupKind.CLOSED.value:
                current = session.exec(
                    select(func.count())
                    .select_from(GroupMember)
                    .where(GroupMember.group_id == group_id, col(GroupMember.left_on).is_(None))
                ).one()
                if current:
                    raise ValidationError(
                        "This group still has members. Record that they have left before "
                        "making it a drop-in group.",
                        "kind",
                    )
            for name, value in checked.__dict__.items():
                setattr(group, name, value)
            session.add(group)
            session.flush()
            session.refresh(group)
            return group_view(session, group, self.today())

    def update_ground_rules(self, group_id: int, text: str, reviewed_on: date | None) -> GroupView:
        """Save the group agreement and the date it was last reviewed with members."""
        v.not_in_future(
            reviewed_on,
            self.today(),
            "ground_rules_reviewed_on",
            "the date the ground rules were reviewed",
        )
        with self.db.transaction() as session:
            group = get_or_raise(session, PeerGroup, group_id, "group")
            group.ground_rules = v.long_text(text, "ground_rules", "the ground rules")
            group.ground_rules_reviewed_on = reviewed_on
            session.add(group)
            session.flush()
            session.refresh(group)
            return group_view(session, group, self.today())

    def get(self, group_id: int) -> GroupView:
        with self.db.session() as session:
            group = get_or_raise(session, PeerGroup, group_id, "group")
            return group_view(session, group, self.today())

    def details(self, group_id: int) -> GroupDetails:
        """A saved group as details the group dialog can edit."""
        with self.db.session() as session:
            return GroupDetails.of(get_or_raise(session, PeerGroup, group_id, "group"))

    def all(self) -> list[GroupView]:
        with self.db.session() as session:
            groups = session.exec(select(PeerGroup).order_by(col(PeerGroup.name)))
            return [group_view(session, group, self.today()) for group in groups]

    def rows(self) -> list[GroupRow]:
        """Every group with its status, rhythm, last and next meeting: the Groups list."""
        with self.db.session() as session:
            return group_rows(session, self.today())

    # -- facilitators and members -------------------------------------------------------
    def set_facilitators(self, group_id: int, person_ids: list[int]) -> None:
        with self.db.transaction() as session:
            get_or_raise(session, PeerGroup, group_id, "group")
            session.exec(delete(GroupFacilitator).where(col(GroupFacilitator.group_id) == group_id))
            for person_id in dict.fromkeys(person_ids):
                get_or_raise(session, Person, person_id, "facilitator")
                session.add(GroupFacilitator(group_id=group_id, person_id=person_id))
                ensure_role(session, person_id, Role.FACILITATOR, self.today())

    def facilitators(self, group_id: int) -> list[GroupPerson]:
        with self.db.session() as session:
            return group_people.facilitators(session, group_id)

    def facilitator_lines(self, group_id: int) -> list[FacilitatorLine]:
        """The Facilitators tab: each facilitator with their hours in the last 12 months."""
        start, end = reports.last_12_months(self.today())
        with self.db.session() as session:
            return [
                FacilitatorLine(
                    person_id=p.id,
                    name=p.name,
                    hours_last_12_months=reports.hours(
                        reports.facilitator_minutes(session, start, end, group_id, p.id)
                    ),
                )
                for p in group_people.facilitators(session, group_id)
            ]

    def add_member(self, group_id: int, person_id: int, joined_on: date | None = None) -> None:
        when = joined_on or self.today()
        v.not_in_future(when, self.today(), "joined_on", "the date they joined")
        with self.db.transaction() as session:
            group = get_or_raise(session, PeerGroup, group_id, "group")
            get_or_raise(session, Person, person_id, "person")
            if group.kind != GroupKind.CLOSED.value:
                raise ValidationError(
                    "Only closed groups have members; anyone may come to a drop-in group.", "kind"
                )
            membership = session.get(GroupMember, (group_id, person_id))
            if membership is None:
                session.add(GroupMember(group_id=group_id, person_id=person_id, joined_on=when))
            elif membership.left_on is not None:
                # One row per person and group: rejoining starts the membership afresh.
                membership.joined_on = when
                membership.left_on = None
                session.add(membership)
            ensure_role(session, person_id, Role.GROUP_MEMBER, when)

    def remove_member(self, group_id: int, person_id: int, left_on: date | None = None) -> None:
        """Record that a member has left; their attendance stays in the history."""
        when = left_on or self.today()
        v.not_in_future(when, self.today(), "left_on", "the date they left")
        with self.db.transaction() as session:
            membership = session.get(GroupMember, (group_id, person_id))
            if membership is None or membership.left_on is not None:
                raise ValidationError(
                    "This person is not a current member of the group.", "left_on"
                )
            if when < membership.joined_on:
                raise ValidationError(
                    f"They joined on {membership.joined_on:%d %B %Y}: the date they left "
                    "cannot be earlier.",
                    "left_on",
                )
            membership.left_on = when
            session.add(membership)

    def members(self, group_id: int) -> list[GroupPerson]:
        with self.db.session() as session:
            return group_people.members(session, group_id)

    def member_lines(self, group_id: int) -> list[MemberLine]:
        """The Members tab: current members, each marked regular or not."""
        with self.db.session() as session:
            regular = set(reports.regular_ids(session, group_id, self.today()))
            return [
                MemberLine(person_id=p.id, name=p.name, is_regular=p.id in regular)
                for p in group_people.members(session, group_id)
            ]

    # -- meetings ------------------------------------------------------------------------
    def hold_meeting(self, group_id: int, record: MeetingRecord) -> MeetingView:
        """Record a meeting and its register in one transaction."""
        self._check_record(record)
        with self.db.transaction() as session:
            group = get_or_raise(session, PeerGroup, group_id, "group")
            meeting = GroupMeeting(group_id=group_id, meeting_date=record.meeting_date)
            apply_record(meeting, record, group)
            session.add(meeting)
            session.flush()
            facilitator_ids = record.facilitator_ids
            if facilitator_ids is None:
                facilitator_ids = list(
                    session.exec(
                        select(GroupFacilitator.person_id).where(
                            GroupFacilitator.group_id == group_id
                        )
                    )
                )
            write_register(session, meeting, record, facilitator_ids, set())
            session.refresh(meeting)
            return meeting_view(meeting)

    def update_meeting(self, meeting_id: int, record: MeetingRecord) -> MeetingView:
        """Change a meeting and its register in one transaction. `facilitator_ids=None`
        keeps the facilitators recorded before."""
        self._check_record(record)
        with self.db.transaction() as session:
            meeting = get_or_raise(session, GroupMeeting, meeting_id, "group meeting")
            group = get_or_raise(session, PeerGroup, meeting.group_id, "group")
            apply_record(meeting, record, group)
            session.add(meeting)
            facilitator_ids = record.facilitator_ids
            if facilitator_ids is None:
                facilitator_ids = meeting_facilitator_ids(session, meeting_id)
            earlier = set(
                session.exec(
                    select(Attendance.person_id).where(Attendance.meeting_id == meeting_id)
                )
            )
            session.exec(delete(Attendance).where(col(Attendance.meeting_id) == meeting_id))
            session.exec(
                delete(MeetingFacilitator).where(col(MeetingFacilitator.meeting_id) == meeting_id)
            )
            session.flush()
            write_register(session, meeting, record, facilitator_ids, earlier)
            session.refresh(meeting)
            return meeting_view(meeting)

    def delete_meeting(self, meeting_id: int) -> None:
        """Remove a meeting entered by mistake (its register goes with it)."""
        self._remove_meeting(meeting_id, reason="", description="")

    def remove_meeting(self, meeting_id: int, reason: str) -> str:
        """Remove a meeting entered in error, with its register, giving the reason."""
        why = removal_reason(reason)
        when = self.get_meeting(meeting_id).meeting_date
        description = f"Removed the group meeting of {when.day} {when:%B %Y} and its register"
        self._remove_meeting(meeting_id, reason=why, description=description)
        return description

    def _remove_meeting(self, meeting_id: int, *, reason: str, description: str) -> None:
        with change_set(self.db, reason=reason, description=description) as session:
            meeting = get_or_raise(session, GroupMeeting, meeting_id, "group meeting")
            people = set(
                session.exec(
                    select(Attendance.person_id).where(Attendance.meeting_id == meeting_id)
                )
            )
            group_id = meeting.group_id
            session.delete(meeting)
            session.flush()
            recompute_is_new(session, group_id, people)

    def get_meeting(self, meeting_id: int) -> MeetingView:
        with self.db.session() as session:
            return meeting_view(get_or_raise(session, GroupMeeting, meeting_id, "group meeting"))

    def meeting_record(self, meeting_id: int) -> MeetingRecord:
        """A saved meeting as a record the meeting dialog can edit."""
        with self.db.session() as session:
            meeting = get_or_raise(session, GroupMeeting, meeting_id, "group meeting")
            attendee_ids = list(
                session.exec(
                    select(Attendance.person_id).where(Attendance.meeting_id == meeting_id)
                )
            )
            return MeetingRecord(
                meeting_date=meeting.meeting_date,
                duration_minutes=meeting.duration_minutes,
                start_time=meeting.start_time,
                venue=meeting.venue,
                attendee_ids=sorted(attendee_ids),
                unnamed_attendees=meeting.unnamed_attendees,
                facilitator_ids=sorted(meeting_facilitator_ids(session, meeting_id)),
                note=meeting.note,
                concern_flag=meeting.concern_flag,
            )

    def meetings(self, group_id: int) -> list[MeetingView]:
        with self.db.session() as session:
            return [
                meeting_view(meeting)
                for meeting in session.exec(
                    select(GroupMeeting)
                    .where(GroupMeeting.group_id == group_id)
                    .order_by(col(GroupMeeting.meeting_date).desc(), col(GroupMeeting.id).desc())
                )
            ]

    def meeting_rows(self, group_id: int) -> list[MeetingRow]:
        """The group's meetings, newest first, with their counts: the meetings list."""
        with self.db.session() as session:
            return meeting_rows(session, group_id)

    def meeting_facilitators(self, meeting_id: int) -> list[GroupPerson]:
        with self.db.session() as session:
            return group_people.meeting_facilitators(session, meeting_id)

    def attendance_count(self, meeting_id: int) -> int:
        """Named attendees plus unnamed drop-in attendees."""
        with self.db.session() as session:
            meeting = get_or_raise(session, GroupMeeting, meeting_id, "group meeting")
            named = session.exec(
                select(func.count())
                .select_from(Attendance)
                .where(Attendance.meeting_id == meeting_id)
            ).one()
            return int(named) + meeting.unnamed_attendees

    def attendees(self, meeting_id: int) -> list[tuple[GroupPerson, bool]]:
        """Named attendees with whether it was their first meeting of this group."""
        with self.db.session() as session:
            return group_people.attendees(session, meeting_id)

    def register_candidates(
        self, group_id: int, on: date, meeting_id: int | None = None
    ) -> list[RegisterCandidate]:
        """Who to list on the register for a meeting on `on`: current members, people who
        came in the last six months, and (when editing) those already recorded."""
        with self.db.session() as session:
            return register_candidates(session, group_id, on, meeting_id)

    def returning_ids(
        self, group_id: int, person_ids: list[int], on: date, meeting_id: int | None = None
    ) -> set[int]:
        """Of these people, those who came to this group before `on` (so are not new)."""
        with self.db.session() as session:
            return came_before(session, group_id, set(person_ids), on, meeting_id)

    # -- counting ------------------------------------------------------------------------
    def summary(self, start: date, end: date, group_id: int | None = None) -> GroupSummary:
        """Meetings, attendances, unique and new attendees and facilitator hours in [start,
        end] for one group, or all groups when `group_id` is None."""
        with self.db.session() as session:
            return GroupSummary(
                start=start,
                end=end,
                meetings=reports.meeting_count(session, start, end, group_id),
                named_attendances=reports.named_attendances(session, start, end, group_id),
                unnamed_attendances=reports.unnamed_attendances(session, start, end, group_id),
                unique_attendees=len(reports.unique_attendee_ids(session, start, end, group_id)),
                new_attendees=len(reports.new_attendee_ids(session, start, end, group_id)),
                facilitator_hours=reports.hours(
                    reports.facilitator_minutes(session, start, end, group_id)
                ),
            )

    def year(self, group_id: int) -> GroupYear:
        """The group page's "last 12 months" (`reports.last_12_months`) and regulars now."""
        start, end = reports.last_12_months(self.today())
        summary = self.summary(start, end, group_id)
        with self.db.session() as session:
            regulars = reports.regular_ids(session, group_id, self.today())
        return GroupYear(summary=summary, regulars=len(regulars))

    def unique_attendees(self, start: date, end: date, group_id: int | None = None) -> int:
        """Distinct named people at ≥1 group meeting in the period (figures.md)."""
        with self.db.session() as session:
            return len(reports.unique_attendee_ids(session, start, end, group_id))

    def facilitator_hours(
        self,
        start: date,
        end: date,
        group_id: int | None = None,
        person_id: int | None = None,
    ) -> float:
        """Meeting duration × facilitators present, in hours to one decimal (figures.md)."""
        with self.db.session() as session:
            minutes = reports.facilitator_minutes(session, start, end, group_id, person_id)
            return reports.hours(minutes)

    def attendance_over_time(
        self, group_id: int, months: int = 12
    ) -> list[reports.AttendancePoint]:
        with self.db.session() as session:
            return reports.attendance_by_month(session, group_id, self.today(), months)

    def regulars(
        self,
        group_id: int,
        at_least: int = reports.REGULAR_AT_LEAST,
        of_last: int = reports.REGULAR_OF_LAST,
    ) -> list[GroupPerson]:
        """People who came to at least `at_least` of the last `of_last` meetings."""
        with self.db.session() as session:
            ids = reports.regular_ids(session, group_id, self.today(), at_least, of_last)
            return group_people.people_by_id(session, ids)

    def next_meeting_date(self, group_id: int) -> date | None:
        with self.db.session() as session:
            group = get_or_raise(session, PeerGroup, group_id, "group")
            return reports.next_meeting_date(session, group, self.today())

    # -- validation ----------------------------------------------------------------------
    def _check_record(self, record: MeetingRecord) -> None:
        v.not_in_future(
            record.meeting_date,
            self.today(),
            "meeting_date",
            "the date of a meeting that has happened",
        )
        if record.unnamed_attendees < 0:
            raise ValidationError(
                "The number of unnamed attendees cannot be negative.", "unnamed_attendees"
            )
        if record.unnamed_attendees > 1000:
            raise ValidationError(
                "That is a very large number of unnamed attendees: please check it.",
                "unnamed_attendees",
            )
        for name in record.new_people:
            v.required_text(name, "new_people", "the new person's first name")

    def _validate(self, d: GroupDetails) -> GroupDetails:
        kind = v.one_of(d.kind, GroupKind, "kind", "drop-in or closed")
        status = v.one_of(d.status, GroupStatus, "status", "the group's status")
        weekday = v.optional_one_of(d.usual_weekday, Weekday, "usual_weekday", "a day")
        v.not_in_future(
            d.ground_rules_reviewed_on,
            self.today(),
            "ground_rules_reviewed_on",
            "the date the ground rules were reviewed",
        )
        return GroupDetails(
            name=v.required_text(d.name, "name", "the group's name"),
            kind=kind.value,
            venue=v.short_text(d.venue, "venue", "the venue"),
            is_online=bool(d.is_online),
            usual_weekday=weekday.value if weekday else None,
            usual_time=d.usual_time,
            usual_duration_minutes=v.minutes(
                d.usual_duration_minutes, "usual_duration_minutes", "the usual length"
            ),
            status=status.value,
            ground_rules=v.long_text(d.ground_rules, "ground_rules", "the ground rules"),
            ground_rules_reviewed_on=d.ground_rules_reviewed_on,
            started_on=d.started_on,
            project_id=d.project_id,
        )
