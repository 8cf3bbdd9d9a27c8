"""`ConcernService`: the safeguarding and concerns log.

A concern is about a person, a pairing or a group (at least one); it may be referred outside
(to whom, when, their reference), gets follow-up actions with due and done dates, and is
closed with an outcome (and may be reopened). Every write is one change set in History; a
removal needs a reason.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlmodel import Session, col, or_, select

from peerdesk.data.models import (
    ChangeLogEntry,
    Concern,
    ConcernAction,
    Pairing,
    PeerGroup,
    Person,
)
from peerdesk.errors import ValidationError
from peerdesk.forms.catalogue import get_form
from peerdesk.forms.document import render_pdf
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.concerns import rows
from peerdesk.services.concerns.rows import in_words
from peerdesk.services.concerns.views import ConcernInput, ConcernRecord, SubjectChoice
from peerdesk.services.corrections import apply_fields, change_set, removal_reason
from peerdesk.services.data_protection import concern_retention
from peerdesk.services.history.views import ChangeSetView
from peerdesk.services.printing import concern_data
from peerdesk.vocabulary import ConcernLevel, PairingStatus


class ConcernService(Service):
    # -- reading -------------------------------------------------------------------------
    def get(self, concern_id: int) -> ConcernRecord:
        with self.db.session() as session:
            return rows.records(session, [get_or_raise(session, Concern, concern_id, "concern")])[0]

    def all(self) -> list[ConcernRecord]:
        """Every concern: open first (urgent first), then closed; newest first within."""
        with self.db.session() as session:
            return rows.in_order(rows.records(session, session.exec(select(Concern))))

    def for_person(self, person_id: int) -> list[ConcernRecord]:
        """Concerns about the person, or about a pairing of theirs."""
        with self.db.session() as session:
            pairings = select(Pairing.id).where(
                or_(Pairing.mentor_id == person_id, Pairing.mentee_id == person_id)
            )
            found = session.exec(
                select(Concern).where(
                    or_(
                        Concern.about_person_id == person_id,
                        col(Concern.pairing_id).in_(pairings),
                    )
                )
            )
            return rows.in_order(rows.records(session, found))

    def for_pairing(self, pairing_id: int) -> list[ConcernRecord]:
        with self.db.session() as session:
            found = session.exec(select(Concern).where(Concern.pairing_id == pairing_id))
            return rows.in_order(rows.records(session, found))

    def for_group(self, group_id: int) -> list[ConcernRecord]:
        with self.db.session() as session:
            found = session.exec(select(Concern).where(Concern.group_id == group_id))
            return rows.in_order(rows.records(session, found))

    def subjects(self) -> list[SubjectChoice]:
        """Everyone, every pairing not ended and every group, for the "about" box."""
        with self.db.session() as session:
            people = session.exec(
                select(Person).order_by(col(Person.first_name), col(Person.last_name))
            ).all()
            choices = [SubjectChoice("person", p.id or 0, p.display_name) for p in people]
            for pairing in session.exec(
                select(Pairing).where(Pairing.status != PairingStatus.ENDED.value)
            ):
                label = rows.pairing_label(session, pairing)
                choices.append(SubjectChoice("pairing", pairing.id or 0, label))
            for group in session.exec(select(PeerGroup).order_by(col(PeerGroup.name))):
                choices.append(SubjectChoice("group", group.id or 0, f"Group: {group.name}"))
            return choices

    def record_form(self, concern_id: int, *, large_print: bool = False) -> bytes:
        """The concern-record form filled in for one concern, as PDF bytes."""
        from peerdesk.services.printing.service import PrintingService, with_coordinator

        spec = get_form("concern-record")
        assert spec is not None  # the catalogue always has it
        organisation = PrintingService(self.db, self._today).organisation_info()
        with self.db.session() as session:
            data = concern_data.concern_record(session, concern_id)
        data = with_coordinator(data, organisation.coordinator_name, organisation.coordinator_role)
        return render_pdf(spec, data, organisation, large_print=large_print)

    # -- retention -------------------------------------------------------------------------
    def kept_on_erasure(self, person_id: int) -> list[str]:
        """What erasing the person today would keep in concerns, and until when, in plain
        sentences for the erasure dialog (empty: nothing kept)."""
        with self.db.session() as session:
            kept = concern_retention.kept_concerns(session, person_id, self.today())
            return [k.sentence() for k in kept]

    def release_holds(self) -> int:
        """The sweep: names kept after an erasure are replaced with "Erased person" once the
        concern retention period has ended (one transaction, only when one is due)."""
        with self.db.session() as reading:
            due = concern_retention.holds_due(reading, self.today())
        if not due:
            return 0
        with self.db.transaction() as session:
            return concern_retention.release_holds(session, self.today())

    def history(self, concern_id: int) -> list[ChangeSetView]:
        """Every change set that touched the concern or any of its actions, oldest first."""
        # Here, not at the top: importing the history service imports this one (a cycle).
        from peerdesk.services.history.service import change_set_views

        with self.db.session() as session:
            key = json.dumps({"id": concern_id})
            entries = list(
                session.exec(
                    select(ChangeLogEntry).where(
                        ChangeLogEntry.table_name == "concern", ChangeLogEntry.record_key == key
                    )
                )
            )
            # An action's entries name its concern only when it is added or removed; the
            # keys of every action ever named are then followed.
            action_keys: set[str] = set()
            for entry in session.exec(
                select(ChangeLogEntry).where(
                    ChangeLogEntry.table_name == "concern_action",
                    col(ChangeLogEntry.changes).like(f"%{concern_id}%"),
                )
            ):
                pair = json.loads(entry.changes).get("concern_id")
                if isinstance(pair, list) and concern_id in pair:
                    action_keys.add(entry.record_key)
            if action_keys:
                entries += session.exec(
                    select(ChangeLogEntry).where(
                        ChangeLogEntry.table_name == "concern_action",
                        col(ChangeLogEntry.record_key).in_(action_keys),
                    )
                ).all()
            return change_set_views(session, entries)

    # -- raising and editing -------------------------------------------------------------
    def raise_concern(self, details: ConcernInput) -> ConcernRecord:
        fields = self._checked(details)
        description = f"Raised a concern on {in_words(details.raised_on)}"
        with change_set(self.db, description=description) as session:
            _check_subjects(session, details)
            concern = Concern(**fields)
            session.add(concern)
            session.flush()
            return rows.records(session, [concern])[0]

    def update(self, concern_id: int, details: ConcernInput, reason: str = "") -> ConcernRecord:
        """Correct what was entered when the concern was raised."""
        fields = self._checked(details)
        description = f"Edited the concern raised on {in_words(details.raised_on)}"
        with change_set(self.db, reason=reason.strip(), description=description) as session:
            concern = get_or_raise(session, Concern, concern_id, "concern")
            _check_subjects(session, details)
            firsts = [concern.referred_on, concern.closed_on]
            firsts += [a.due_on for a in _actions(session, concern_id)]
            _refuse_after(details.raised_on, [d for d in firsts if d is not None])
            session.add(apply_fields(concern, fields))
            session.flush()
            return rows.records(session, [concern])[0]

    def refer(
        self, concern_id: int, *, referred_to: str, referred_on: date | None, reference: str = ""
    ) -> ConcernRecord:
        """Record who the concern was referred to outside, when and their reference (blank
        `referred_to` clears it)."""
        to = v.short_text(referred_to, "referred_to", "who it was referred to")
        if to and referred_on is None:
            raise ValidationError("Please enter the date it was referred.", "referred_on")
        v.not_in_future(referred_on, self.today(), "referred_on", "the date referred")
        with change_set(self.db, description="Recorded a concern's referral") as session:
            concern = get_or_raise(session, Concern, concern_id, "concern")
            v.on_or_after(
                referred_on,
                concern.raised_on,
                "referred_on",
                "A concern cannot be referred before it was raised.",
            )
            values: dict[str, Any] = {
                "referred_to": to,
                "referred_on": referred_on if to else None,
                "referral_reference": v.short_text(reference, "referral_reference", "reference")
                if to
                else "",
            }
            session.add(apply_fields(concern, values))
            session.flush()
            return rows.records(session, [concern])[0]

    def close(self, concern_id: int, *, on: date | None = None, outcome: str = "") -> ConcernRecord:
        """Close it with its outcome (required: what an auditor reads later)."""
        when = on or self.today()
        v.not_in_future(when, self.today(), "closed_on", "the date closed")
        text = v.required_long_text(outcome, "outcome", "the outcome")
        with change_set(self.db, description=f"Closed a concern on {in_words(when)}") as session:
            concern = get_or_raise(session, Concern, concern_id, "concern")
            if concern.closed_on is not None:
                raise ValidationError("This concern is already closed.", "closed_on")
            v.on_or_after(
                when,
                concern.raised_on,
                "closed_on",
                "A concern cannot be closed before it was raised.",
            )
            session.add(apply_fields(concern, {"closed_on": when, "outcome": text}))
            session.flush()
            return rows.records(session, [concern])[0]

    def reopen(self, concern_id: int, reason: str) -> ConcernRecord:
        why = v.required_text(reason, "reason", "why it is being reopened")
        with change_set(self.db, reason=why, description="Reopened a concern") as session:
            concern = get_or_raise(session, Concern, concern_id, "concern")
            if concern.closed_on is None:
                raise ValidationError("This concern is open already.", "closed_on")
            session.add(apply_fields(concern, {"closed_on": None}))
            session.flush()
            return rows.records(session, [concern])[0]

    def remove(self, concern_id: int, reason: str | None) -> str:
        """Remove a concern entered in error, with its actions (one change set)."""
        why = removal_reason(reason)
        with self.db.session() as reading:
            found = get_or_raise(reading, Concern, concern_id, "concern")
            description = f"Removed the concern raised on {in_words(found.raised_on)}"
        with change_set(self.db, reason=why, description=description) as session:
            get_or_raise(session, Concern, concern_id, "concern")
            for action in _actions(session, concern_id):
                session.delete(action)
            session.flush()
            session.delete(get_or_raise(session, Concern, concern_id, "concern"))
        return description

    # -- follow-up actions ---------------------------------------------------------------
    def add_action(self, concern_id: int, action: str, due_on: date | None = None) -> ConcernRecord:
        text = v.required_long_text(action, "action", "what is to be done")
        with change_set(self.db, description="Added a follow-up action to a concern") as session:
            concern = get_or_raise(session, Concern, concern_id, "concern")
            v.on_or_after(
                due_on, concern.raised_on, "due_on", "An action cannot be due before the concern."
            )
            session.add(ConcernAction(concern_id=concern_id, action=text, due_on=due_on))
            session.flush()
            return rows.records(session, [concern])[0]

    def update_action(
        self,
        action_id: int,
        *,
        action: str,
        due_on: date | None,
        done_on: date | None,
        reason: str = "",
    ) -> ConcernRecord:
        text = v.required_long_text(action, "action", "what is to be done")
        v.not_in_future(done_on, self.today(), "done_on", "the date done")
        description = "Edited a concern's follow-up action"
        with change_set(self.db, reason=reason.strip(), description=description) as session:
            row = get_or_raise(session, ConcernAction, action_id, "follow-up action")
            concern = get_or_raise(session, Concern, row.concern_id, "concern")
            for day, name in ((due_on, "due_on"), (done_on, "done_on")):
                v.on_or_after(
                    day, concern.raised_on, name, "An action cannot be dated before the concern."
                )
            values = {"action": text, "due_on": due_on, "done_on": done_on}
            session.add(apply_fields(row, values))
            session.flush()
            return rows.records(session, [concern])[0]

    def mark_done(self, action_id: int, on: date | None = None) -> ConcernRecord:
        when = on or self.today()
        with self.db.session() as reading:
            row = get_or_raise(reading, ConcernAction, action_id, "follow-up action")
            if row.done_on is not None:
                raise ValidationError("This action is already done.", "done_on")
        return self.update_action(action_id, action=row.action, due_on=row.due_on, done_on=when)

    def remove_action(self, action_id: int, reason: str | None) -> ConcernRecord:
        why = removal_reason(reason)
        with self.db.session() as reading:
            row = get_or_raise(reading, ConcernAction, action_id, "follow-up action")
            concern_id = row.concern_id
        description = "Removed a concern's follow-up action"
        with change_set(self.db, reason=why, description=description) as session:
            session.delete(get_or_raise(session, ConcernAction, action_id, "follow-up action"))
            session.flush()
            concern = get_or_raise(session, Concern, concern_id, "concern")
            return rows.records(session, [concern])[0]

    def _checked(self, details: ConcernInput) -> dict[str, Any]:
        v.not_in_future(details.raised_on, self.today(), "raised_on", "the date raised")
        if details.about_person_id is None and details.pairing_id is None and not details.group_id:
            raise ValidationError(
                "Please choose who or what the concern is about: a person, a pairing or a group.",
                "about",
            )
        return {
            "raised_on": details.raised_on,
            "about_person_id": details.about_person_id,
            "pairing_id": details.pairing_id,
            "group_id": details.group_id,
            "category": v.short_text(details.category, "category", "the category"),
            "level": v.one_of(details.level, ConcernLevel, "level", "the level").value,
            "what": v.required_long_text(details.what, "what", "what happened"),
            "action_taken": v.long_text(details.action_taken, "action_taken", "the action taken"),
            "who_was_told": v.long_text(details.who_was_told, "who_was_told", "who was told"),
        }


def _check_subjects(session: Session, details: ConcernInput) -> None:
    if details.about_person_id is not None:
        get_or_raise(session, Person, details.about_person_id, "person")
    if details.pairing_id is not None:
        get_or_raise(session, Pairing, details.pairing_id, "pairing")
    if details.group_id is not None:
        get_or_raise(session, PeerGroup, details.group_id, "group")


def _actions(session: Session, concern_id: int) -> list[ConcernAction]:
    return list(session.exec(select(ConcernAction).where(ConcernAction.concern_id == concern_id)))


def _refuse_after(raised_on: date, later: list[date]) -> None:
    if later and raised_on > min(later):
        raise ValidationError(
            f"The date raised cannot be after {in_words(min(later))}, the concern's first "
            "later date (referred, an action due, or closed).",
            "raised_on",
        )
