"""Correcting a role's dates (opened on a saved role from the person's Roles section)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from peerdesk.services import Services
from peerdesk.services.people.views import RoleView
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.vocabulary import Role


class RoleDialog(RecordDialog):
    """A role's start and end dates (and, for a carer, who they care for). Roles are added
    and ended from the section itself; this dialog puts a wrong date right."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent, title="Role")
        today = services.today
        self.started_on = self.rows.add(
            "&Started on", DateBox(today(), today=today), field="started_on"
        )
        self.ended_on = self.rows.add(
            "&Ended on",
            DateBox(optional=True, today=today),
            field="ended_on",
            help_text="Empty while they still hold the role.",
        )
        self.relationship = self.rows.add("&Cares for", QLineEdit(), field="cared_for_relationship")

    def load(self, view: RoleView) -> None:
        self.started_on.set_value(view.started_on)
        self.ended_on.set_value(view.ended_on)
        self.relationship.setText(view.cared_for_relationship)
        carer = view.role == Role.CARER.value
        self.relationship.setVisible(carer)
        self.rows.labels["cared_for_relationship"].setVisible(carer)

    def update_record(self, record_id: int) -> None:
        self.services.people.update_role(
            record_id,
            started_on=self.started_on.day(),
            ended_on=self.ended_on.value(),
            cared_for_relationship=self.relationship.text(),
        )
