"""One small dialog per referral step: the first conversation (date and notes), accepting
(date), not taking it forward (date, the reason, where they were signposted), closing (date
and reason) and reopening (back to which step, date and reason). Each makes one service call;
a refusal is shown under the input it concerns, or at the top when it is about the referral
as a whole ("This referral has already been accepted")."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from peerdesk.services import Services
from peerdesk.services.mentoring.views import (
    ACTION_WORDS,
    ReferralAction,
    ReferralView,
    status_words,
)
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import text_area
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.words import day
from peerdesk.vocabulary import ReferralStatus

#: The few words at the top of each step's dialog.
INTROS: dict[ReferralAction, str] = {
    ReferralAction.ASSESS: "When was the first conversation, and what did you learn? "
    "Keep notes short and factual: the person may ask to see their record.",
    ReferralAction.ACCEPT: "Accepted: they will wait for a mentor, and appear under "
    "Pairings \u25b8 Waiting for a mentor.",
    ReferralAction.NOT_TAKEN_FORWARD: "Say why the referral is not taken forward, and where "
    "you pointed them instead. The reason is needed.",
    ReferralAction.CLOSE: "Closing ends the referral: they leave the waiting list. Say why.",
    ReferralAction.REOPEN: "Reopen the referral where it should pick up again, and say why.",
}
#: Where a reopened referral may go back to.
REOPEN_TARGETS = (ReferralStatus.ACCEPTED, ReferralStatus.ASSESSED)


class ReferralStepDialog(RecordDialog):
    """`ReferralStepDialog(services, referral, ReferralAction.CLOSE)`: ask for what the step
    needs, then take it. `saved` holds the referral afterwards."""

    field_aliases: ClassVar[dict[str, str]] = {
        # A step that is not possible from here concerns the referral, not one input.
        "status": "",
        "not_taken_forward_reason": "reason",
        "close_reason": "reason",
        "reopen_reason": "reason",
    }

    def __init__(
        self,
        services: Services,
        referral: ReferralView,
        action: ReferralAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            services,
            parent,
            title=f"{ACTION_WORDS[action]} \u2014 referral of {day(referral.referral_date)}",
            intro=INTROS[action],
        )
        self.referral = referral
        self.action = action
        self.saved: ReferralView | None = None
        rows = self.rows
        self.back_to = QComboBox()
        for status in REOPEN_TARGETS:
            self.back_to.addItem(status_words(status), status.value)
        rows.add("Back &to", self.back_to, field="reopen_to")
        today = services.today
        self.on = rows.add("&Date", DateBox(today(), today=today), field="on")
        self.notes = rows.add("&Notes", text_area(4), field="assessment_notes")
        self.reason = rows.add("&Reason (needed)", QLineEdit(), field="reason")
        self.signposted_to = rows.add(
            "&Signposted to",
            QLineEdit(),
            field="signposted_to",
            tip="Another service or group you suggested, if any.",
        )
        rows.set_visible("reopen_to", action is ReferralAction.REOPEN)
        rows.set_visible("assessment_notes", action is ReferralAction.ASSESS)
        rows.set_visible(
            "reason",
            action
            in (ReferralAction.NOT_TAKEN_FORWARD, ReferralAction.CLOSE, ReferralAction.REOPEN),
        )
        rows.set_visible("signposted_to", action is ReferralAction.NOT_TAKEN_FORWARD)
        (self.back_to if action is ReferralAction.REOPEN else self.on).setFocus()

    def write(self) -> None:
        referrals = self.services.referrals
        referral_id = self.referral.id
        on = self.on.day()
        if self.action is ReferralAction.ASSESS:
            self.saved = referrals.assess(referral_id, on=on, notes=self.notes.toPlainText())
        elif self.action is ReferralAction.ACCEPT:
            self.saved = referrals.accept(referral_id, on=on)
        elif self.action is ReferralAction.NOT_TAKEN_FORWARD:
            self.saved = referrals.not_taken_forward(
                referral_id, self.reason.text(), on=on, signposted_to=self.signposted_to.text()
            )
        elif self.action is ReferralAction.CLOSE:
            self.saved = referrals.close(referral_id, self.reason.text(), on=on)
        else:
            target = str(self.back_to.currentData())
            self.saved = referrals.reopen(referral_id, target, self.reason.text(), on=on)
