"""Planning the people rows: read, check with the people service's own rules, find duplicates."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from peerdesk.data.models import Condition, Person, PersonCondition, PersonRole
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.importing.directory import Directory
from peerdesk.services.importing.model import (
    Action,
    DuplicateChoice,
    PersonOp,
    PlannedRow,
    RowKey,
)
from peerdesk.services.importing.referrals_plan import ReferralPlanner
from peerdesk.services.importing.rowreader import RowReader, SheetContext
from peerdesk.services.importing.values import split_name
from peerdesk.services.people.service import ConditionEntry, PeopleService, PersonDetails
from peerdesk.vocabulary import ConditionLink, Role

DETAIL_FIELDS = tuple(f.name for f in fields(PersonDetails))
#: Stands in for a missing first name so the rest of the row can still be checked.
_NO_NAME = "?"


@dataclass
class MentorLink:
    """A people row naming the person's mentor: becomes a pairing once people are known."""

    key: RowKey
    mentee: PersonOp
    mentor_text: str
    paired_on: date | None
    row: int  # 0-based, for problems


class PeoplePlanner:
    def __init__(
        self,
        session: Session,
        directory: Directory,
        people: PeopleService,
        choices: dict[RowKey, DuplicateChoice],
        referrals: ReferralPlanner,
    ) -> None:
        self.session = session
        self.directory = directory
        self.people = people
        self.choices = choices
        self.referrals = referrals
        self.conditions = {name.casefold(): name for name in session.exec(select(Condition.name))}
        self.ops: list[PersonOp] = []
        self.rows: list[PlannedRow] = []
        self.links: list[MentorLink] = []
        self._field_sets: dict[frozenset[str], frozenset[str]] = {}
        self._roles: dict[tuple[Role, ...], tuple[Role, ...]] = {}

    def plan_row(self, context: SheetContext, row: int) -> None:
        reader = RowReader(context, row)
        key: RowKey = (context.sheet.name, row + 1)
        raw = {name: reader.value(name) for name in context.having(DETAIL_FIELDS)}
        if not raw.get("first_name") and context.has("full_name"):
            first, last = split_name(reader.value("full_name") or "")
            raw["first_name"] = first
            raw.setdefault("last_name", last)
            if not raw.get("last_name"):
                raw["last_name"] = last
        fields_set = frozenset(k for k, value in raw.items() if value not in (None, ""))
        # Rows mostly fill the same columns: share one set between them (memory).
        fields_set = self._field_sets.setdefault(fields_set, fields_set)
        details = PersonDetails(
            first_name=raw.get("first_name") or "",
            **{k: value for k, value in raw.items() if k != "first_name" and value is not None},
        )
        details = self._checked(details, context, reader)
        roles = [Role(r) for r in reader.value("roles") or []] if context.has("roles") else []
        mentor_text = reader.value("mentor") if context.has("mentor") else None
        if mentor_text and not {Role.MENTEE, Role.CARER} & set(roles):
            roles.append(Role.MENTEE)
        started_on = reader.value("started_on") if context.has("started_on") else None
        if started_on is not None and started_on > context.today:
            reader.fail("The start date is in the future: please check it.", "started_on")
        conditions = self._conditions(reader, roles) if context.has("conditions") else []
        referral = self.referrals.read(context, reader, roles)
        # Without a start date, a referred person's roles start when the referral came in.
        begun = referral.referral_date if referral is not None else None
        op = PersonOp(
            key=key,
            details=details,
            fields_set=fields_set,
            # Rows share one tuple of each set of roles (most rows: "mentee"), and tuples
            # cannot be changed through another row's op (memory).
            roles=self._roles.setdefault(tuple(roles), tuple(roles)),
            started_on=started_on or begun or context.today,
            conditions=tuple(conditions),
        )
        if reader.errors:
            op.action = Action.REFUSED
            self.rows.append(PlannedRow(key[0], key[1], "Person", _describe(op), Action.REFUSED))
            return
        self._decide(op)
        if referral is not None:
            self.rows.append(self.referrals.plan(context, row, op, referral))
        self.ops.append(op)
        self.directory.add(op)
        if mentor_text:
            paired_on = reader.value("paired_on") if context.has("paired_on") else None
            self.links.append(MentorLink(key, op, mentor_text, paired_on, row))

    # -- checking ------------------------------------------------------------------------
    def _checked(
        self, details: PersonDetails, context: SheetContext, reader: RowReader
    ) -> PersonDetails:
        """The people service's own checks; every failing field is reported, not only the first."""
        for _ in range(len(DETAIL_FIELDS) + 1):
            try:
                return self.people._validate(details)
            except ValidationError as error:
                name = error.field or ""
                if name == "first_name":
                    column = "first_name" if context.has("first_name") else "full_name"
                    if details.first_name.strip():
                        reader.fail(str(error), column)
                    else:
                        reader.fail(
                            "This row has no first name: every person needs at least a first name.",
                            column,
                        )
                    details = replace(details, first_name=_NO_NAME)
                elif name in DETAIL_FIELDS:
                    reader.fail(str(error), name)
                    blank: Any = PersonDetails.__dataclass_fields__[name].default
                    details = replace(details, **{name: blank})
                else:
                    reader.fail(str(error))
                    break
        return details

    def _conditions(self, reader: RowReader, roles: list[Role]) -> list[ConditionEntry]:
        if Role.MENTEE not in roles and {Role.MENTOR, Role.FACILITATOR} & set(roles):
            link = ConditionLink.LIVED_EXPERIENCE
        elif roles == [Role.CARER]:
            link = ConditionLink.CARES_FOR
        else:
            link = ConditionLink.LIVES_WITH
        entries = []
        for name in reader.value("conditions") or []:
            try:
                cleaned = v.required_text(name, "conditions", "the condition's name")
            except ValidationError as error:
                reader.fail(str(error), "conditions")
                continue
            canonical = self.conditions.setdefault(cleaned.casefold(), cleaned)
            entries.append(ConditionEntry(canonical, link))
        return entries

    # -- duplicates ----------------------------------------------------------------------
    def _decide(self, op: PersonOp) -> None:
        duplicate, earlier = self.directory.duplicate_of(op)
        op.duplicate = duplicate
        what = "Person"
        if duplicate is None:
            self.rows.append(PlannedRow(op.key[0], op.key[1], what, _describe(op), Action.CREATE))
            return
        choice = self.choices.get(op.key, DuplicateChoice.SKIP)
        choice_shown: DuplicateChoice | None
        if duplicate.person_id is not None:
            existing = self._existing(duplicate.person_id)
            if self._adds_nothing(op, *existing):
                op.action, op.existing_id, choice_shown = (
                    Action.UNCHANGED,
                    duplicate.person_id,
                    None,
                )
            elif choice is DuplicateChoice.UPDATE:
                op.action, op.existing_id = Action.UPDATE, duplicate.person_id
                op.details = self._overlay(existing[0], op)
                choice_shown = choice
            elif choice is DuplicateChoice.ADD:
                op.action, choice_shown = Action.CREATE, choice
            else:
                op.action, op.existing_id, choice_shown = Action.SKIP, duplicate.person_id, choice
        else:
            assert earlier is not None
            if self._adds_nothing(
                op,
                earlier.details,
                set(earlier.roles),
                {c.name.casefold() for c in earlier.conditions},
            ):
                op.action, op.merged_into, choice_shown = Action.UNCHANGED, earlier, None
            elif choice is DuplicateChoice.ADD:
                op.action, choice_shown = Action.CREATE, choice
            elif choice is DuplicateChoice.UPDATE:
                self.directory.replace_details(earlier, self._overlay(earlier.details, op))
                earlier.roles += tuple(r for r in op.roles if r not in earlier.roles)
                earlier.conditions += tuple(c for c in op.conditions if c not in earlier.conditions)
                op.action, op.merged_into, choice_shown = Action.SKIP, earlier, choice
            else:
                op.action, op.merged_into, choice_shown = Action.SKIP, earlier, choice
        self.rows.append(
            PlannedRow(
                op.key[0], op.key[1], what, _describe(op), op.action, duplicate, choice_shown
            )
        )

    def _existing(self, person_id: int) -> tuple[PersonDetails, set[Role], set[str]]:
        person = self.session.get(Person, person_id)
        assert person is not None
        roles = set(
            Role(r)
            for r in self.session.exec(
                select(PersonRole.role).where(
                    PersonRole.person_id == person_id, col(PersonRole.ended_on).is_(None)
                )
            )
        )
        names = set(
            n.casefold()
            for n in self.session.exec(
                select(Condition.name)
                .join(PersonCondition, col(PersonCondition.condition_id) == col(Condition.id))
                .where(PersonCondition.person_id == person_id)
            )
        )
        return PersonDetails.of(person), roles, names

    @staticmethod
    def _adds_nothing(
        op: PersonOp, details: PersonDetails, roles: set[Role], conditions: set[str]
    ) -> bool:
        same = all(getattr(op.details, f) == getattr(details, f) for f in op.fields_set)
        return (
            same
            and set(op.roles) <= roles
            and {c.name.casefold() for c in op.conditions} <= conditions
        )

    def _overlay(self, base: PersonDetails, op: PersonOp) -> PersonDetails:
        """The existing details with every field the file fills (blank cells erase nothing)."""
        merged = replace(base, **{f: getattr(op.details, f) for f in op.fields_set})
        return self.people._validate(merged)


def _describe(op: PersonOp) -> str:
    name = op.display_name if op.details.first_name != _NO_NAME else "(no first name)"
    roles = ", ".join(r.label.lower() for r in op.roles)
    return f"{name} ({roles})" if roles else name
