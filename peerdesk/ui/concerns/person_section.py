"""A person's page: the concerns about them or their pairings, open first. Enter opens one on
the Concerns screen, where it is referred, followed up and closed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel

from peerdesk.services import Services
from peerdesk.services.people.views import PersonView
from peerdesk.ui.people.section import Section
from peerdesk.ui.widgets import EmptyState, RecordTable
from peerdesk.ui.widgets.words import table_day


class ConcernsSection(Section):
    record_requested = Signal(str, int)

    def __init__(self, services: Services) -> None:
        super().__init__("Concerns")
        self.services = services
        self.empty = EmptyState()
        self.table = RecordTable(("Raised", "Level", "Category", "About", "Status"), "Concerns")
        self.table.record_activated.connect(lambda i: self.record_requested.emit("concern", i))
        self.note = QLabel(
            "Enter opens a concern on the Concerns screen (Ctrl+9), to refer it, follow it up "
            "or close it."
        )
        self.note.setWordWrap(True)
        for position, widget in enumerate((self.empty, self.table, self.note), 1):
            self.column.insertWidget(position, widget)

    def show_person(self, person: PersonView) -> None:
        concerns = self.services.concerns.for_person(person.id)
        self.table.set_rows(
            [
                (
                    c.id,
                    (
                        table_day(c.raised_on),
                        c.level_label,
                        c.category,
                        c.about,
                        "Open" if c.is_open else f"Closed {table_day(c.closed_on)}",
                    ),
                )
                for c in concerns
            ]
        )
        self.table.setVisible(bool(concerns))
        self.note.setVisible(bool(concerns))
        self.empty.say("" if concerns else "No concerns raised about them.")
        self.empty.setVisible(not concerns)
