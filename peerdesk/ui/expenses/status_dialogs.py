"""Moving a claim on: approving it (on a date), then marking it paid (on a date, and how).
Each is one service call; the service refuses a step out of order in plain words."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from peerdesk.services import Services
from peerdesk.services.expenses.views import PAID_HOW_CHOICES, ClaimView, pounds
from peerdesk.ui.widgets import DateBox
from peerdesk.ui.widgets.record_dialog import RecordDialog


def _about(claim: ClaimView) -> str:
    return (
        f"Claim {claim.id} by {claim.person_name}, submitted "
        f"{claim.submitted_on.day} {claim.submitted_on:%B %Y}: {pounds(claim.total_pence)}."
    )


class ApproveDialog(RecordDialog):
    def __init__(self, services: Services, claim: ClaimView, parent: QWidget | None = None):
        super().__init__(
            services,
            parent,
            title=f"Approve claim {claim.id}",
            intro=_about(claim) + " Once approved, its miles count towards the volunteer's "
            "10,000 miles at the full rate this tax year, so their later claims not yet paid "
            "are worked out again.",
            accept_text="&Approve",
        )
        self.claim = claim
        self.on = self.rows.add(
            "&Date approved", DateBox(services.today(), today=services.today), field="approved_on"
        )

    def write(self) -> None:
        self.services.expenses.approve(self.claim.id, self.on.day())


class PaidDialog(RecordDialog):
    def __init__(self, services: Services, claim: ClaimView, parent: QWidget | None = None):
        super().__init__(
            services,
            parent,
            title=f"Mark claim {claim.id} paid",
            intro=_about(claim) + " A paid claim is never changed again (a later change of "
            "mileage rate leaves it as paid).",
            accept_text="Mark &paid",
        )
        self.claim = claim
        self.on = self.rows.add(
            "&Date paid", DateBox(services.today(), today=services.today), field="paid_on"
        )
        self.how = QComboBox()
        self.how.setEditable(True)
        self.how.addItems(PAID_HOW_CHOICES)
        self.rows.add("&How it was paid", self.how, field="paid_how")

    def write(self) -> None:
        self.services.expenses.mark_paid(self.claim.id, self.on.day(), self.how.currentText())
