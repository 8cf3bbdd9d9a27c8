"""Recording when a person can usually meet and the ways of meeting that suit them: the same
dialog for someone waiting for a mentor and for a mentor, because Find a mentor… compares the
two."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from peerdesk.services import Services
from peerdesk.ui.widgets.availability_grid import AvailabilityGrid
from peerdesk.ui.widgets.record_dialog import RecordDialog


class AvailabilityDialog(RecordDialog):
    #: The person's id, once what is ticked has been saved.
    availability_saved = Signal(int)

    #: Both of the service's fields are shown under the one grid.
    field_aliases: ClassVar[dict[str, str]] = {"meeting_modes": "availability"}

    def __init__(self, services: Services, person_id: int, parent: QWidget | None = None) -> None:
        person = services.people.get(person_id)
        super().__init__(
            services,
            parent,
            title=f"Availability and ways to meet — {person.display_name}",
            intro=(
                f"When {person.display_name} can usually meet, and how. Find a mentor… looks "
                "for times and ways a mentor and the person waiting share. Leave unknown ones "
                "unticked."
            ),
        )
        self.person_id = person_id
        self.grid = self.rows.add("&Availability", AvailabilityGrid(self), field="availability")
        self.grid.set_value(
            services.people.availability(person_id), services.people.meeting_modes(person_id)
        )
        # Qt sizes a window as if its wrapped intro were one long line, so at the larger
        # text sizes the grid was squeezed until its rows overlapped: ask for the height the
        # dialog needs at its narrowest, which is enough at any width.
        layout = self.layout()
        if layout is not None:
            narrowest = layout.totalMinimumSize().width()
            self.setMinimumHeight(layout.totalHeightForWidth(narrowest))
        # Straight to the grid: recording availability is what the dialog is opened for.
        self.grid.setFocus()

    def write(self) -> None:
        slots, modes = self.grid.value()
        self.services.people.set_availability(self.person_id, slots, modes)
        self.availability_saved.emit(self.person_id)
