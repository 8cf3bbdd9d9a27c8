"""What every screen is: a widget built from services and settings, refreshed when shown."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.services import Services
from peerdesk.ui.widgets.headings import Heading


class Screen(QWidget):
    """A main-window screen. It asks for other records by emitting `record_requested`
    ("person", 12); the main window routes that to the screen whose `show_record` takes it.
    Record kinds: "person", "pairing", "session", "group", "meeting", "concern"."""

    record_requested = Signal(str, int)

    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__()
        self.services = services
        self.settings = settings

    def refresh(self) -> None:
        """Reload what the screen shows; called each time it is shown."""

    def show_record(self, kind: str, record_id: int) -> bool:
        """Show the record if this screen is where it lives; return whether it did."""
        return False

    # The main window's File menu asks the current screen first; False means "not here".
    def new_record(self) -> bool:
        """File ▸ New: start adding this screen's kind of record."""
        return False

    def focus_search(self) -> bool:
        """Edit ▸ Find: put the keyboard in this screen's search box."""
        return False

    def print_record(self) -> bool:
        """File ▸ Print: offer the forms for the record shown."""
        return False


class PlaceholderScreen(Screen):
    """An honest screen for work still to come: says what will be here."""

    title = ""
    promise = ""

    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__(services, settings)
        layout = QVBoxLayout(self)
        heading = Heading()
        heading.show_title(self.title)
        body = QLabel(self.promise)
        body.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
