"""A "Raise a concern…" button for a page (a person's, a pairing's, a group's, Today): the
concern dialog opens with the page's subject already chosen. One line in each page adds it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from peerdesk.services import Services
from peerdesk.ui.concerns.concern_dialog import ConcernDialog, Subject


class RaiseConcernButton(QPushButton):
    """Opens the concern dialog about `subject()` (None: nothing chosen yet); `dialog` is the
    one open (for tests); `after` runs once a concern is saved (the page shows it)."""

    def __init__(
        self,
        services: Services,
        subject: Callable[[], Subject | None],
        parent: QWidget | None = None,
        *,
        text: str = "Raise a &concern…",
        after: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.services = services
        self.subject = subject
        self.dialog: ConcernDialog | None = None
        self.after = after
        self.setAccessibleName("Raise a concern")
        self.clicked.connect(self.open_dialog)

    def open_dialog(self) -> ConcernDialog:
        self.dialog = ConcernDialog(self.services, self.window(), subject=self.subject())
        if self.after is not None:
            after = self.after
            self.dialog.concern_saved.connect(lambda _id: after())
        self.dialog.open()
        return self.dialog
