"""Correcting a person's roles: the dates a role started and ended, or a role given in error
removed with a reason. Each is one transaction (one change set)."""

from __future__ import annotations

from datetime import date

from sqlmodel import col, select

from peerdesk.data.models import PersonRole
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import apply_fields, change_set, remove_row
from peerdesk.services.people.views import RoleView
from peerdesk.vocabulary import Role


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


class RoleCorrections(Service):
    """Edit and remove for roles (the people service has these)."""

    def update_role(
        self,
        role_id: int,
        *,
        started_on: date,
        ended_on: date | None = None,
        cared_for_relationship: str = "",
    ) -> RoleView:
        today = self.today()
        v.not_in_future(started_on, today, "started_on", "the date the role started")
        v.not_in_future(ended_on, today, "ended_on", "the date the role ended")
        v.on_or_after(ended_on, started_on, "ended_on", "A role cannot end before it started.")
        relationship = v.short_text(
            cared_for_relationship, "cared_for_relationship", "the relationship"
        )
        with self.db.session() as reading:
            saved = get_or_raise(reading, PersonRole, role_id, "role")
            label = Role(saved.role).label.lower()
        description = f"Edited the dates of a role ({label} from {_day(started_on)})"
        with change_set(self.db, description=description) as session:
            record = get_or_raise(session, PersonRole, role_id, "role")
            if ended_on is None:
                other = session.exec(
                    select(PersonRole).where(
                        PersonRole.person_id == record.person_id,
                        PersonRole.role == record.role,
                        col(PersonRole.ended_on).is_(None),
                        PersonRole.id != role_id,
                    )
                ).first()
                if other is not None:
                    raise ValidationError(
                        f"They are already a {label} now (since {_day(other.started_on)}): "
                        "give the date this one ended.",
                        "ended_on",
                    )
            apply_fields(
                record,
                {
                    "started_on": started_on,
                    "ended_on": ended_on,
                    "cared_for_relationship": relationship,
                },
            )
            session.flush()
            return RoleView.of(record)

    def remove_role(self, role_id: int, reason: str) -> str:
        """Remove a role given in error (their records under it stay)."""
        return remove_row(
            self.db,
            PersonRole,
            role_id,
            what="role",
            reason=reason,
            describe=lambda r: (
                f"Removed a role ({Role(r.role).label.lower()} from {_day(r.started_on)})"
            ),
        )
