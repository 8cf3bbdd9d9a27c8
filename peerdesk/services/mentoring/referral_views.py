"""What a referral looks like to a screen (or a letter, or the importer): the referral as a
frozen view, the steps a coordinator can take next, and the words each status reads as.

The stored statuses are the glossary's (`new`, `assessed`, `accepted`, `not_taken_forward`,
`closed`); coordinators see `STATUS_WORDS`. Which step is allowed from which status is decided
by `referrals.REFERRAL_STEPS` alone: a view's `allowed_actions` is read from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from peerdesk.vocabulary import ReferralStatus

#: How each stored status reads on screen and in letters.
STATUS_WORDS: dict[ReferralStatus, str] = {
    ReferralStatus.NEW: "Received",
    ReferralStatus.ASSESSED: "First conversation held",
    ReferralStatus.ACCEPTED: "Accepted \u2014 waiting for a mentor",
    ReferralStatus.NOT_TAKEN_FORWARD: "Not taken forward",
    ReferralStatus.CLOSED: "Closed",
}


def status_words(status: ReferralStatus | str) -> str:
    return STATUS_WORDS[ReferralStatus(status)]


class ReferralAction(StrEnum):
    """A step a coordinator can take on a referral (one small dialog each)."""

    ASSESS = "assess"
    ACCEPT = "accept"
    NOT_TAKEN_FORWARD = "not_taken_forward"
    CLOSE = "close"
    REOPEN = "reopen"


#: What each step is called on its button, menu item and dialog title.
ACTION_WORDS: dict[ReferralAction, str] = {
    ReferralAction.ASSESS: "First conversation held",
    ReferralAction.ACCEPT: "Accept",
    ReferralAction.NOT_TAKEN_FORWARD: "Not taken forward",
    ReferralAction.CLOSE: "Close",
    ReferralAction.REOPEN: "Reopen",
}


@dataclass(frozen=True)
class ReferralStep:
    """One dated step in a referral's history, in the words the coordinator sees."""

    on: date
    words: str
    detail: str = ""


@dataclass(frozen=True)
class ReferralView:
    """One referral: who referred the person, what they hope for, and where it has got to."""

    id: int
    person_id: int
    referral_date: date
    source: str
    support_as: str
    status: str
    referrer_name: str
    referrer_organisation: str
    referrer_relationship: str
    referrer_contact: str
    person_agreed: bool
    cared_for_condition: str
    cared_for_relationship: str
    other_professionals: str
    risks: str
    support_network: str
    hopes: str
    wants_same_condition: bool
    assessed_on: date | None
    assessment_notes: str
    decided_on: date | None
    not_taken_forward_reason: str
    signposted_to: str
    closed_on: date | None
    close_reason: str
    reopened_on: date | None
    reopen_reason: str
    #: The steps the person's page offers next (from `referrals.REFERRAL_STEPS`).
    allowed_actions: frozenset[ReferralAction]
    #: The project or funding stream it belongs to (None: no project).
    project_id: int | None = None

    @property
    def status_words(self) -> str:
        return status_words(self.status)

    @property
    def is_open(self) -> bool:
        """Still being worked on: received, first conversation held, or accepted."""
        return is_open_status(self.status)

    def allows(self, action: ReferralAction | str) -> bool:
        return ReferralAction(action) in self.allowed_actions

    @property
    def steps(self) -> tuple[ReferralStep, ...]:
        """The dated steps so far, oldest first: what the person's page lists."""
        return referral_steps(self)


def referral_steps(view: ReferralView) -> tuple[ReferralStep, ...]:
    """The dated steps of a referral so far, oldest first (ReferralView.steps). A module
    function rather than the property's body so that mutation testing reaches it."""
    steps = [ReferralStep(view.referral_date, STATUS_WORDS[ReferralStatus.NEW])]
    if view.assessed_on is not None:
        steps.append(
            ReferralStep(
                view.assessed_on,
                STATUS_WORDS[ReferralStatus.ASSESSED],
                view.assessment_notes,
            )
        )
    if view.decided_on is not None:
        # Accepting clears an earlier "not taken forward" reason (the reopening keeps why),
        # so a reason here means the latest decision was not to take it forward.
        if view.not_taken_forward_reason:
            detail = view.not_taken_forward_reason
            if view.signposted_to:
                detail += f" (signposted to {view.signposted_to})"
            steps.append(ReferralStep(view.decided_on, "Not taken forward", detail))
        else:
            steps.append(ReferralStep(view.decided_on, "Accepted"))
    if view.closed_on is not None:
        steps.append(
            ReferralStep(
                view.closed_on, "Closed", view.close_reason or "Support ended (no new pairing)"
            )
        )
    if view.reopened_on is not None:
        steps.append(ReferralStep(view.reopened_on, "Reopened", view.reopen_reason))
    steps.sort(key=lambda step: step.on)
    return tuple(steps)


def is_open_status(status: ReferralStatus | str) -> bool:
    """Received, first conversation held, or accepted (ReferralView.is_open)."""
    return ReferralStatus(status) in OPEN_REFERRAL_STATUSES


#: A referral in one of these is open: the person cannot have a second one at the same time.
OPEN_REFERRAL_STATUSES = frozenset(
    {ReferralStatus.NEW, ReferralStatus.ASSESSED, ReferralStatus.ACCEPTED}
)
