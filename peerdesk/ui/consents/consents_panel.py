"""A person's consents, newest first (the person page embeds this panel)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from peerdesk.services import Services
from peerdesk.vocabulary import ConsentKind


class ConsentsPanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.person_id: int | None = None
        layout = QVBoxLayout(self)
        self.empty = QLabel("No consents recorded yet.")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Consents")
        layout.addWidget(self.empty)
        layout.addWidget(self.list)

    def show_person(self, person_id: int) -> None:
        self.person_id = person_id
        self.list.clear()
        consents = self.services.consents.for_person(person_id)
        for consent in consents:
            state = "agreed" if consent.agreed else "declined"
            if consent.withdrawn_on:
                state = f"withdrawn {consent.withdrawn_on:%d %b %Y}"
            self.list.addItem(
                f"{ConsentKind(consent.kind).label}: {state} (given {consent.given_on:%d %b %Y})"
            )
        self.empty.setVisible(not consents)
        self.list.setVisible(bool(consents))
