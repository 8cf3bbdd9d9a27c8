"""The person page's History: every change to their records (their details, roles,
consents, training, supervision, pairings and what belongs to them), newest first."""

from __future__ import annotations

from peerdesk.services import Services
from peerdesk.services.people.views import PersonView
from peerdesk.ui.people.section import Section
from peerdesk.ui.widgets.history_table import HistoryTable


class HistorySection(Section):
    def __init__(self, services: Services) -> None:
        super().__init__("History")
        self.services = services
        self.history = HistoryTable("History")
        self.column.insertWidget(1, self.history)

    def show_person(self, person: PersonView) -> None:
        self.history.show_changes(self.services.history.for_person(person.id))
