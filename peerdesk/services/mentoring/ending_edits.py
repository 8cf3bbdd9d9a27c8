"""Putting right how a pairing ended (issue 20): the reason, as planned or early, whether a
new pairing is wanted, the note, and the end date, with the same checks as ending it.

`PairingService` is built with this (as with `PairingRemoval`); one edit is one change set.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import col, select

from peerdesk.data.models import Pairing, PairingStatusChange
from peerdesk.errors import ValidationError
from peerdesk.services import validation as v
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.corrections import apply_fields, change_set
from peerdesk.services.mentoring.ending import Ending, cancel_planned_after
from peerdesk.services.mentoring.rows import PairingView
from peerdesk.vocabulary import ClosureReason, PairingStatus


def ending_values(ending: Ending) -> dict[str, Any]:
    """An ending's answers, checked: the one set of checks for ending and editing an ending."""
    return {
        "reason": v.one_of(ending.reason, ClosureReason, "closure_reason", "a reason for ending"),
        "ended_as_planned": bool(ending.ended_as_planned),
        "wants_new_pairing": bool(ending.wants_new_pairing),
        "note": v.long_text(ending.note, "closure_note", "the note"),
    }


class EndingEdits(Service):
    def update_ending(
        self, pairing_id: int, ending: Ending, on: date, *, cancel_planned: bool = False
    ) -> PairingView:
        """Save a corrected ending over an ended pairing's. The end date may not be in the
        future, before the last session that took place, nor before the change of status
        before the ending; sessions planned after an earlier end date are refused unless
        `cancel_planned` (as when ending). Saying no new pairing is wanted now closes an open
        referral, as ending does; the other way round, a closed referral stays closed (the
        coordinator reopens it with a reason)."""
        # pairings.py builds PairingService from this module: its helpers are read when used.
        from peerdesk.services.mentoring import pairings

        values = ending_values(ending)
        v.not_in_future(on, self.today(), "changed_on", "the end date")
        with self.db.session() as reading:
            found = get_or_raise(reading, Pairing, pairing_id, "pairing")
            description = f"Edited the ending of pairing {found.reference}"
        with change_set(self.db, description=description) as session:
            pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
            if pairing.status != PairingStatus.ENDED.value:
                raise ValidationError(
                    "Only an ended pairing's ending can be edited: this pairing has not ended.",
                    "status",
                )
            changes = session.exec(
                select(PairingStatusChange)
                .where(PairingStatusChange.pairing_id == pairing_id)
                .order_by(col(PairingStatusChange.changed_on), col(PairingStatusChange.id))
            ).all()
            ended, before = changes[-1], changes[:-1]
            if before and on < before[-1].changed_on:
                raise ValidationError(
                    f"The end date is before the pairing's last change before it ended "
                    f"({before[-1].changed_on:%d %B %Y}).",
                    "changed_on",
                )
            pairings._check_end_date(session, pairing, on)
            cancel_planned_after(session, pairing_id, on, confirmed=cancel_planned)
            if pairing.wants_new_pairing and not values["wants_new_pairing"]:
                pairings._close_open_referrals(session, pairing.mentee_id, on)
            apply_fields(
                pairing,
                {
                    "end_date": on,
                    "closure_reason": values["reason"].value,
                    "ended_as_planned": values["ended_as_planned"],
                    "wants_new_pairing": values["wants_new_pairing"],
                    "closure_note": values["note"],
                },
            )
            session.add(pairing)
            apply_fields(ended, {"changed_on": on})
            session.add(ended)
        return self.get(pairing_id)

    def get(self, pairing_id: int) -> PairingView:
        raise NotImplementedError  # PairingService's
