"""The steps on a concern: its referral outside, a follow-up action, and closing it."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from peerdesk.services import Services
from peerdesk.services.concerns.views import ConcernActionView, ConcernRecord
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import text_area
from peerdesk.ui.widgets.record_dialog import RecordDialog


class ReferDialog(RecordDialog):
    """Who the concern was referred to outside (the local authority, a GP, the police), when,
    and their reference."""

    def __init__(
        self, services: Services, concern: ConcernRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            services,
            parent,
            title="Record a referral",
            intro="Who the concern was passed to outside the organisation. Leave "
            "'Referred to' blank to take a referral off.",
        )
        self.concern = concern
        today = services.today
        self.to = self.rows.add("Referred &to", QLineEdit(concern.referred_to), field="referred_to")
        self.to.setPlaceholderText("Adult social care, the GP, the police…")
        self.on = self.rows.add(
            "&On", DateBox(concern.referred_on or today(), today=today), field="referred_on"
        )
        self.reference = self.rows.add(
            "Their re&ference", QLineEdit(concern.referral_reference), field="referral_reference"
        )

    def write(self) -> None:
        self.services.concerns.refer(
            self.concern.id,
            referred_to=self.to.text(),
            referred_on=self.on.day(),
            reference=self.reference.text(),
        )


class ActionDialog(RecordDialog):
    """A follow-up action: new (`action` None) or changed, with when it is due and done."""

    def __init__(
        self,
        services: Services,
        concern: ConcernRecord,
        parent: QWidget | None = None,
        *,
        action: ConcernActionView | None = None,
    ) -> None:
        super().__init__(
            services, parent, title="Change an action" if action else "Add a follow-up action"
        )
        self.concern, self.action = concern, action
        today = services.today
        self.text = self.rows.add("&What is to be done", text_area(2), field="action")
        self.due = self.rows.add(
            "&Due on",
            DateBox(action.due_on if action else None, today=today, optional=True),
            field="due_on",
        )
        self.done_on = self.rows.add(
            "D&one on",
            DateBox(action.done_on if action else None, today=today, optional=True),
            field="done_on",
        )
        self.rows.set_visible("done_on", action is not None)
        if action is not None:
            self.text.setPlainText(action.action)

    def write(self) -> None:
        if self.action is None:
            self.services.concerns.add_action(
                self.concern.id, self.text.toPlainText(), self.due.value()
            )
        else:
            self.services.concerns.update_action(
                self.action.id,
                action=self.text.toPlainText(),
                due_on=self.due.value(),
                done_on=self.done_on.value(),
            )


class CloseDialog(RecordDialog):
    """Close a concern with its outcome."""

    def __init__(
        self, services: Services, concern: ConcernRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            services,
            parent,
            title="Close the concern",
            intro="Say how it ended: what was done and where things stand.",
            accept_text="&Close concern",
        )
        self.concern = concern
        today = services.today
        self.outcome = self.rows.add("O&utcome", text_area(3), field="outcome")
        self.outcome.setPlainText(concern.outcome)
        self.on = self.rows.add("Closed o&n", DateBox(today(), today=today), field="closed_on")

    def write(self) -> None:
        self.services.concerns.close(
            self.concern.id, on=self.on.day(), outcome=self.outcome.toPlainText()
        )
