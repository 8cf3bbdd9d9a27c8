"""A volunteer's page: their expense claims (read only; claims are entered, approved and paid
on the Expenses screen, where the treasurer's totals are)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from peerdesk.services import Services
from peerdesk.services.expenses.views import pounds
from peerdesk.services.people.views import PersonView
from peerdesk.ui.people.section import Section
from peerdesk.ui.widgets import EmptyState, RecordTable
from peerdesk.ui.widgets.words import table_day


class ClaimsSection(Section):
    def __init__(self, services: Services) -> None:
        super().__init__("Expense claims")
        self.services = services
        self.empty = EmptyState()
        self.note = QLabel("Claims are entered, approved and paid on the Expenses screen (Ctrl+8).")
        self.note.setWordWrap(True)
        self.table = RecordTable(
            ("Submitted", "Status", "Total", "Paid on", "Project"), "Expense claims"
        )
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        for position, widget in enumerate((self.empty, self.table, self.totals, self.note), 1):
            self.column.insertWidget(position, widget)

    def show_person(self, person: PersonView) -> None:
        claims = self.services.expenses.claims(person_id=person.id)
        self.table.set_rows(
            [
                (
                    claim.id,
                    (
                        table_day(claim.submitted_on),
                        claim.status_label,
                        pounds(claim.total_pence),
                        table_day(claim.paid_on) if claim.paid_on else "",
                        claim.project_name,
                    ),
                )
                for claim in claims
            ]
        )
        self.table.setVisible(bool(claims))
        self.empty.say("" if claims else "No expense claims.")
        self.empty.setVisible(not claims)
        paid = sum(c.total_pence for c in claims if c.paid_on is not None)
        waiting = sum(c.total_pence for c in claims if c.paid_on is None)
        self.totals.setText(
            f"Paid {pounds(paid)}; waiting to be paid {pounds(waiting)}." if claims else ""
        )
        self.totals.setVisible(bool(claims))
